"""Prompt text as the designer typed it, minus what can't belong in a prompt.

Only Unicode *control* characters (category Cc: NUL, BEL, ESC, DEL, C1 controls) are dropped,
plus surrounding space; line breaks and tabs stay. Format characters (category Cf) are kept on
purpose: the zero-width joiner holds emoji sequences like 👨‍👩‍👧 together and the
right-to-left mark keeps Arabic and Hebrew prompts in order, so dropping them would change what
the designer wrote. (``str.isprintable`` treats both as unprintable, which is why it is not used.)
"""

from __future__ import annotations

import unicodedata

MAX_PROMPT_CHARS = 10_000
"""The longest prompt the app sends, for new images and for edits alike."""

_KEEP = frozenset("\n\t")


def clean_prompt(text: str) -> str:
    """The prompt to send: control characters removed, the rest intact, then trimmed."""
    kept = "".join(ch for ch in text if ch in _KEEP or unicodedata.category(ch) != "Cc")
    return kept.strip()
