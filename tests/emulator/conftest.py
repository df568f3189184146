"""Helpers for talking to the built-in server over real loopback HTTP."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

import pytest
import requests

from desktop.emulator import DEMO_CLIENT_ID, DEMO_CLIENT_SECRET, EmulatorConfig, start_server
from desktop.emulator.demo_data import STUDIO_WORKSPACE_ID
from desktop.emulator.server import EmulatorServer


def get_token(server: EmulatorServer) -> str:
    answer = requests.post(
        server.token_url,
        data={
            "grant_type": "client_credentials",
            "client_id": DEMO_CLIENT_ID,
            "client_secret": DEMO_CLIENT_SECRET,
            "scope": "openid",
        },
        timeout=10,
    )
    answer.raise_for_status()
    return answer.json()["access_token"]


@dataclass
class Api:
    """A tiny authenticated client: what a user of the API would write."""

    server: EmulatorServer
    token: str
    workspace_id: str = STUDIO_WORKSPACE_ID

    @property
    def headers(self) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.token}", "x-workspace-id": self.workspace_id}

    def get(self, path: str, **kw: object) -> requests.Response:
        return requests.get(self.server.api_url + path, headers=self.headers, timeout=10, **kw)

    def post(self, path: str, json: object = None, **kw: object) -> requests.Response:
        return requests.post(
            self.server.api_url + path, headers=self.headers, json=json, timeout=10, **kw
        )

    def delete(self, path: str) -> requests.Response:
        return requests.delete(self.server.api_url + path, headers=self.headers, timeout=10)

    def generate(self, prompt: str = "a red fox", **fields: object) -> requests.Response:
        return self.post("/ds-prototypes/image_generation/", {"prompt": prompt, **fields})

    def available(self) -> int:
        return self.server.state.quota(self.workspace_id)["availableAmount"]


@pytest.fixture
def api(emulator: EmulatorServer) -> Api:
    return Api(emulator, get_token(emulator))


@pytest.fixture
def make_server() -> Iterator[object]:
    """Start servers with a custom config; all are stopped after the test."""
    started: list[EmulatorServer] = []

    def make(**config: object) -> EmulatorServer:
        server = start_server(EmulatorConfig(**config), host="127.0.0.1", port=0)
        started.append(server)
        return server

    yield make
    for server in started:
        server.stop()
