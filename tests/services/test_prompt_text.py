"""clean_prompt drops control characters and nothing a designer could have meant."""

from __future__ import annotations

import unicodedata

from hypothesis import given
from hypothesis import strategies as st

from desktop.services.prompt_text import clean_prompt


def test_keeps_emoji_sequences_rtl_and_cjk():
    for text in (
        "👨\u200d👩\u200d👧 family",
        "🏳️\u200d🌈",
        "منارة في الضباب\u200f",
        "מגדלור בערפל",
        "霧の中の灯台 안개 속 등대",
        "e\u0301",
        "line\nbreak\tand tab",
    ):
        assert clean_prompt(text) == text


def test_drops_controls_and_trims():
    assert clean_prompt("  a\x00b\x07c\x1bd\x7fe\x85f\r\n ") == "abcdef"
    assert clean_prompt("\x00 \t\n") == ""


@given(st.text())
def test_no_control_survives_and_the_rest_keeps_its_order(text):
    cleaned = clean_prompt(text)
    assert not [c for c in cleaned if c not in "\n\t" and unicodedata.category(c) == "Cc"]
    expected = "".join(c for c in text if c in "\n\t" or unicodedata.category(c) != "Cc")
    assert cleaned == expected.strip()
