"""One lenient reader for every error body shape neuroflash (or a proxy in front of it) sends.

Shapes: FastAPI `detail` (string, list of {loc, msg} or object), OAuth2 `error` +
`error_description`, neuroflash `error` + `code`, `errors[]` of {field, message}, `message`,
plain text, and HTML error pages. It never raises: a broken error body must not hide the error.
It reads at most ``MAX_ERROR_BODY`` bytes and works in linear time (no backtracking regex: `re`
holds the GIL for a whole match, so one slow match froze the window), so a huge or hostile
error page costs milliseconds.
"""

from __future__ import annotations

import html
import json
import re
from dataclasses import dataclass
from typing import Any

_MAX_TEXT = 500
MAX_ERROR_BODY = 32 * 1024  # an error page's message is in its first few KB
_MAX_DEPTH = 64  # JSON nested deeper than this is not an error body anyone wrote
_SPACE = re.compile(r"\s+")  # linear: one character class, no alternatives to backtrack into


@dataclass(frozen=True)
class ErrorBody:
    """What the server said: its text, its machine code, and per-field validation messages."""

    text: str = ""
    code: str | None = None
    fields: tuple[str, ...] = ()


def parse_error_body(body: bytes | str | None, content_type: str | None = None) -> ErrorBody:
    """Read an error body of any shape; always returns an ErrorBody whose text is a str."""
    try:
        return _parse(body, content_type or "")
    except Exception:  # pragma: no cover - last line of defence, by design
        return ErrorBody()


def describe(value: Any) -> str:
    """Turn a JSON `detail`-like value (string, list, object) into one line of text."""
    try:
        info = _from_json(value)
    except Exception:  # pragma: no cover
        return ""
    return info.text or "; ".join(info.fields)


def _parse(body: bytes | str | None, content_type: str) -> ErrorBody:
    if body is None:
        return ErrorBody()
    if isinstance(body, bytes | bytearray):
        text = bytes(body[:MAX_ERROR_BODY]).decode("utf-8", "replace")
    else:
        text = str(body)[:MAX_ERROR_BODY]
    stripped = text.strip()
    if not stripped:
        return ErrorBody()
    if stripped[:1] in '{["' and _json_depth(stripped) <= _MAX_DEPTH:
        try:
            data = json.loads(stripped)
        except (ValueError, RecursionError):
            pass
        else:
            return _from_json(data)
    if "html" in content_type.lower() or stripped[:1] == "<":
        return ErrorBody(text=_from_html(stripped))
    return ErrorBody(text=_clip(stripped))


def _json_depth(text: str) -> int:
    """How deeply brackets nest (strings ignored roughly: a bound, not a parser)."""
    depth = deepest = 0
    for char in text:
        if char in "[{":
            depth += 1
            deepest = max(deepest, depth)
        elif char in "]}":
            depth -= 1
    return deepest


def _from_html(text: str) -> str:
    low = text.lower()
    start = low.find("<title")
    if start >= 0:
        open_end = low.find(">", start)
        close = low.find("</title", open_end) if open_end >= 0 else -1
        if close > open_end >= 0:
            title = _clean(_strip_tags(text[open_end + 1 : close]))
            if title:
                return title
    return _clean(_strip_tags(text, skip=("script", "style")))


def _strip_tags(text: str, skip: tuple[str, ...] = ()) -> str:
    """Text outside tags, in one left-to-right pass; the inside of <script>/<style> dropped."""
    low = text.lower()
    out: list[str] = []
    pos, end = 0, len(text)
    while pos < end:
        lt = text.find("<", pos)
        if lt < 0:
            out.append(text[pos:])
            break
        out.append(text[pos:lt])
        gt = text.find(">", lt)
        if gt < 0:
            break  # an unclosed tag runs to the end: nothing after it is text
        words = low[lt + 1 : gt].split(None, 1)
        name = words[0].rstrip("/") if words else ""
        pos = gt + 1
        if name in skip:
            close = low.find(f"</{name}", pos)
            if close < 0:
                break
            gt = low.find(">", close)
            pos = end if gt < 0 else gt + 1
        out.append(" ")
    return "".join(out)


def _clean(text: str) -> str:
    return _clip(_SPACE.sub(" ", html.unescape(text)).strip())


def _clip(text: str) -> str:
    return text if len(text) <= _MAX_TEXT else text[: _MAX_TEXT - 1] + "…"


def _scalar(value: Any) -> str:
    if value is None or isinstance(value, dict | list):
        return ""
    return _clip(str(value).strip())


def _from_json(data: Any) -> ErrorBody:
    if isinstance(data, list):
        return ErrorBody(fields=_field_messages(data))
    if not isinstance(data, dict):
        return ErrorBody(text=_scalar(data))
    texts: list[str] = []
    fields: list[str] = []
    code = _scalar(data.get("code")) or None
    detail = data.get("detail")
    if isinstance(detail, list):
        fields.extend(_field_messages(detail))
    elif isinstance(detail, dict):
        inner = _from_json(detail)
        texts.append(inner.text)
        fields.extend(inner.fields)
        code = code or inner.code
    else:
        texts.append(_scalar(detail))
    error = data.get("error")
    description = _scalar(data.get("error_description"))
    if isinstance(error, dict):
        inner = _from_json(error)
        texts.append(inner.text)
        fields.extend(inner.fields)
        code = code or inner.code
    elif description:
        texts.append(description)
        # OAuth2: `error` is a machine code such as invalid_client.
        code = code or _scalar(error) or None
    else:
        texts.append(_scalar(error))
    texts.append(_scalar(data.get("message")))
    errors = data.get("errors")
    if isinstance(errors, list):
        fields.extend(_field_messages(errors))
    text = next((t for t in texts if t), "")
    return ErrorBody(text=text, code=code, fields=tuple(f for f in fields if f))


def _field_messages(items: list[Any]) -> tuple[str, ...]:
    out: list[str] = []
    for item in items[:20]:
        if isinstance(item, dict):
            msg = _scalar(item.get("msg")) or _scalar(item.get("message"))
            where = _location(item.get("loc")) or _scalar(item.get("field"))
            if msg:
                out.append(f"{where}: {msg}" if where else msg)
        else:
            msg = _scalar(item)
            if msg:
                out.append(msg)
    return tuple(out)


def _location(loc: Any) -> str:
    if not isinstance(loc, list | tuple):
        return _scalar(loc)
    parts = [str(p) for p in loc if p not in ("body", "query", "path", "header") and p is not None]
    return ".".join(parts)
