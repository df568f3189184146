#!/usr/bin/env python3
"""All set-up in one command each, on a fresh machine with nothing but Python >= 3.11.

    python3 dev.py demo     start the app in demo mode against the built-in server
    python3 dev.py test     run the whole test suite (ruff lint and format check, the layer
                            contracts, the mypy type check, pytest)
    python3 dev.py build    bundle the app with PyInstaller into dist/ (packaging/*.spec)

It installs a pinned uv into .tools/ when needed, then syncs .venv exactly to uv.lock
(build also syncs the `packaging` dependency group, which holds PyInstaller).
Arguments after the command are passed on (to the app or to pytest).
"""

from __future__ import annotations

import os
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
TOOLS = ROOT / ".tools"
UV_VERSION = "0.13.9"
SCRIPTS = "Scripts" if os.name == "nt" else "bin"
EXE = ".exe" if os.name == "nt" else ""
SPEC = str(Path("packaging") / "neuroflash-desktop.spec")


def ensure_uv() -> Path:
    """Return a uv of the pinned version, installing it into .tools/ the first time."""
    uv = TOOLS / SCRIPTS / f"uv{EXE}"
    if uv.exists():
        return uv
    if sys.version_info < (3, 11):  # noqa: UP036 - dev.py may be run by an older python3
        sys.exit("neuroflash Desktop needs Python 3.11 or newer.")
    print(f"Installing uv {UV_VERSION} into {TOOLS} (once) ...", flush=True)
    venv.create(TOOLS, with_pip=True, clear=True)
    pip = [str(TOOLS / SCRIPTS / f"python{EXE}"), "-m", "pip", "install", "--quiet"]
    subprocess.run([*pip, f"uv=={UV_VERSION}"], check=True)
    return uv


def run(uv: Path, *args: str) -> int:
    env = dict(os.environ, UV_PYTHON=sys.executable, UV_PYTHON_DOWNLOADS="never")
    return subprocess.run([str(uv), *args], cwd=ROOT, env=env).returncode


def main(argv: list[str]) -> int:
    if not argv or argv[0] not in {"demo", "test", "build"}:
        print(__doc__)
        return 2
    command, rest = argv[0], argv[1:]
    uv = ensure_uv()
    groups = ["--group", "packaging"] if command == "build" else []
    if code := run(uv, "sync", "--locked", "--quiet", *groups):
        return code
    if command == "build":
        return run(
            uv,
            "run",
            "--locked",
            *groups,
            "pyinstaller",
            "--noconfirm",
            "--clean",
            "--distpath",
            "dist",
            "--workpath",
            "build",
            SPEC,
            *rest,
        )
    if command == "demo":
        return run(uv, "run", "--locked", "neuroflash-desktop", "--demo", *rest)
    checks = (
        ["ruff", "check", "."],
        ["ruff", "format", "--check", "."],
        ["lint-imports"],
        ["mypy"],  # the files and settings are in pyproject.toml's [tool.mypy]
    )
    for check in checks:
        if code := run(uv, "run", "--locked", *check):
            return code
    return run(uv, "run", "--locked", "python", "-m", "pytest", *rest)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
