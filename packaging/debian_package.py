"""The Debian/Ubuntu package around the Linux one-dir build, made with dpkg-deb (no downloads).

    /opt/neuroflash-desktop/                 the PyInstaller bundle, unchanged
    /usr/bin/neuroflash-desktop              a launcher on PATH
    /usr/share/applications/*.desktop        the menu entry
    /usr/share/icons/hicolor/...             the icons

Depends lists the Qt system libraries the bundle leaves to the system (the same set the README
and .ci/run install for a source run), so `apt-get install ./<file>.deb` pulls them in. The menu
and icon caches are refreshed by dpkg's own triggers (desktop-file-utils, hicolor-icon-theme),
so the package needs no maintainer scripts and `apt-get remove` leaves nothing behind.
Used by neuroflash-desktop.spec; skipped with a note where dpkg-deb is missing (not Debian).
"""

from __future__ import annotations

import os
import platform
import shutil
import subprocess
from pathlib import Path

INSTALL_DIR = "opt"
DEPENDS = (
    "libegl1, libgl1, libxkbcommon0, libxkbcommon-x11-0, libfontconfig1, libdbus-1-3, "
    "fonts-dejavu-core | fonts-liberation, libxcb-icccm4, libxcb-keysyms1, libxcb-cursor0, "
    "libxcb-image0, libxcb-render-util0, libxcb-shape0, libxcb-xinerama0, libxcb-randr0"
)
DEBIAN_ARCH = {"x86_64": "amd64", "aarch64": "arm64", "armv7l": "armhf", "i686": "i386"}

CONTROL = """Package: {name}
Version: {version}
Section: graphics
Priority: optional
Architecture: {arch}
Maintainer: neuroflash GmbH <support@neuroflash.com>
Installed-Size: {installed_kb}
Depends: {depends}
Recommends: gnome-keyring | kwalletmanager
Homepage: https://neuroflash.com
Description: {app_name}: generate images with neuroflash
 Generate images through the neuroflash API, browse the workspace's history, edit and
 delete images, watch image credits and drag results straight into other apps.
"""

LAUNCHER = """#!/bin/sh
exec /{install_dir}/{name}/{name} "$@"
"""


def debian_arch() -> str:
    """dpkg's name for this machine's architecture."""
    if shutil.which("dpkg"):
        found = subprocess.run(["dpkg", "--print-architecture"], capture_output=True, text=True)
        if found.returncode == 0 and found.stdout.strip():
            return found.stdout.strip()
    machine = platform.machine()
    return DEBIAN_ARCH.get(machine, machine)


def _link_or_copy(source: str, target: str) -> None:
    """Hard links make the staging copy of a 150 MB bundle instant; copy across devices."""
    try:
        os.link(source, target)
    except OSError:
        shutil.copy2(source, target)


def _size_kb(root: Path) -> int:
    return sum(p.stat().st_size for p in root.rglob("*") if p.is_file() and not p.is_symlink())


def build_deb(dist: Path, name: str, app_name: str, version: str, work: Path) -> Path | None:
    """dist/<name>_<version>_<arch>.deb from the bundle dist/<name>/ (which already holds
    share/ from dist_extras.add_desktop_integration); None where dpkg-deb is missing."""
    dpkg_deb = shutil.which("dpkg-deb")
    if dpkg_deb is None:
        print("dpkg-deb not found: no .deb made (build on Debian or Ubuntu for one)")
        return None
    bundle = dist / name
    root = work / "deb-root"
    shutil.rmtree(root, ignore_errors=True)
    app_dir = root / INSTALL_DIR / name
    shutil.copytree(
        bundle,
        app_dir,
        symlinks=True,
        copy_function=_link_or_copy,
        ignore=shutil.ignore_patterns("install.sh", "share"),
    )
    share = root / "usr" / "share"
    (share / "applications").mkdir(parents=True)
    entry = (bundle / "share" / "applications" / f"{name}.desktop").read_text(encoding="utf-8")
    (share / "applications" / f"{name}.desktop").write_text(entry, encoding="utf-8")  # Exec=name
    shutil.copytree(bundle / "share" / "icons", share / "icons")
    launcher = root / "usr" / "bin" / name
    launcher.parent.mkdir(parents=True)
    launcher.write_text(LAUNCHER.format(install_dir=INSTALL_DIR, name=name), encoding="utf-8")
    for path in [root, *root.rglob("*")]:  # dpkg wants 0755 dirs; hard links keep the mode
        if path.is_dir() and not path.is_symlink():
            path.chmod(0o755)
    launcher.chmod(0o755)
    arch = debian_arch()
    control_dir = root / "DEBIAN"
    control_dir.mkdir()
    (control_dir / "control").write_text(
        CONTROL.format(
            name=name,
            version=version,
            arch=arch,
            app_name=app_name,
            depends=DEPENDS,
            installed_kb=_size_kb(root) // 1024 + 1,
        ),
        encoding="utf-8",
    )
    package = dist / f"{name}_{version}_{arch}.deb"
    # gzip: every dpkg reads it, and it packs in seconds where xz takes a minute.
    subprocess.run(
        [dpkg_deb, "--root-owner-group", "-Zgzip", "--build", str(root), str(package)],
        check=True,
        stdout=subprocess.DEVNULL,
    )
    shutil.rmtree(root, ignore_errors=True)
    print(f"Packed {package} ({package.stat().st_size / 1e6:.1f} MB)")
    return package
