"""Portable file names for exported images: readable (prompt words) and safe on every OS.

Rules: no ``<>:"/\\|?*``, control or bidi-override characters, no dots except before the
extension (so no ``..``, hidden files or ``CON.txt``-style reserved names), NFC, at most
``max_length`` characters and 255 UTF-8 bytes.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from pathlib import Path

FALLBACK_STEM = "neuroflash-image"
MAX_NAME_BYTES = 255
MIN_LENGTH = 32

_RESERVED = {"CON", "PRN", "AUX", "NUL", "CONIN$", "CONOUT$"}
_RESERVED |= {f"COM{c}" for c in "0123456789¹²³"} | {f"LPT{c}" for c in "0123456789¹²³"}
# Characters Windows forbids, plus '.' (see module doc) and prompt punctuation: word breaks.
_FORBIDDEN = re.compile(r'[<>:"/\\|?*.,;\s]+')
# Bidi controls could make "gpj.exe" display as "exe.jpg"; strip them.
_BIDI = {"\u200e", "\u200f", "\u061c"}
_BIDI |= {chr(c) for c in (*range(0x202A, 0x202F), *range(0x2066, 0x206A))}
_EXT_ALIASES = {"jpeg": "jpg", "jpe": "jpg", "tiff": "tif"}
_TRIM = " .-_\u200d"


def is_reserved_name(name: str) -> bool:
    """Windows reserves CON, NUL, COM1… also with any extension ("nul.txt") and trailing spaces."""
    base = name.split(".", 1)[0].rstrip(" ").upper()
    return base in _RESERVED


def _clean_char(ch: str) -> str:
    cat = unicodedata.category(ch)
    if ch in _BIDI or cat in {"Cc", "Cs", "Co", "Cn"}:
        return " "
    if cat in {"Zl", "Zp", "Zs"}:
        return " "
    return ch


def normalize_extension(extension: str) -> str:
    ext = re.sub(r"[^a-z0-9]", "", extension.strip().lower().lstrip("."))[:10]
    return _EXT_ALIASES.get(ext, ext) or "bin"


def short_id(image_id: str) -> str:
    """First 8 letters/digits of the id, or a hash of it if it has none."""
    safe = re.sub(r"[^A-Za-z0-9]", "", unicodedata.normalize("NFKC", image_id))
    safe = "".join(c for c in safe if c.isascii())[:8]
    if safe:
        return safe
    return hashlib.sha256(image_id.encode("utf-8", "surrogatepass")).hexdigest()[:8]


def _truncate(text: str, max_chars: int, max_bytes: int) -> str:
    text = text[: max(max_chars, 0)]
    while len(text.encode("utf-8")) > max_bytes:
        text = text[:-1]
    return text


def prompt_stem(prompt: str) -> str:
    """Prompt words joined by '-', sanitised; may be empty."""
    text = unicodedata.normalize("NFC", prompt)
    text = "".join(_clean_char(c) for c in text)
    words = [w.strip(_TRIM) for w in _FORBIDDEN.split(text)]
    return "-".join(w for w in words if w)


def safe_filename(prompt: str, image_id: str, extension: str, max_length: int = 120) -> str:
    """'<prompt words>-<short id>.<ext>', or 'neuroflash-image-<id>.<ext>' for an empty prompt."""
    max_length = min(max(max_length, MIN_LENGTH), MAX_NAME_BYTES)
    suffix = f"-{short_id(image_id)}.{normalize_extension(extension)}"
    stem = prompt_stem(prompt)
    stem = _truncate(stem, max_length - len(suffix), MAX_NAME_BYTES - len(suffix.encode()))
    stem = unicodedata.normalize("NFC", stem).rstrip(_TRIM)
    # A leading combining mark would attach to nothing; drop it.
    while stem and unicodedata.combining(stem[0]):
        stem = stem[1:]
    if not stem:
        stem = FALLBACK_STEM
    name = stem + suffix
    if is_reserved_name(name):  # defensive: cannot happen with a '-id' suffix
        name = "_" + name
    return name


def unique_path(directory: Path, name: str) -> Path:
    """directory/name, or 'name (2).ext', 'name (3).ext'… so nothing is silently overwritten."""
    candidate = directory / name
    if not candidate.exists():
        return candidate
    stem, dot, ext = name.rpartition(".")
    if not dot:
        stem, ext = name, ""
    n = 2
    while True:
        candidate = directory / (f"{stem} ({n}).{ext}" if ext else f"{stem} ({n})")
        if not candidate.exists():
            return candidate
        n += 1
