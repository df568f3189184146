"""Turns what a designer types into an FTS5 query that cannot fail or do anything surprising.

Every word becomes a quoted prefix term (``"rob"*``), so the grid narrows as you type and
quotes, ``AND``/``OR``/``NOT``/``NEAR``, ``*``, ``^``, ``:``, brackets and column filters are
just text. The terms are cut at the same places as the index's tokenizer (unicode61: letters
and digits belong to words, everything else separates), so what is typed and what is indexed
agree.
"""

from __future__ import annotations

import re
import unicodedata

MAX_TERMS = 16  # more words than anyone types; keeps a pasted essay from building a huge query
MAX_TERM_CHARS = 64

_WORD = re.compile(r"[^\W_]+")  # no backtracking: one linear scan


def words(text: str) -> list[str]:
    """The search words of ``text`` as the index splits them; at most MAX_TERMS."""
    # NFC first: a decomposed "ï" (i + combining mark) would otherwise split the word in two
    composed = unicodedata.normalize("NFC", text or "")
    return [w[:MAX_TERM_CHARS] for w in _WORD.findall(composed)][:MAX_TERMS]


def match_expression(text: str) -> str | None:
    """The MATCH argument for ``text`` (every word as a prefix), or None when it has no words."""
    terms = words(text)
    if not terms:
        return None
    return " ".join('"' + t.replace('"', '""') + '"*' for t in terms)
