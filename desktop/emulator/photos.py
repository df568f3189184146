"""Photographic-like images for ``--photo-images``: sizes like the real service's, cheaply.

The real service returns photos: PNG 1-2 MB at 1024 px, JPEG 150-400 KB, WebP 100-300 KB.
Flat palette art (30-80 KB) flatters every download and decode, so this draws gradients,
blotchy texture and fine grain, which compress like a photo does. Rendering and encoding
one costs ~0.2 s, so a small pool per (format, size) is drawn once and each image picks one;
PNG and JPEG also get the image's own id in a comment so no two images are byte-identical.
"""

from __future__ import annotations

import struct
import threading
import zlib

from PIL import Image, ImageChops

from desktop.emulator.encoding import encode

POOL_SIZE = 3
_BASE_SIGMA = 8.0  # grain at 1024x1024: PNG ~1.6 MB, JPEG ~310 KB, WebP ~230 KB


def _grain_sigma(width: int, height: int) -> float:
    """More grain on smaller images, so a 16:9 PNG still weighs over 1 MB."""
    return min(24.0, _BASE_SIGMA * (1024 * 1024) / max(1, width * height))


def draw_photo(width: int, height: int, variant: int) -> Image.Image:
    """An RGB picture: three rotated colour ramps, soft blotches and grain."""
    size = (width, height)
    ramps = [
        Image.linear_gradient("L").rotate((variant * 37 + c * 120) % 360).resize(size)
        for c in range(3)
    ]
    blotches = Image.effect_noise((max(1, width // 16), max(1, height // 16)), 60)
    blotches = blotches.resize(size, Image.Resampling.BICUBIC)
    grain = Image.effect_noise(size, _grain_sigma(width, height))
    texture = ImageChops.add(
        ImageChops.multiply(blotches, Image.new("L", size, 200)), grain, 1.0, -128
    )
    return Image.merge("RGB", [ImageChops.add(ramp, texture, 1.0, -100) for ramp in ramps])


def _with_comment(data: bytes, output_format: str, text: str) -> bytes:
    """The same picture with ``text`` in a comment (a PNG tEXt chunk, a JPEG COM segment)."""
    note = text.encode("utf-8", "replace")[:200]
    if output_format == "png":
        body = b"Comment\x00" + note
        chunk = struct.pack(">I", len(body)) + b"tEXt" + body
        chunk += struct.pack(">I", zlib.crc32(b"tEXt" + body) & 0xFFFFFFFF)
        return data[:33] + chunk + data[33:]  # after the signature and IHDR
    if output_format == "jpeg":
        return data[:2] + b"\xff\xfe" + struct.pack(">H", len(note) + 2) + note + data[2:]
    return data


class PhotoPool:
    """A few pre-rendered photos per (format, width, height), drawn on first use."""

    def __init__(self, pool_size: int = POOL_SIZE) -> None:
        self._pool_size = max(1, pool_size)
        self._encoded: dict[tuple[str, int, int, int], bytes] = {}
        self._lock = threading.Lock()

    def photo(self, output_format: str, width: int, height: int, pick: int, name: str) -> bytes:
        """Encoded bytes of pool photo ``pick`` (mod the pool size), labelled with ``name``."""
        key = (output_format, width, height, pick % self._pool_size)
        with self._lock:
            data = self._encoded.get(key)
        if data is None:
            data = encode(draw_photo(width, height, key[3]), output_format)
            with self._lock:
                data = self._encoded.setdefault(key, data)
        return _with_comment(data, output_format, name)

    def warm(self, sizes: list[tuple[int, int]], formats: tuple[str, ...]) -> None:
        """Draw the whole pool now (~2 s of CPU per photo of every size and format), so the
        first screen of thumbnails never waits for the server to paint."""
        for width, height in sizes:
            for output_format in formats:
                for pick in range(self._pool_size):
                    self.photo(output_format, width, height, pick, "")
