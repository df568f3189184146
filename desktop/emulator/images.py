"""Deterministic placeholder images: visibly shaped by the prompt, rendered lazily, LRU-cached."""

from __future__ import annotations

import hashlib
import io
import textwrap
import threading
import zlib
from collections import OrderedDict
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache

from PIL import Image, ImageDraw, ImageFont, ImageOps

from desktop.emulator.encoding import encode
from desktop.emulator.photos import PhotoPool

LONG_SIDE = 1024
CONTENT_TYPES = {"png": "image/png", "jpeg": "image/jpeg", "webp": "image/webp"}
EXTENSIONS = {"png": "png", "jpeg": "jpeg", "webp": "webp"}


@dataclass(frozen=True, eq=False)
class Blob:
    """An uploaded file's bytes, kept as sent; hashed by identity (hashing 20 MB per cache
    lookup would be slow), so every upload is its own image."""

    data: bytes = field(repr=False)


@dataclass(frozen=True)
class RenderSpec:
    """Everything the pixels depend on; equal specs give byte-identical images.

    mode: "" (a generation, or a family-A edit when `source` is set), "upload" (the `upload`
    bytes as sent), "upscale" (`source` at `scale` times its size) or "inpaint" (`source`
    changed where `mask` is white, everything else left exactly as it was)."""

    prompt: str
    model: str
    index: int
    width: int
    height: int
    output_format: str
    source: RenderSpec | None = None
    mode: str = ""
    upload: Blob | None = None
    mask: RenderSpec | None = None
    scale: int = 1


@lru_cache(maxsize=64)
def size_for_ratio(ratio: str) -> tuple[int, int]:
    """Long side 1024, short side rounded to the nearest even number (16:9 -> 1024x576)."""
    w_part, h_part = (int(p) for p in ratio.split(":"))
    if w_part >= h_part:
        return LONG_SIDE, 2 * round(LONG_SIDE * h_part / w_part / 2)
    return 2 * round(LONG_SIDE * w_part / h_part / 2), LONG_SIDE


def _digest(*parts: object) -> bytes:
    return hashlib.sha256("|".join(str(p) for p in parts).encode()).digest()


def _colour(d: bytes, at: int) -> tuple[int, int, int]:
    return d[at % len(d)], d[(at + 1) % len(d)], d[(at + 2) % len(d)]


