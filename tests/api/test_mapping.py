"""Status + body → the typed error a designer can act on (pure, no HTTP)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from email.utils import format_datetime

import pytest

from desktop.api import errors as E
from desktop.api.error_body import ErrorBody, parse_error_body
from desktop.api.mapping import error_from_parts, parse_retry_after


def err(status, body, retry_after=None, token=False):
    return error_from_parts(status, parse_error_body(body), retry_after, token_endpoint=token)


@pytest.mark.parametrize(
    ("status", "body", "cls"),
    [
        (401, '{"error": "invalid_client"}', E.AuthenticationError),
        (403, '{"error": "x", "code": "IMAGE_QUOTA_EXCEEDED"}', E.NoCreditsError),
        (403, '{"detail": "Model \'m\' is not allowed in this workspace"}', E.ModelNotAllowedError),
        (403, '{"detail": "You do not have access to this workspace"}', E.PermissionDeniedError),
        (404, '{"detail": "Image not found"}', E.NotFoundError),
        (400, '{"detail": "Missing x-workspace-id header"}', E.InvalidRequestError),
        (
            422,
            '{"detail": [{"loc": ["body", "num_images"], "msg": "too big"}]}',
            E.InvalidRequestError,
        ),
        (429, '{"detail": "Rate limit exceeded. Try again in 7 seconds."}', E.RateLimitedError),
        (500, "Internal Server Error", E.ServiceError),
        (503, "", E.ServiceError),
        (418, "", E.UnexpectedResponseError),
    ],
)
def test_status_classes(status, body, cls):
    error = err(status, body)
    assert type(error) is cls
    assert error.status == status
    assert str(error) == error.message and error.message
    assert isinstance(error.detail, str)


def test_token_endpoint_400_and_401_are_auth_errors():
    for status in (400, 401):
        error = err(status, '{"error": "invalid_client", "error_description": "x"}', token=True)
        assert isinstance(error, E.AuthenticationError)
        assert "Service Accounts" in error.message


def test_api_401_says_sign_in_no_longer_valid():
    assert "no longer valid" in err(401, '{"detail": "Missing or invalid access token"}').message


def test_credit_scopes():
    daily = err(403, '{"error": "x", "code": "IMAGE_DAILY_LIMIT_REACHED"}')
    cycle = err(403, '{"error": "x", "code": "IMAGE_QUOTA_EXCEEDED"}')
    assert (daily.scope, cycle.scope) == ("daily", "cycle")
    assert "midnight UTC" in daily.message and "billing cycle" in cycle.message
    assert err(403, '{"detail": "Daily image limit reached"}').scope == "daily"
    assert isinstance(err(429, '{"detail": "Image quota exceeded"}'), E.NoCreditsError)


def test_model_not_allowed_by_code():
    error = err(403, '{"detail": "whatever", "code": "MODEL_NOT_ALLOWED"}')
    assert isinstance(error, E.ModelNotAllowedError) and error.code == "MODEL_NOT_ALLOWED"


def test_validation_fields_in_message():
    error = err(422, '{"detail": [{"loc": ["body", "prompt"], "msg": "Field required"}]}')
    assert "prompt: Field required" in error.message


def test_rate_limit_wait():
    error = err(429, '{"detail": "slow down"}', "12")
    assert error.retry_after == 12.0 and "12 seconds" in error.message
    from_body = err(429, '{"detail": "Rate limit exceeded. Try again in 7 seconds."}')
    assert from_body.retry_after == 7.0
    assert err(429, "").retry_after is None


def test_retry_after_http_date():
    when = datetime.now(UTC) + timedelta(seconds=30)
    value = parse_retry_after(format_datetime(when, usegmt=True))
    assert value is not None and 25 <= value <= 31
    assert parse_retry_after("garbage") is None
    assert parse_retry_after("-5") == 0.0


def test_errors_carry_fields():
    error = E.NoCreditsError(scope="daily", status=403, code="C", detail="d")
    assert (error.status, error.code, error.detail, error.scope) == (403, "C", "d", "daily")
    assert str(E.NetworkError()) == "Can't reach neuroflash. Check your internet connection."
    assert error_from_parts(500, ErrorBody()).detail == "HTTP 500"
