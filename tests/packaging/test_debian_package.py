"""The .deb layout, checked on a stand-in bundle in a second (the real one is built, installed,
self-tested and removed by .ci/run)."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "packaging"))

import debian_package  # noqa: E402

pytestmark = pytest.mark.skipif(shutil.which("dpkg-deb") is None, reason="needs dpkg-deb")


def fake_bundle(dist: Path) -> None:
    app = dist / "neuroflash-desktop"
    (app / "_internal").mkdir(parents=True)
    exe = app / "neuroflash-desktop"
    exe.write_text("#!/bin/sh\necho hello\n")
    exe.chmod(0o755)
    (app / "_internal" / "lib.so").write_bytes(b"\0" * 10)
    (app / "install.sh").write_text("#!/bin/sh\n")
    apps = app / "share" / "applications"
    apps.mkdir(parents=True)
    (apps / "neuroflash-desktop.desktop").write_text("[Desktop Entry]\nExec=neuroflash-desktop\n")
    icons = app / "share" / "icons" / "hicolor" / "48x48" / "apps"
    icons.mkdir(parents=True)
    (icons / "neuroflash-desktop.png").write_bytes(b"png")


def test_the_deb_puts_the_bundle_in_opt_a_launcher_on_path_and_depends_on_qt_libs(tmp_path):
    dist = tmp_path / "dist"
    fake_bundle(dist)
    package = debian_package.build_deb(
        dist, "neuroflash-desktop", "neuroflash Desktop", "1.2.3", tmp_path / "work"
    )
    assert package is not None and package.name.startswith("neuroflash-desktop_1.2.3_")
    listing = subprocess.run(
        ["dpkg-deb", "-c", str(package)], capture_output=True, text=True, check=True
    ).stdout
    assert "./opt/neuroflash-desktop/neuroflash-desktop" in listing
    assert "./opt/neuroflash-desktop/_internal/lib.so" in listing
    assert "install.sh" not in listing  # the tarball's per-user installer has no place here
    assert "-rwxr-xr-x root/root" in next(
        line for line in listing.splitlines() if line.endswith("./usr/bin/neuroflash-desktop")
    )
    assert "./usr/share/applications/neuroflash-desktop.desktop" in listing
    assert "./usr/share/icons/hicolor/48x48/apps/neuroflash-desktop.png" in listing
    fields = subprocess.run(
        ["dpkg-deb", "-f", str(package)], capture_output=True, text=True, check=True
    ).stdout
    assert "Package: neuroflash-desktop" in fields and "Version: 1.2.3" in fields
    for library in ("libegl1", "libxkbcommon-x11-0", "libxcb-cursor0", "libfontconfig1"):
        assert library in fields
