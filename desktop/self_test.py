"""``neuroflash-desktop --self-test``: prove a build carries everything the app loads at run time.

A frozen bundle can start and still miss what is only found at run time: Qt's image-format
plugins, keyring's entry-point backends, uvicorn's dynamically imported loop and protocol
modules, the CA bundle. Each check here touches one of those the same way the app does and
prints one line; the last line is the verdict and the exit code is 0 only when all passed.
It runs offscreen (no display needed) and uses only QtCore/QtGui, so CI can run it on the bundle.
"""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Callable

REQUIRED_IMAGE_FORMATS = ("jpeg", "png", "webp")
NATIVE_KEYRING = {"win32": "Windows", "darwin": "macOS"}  # Linux: SecretService


class CheckFailed(Exception):
    """A check ran but found something missing; its message is the line to print."""


def check_version() -> str:
    from desktop import __version__

    frozen = "frozen" if getattr(sys, "frozen", False) else "from source"
    return f"{__version__} ({frozen}, Python {sys.version.split()[0]}, {sys.platform})"


def check_qt() -> str:
    from PySide6 import __version__ as pyside_version
    from PySide6.QtCore import qVersion
    from PySide6.QtGui import QGuiApplication

    return f"{qVersion()} (PySide6 {pyside_version}, platform {QGuiApplication.platformName()})"


def check_keyring() -> str:
    """keyring finds even its own backends through entry points, so a bundle without its
    metadata silently falls back to the fail backend: check the entry points and the
    platform's native backend module, then name the backend keyring would actually use."""
    from importlib import import_module
    from importlib.metadata import entry_points

    import keyring

    backends = {ep.name: ep for ep in entry_points(group="keyring.backends")}
    native = NATIVE_KEYRING.get(sys.platform, "SecretService")
    if native not in backends:
        raise CheckFailed(f"no '{native}' keyring entry point (found: {sorted(backends)})")
    import_module(backends[native].value)
    active = keyring.get_keyring()
    name = f"{type(active).__module__}.{type(active).__name__}"
    return f"{name} (entry points: {', '.join(sorted(backends))})"


def check_image_formats() -> str:
    from PySide6.QtGui import QImageReader

    formats = sorted({bytes(f.data()).decode() for f in QImageReader.supportedImageFormats()})
    missing = [f for f in REQUIRED_IMAGE_FORMATS if f not in formats]
    if missing:
        raise CheckFailed(f"missing {', '.join(missing)} (have: {', '.join(formats)})")
    return ", ".join(formats)


def check_trust_store() -> str:
    """The context the API client uses, plus the certifi bundle it falls back to."""
    import ssl

    import certifi

    from desktop.api.transport import build_ssl_context

    context = build_ssl_context()
    if context.verify_mode != ssl.CERT_REQUIRED or not context.check_hostname:
        raise CheckFailed("TLS verification is not enforced")
    fallback = ssl.create_default_context(cafile=certifi.where())
    cas = fallback.cert_store_stats()["x509_ca"]
    if cas == 0:
        raise CheckFailed(f"certifi bundle {certifi.where()} holds no CA")
    source = "truststore (the system's)" if "truststore" in type(context).__module__ else "certifi"
    return f"{source}, certifi fallback ({cas} CAs)"


def check_demo_round_trip() -> str:
    """Built-in server in-process, sign in, generate one image, download it, decode it."""
    from PySide6.QtGui import QImage

    from desktop.api import ApiSettings, Credentials, GenerationRequest, NeuroflashClient
    from desktop.emulator import DEMO_CLIENT_ID, DEMO_CLIENT_SECRET, EmulatorConfig, start_server

    started = time.monotonic()
    with start_server(EmulatorConfig(), host="127.0.0.1", port=0) as server:
        settings = ApiSettings(base_url=server.api_url, token_url=server.token_url, direct=True)
        with NeuroflashClient(Credentials(DEMO_CLIENT_ID, DEMO_CLIENT_SECRET), settings) as client:
            client.sign_in()
            for workspace in client.workspaces():
                models = [
                    m
                    for m in client.models(workspace.id)
                    if m.allowed and "text2image" in m.capabilities
                ]
                if not models:
                    continue
                result = client.generate(
                    workspace.id, GenerationRequest("self-test", models[0].id, 1)
                )
                data = client.download_image(workspace.id, result.images[0].url)
                image = QImage.fromData(data.content)
                if image.isNull():
                    raise CheckFailed(f"downloaded {data.content_type} does not decode")
                elapsed = time.monotonic() - started
                return (
                    f"ok ({models[0].id}, {data.content_type} "
                    f"{image.width()}x{image.height()}, {elapsed:.1f} s)"
                )
    raise CheckFailed("no demo workspace offers image generation")


CHECKS: tuple[tuple[str, Callable[[], str]], ...] = (
    ("version", check_version),
    ("qt", check_qt),
    ("keyring", check_keyring),
    ("image formats", check_image_formats),
    ("trust store", check_trust_store),
    ("demo round trip", check_demo_round_trip),
)


def run_self_test() -> int:
    """Print one line per check and a verdict; 0 only when every check passed."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QGuiApplication

    _app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    failed = []
    for name, check in CHECKS:
        try:
            print(f"{name}: {check()}", flush=True)
        except Exception as exc:  # any failure is reported, and the run goes on
            failed.append(name)
            print(f"{name}: FAILED {type(exc).__name__}: {exc}", flush=True)
    print(f"self-test: {'FAILED ' + ', '.join(failed) if failed else 'ok'}", flush=True)
    return 1 if failed else 0
