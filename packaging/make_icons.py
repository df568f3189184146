"""Render every app icon from the one master, resources/icons/neuroflash.svg.

    .venv/bin/python packaging/make_icons.py

Writes, next to the master (the outputs are committed so a build needs no extra step):
  hicolor/<N>x<N>/apps/neuroflash-desktop.png and hicolor/scalable/apps/... (Linux, freedesktop)
  neuroflash.ico (Windows, 16-256 px) and neuroflash.icns (macOS, 16-1024 px).

Qt's own SVG renderer (QtSvg ships in PySide6-Essentials) draws the master offscreen, so the
icons match what the running app shows; Pillow writes the .ico and .icns containers. Re-run it
after editing the master; nobody edits the derived files by hand.
"""

from __future__ import annotations

import io
import os
import shutil
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ICONS = ROOT / "resources" / "icons"
MASTER = ICONS / "neuroflash.svg"
APP_ID = "neuroflash-desktop"
HICOLOR_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
ICNS_SIZE = 1024  # Pillow derives the smaller .icns members from the largest image


def render_png(svg: Path, size: int) -> bytes:
    """The master drawn at size x size on a transparent background, as PNG bytes."""
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
    from PySide6.QtGui import QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        raise SystemExit(f"{svg} is not a valid SVG")
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    renderer.render(painter)
    painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    buffer.close()
    return bytes(data.data())


def main() -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PIL import Image
    from PySide6.QtGui import QGuiApplication

    _app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    hicolor = ICONS / "hicolor"
    shutil.rmtree(hicolor, ignore_errors=True)
    pngs: dict[int, bytes] = {}
    for size in sorted({*HICOLOR_SIZES, *ICO_SIZES, ICNS_SIZE}):
        pngs[size] = render_png(MASTER, size)
    for size in HICOLOR_SIZES:
        target = hicolor / f"{size}x{size}" / "apps" / f"{APP_ID}.png"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(pngs[size])
    scalable = hicolor / "scalable" / "apps" / f"{APP_ID}.svg"
    scalable.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(MASTER, scalable)

    images = {size: Image.open(io.BytesIO(data)).convert("RGBA") for size, data in pngs.items()}
    # Each .ico member is its own rendering (sharper than Pillow's downscaling of one image).
    largest = images[max(ICO_SIZES)]
    largest.save(
        ICONS / "neuroflash.ico",
        format="ICO",
        sizes=[(s, s) for s in ICO_SIZES],
        append_images=[images[s] for s in ICO_SIZES if s != max(ICO_SIZES)],
    )
    images[ICNS_SIZE].save(ICONS / "neuroflash.icns", format="ICNS")
    for path in sorted(ICONS.rglob("*")):
        if path.is_file():
            print(f"{path.relative_to(ROOT)}  {path.stat().st_size} bytes")
    return 0


if __name__ == "__main__":
    sys.exit(main())
