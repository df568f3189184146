"""Decoding images and making thumbnails, on worker threads.

Shared by the thumbnail loader, the viewer and the image actions. Where Qt allows it, files
are decoded by QImageReader on their path, which releases the GIL: decoding from bytes
(QImage.fromData, QImage.scaled) holds it and froze the GUI thread for each image.
"""

from __future__ import annotations

import io
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
from PySide6.QtGui import QImage, QImageReader

from desktop.api.image_limits import check_dimensions, check_image_size
from desktop.api.texts import QT_TRANSLATE_NOOP


def read_image_file(path: Path | str, fit: int | None = None) -> QImage:
    """Decode a file (shrunk to fit ``fit``×``fit`` when given) without holding the GIL.

    QImage.fromData and QImage.scaled hold the GIL for the whole 10-20 ms of a 1024 px
    decode, so every worker decode froze the GUI thread; QImageReader.read releases it. The
    reader must open the file itself: a QBuffer made in Python calls back into Python (and so
    needs the GIL) from inside read(), which deadlocked against other threads' Qt calls.
    JPEG decodes straight at 1/2, 1/4 or 1/8 scale; other formats are scaled inside read().
    A null QImage means Qt could not read the file.
    """
    reader = QImageReader(str(path))
    size = reader.size()
    if size.isValid():
        check_dimensions(size.width(), size.height())  # before any pixel is decoded
    if fit is not None and size.isValid() and (size.width() > fit or size.height() > fit):
        size.scale(fit, fit, Qt.AspectRatioMode.KeepAspectRatio)
        reader.setScaledSize(size)
    return reader.read()


def decode_image(data: bytes) -> QImage:
    """Decode with Qt's plugins, falling back to Pillow for formats Qt cannot read; a picture
    over the pixel budget raises ImageTooLargeError before either decodes it."""
    check_image_size(data)
    image = QImage.fromData(data)
    if not image.isNull():
        return image
    from PIL import Image

    with Image.open(io.BytesIO(data)) as pil:
        buffer = io.BytesIO()
        pil.convert("RGBA").save(buffer, format="PNG")
    image = QImage.fromData(buffer.getvalue())
    if image.isNull():
        raise ValueError(QT_TRANSLATE_NOOP("Errors", "The image could not be decoded."))
    return image


Box = int | tuple[int, int]
"""A thumbnail's bounds in device pixels: a square's side, or (width, height)."""


def _box(box: Box) -> tuple[int, int]:
    return (box, box) if isinstance(box, int) else box


def _fit(image: QImage, box: Box) -> QImage:
    width, height = _box(box)
    if image.width() > width or image.height() > height:
        image = image.scaled(
            width,
            height,
            Qt.AspectRatioMode.KeepAspectRatio,
            Qt.TransformationMode.SmoothTransformation,
        )
    return image


def _encode_thumbnail(image: QImage) -> tuple[QImage, bytes]:
    """JPEG when opaque (small), PNG with alpha; a 192 px encode is well under 1 ms."""
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    if image.hasAlphaChannel():
        image.save(buffer, "PNG")  # type: ignore[call-overload]  # stub: bytes, runtime: str
    else:
        image = image.convertToFormat(QImage.Format.Format_RGB32)
        image.save(buffer, "JPEG", 88)  # type: ignore[call-overload]  # stub: bytes, runtime: str
    return image, bytes(QByteArray(buffer.data()).data())


def make_thumbnail(original: bytes, size: Box) -> tuple[QImage, bytes]:
    """Scale to fit ``size``×``size`` and encode (from bytes: holds the GIL while decoding)."""
    return _encode_thumbnail(_fit(decode_image(original), size))


def make_thumbnail_from_file(path: Path, size: Box) -> tuple[QImage, bytes]:
    """Like make_thumbnail, decoding the file without the GIL (Pillow for odd formats)."""
    # read at the box's longer side (decoded without the GIL), then to the box itself
    image = read_image_file(path, fit=max(_box(size)))
    if image.isNull():
        image = decode_image(Path(path).read_bytes())
    return _encode_thumbnail(_fit(image, size))