def _text_size(width: int, height: int) -> int:
    return max(16, min(width, height) // 18)


@lru_cache(maxsize=16)
def _font(size: int) -> ImageFont.FreeTypeFont | ImageFont.ImageFont:
    return ImageFont.load_default(size=size)


# A colour for ImageDraw: a palette index on "P" images, an RGB triple on "RGB" ones.
Ink = int | tuple[int, int, int]


def _draw_text(
    img: Image.Image,
    text: str,
    top: int,
    bottom_band: bool = False,
    ink: tuple[Ink, Ink] = ((255, 255, 255), (0, 0, 0)),
) -> None:
    """Write the prompt on the image so a human can tell images apart at a glance."""
    w, h = img.size
    size = _text_size(w, h)
    chars = max(10, int(w / (size * 0.55)))
    lines = textwrap.wrap(text, chars)[:4]
    draw = ImageDraw.Draw(img)
    line_h = int(size * 1.25)
    if bottom_band:
        band_top = h - line_h * len(lines) - size
        draw.rectangle((0, band_top, w, h), fill=(20, 20, 20))
        top = band_top + size // 2
    for n, line in enumerate(lines):
        draw.text(
            (size, top + n * line_h),
            line,
            font=_font(size),
            fill=ink[0],
            stroke_width=max(1, size // 12),
            stroke_fill=ink[1],
        )


GRADIENT_LEVELS = 240  # palette entries 0..239: the background ramp
SHAPE_INK = GRADIENT_LEVELS  # 240..245: the six shapes
TEXT_INK, OUTLINE_INK = SHAPE_INK + 6, SHAPE_INK + 7
ANGLE_STEPS = 16  # gradient directions: few enough to share, many enough to look varied


@lru_cache(maxsize=ANGLE_STEPS)
def _ramp(turn: int) -> Image.Image:
    """A 1024 px square ramp as palette indexes, one per direction (read-only once made, so
    server threads share it): scaling it up was a third of each image's render time."""
    ramp = Image.linear_gradient("L").point(lambda v: v * (GRADIENT_LEVELS - 1) // 255)
    ramp = ramp.rotate(turn * 360 / ANGLE_STEPS, expand=False)
    return ramp.resize((LONG_SIDE, LONG_SIDE), Image.Resampling.BILINEAR)


def _background(turn: int, width: int, height: int) -> bytes:
    """The middle of the direction's square ramp, at the image's size."""
    left, top = (LONG_SIDE - width) // 2, (LONG_SIDE - height) // 2
    return _ramp(turn).crop((left, top, left + width, top + height)).tobytes()


def _palette(d: bytes) -> list[int]:
    """The ramp between two colours, then the shape colours, then white text on black."""
    start, end = _colour(d, 1), _colour(d, 4)
    palette: list[int] = []
    for level in range(GRADIENT_LEVELS):
        t = level / (GRADIENT_LEVELS - 1)
        palette += [round(a + (b - a) * t) for a, b in zip(start, end, strict=True)]
    for n in range(6):
        palette += list(_colour(d, 3 + n * 5))
    palette += [255, 255, 255, 0, 0, 0]
    return palette + [0] * (768 - len(palette))


def _generated(spec: RenderSpec) -> Image.Image:
    """Drawn as a palette image: a 1024 px RGB render and PNG encode cost ~60 ms, which made
    the built-in server, not the app, the bottleneck when a grid of 10,000 scrolled by."""
    d = _digest(spec.model, spec.prompt, spec.index)
    w, h = spec.width, spec.height
    img = Image.frombytes("P", (w, h), _background(d[0] % ANGLE_STEPS, w, h))
    img.putpalette(_palette(d))
    draw = ImageDraw.Draw(img)
    for n in range(6):
        b = d[7 + n * 4 : 11 + n * 4]
        x, y = b[0] * w // 256, b[1] * h // 256
        r = (b[2] % 64 + 24) * min(w, h) // 256
        box = (x - r, y - r, x + r, y + r)
        if b[3] % 3 == 0:
            draw.ellipse(box, fill=SHAPE_INK + n)
        elif b[3] % 3 == 1:
            draw.rectangle(box, fill=SHAPE_INK + n)
        else:
            draw.polygon([(x, y - r), (x + r, y + r), (x - r, y + r)], fill=SHAPE_INK + n)
    _draw_text(img, spec.prompt, top=max(16, h // 24), ink=(TEXT_INK, OUTLINE_INK))
    return img


def _edited(spec: RenderSpec) -> Image.Image:
    assert spec.source is not None
    src = render_pixels(spec.source).convert("RGB")
    img = ImageOps.fit(src, (spec.width, spec.height))
    tint = Image.new("RGB", img.size, _colour(_digest("edit", spec.prompt, spec.index), 0))
    img = Image.blend(img, tint, 0.35)
    _draw_text(img, spec.prompt, top=0, bottom_band=True)
    return img


def _uploaded(spec: RenderSpec) -> Image.Image:
    assert spec.upload is not None
    img = Image.open(io.BytesIO(spec.upload.data))
    img.load()
    return img if img.mode in ("RGB", "RGBA", "P", "L") else img.convert("RGB")


def _upscaled(spec: RenderSpec) -> Image.Image:
    """Nearest-neighbour: a palette source stays a palette image, so even 4× of 1024 px
    renders and encodes in well under a second."""
    assert spec.source is not None
    return render_pixels(spec.source).resize((spec.width, spec.height), Image.Resampling.NEAREST)


def mask_alpha(mask: Image.Image, size: tuple[int, int]) -> Image.Image:
    """White (luminance >= 128) and opaque means "may change"; transparent counts as black."""
    if mask.mode in ("RGBA", "LA", "PA") or (mask.mode == "P" and "transparency" in mask.info):
        rgba = mask.convert("RGBA")
        black = Image.new("RGBA", rgba.size, (0, 0, 0, 255))
        mask = Image.alpha_composite(black, rgba)
    grey = mask.convert("L")
    if grey.size != size:
        grey = grey.resize(size, Image.Resampling.NEAREST)
    return grey.point(lambda v: 255 if v >= 128 else 0)


def _inpainted(spec: RenderSpec) -> Image.Image:
    """The source, tinted and written over where the mask allows (all of it without a mask);
    pixels outside the mask are the source's, unchanged."""
    assert spec.source is not None
    src = render_pixels(spec.source).convert("RGB")
    if src.size != (spec.width, spec.height):
        src = src.resize((spec.width, spec.height), Image.Resampling.NEAREST)
    tint = Image.new("RGB", src.size, _colour(_digest("inpaint", spec.prompt, spec.index), 0))
    changed = Image.blend(src, tint, 0.6)
    _draw_text(changed, spec.prompt, top=max(16, src.height // 3))
    if spec.mask is None:
        return changed
    return Image.composite(changed, src, mask_alpha(render_pixels(spec.mask), src.size))


def render_pixels(spec: RenderSpec) -> Image.Image:
    """The pixels for a spec (palette or RGB): a generation, an upload, or an image derived
    from its source (edit, masked edit, upscale)."""
    if spec.mode == "upload":
        return _uploaded(spec)
    if spec.mode == "upscale":
        return _upscaled(spec)
    if spec.mode == "inpaint":
        return _inpainted(spec)
    return _edited(spec) if spec.source is not None else _generated(spec)


def warm_up(ratios: Iterable[str]) -> None:
    """Load the encoders and the fonts once, before anyone waits for them: a cold server
    spent ~0.4 s on its first few images (plugin imports, font faces) while a grid of
    thumbnails waited for exactly those."""
    tiny = Image.new("P", (8, 8))
    for output_format in CONTENT_TYPES:
        encode(tiny, output_format)
    for ratio in ratios:
        size = _text_size(*size_for_ratio(ratio))
        ImageDraw.Draw(tiny).text(
            (0, 0),
            "Aa",
            font=_font(size),
            fill=TEXT_INK,
            stroke_width=max(1, size // 12),
            stroke_fill=OUTLINE_INK,
        )


class ImageCache:
    """Encoded bytes per spec, bounded LRU: history can list 10,000+ never-viewed images.
    Bounded in bytes too: a few 4× upscales (tens of MB each) must not pile up in memory."""

    def __init__(
        self,
        max_items: int = 256,
        max_bytes: int = 256 * 1024 * 1024,
        photos: PhotoPool | None = None,
    ) -> None:
        self._photos = photos  # --photo-images: generations come from a pre-rendered pool
        self._max = max(1, max_items)
        self._max_bytes = max(1, max_bytes)
        self._bytes = 0
        self._items: OrderedDict[RenderSpec, bytes] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, spec: RenderSpec) -> bytes:
        """Render on first request (outside the lock), then serve from the cache. Uploads
        are served as sent (never re-encoded, never evicted: they have no other source)."""
        if spec.upload is not None:
            return spec.upload.data
        if self._photos is not None and spec.mode == "" and spec.source is None:
            pick = zlib.crc32(f"{spec.model}|{spec.prompt}|{spec.index}".encode())
            return self._photos.photo(
                spec.output_format,
                spec.width,
                spec.height,
                pick,
                f"{spec.prompt[:80]} #{spec.index}",
            )
        with self._lock:
            data = self._items.get(spec)
            if data is not None:
                self._items.move_to_end(spec)
                return data
        data = encode(render_pixels(spec), spec.output_format)
        with self._lock:
            old = self._items.pop(spec, None)  # another thread rendered it meanwhile
            self._bytes += len(data) - (len(old) if old is not None else 0)
            self._items[spec] = data
            while len(self._items) > 1 and (
                len(self._items) > self._max or self._bytes > self._max_bytes
            ):
                _spec, evicted = self._items.popitem(last=False)
                self._bytes -= len(evicted)
        return data

    def peek_size(self, spec: RenderSpec) -> int | None:
        """The byte size if already rendered, without rendering."""
        with self._lock:
            data = self._items.get(spec)
        return None if data is None else len(data)
