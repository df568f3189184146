"""Recent prompts, kept on this computer (in the app's settings) with a cap, newest first."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from desktop.services.settings import AppSettings

KEY = "prompts/recent"
DEFAULT_CAP = 50


class RecentPrompts:
    """Remembers prompts the designer generated with; the same prompt is kept once."""

    def __init__(self, settings: AppSettings, cap: int = DEFAULT_CAP) -> None:
        self._settings = settings
        self._cap = cap

    def items(self) -> list[str]:
        value = self._settings.value(KEY, [])
        if isinstance(value, str):  # QSettings gives a lone string for a one-item list
            value = [value]
        return [str(v) for v in value or [] if str(v).strip()]

    def add(self, prompt: str) -> None:
        prompt = prompt.strip()
        if not prompt:
            return
        kept = [p for p in self.items() if p != prompt]
        self._settings.set_value(KEY, [prompt, *kept][: self._cap])

    def clear(self) -> None:
        self._settings.remove(KEY)

    def matching(self, text: str, limit: int = 8) -> list[str]:
        """Prompts containing every word typed so far, newest first, not the text itself."""
        words = text.casefold().split()
        if not words:
            return []
        found = [
            p
            for p in self.items()
            if p.casefold() != text.strip().casefold() and all(w in p.casefold() for w in words)
        ]
        return found[:limit]
