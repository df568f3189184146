"""A settable UTC clock, so tests can cross midnight or expire tokens without waiting."""

from __future__ import annotations

import threading
from datetime import UTC, date, datetime, timedelta


class Clock:
    """Real time plus an adjustable offset; time keeps flowing after set() or advance()."""

    def __init__(self) -> None:
        self._offset = timedelta()
        self._lock = threading.Lock()

    def now(self) -> datetime:
        """The emulated current time (timezone-aware UTC)."""
        with self._lock:
            return datetime.now(UTC) + self._offset

    def today(self) -> date:
        """The emulated current UTC date (what the daily quota reset is keyed on)."""
        return self.now().date()

    def set(self, when: datetime) -> None:
        """Jump to `when` (naive values are taken as UTC)."""
        if when.tzinfo is None:
            when = when.replace(tzinfo=UTC)
        with self._lock:
            self._offset = when - datetime.now(UTC)

    def advance(self, **delta: float) -> None:
        """Move forward by a timedelta given as keywords, e.g. advance(hours=5)."""
        with self._lock:
            self._offset += timedelta(**delta)

    def reset(self) -> None:
        """Back to real time."""
        with self._lock:
            self._offset = timedelta()
