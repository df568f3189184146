"""Lenient scalar coercion for JSON values: numbers as strings, nulls and odd types tolerated."""

from __future__ import annotations

import math
from datetime import UTC, date, datetime
from typing import Any


def to_int(value: Any, default: int | None = None) -> int | None:
    """An int from an int, a whole float or a numeric string; `default` for anything else."""
    if isinstance(value, bool) or value is None:
        return default
    if isinstance(value, int):
        return value
    if isinstance(value, float):
        return int(value) if math.isfinite(value) else default
    if isinstance(value, str):
        try:
            number = float(value.strip())
        except ValueError:
            return default
        return int(number) if math.isfinite(number) else default
    return default


INT32_MAX = 2**31 - 1  # what a Qt int (spin boxes, labels, models) can hold


def to_count(value: Any, default: int | None = None, high: int = INT32_MAX) -> int | None:
    """A non-negative int clamped to ``high``: server numbers never overflow a Qt integer."""
    number = to_int(value, default)
    return None if number is None else max(0, min(high, number))


def clip(text: str | None, limit: int) -> str | None:
    """At most ``limit`` characters: one huge field must not fill memory or the screen."""
    return text if text is None or len(text) <= limit else text[:limit]


def to_str(value: Any, default: str | None = None) -> str | None:
    if value is None or isinstance(value, dict | list | bool):
        return default
    text = str(value)
    return text if text else default


def to_bool(value: Any, default: bool) -> bool:
    if isinstance(value, bool):
        return value
    if isinstance(value, str):
        low = value.strip().lower()
        if low in ("true", "1", "yes"):
            return True
        if low in ("false", "0", "no"):
            return False
    if isinstance(value, int | float) and not isinstance(value, bool):
        return bool(value)
    return default


def to_strs(value: Any) -> tuple[str, ...]:
    if isinstance(value, str):
        return (value,) if value else ()
    if not isinstance(value, list | tuple):
        return ()
    return tuple(s for s in (to_str(v) for v in value) if s)


def to_datetime(value: Any) -> datetime | None:
    """An aware UTC datetime from ISO 8601 (with Z or offset; naive means UTC) or epoch seconds."""
    try:
        if isinstance(value, int | float) and not isinstance(value, bool):
            seconds = value / 1000 if value > 1e11 else value
            return datetime.fromtimestamp(seconds, tz=UTC)
        if isinstance(value, str) and value.strip():
            parsed = datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
            if parsed.tzinfo is None:
                parsed = parsed.replace(tzinfo=UTC)
            return parsed.astimezone(UTC)
    except (ValueError, OverflowError, OSError):
        return None
    return None


def to_date(value: Any) -> date | None:
    if isinstance(value, str) and value.strip():
        try:
            return date.fromisoformat(value.strip()[:10])
        except ValueError:
            return None
    return None
