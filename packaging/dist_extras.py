"""The per-system extras around the one-dir build that PyInstaller does not make itself:
Windows version info, and on Linux the freedesktop integration and the .tar.gz.
Used by neuroflash-desktop.spec; plain Python so it reads (and can be tried) on its own."""

from __future__ import annotations

import os
import shutil
import subprocess
import tarfile
from pathlib import Path

DESKTOP_ENTRY = """[Desktop Entry]
Type=Application
Name={app_name}
GenericName=Image generator
Comment=Generate, browse, edit and drag out images with the neuroflash API
Exec={exec_name}
Icon={name}
Terminal=false
Categories=Graphics;2DGraphics;RasterGraphics;
Keywords=neuroflash;AI;image;generate;
"""

INSTALL_SH = """#!/bin/sh
# Adds neuroflash Desktop to the application menu (this user; PREFIX=/usr/local for everyone):
# copies the .desktop file and icons into PREFIX/share and points the entry at this folder.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
prefix=${{PREFIX:-${{XDG_DATA_HOME:-$HOME/.local/share}}/..}}
share="$prefix/share"
mkdir -p "$share/applications"
cp -R "$here/share/icons" "$share/"
sed "s|^Exec=.*|Exec=\\"$here/{name}\\"|" "$here/share/applications/{name}.desktop" \\
  > "$share/applications/{name}.desktop"
update-desktop-database "$share/applications" 2>/dev/null || true
gtk-update-icon-cache -q "$share/icons/hicolor" 2>/dev/null || true
echo "Installed the menu entry into $share"
"""

VERSION_INFO = """VSVersionInfo(
  ffi=FixedFileInfo(filevers={nums}, prodvers={nums}, mask=0x3f, flags=0x0, OS=0x40004,
                    fileType=0x1, subtype=0x0, date=(0, 0)),
  kids=[
    StringFileInfo([StringTable('040904B0', [
      StringStruct('CompanyName', 'neuroflash GmbH'),
      StringStruct('FileDescription', '{app_name}'),
      StringStruct('FileVersion', '{version}'),
      StringStruct('InternalName', '{name}'),
      StringStruct('LegalCopyright', 'neuroflash GmbH'),
      StringStruct('OriginalFilename', '{name}.exe'),
      StringStruct('ProductName', '{app_name}'),
      StringStruct('ProductVersion', '{version}')])]),
    VarFileInfo([VarStruct('Translation', [1033, 1200])])
  ]
)
"""


def compile_translations(sources: Path, target: Path) -> dict[str, Path]:
    """<lang> -> compiled .qm for each resources/translations/neuroflash_<lang>.ts, with the
    lrelease that PySide6 ships (so bundles need no lrelease at run time)."""
    import PySide6

    tool = Path(PySide6.__file__).parent / ("lrelease.exe" if os.name == "nt" else "lrelease")
    compiled: dict[str, Path] = {}
    for source in sorted(sources.glob("neuroflash_*.ts")):
        target.mkdir(parents=True, exist_ok=True)
        qm = target / source.with_suffix(".qm").name
        subprocess.run([str(tool), "-silent", str(source), "-qm", str(qm)], check=True)
        compiled[source.stem.split("_", 1)[1]] = qm
    return compiled


def write_windows_version_file(target: Path, version: str, app_name: str, name: str) -> str:
    """PyInstaller's version-resource text for the .exe; '0.1.0' becomes (0, 1, 0, 0)."""
    numbers = [int(part) if part.isdigit() else 0 for part in version.split(".")[:4]]
    nums = tuple(numbers + [0] * (4 - len(numbers)))
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(
        VERSION_INFO.format(nums=nums, version=version, app_name=app_name, name=name),
        encoding="utf-8",
    )
    return str(target)


def add_desktop_integration(app_dir: Path, icons: Path, name: str, app_name: str) -> None:
    """share/applications/<name>.desktop and share/icons/hicolor/... inside the one-dir folder,
    plus install.sh, which copies them to the user's menu with the real path in Exec."""
    share = app_dir / "share"
    shutil.rmtree(share, ignore_errors=True)
    (share / "applications").mkdir(parents=True)
    (share / "applications" / f"{name}.desktop").write_text(
        DESKTOP_ENTRY.format(app_name=app_name, name=name, exec_name=name), encoding="utf-8"
    )
    shutil.copytree(icons / "hicolor", share / "icons" / "hicolor")
    install = app_dir / "install.sh"
    install.write_text(INSTALL_SH.format(name=name), encoding="utf-8")
    install.chmod(0o755)


def drop_dangling_symlinks(app_dir: Path) -> int:
    """PyInstaller links top-level aliases to Qt libraries before the spec trims the libraries;
    the aliases of trimmed ones would point nowhere (and upset packagers), so remove them."""
    dangling = [p for p in app_dir.rglob("*") if p.is_symlink() and not p.exists()]
    for link in dangling:
        link.unlink()
    return len(dangling)


def pack(dist: Path, name: str, archive_stem: str) -> Path:
    """dist/<archive_stem>.tar.gz holding the folder dist/<name>/ (permissions kept)."""
    archive = dist / f"{archive_stem}.tar.gz"
    with tarfile.open(archive, "w:gz", compresslevel=6) as tar:
        tar.add(dist / name, arcname=name)
    print(f"Packed {archive} ({os.path.getsize(archive) / 1e6:.1f} MB)")
    return archive
