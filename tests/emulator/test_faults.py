"""Each injected fault is observable from a plain requests client; latency is applied."""

from __future__ import annotations

import time

import pytest
import requests

from tests.emulator.conftest import Api, get_token

HISTORY = "/ds-prototypes/history"


@pytest.mark.parametrize("kind", ["500", "502", "503", "504"])
def test_status_faults(api: Api, kind: str) -> None:
    api.server.state.faults.schedule(kind, path=r"/history$")
    assert api.get(HISTORY).status_code == int(kind)
    assert api.get(HISTORY).status_code == 200  # count=1: only the next one


def test_429_fault_has_retry_after(api: Api) -> None:
    api.server.state.faults.schedule("429", path="image_generation/$", method="POST")
    assert api.get(HISTORY).status_code == 200  # other paths are untouched
    answer = api.generate("x")
    assert answer.status_code == 429 and answer.headers["retry-after"] == "1"


def test_drop_breaks_the_body(api: Api) -> None:
    api.server.state.faults.schedule("drop", path=HISTORY)
    with pytest.raises(
        (requests.exceptions.ChunkedEncodingError, requests.exceptions.ConnectionError)
    ):
        api.get(HISTORY)
    assert api.get(HISTORY).status_code == 200


def test_malformed_is_200_but_not_json(api: Api) -> None:
    api.server.state.faults.schedule("malformed", path=HISTORY)
    answer = api.get(HISTORY)
    assert answer.status_code == 200
    with pytest.raises(requests.exceptions.JSONDecodeError):
        answer.json()


def test_html_is_a_502_page(api: Api) -> None:
    api.server.state.faults.schedule("html", path=HISTORY)
    answer = api.get(HISTORY)
    assert answer.status_code == 502 and answer.headers["content-type"].startswith("text/html")
    assert "<html>" in answer.text


def test_timeout_holds_the_answer_and_stop_stays_fast(make_server) -> None:
    server = make_server(timeout_fault_s=5)
    api = Api(server, get_token(server))
    server.state.faults.schedule("timeout", path=HISTORY, count=2)
    with pytest.raises(requests.exceptions.ReadTimeout):
        requests.get(server.api_url + HISTORY, headers=api.headers, timeout=0.5)
    started = time.monotonic()
    server.stop()
    assert time.monotonic() - started < 4.0  # it did not wait for the answer held 5 s


def test_share_and_clear(api: Api) -> None:
    faults = api.server.state.faults
    faults.set_share(1.0, ["503", "504"], path=HISTORY)
    assert all(api.get(HISTORY).status_code in (503, 504) for _ in range(5))
    assert api.get("/ds-prototypes/image_generation/models").status_code == 200
    faults.clear()
    assert api.get(HISTORY).status_code == 200
    with pytest.raises(ValueError):
        faults.schedule("teapot")


def test_latency(make_server) -> None:
    server = make_server(latency_s=0.3)
    api = Api(server, get_token(server))
    started = time.monotonic()
    api.get("/workspace-service/v1/workspaces")
    assert time.monotonic() - started >= 0.3


def test_faults_from_config(make_server) -> None:
    server = make_server(fault_share=1.0, fault_kinds=("500",))
    answer = requests.get(server.api_url + "/workspace-service/v1/workspaces", timeout=5)
    assert answer.status_code == 500
