"""Map an HTTP error answer to the typed error a designer can act on."""

from __future__ import annotations

import re
import time
from email.utils import parsedate_to_datetime

import requests

from desktop.api.error_body import ErrorBody, parse_error_body
from desktop.api.errors import (
    AuthenticationError,
    ErrorDetails,
    InvalidRequestError,
    ModelNotAllowedError,
    NeuroflashError,
    NoCreditsError,
    NotFoundError,
    PermissionDeniedError,
    RateLimitedError,
    ServiceError,
    UnexpectedResponseError,
)
from desktop.api.texts import QT_TRANSLATE_NOOP

SIGNED_OUT = QT_TRANSLATE_NOOP(
    "Errors", "Your sign-in is no longer valid. Sign in again with your client ID and secret."
)
_CREDIT_WORDS = re.compile(r"quota|credit|limit reached|limit exceeded|usage limit", re.I)
_DAILY_WORDS = re.compile(r"daily|today|per day", re.I)
_RETRY_IN = re.compile(r"in (\d{1,9}(?:\.\d{1,6})?) ?s(?:ec|econds?)?\b", re.I)
MAX_RETRY_AFTER_S = 15 * 60.0  # longer than this and Generate would look broken: try again


def bounded_wait(seconds: float | None) -> float | None:
    """A wait between 0 and MAX_RETRY_AFTER_S (inf, nan and 10**30 included)."""
    if seconds is None or seconds != seconds:  # nan
        return None
    return max(0.0, min(MAX_RETRY_AFTER_S, seconds))


def parse_retry_after(value: str | None, now: float | None = None) -> float | None:
    """Retry-After in seconds (a number of seconds or an HTTP date), at most MAX_RETRY_AFTER_S."""
    if not value:
        return None
    value = value.strip()[:64]
    try:
        return bounded_wait(float(value))
    except (ValueError, OverflowError):
        pass
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    if when is None:
        return None
    try:
        return bounded_wait(when.timestamp() - (time.time() if now is None else now))
    except (OverflowError, OSError, ValueError):
        return None


def _credits_scope(code: str | None, text: str) -> str | None:
    code = (code or "").upper()
    if code == "IMAGE_DAILY_LIMIT_REACHED" or ("DAILY" in code and "LIMIT" in code):
        return "daily"
    if code == "IMAGE_QUOTA_EXCEEDED" or "QUOTA" in code:
        return "cycle"
    if _CREDIT_WORDS.search(text) or re.search(r"\blimit\b", text, re.I):
        return "daily" if _DAILY_WORDS.search(text) else "cycle"
    return None


def _is_model_not_allowed(code: str | None, text: str) -> bool:
    if (code or "").upper() == "MODEL_NOT_ALLOWED":
        return True
    low = text.lower()
    return "not allowed" in low and "model" in low


def error_from_parts(
    status: int, body: ErrorBody, retry_after: str | None = None, *, token_endpoint: bool = False
) -> NeuroflashError:
    """The typed error for a status and a parsed body (pure, so it is easy to test)."""
    text = body.text
    detail = f"HTTP {status}" + (f": {text}" if text else "")
    if body.fields:
        detail += "; " + "; ".join(body.fields)
    kw: ErrorDetails = {"status": status, "code": body.code, "detail": detail}
    if token_endpoint and status in (400, 401, 403):
        return AuthenticationError(**kw)
    if token_endpoint and status == 404:
        return ServiceError(
            QT_TRANSLATE_NOOP(
                "Errors", "neuroflash's sign-in service can't be found right now. Try again later."
            ),
            **kw,
        )
    if status == 401:
        return AuthenticationError(SIGNED_OUT, **kw)
    if status == 403:
        if _is_model_not_allowed(body.code, text):
            return ModelNotAllowedError(**kw)
        scope = _credits_scope(body.code, text)
        if scope:
            return NoCreditsError(scope=scope, **kw)
        if "workspace" in text.lower():
            return PermissionDeniedError(
                QT_TRANSLATE_NOOP(
                    "Errors",
                    "Your service account can't use this workspace. Pick another workspace.",
                ),
                **kw,
            )
        return PermissionDeniedError(**kw)
    if status == 404:
        return NotFoundError(**kw)
    if status in (400, 409, 413, 422):
        reasons = "; ".join(body.fields) or text
        message = f"neuroflash did not accept this request: {reasons}" if reasons else None
        if message and not message.endswith("."):
            message += "."
        return InvalidRequestError(message, **kw)
    if status == 429:
        if _credits_scope(body.code, text) and not re.search(r"rate", text, re.I):
            return NoCreditsError(scope=_credits_scope(body.code, text) or "cycle", **kw)
        seconds = parse_retry_after(retry_after)
        if seconds is None:
            match = _RETRY_IN.search(text)
            seconds = bounded_wait(float(match.group(1))) if match else None
        return RateLimitedError(retry_after=seconds, **kw)
    if 500 <= status <= 599:
        return ServiceError(**kw)
    return UnexpectedResponseError(**kw)


def error_from_response(
    response: requests.Response, *, token_endpoint: bool = False
) -> NeuroflashError:
    body = parse_error_body(response.content, response.headers.get("Content-Type"))
    error = error_from_parts(
        response.status_code,
        body,
        response.headers.get("Retry-After"),
        token_endpoint=token_endpoint,
    )
    request = response.request
    if request is not None and error.detail is not None:
        path = (request.url or "").split("?", 1)[0]
        error.detail = f"{request.method} {path}: {error.detail}"
    return error
