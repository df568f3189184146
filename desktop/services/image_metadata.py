"""Embeds the prompt and model into PNG, JPEG and WebP files without re-encoding pixels.

We splice metadata chunks/segments into the bytes the API returned, so the exported image is
bit-for-bit the generated one plus text. Existing XMP (and our PNG text keys) are replaced,
not duplicated, so exporting an exported file is harmless. Unknown formats pass through.
"""

from __future__ import annotations

import logging
import struct
import zlib

from desktop.services.xmp import ImageMetadata, build_xmp, clean_text

log = logging.getLogger(__name__)

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
XMP_PNG_KEY = "XML:com.adobe.xmp"
XMP_JPEG_HEADER = b"http://ns.adobe.com/xap/1.0/\x00"
_JPEG_MAX_PAYLOAD = 0xFFFF - 2
_VP8X_XMP_FLAG = 0x04
_VP8X_ALPHA_FLAG = 0x10

__all__ = ["ImageMetadata", "embed_metadata", "sniff_format"]


def sniff_format(data: bytes) -> str | None:
    """'png' | 'jpeg' | 'webp' | None, from the magic bytes (content types can lie)."""
    if data.startswith(PNG_SIGNATURE):
        return "png"
    if data.startswith(b"\xff\xd8\xff"):
        return "jpeg"
    if len(data) >= 12 and data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return "webp"
    return None


def embed_metadata(data: bytes, meta: ImageMetadata) -> bytes:
    """data with metadata added; unchanged if the format is unknown or the file is malformed."""
    kind = sniff_format(data)
    try:
        if kind == "png":
            return _embed_png(data, meta)
        if kind == "jpeg":
            return _embed_jpeg(data, meta)
        if kind == "webp":
            return _embed_webp(data, meta)
    except (ValueError, IndexError, struct.error) as err:
        log.warning("Could not embed metadata in %s image: %s", kind, err)
    return data


# -- PNG ------------------------------------------------------------------------------------


def _png_chunk(kind: bytes, payload: bytes) -> bytes:
    crc = zlib.crc32(kind + payload) & 0xFFFFFFFF
    return struct.pack(">I", len(payload)) + kind + payload + struct.pack(">I", crc)


def _itxt(keyword: str, text: str) -> bytes:
    payload = keyword.encode("latin-1") + b"\x00\x00\x00" + b"\x00" + b"\x00"
    return _png_chunk(b"iTXt", payload + clean_text(text).encode("utf-8"))


def _png_text_entries(meta: ImageMetadata) -> list[tuple[str, str]]:
    entries = [("Title", meta.title), ("Description", meta.prompt), ("Software", meta.software)]
    if meta.created_rfc1123:
        entries.append(("Creation Time", meta.created_rfc1123))
    if meta.model:
        entries.append(("Source", meta.model))
    comment = f"neuroflash image {meta.image_id}" + (f", model {meta.model}" if meta.model else "")
    entries.append(("Comment", comment))
    entries.append((XMP_PNG_KEY, build_xmp(meta)))
    return entries


def _embed_png(data: bytes, meta: ImageMetadata) -> bytes:
    entries = _png_text_entries(meta)
    ours = {k.encode("latin-1") for k, _ in entries}
    out = [PNG_SIGNATURE]
    pos, inserted = len(PNG_SIGNATURE), False
    while pos < len(data):
        (length,) = struct.unpack(">I", data[pos : pos + 4])
        kind = data[pos + 4 : pos + 8]
        end = pos + 12 + length
        if end > len(data):
            raise ValueError("truncated PNG chunk")
        chunk = data[pos:end]
        payload = data[pos + 8 : pos + 8 + length]
        if kind in (b"tEXt", b"zTXt", b"iTXt") and payload.split(b"\x00", 1)[0] in ours:
            pos = end  # replaced below
            continue
        if not inserted and kind in (b"IDAT", b"IEND"):
            out.extend(_itxt(k, v) for k, v in entries)
            inserted = True
        out.append(chunk)
        pos = end
        if kind == b"IEND":
            break
    if not inserted:
        raise ValueError("PNG without IDAT/IEND")
    return b"".join(out)


# -- JPEG -----------------------------------------------------------------------------------


