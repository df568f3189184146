"""One lenient reader for every error body shape neuroflash (or a proxy in front of it) sends.

Shapes: FastAPI `detail` (string, list of {loc, msg} or object), OAuth2 `error` +
`error_description`, neuroflash `error` + `code`, `errors[]` of {field, message}, `message`,
plain text, and HTML error pages. It never raises: a broken error body must not hide the error.
"""

from __future__ import annotations

import html
import json
import re
from dataclasses import dataclass
from typing import Any

_MAX_TEXT = 500
_TAG = re.compile(r"<[^>]*>")
_TITLE = re.compile(r"<title[^>]*>(.*?)</title>", re.IGNORECASE | re.DOTALL)
_SCRIPT = re.compile(r"<(script|style)[^>]*>.*?</\1>", re.IGNORECASE | re.DOTALL)
_SPACE = re.compile(r"\s+")


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
    text = body.decode("utf-8", "replace") if isinstance(body, bytes | bytearray) else str(body)
    stripped = text.strip()
    if not stripped:
        return ErrorBody()
    if stripped[:1] in "{[\"":
        try:
            data = json.loads(stripped)
        except ValueError:
            pass
        else:
            return _from_json(data)
    if "html" in content_type.lower() or stripped[:1] == "<":
        return ErrorBody(text=_from_html(stripped))
    return ErrorBody(text=_clip(stripped))


def _from_html(text: str) -> str:
    match = _TITLE.search(text)
    if match:
        title = _clean(_TAG.sub(" ", match.group(1)))
        if title:
            return title
    return _clean(_TAG.sub(" ", _SCRIPT.sub(" ", text)))


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
