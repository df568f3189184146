"""A hostile server the whole app can use: the built-in server behind a loopback front that
forwards every request, except those a test's ``override`` answers itself (or rewrites), so one
endpoint misbehaves while the rest of the app works normally."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

import requests

from tests.api.recorder import Answer, Recorder, Seen, recorder

# (request, the built-in server's answer as parsed JSON or None) -> an answer, or None to pass
Override = Callable[[Seen, Callable[[], Answer]], Answer | None]
_KEEP = ("content-type", "retry-after", "location")


@contextmanager
def hostile_front(upstream: str, override: Override) -> Iterator[Recorder]:
    session = requests.Session()

    def forward() -> Callable[[Seen], Answer]:
        def call(seen: Seen) -> Answer:
            headers = {
                k: v
                for k, v in seen.headers.items()
                if k not in ("host", "content-length", "connection")
            }
            answer = session.request(
                seen.method,
                upstream + seen.path,
                headers=headers,
                data=seen.body,
                allow_redirects=False,
                timeout=30,
            )
            kept = {k: v for k, v in answer.headers.items() if k.lower() in _KEEP}
            return answer.status_code, kept, answer.content

        return call

    send = forward()

    def route(seen: Seen) -> Answer:
        answer = override(seen, lambda: send(seen))
        return answer if answer is not None else send(seen)

    try:
        with recorder(route) as front:
            yield front
    finally:
        session.close()


def rewrite_json(answer: Answer, change: Callable[[Any], Any]) -> Answer:
    """The upstream answer with its JSON body changed by ``change`` (which may mutate)."""
    status, headers, body = answer
    data = json.loads(body)
    changed = change(data)
    return status, headers, json.dumps(data if changed is None else changed).encode()
