"""Authenticated requests to the API: the token and the workspace header go to the API's own
origin only, redirects are followed by hand (never off the API origin with credentials, never
turning a POST into a GET), a 401 renews the token once, and error statuses become
NeuroflashErrors. NeuroflashClient builds every call on this."""

from __future__ import annotations

from typing import Any
from urllib.parse import urljoin

import requests

from desktop.api.auth import TokenManager
from desktop.api.errors import InvalidRequestError, UnexpectedResponseError
from desktop.api.mapping import SIGNED_OUT, error_from_response
from desktop.api.models import ApiSettings
from desktop.api.parsing import is_header_safe
from desktop.api.texts import QT_TRANSLATE_NOOP
from desktop.api.transport import Retry, Transport
from desktop.api.urls import is_allowed_url, origin

_MAX_REDIRECTS = 3


class AuthedSender:
    """Sends to the API at ``base`` with the tokens of ``tokens``."""

    def __init__(
        self, base: str, settings: ApiSettings, transport: Transport, tokens: TokenManager
    ) -> None:
        self._base = base
        self._api_origin = origin(base)
        self._settings = settings
        self._transport = transport
        self._tokens = tokens

    def get_json(
        self, path: str, *, workspace_id: str | None = None, params: dict | None = None
    ) -> Any:
        response = self.send(
            "GET", self._base + path, workspace_id, Retry.IDEMPOTENT, params=params
        )
        return json_of(response)

    def post_json(self, path: str, workspace_id: str, body: dict[str, Any]) -> Any:
        """A POST that spends credits (ds-prototypes): sent once, retried only when the
        connection was never made."""
        return json_of(self._post_once(path, workspace_id, body))

    def post_json_to(self, path: str, body: dict[str, Any], unreadable: str) -> Any:
        """A POST that creates something (family B: no x-workspace-id, it is in the path):
        sent once; retried only when the connection was never made. A 2xx answer that can't
        be read means it was done: `unreadable` says so, and maybe_delivered is set."""
        response = self._post_once(path, None, body)
        try:
            return json_of(response)
        except UnexpectedResponseError as error:
            error.message, error.maybe_delivered = unreadable, True
            raise

    def _post_once(
        self, path: str, workspace_id: str | None, body: dict[str, Any]
    ) -> requests.Response:
        return self.send(
            "POST",
            self._base + path,
            workspace_id,
            Retry.CONNECT_ONLY,
            json=body,
            read_timeout=self._settings.generate_timeout,
        )

    def delete(self, path: str, workspace_id: str | None) -> None:
        self.send("DELETE", self._base + path, workspace_id, Retry.CONNECT_ONLY).close()

    def send(
        self,
        method: str,
        url: str,
        workspace_id: str | None,
        retry: Retry,
        *,
        accept: str = "application/json",
        foreign_ok: bool = False,
        **kwargs: Any,
    ) -> requests.Response:
        """Send with the token (API origin only); renew once and retry once after a 401."""
        token = self._tokens.token() if origin(url) == self._api_origin else None
        response = self._follow(method, url, token, workspace_id, retry, accept, foreign_ok, kwargs)
        if response.status_code == 401 and token is not None:
            response.close()
            token = self._tokens.renew_after_rejection(token)
            response = self._follow(
                method, url, token, workspace_id, retry, accept, foreign_ok, kwargs
            )
            if response.status_code == 401:
                error = error_from_response(response)
                error.message = SIGNED_OUT
                raise error
        if response.status_code >= 400:
            raise error_from_response(response)
        if 300 <= response.status_code < 400:
            raise UnexpectedResponseError(
                status=response.status_code, detail=f"Unfollowed redirect from {method} {url}"
            )
        return response

    def _follow(
        self,
        method: str,
        url: str,
        token: str | None,
        workspace_id: str | None,
        retry: Retry,
        accept: str,
        foreign_ok: bool,
        kwargs: dict[str, Any],
    ) -> requests.Response:
        """Send, following redirects by hand: credentials only ever go to the API origin."""
        for _ in range(_MAX_REDIRECTS + 1):
            same_origin = origin(url) == self._api_origin
            headers = {"Accept": accept}
            if same_origin and token is not None:
                headers["Authorization"] = f"Bearer {token}"
            if same_origin and workspace_id:
                if not is_header_safe(str(workspace_id)):
                    raise InvalidRequestError(
                        QT_TRANSLATE_NOOP("Errors", "That workspace can't be used. Pick another."),
                        detail=f"Workspace id not sendable in a header: {workspace_id!r}"[:200],
                    )
                headers["x-workspace-id"] = str(workspace_id)
            response = self._transport.send(method, url, retry=retry, headers=headers, **kwargs)
            location = response.headers.get("Location")
            if response.status_code not in (301, 302, 303, 307, 308) or not location:
                return response
            target = urljoin(url, location)
            foreign = origin(target) != self._api_origin
            if not is_allowed_url(target) or (foreign and not foreign_ok):
                return response  # send() turns an unfollowed redirect into an error
            if method != "GET" and response.status_code not in (307, 308):
                return response  # never silently turn a POST into a GET
            response.close()
            url = target
        return response


def json_of(response: requests.Response) -> Any:
    try:
        return response.json()
    except (ValueError, RecursionError) as exc:  # deeply nested JSON is not an answer
        raise UnexpectedResponseError(
            status=response.status_code,
            detail=f"Not JSON ({response.headers.get('Content-Type')}): {response.text[:200]!r}",
        ) from exc
