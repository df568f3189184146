"""How the built-in server turns its pictures into PNG, JPEG or WebP bytes (one place, so the
generated images and the photo-like ones weigh what the same settings make them weigh)."""

from __future__ import annotations

import io

from PIL import Image


def encode(img: Image.Image, output_format: str) -> bytes:
    """Encode quickly (low PNG compression; a palette PNG stays a palette PNG)."""
    buf = io.BytesIO()
    if output_format != "png" and img.mode != "RGB":
        img = img.convert("RGB")
    if output_format == "png":
        img.save(buf, "PNG", compress_level=1)
    elif output_format == "jpeg":
        img.save(buf, "JPEG", quality=88)
    else:
        img.save(buf, "WEBP", quality=80, method=0)
    return buf.getvalue()
