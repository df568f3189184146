"""`neuroflash-desktop --self-test` from source: the same command CI runs on the frozen bundle,
so a check that is broken in itself shows up here before it can hide a broken build."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from desktop import __version__

ROOT = Path(__file__).resolve().parents[2]
LINES = ("version", "qt", "keyring", "image formats", "trust store", "demo round trip")


def test_self_test_passes_offscreen_and_reports_every_check() -> None:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    done = subprocess.run(
        [sys.executable, "-m", "desktop", "--self-test"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=90,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    lines = dict(line.split(": ", 1) for line in done.stdout.splitlines() if ": " in line)
    assert [name for name in LINES if name not in lines] == []
    assert lines["version"].startswith(f"{__version__} (from source")
    assert lines["qt"].startswith("6.")
    for fmt in ("jpeg", "png", "webp"):
        assert fmt in lines["image formats"].split(", ")
    assert lines["demo round trip"].startswith("ok")
    assert lines["self-test"] == "ok"
    assert "FAILED" not in done.stdout