def _jpeg_xmp_segment(meta: ImageMetadata) -> bytes:
    limit: int | None = None
    while True:
        payload = XMP_JPEG_HEADER + build_xmp(meta, prompt_limit=limit).encode("utf-8")
        if len(payload) <= _JPEG_MAX_PAYLOAD:
            return b"\xff\xe1" + struct.pack(">H", len(payload) + 2) + payload
        if limit == 0:
            raise ValueError("XMP does not fit in a JPEG segment")
        limit = len(meta.prompt) // 2 if limit is None else limit // 2


def _embed_jpeg(data: bytes, meta: ImageMetadata) -> bytes:
    """Rebuild the leading APPn/COM run: JFIF/Exif first, then our XMP, then the rest."""
    pos = 2
    head: list[bytes] = []  # JFIF APP0 / Exif APP1 that must stay first
    others: list[bytes] = []
    while pos + 4 <= len(data) and data[pos] == 0xFF:
        marker = data[pos + 1]
        if marker == 0xFF:  # fill byte
            pos += 1
            continue
        if not (0xE0 <= marker <= 0xEF or marker == 0xFE):
            break
        (length,) = struct.unpack(">H", data[pos + 2 : pos + 4])
        end = pos + 2 + length
        if length < 2 or end > len(data):
            raise ValueError("truncated JPEG segment")
        segment = data[pos:end]
        body = segment[4:]
        is_xmp = marker == 0xE1 and body.startswith(XMP_JPEG_HEADER)
        leading = (marker == 0xE0 and body.startswith(b"JFIF\x00")) or (
            marker == 0xE1 and body.startswith(b"Exif\x00")
        )
        if not is_xmp:
            (head if leading and not others else others).append(segment)
        pos = end
    return b"".join([data[:2], *head, _jpeg_xmp_segment(meta), *others, data[pos:]])


# -- WebP -----------------------------------------------------------------------------------


def _riff_chunks(data: bytes) -> list[tuple[bytes, bytes]]:
    chunks, pos = [], 12
    while pos + 8 <= len(data):
        kind = data[pos : pos + 4]
        (size,) = struct.unpack("<I", data[pos + 4 : pos + 8])
        if pos + 8 + size > len(data):
            raise ValueError("truncated WebP chunk")
        chunks.append((kind, data[pos + 8 : pos + 8 + size]))
        pos += 8 + size + (size & 1)
    return chunks


def _riff_chunk(kind: bytes, payload: bytes) -> bytes:
    pad = b"\x00" if len(payload) & 1 else b""
    return kind + struct.pack("<I", len(payload)) + payload + pad


def _canvas_of(kind: bytes, payload: bytes) -> tuple[int, int, bool]:
    """(width, height, has_alpha) of a simple-format WebP bitstream."""
    if kind == b"VP8 ":
        if payload[3:6] != b"\x9d\x01\x2a":
            raise ValueError("bad VP8 start code")
        w, h = struct.unpack("<HH", payload[6:10])
        return w & 0x3FFF, h & 0x3FFF, False
    if kind == b"VP8L":
        if payload[0] != 0x2F:
            raise ValueError("bad VP8L signature")
        (bits,) = struct.unpack("<I", payload[1:5])
        return (bits & 0x3FFF) + 1, ((bits >> 14) & 0x3FFF) + 1, bool(bits >> 28 & 1)
    raise ValueError(f"unexpected WebP chunk {kind!r}")


def _embed_webp(data: bytes, meta: ImageMetadata) -> bytes:
    chunks = _riff_chunks(data)
    if not chunks:
        raise ValueError("empty WebP")
    xmp = build_xmp(meta).encode("utf-8")
    if chunks[0][0] == b"VP8X":
        header = bytearray(chunks[0][1])
        header[0] |= _VP8X_XMP_FLAG
        body = [(k, p) for k, p in chunks[1:] if k != b"XMP "]
    else:
        width, height, alpha = _canvas_of(*chunks[0])
        flags = _VP8X_XMP_FLAG | (_VP8X_ALPHA_FLAG if alpha else 0)
        header = bytearray(struct.pack("<I", flags))
        header += (width - 1).to_bytes(3, "little") + (height - 1).to_bytes(3, "little")
        body = chunks
    parts = [_riff_chunk(b"VP8X", bytes(header))]
    parts += [_riff_chunk(k, p) for k, p in body]
    parts.append(_riff_chunk(b"XMP ", xmp))
    payload = b"WEBP" + b"".join(parts)
    return b"RIFF" + struct.pack("<I", len(payload)) + payload
