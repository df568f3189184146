"""Recognise image bytes, so an HTML error page saved as "image.png" never reaches the user."""

from __future__ import annotations

_SIGNATURES: tuple[tuple[bytes, int, str], ...] = (
    (b"\x89PNG\r\n\x1a\n", 0, "image/png"),
    (b"\xff\xd8\xff", 0, "image/jpeg"),
    (b"GIF87a", 0, "image/gif"),
    (b"GIF89a", 0, "image/gif"),
    (b"BM", 0, "image/bmp"),
    (b"II*\x00", 0, "image/tiff"),
    (b"MM\x00*", 0, "image/tiff"),
)


def sniff_image_type(content: bytes) -> str | None:
    """The MIME type the bytes say they are, or None when they are not a known image."""
    for magic, offset, mime in _SIGNATURES:
        if content[offset : offset + len(magic)] == magic:
            return mime
    if content[:4] == b"RIFF" and content[8:12] == b"WEBP":
        return "image/webp"
    if content[4:8] == b"ftyp" and content[8:12] in (b"avif", b"avis"):
        return "image/avif"
    if content[4:8] == b"ftyp" and content[8:12] in (b"heic", b"heix", b"mif1"):
        return "image/heic"
    return None


def looks_complete(content: bytes, mime: str | None) -> bool:
    """False when the bytes are visibly cut short (a PNG without IEND, a JPEG without EOI, a
    WebP shorter than its RIFF size), so a truncated download never lands in a cache."""
    if mime == "image/png":
        return content.rstrip(b"\x00").endswith(b"IEND\xaeB`\x82")
    if mime == "image/jpeg":
        return b"\xff\xd9" in content[-64:]
    if mime == "image/webp":
        return len(content) >= 12 and int.from_bytes(content[4:8], "little") + 8 <= len(content)
    if mime == "image/gif":
        return content.rstrip(b"\x00").endswith(b";")
    return True
