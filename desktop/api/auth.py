"""The access token: fetched with client credentials, kept in memory only, renewed before it
expires or after a 401, and only one renewal at a time however many threads ask."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable

from desktop.api.errors import UnexpectedResponseError
from desktop.api.mapping import error_from_response
from desktop.api.models import ApiSettings, Credentials
from desktop.api.parsing import parse_token
from desktop.api.transport import Retry, Transport

DEFAULT_LIFETIME_S = 3600.0  # when the server does not say; a 401 renews it anyway
MAX_MARGIN_S = 60.0


def renewal_margin(lifetime: float) -> float:
    """Renew 60 s early, or 10% early for short lifetimes (so short tokens still get used)."""
    return min(MAX_MARGIN_S, lifetime * 0.1)


class TokenManager:
    def __init__(
        self,
        transport: Transport,
        credentials: Credentials,
        settings: ApiSettings,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self._transport = transport
        self._credentials = credentials
        self._settings = settings
        self._clock = clock
        self._lock = threading.Lock()
        self._token: str | None = None
        self._renew_at = 0.0
        self.renewals = 0  # how many tokens were fetched; handy for tests and logs
        self.issued: list[str] = []  # current and previous tokens, for masking (last 8)

    def token(self) -> str:
        """A valid token, fetching one if there is none or it is about to expire."""
        token, renew_at = self._token, self._renew_at
        if token is not None and self._clock() < renew_at:
            return token
        with self._lock:
            if self._token is not None and self._clock() < self._renew_at:
                return self._token
            return self._fetch()

    def renew_after_rejection(self, rejected: str) -> str:
        """A fresh token after the API said 401 to `rejected`; reuses one another thread got."""
        with self._lock:
            if self._token is not None and self._token != rejected:
                return self._token
            self._token = None
            return self._fetch()

    def forget(self) -> None:
        with self._lock:
            self._token = None
            self._renew_at = 0.0

    def _fetch(self) -> str:
        form = {
            "grant_type": "client_credentials",
            "client_id": self._credentials.client_id,
            "client_secret": self._credentials.client_secret,
            "scope": "openid",
        }
        started = self._clock()
        response = self._transport.send(
            "POST",
            self._settings.token_url,
            retry=Retry.IDEMPOTENT,  # asking for a token twice costs nothing
            data=form,
            headers={"Accept": "application/json"},
        )
        if response.status_code != 200:
            raise error_from_response(response, token_endpoint=True)
        try:
            data = response.json()
        except (ValueError, RecursionError) as exc:
            raise UnexpectedResponseError(detail="Token answer is not JSON") from exc
        token, lifetime = parse_token(data)
        lifetime = lifetime or DEFAULT_LIFETIME_S
        self._token = token
        self.issued = [*self.issued[-7:], token]
        self._renew_at = started + lifetime - renewal_margin(lifetime)
        self.renewals += 1
        return token
