"""The Linux desktop's proxy setting (GNOME's Network → Proxy, read with ``gsettings``).

Windows and macOS hand their system proxy to Python (urllib.request.getproxies), so requests
uses it already; on Linux only the environment variables are read, and a desktop session does
not set them from the proxy panel. Called where sessions are made, on worker threads, and only
when neither Settings nor the environment name a proxy. "Automatic" (PAC) is not evaluated.
"""

from __future__ import annotations

import ast
import os
import shutil
import subprocess
import sys

from desktop.api.models import ProxySettings

SCHEMA = "org.gnome.system.proxy"
GSETTINGS_TIMEOUT_S = 2.0
_ENV_NAMES = ("https_proxy", "http_proxy", "all_proxy")


def environment_names_a_proxy() -> bool:
    return any(os.environ.get(n) or os.environ.get(n.upper()) for n in _ENV_NAMES)


def _value(text: str) -> object:
    """A GVariant text value as Python: 'manual', 8080, ['a', 'b'], @as [] ..."""
    text = text.strip()
    if text.startswith("@"):
        text = text.split(" ", 1)[1] if " " in text else ""
    if text.startswith("uint32 "):
        text = text[len("uint32 ") :]
    try:
        return ast.literal_eval(text)
    except (ValueError, SyntaxError):
        return text


def read_gnome_settings() -> dict[str, object]:
    """{"<sub-schema>.<key>": value} from one ``gsettings list-recursively`` call; {} when
    there is no gsettings or it fails."""
    tool = shutil.which("gsettings")
    if tool is None:
        return {}
    try:
        done = subprocess.run(
            [tool, "list-recursively", SCHEMA],
            capture_output=True,
            text=True,
            timeout=GSETTINGS_TIMEOUT_S,
            check=False,
        )
    except (OSError, subprocess.SubprocessError):
        return {}
    if done.returncode != 0:
        return {}
    values: dict[str, object] = {}
    for line in done.stdout.splitlines():
        parts = line.split(" ", 2)
        if len(parts) == 3 and parts[0].startswith(SCHEMA):
            section = parts[0][len(SCHEMA) :].lstrip(".")
            values[f"{section}.{parts[1]}" if section else parts[1]] = _value(parts[2])
    return values


def desktop_proxy() -> ProxySettings | None:
    """The GNOME proxy when it is set to "Manual" (HTTPS entry, else HTTP); else None."""
    if not sys.platform.startswith("linux"):
        return None
    values = read_gnome_settings()
    if values.get("mode") != "manual":
        return None
    for section in ("https", "http"):
        host, port = values.get(f"{section}.host"), values.get(f"{section}.port")
        if isinstance(host, str) and host and isinstance(port, int) and port > 0:
            ignore = values.get("ignore-hosts")
            hosts = [h for h in ignore if isinstance(h, str)] if isinstance(ignore, list) else []
            return ProxySettings(f"http://{host}:{port}", bypass=",".join(hosts))
    return None
