"""Error answers in the exact shapes the contract promises (not all are FastAPI's default)."""

from __future__ import annotations

from typing import Any, NoReturn

from fastapi import Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse


class ApiError(Exception):
    """Raise anywhere in a route to answer `status` with the JSON `body` verbatim."""

    def __init__(
        self, status: int, body: dict[str, Any], headers: dict[str, str] | None = None
    ) -> None:
        super().__init__(body)
        self.status = status
        self.body = body
        self.headers = headers


async def api_error_handler(_request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, ApiError)
    return JSONResponse(exc.body, status_code=exc.status, headers=exc.headers)


def invalid(field: str, msg: str, value: Any) -> NoReturn:
    """A FastAPI-shaped 422 for checks pydantic cannot do alone (they depend on the model)."""
    raise RequestValidationError(
        [{"type": "value_error", "loc": ("body", field), "msg": msg, "input": value}]
    )


def not_found() -> NoReturn:
    raise ApiError(404, {"detail": "Image not found"})
