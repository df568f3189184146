"""ImageOperations against a fake session: what the grid would show after generate, edit,
delete and a dropped connection, without a server or a window."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable, Coroutine, Sequence
from typing import Any, TypeVar

import pytest

from desktop.api import (
    EditRequest,
    GeneratedImage,
    GenerationRequest,
    GenerationResult,
    HistoryItem,
    ImageData,
)
from desktop.api.errors import AuthenticationError, NetworkError, NeuroflashError
from desktop.app.background import BackgroundRunner
from desktop.app.edit_provenance import EditProvenance
from desktop.app.image_operations import ImageOperations, SessionPort

T = TypeVar("T")


class FakeClient:
    def __init__(self) -> None:
        self.deleted: list[str] = []
        self.fail_delete: set[str] = set()
        self.generate_error: Exception | None = None

    def generate(self, workspace_id: str, request: GenerationRequest) -> GenerationResult:
        if self.generate_error is not None:
            raise self.generate_error
        images = tuple(
            GeneratedImage(f"new-{i}", f"/view/new-{i}", "image/png", 64, 64)
            for i in range(request.num_images)
        )
        return GenerationResult(images, request.prompt, "batch", None, request.num_images)

    def edit(self, workspace_id: str, request: EditRequest) -> GenerationResult:
        image = GeneratedImage("edited", "/view/edited", "image/webp", 64, 64)
        return GenerationResult((image,), request.prompt, "batch-2", None, 1)

    def delete_image(self, workspace_id: str, output_image_id: str) -> None:
        if output_image_id in self.fail_delete:
            raise NeuroflashError("gone wrong")
        self.deleted.append(output_image_id)

    def download_image(self, workspace_id: str, url: str, cancelled: object = None) -> ImageData:
        raise AssertionError("not used here")


class FakeSession:
    """A SessionPort that records what the session would do."""

    def __init__(self, client: FakeClient | None) -> None:
        self.client = client
        self.workspace_id: str | None = "ws"
        self.offline = False
        self.history: list[HistoryItem] = [HistoryItem("old", "/view/old", prompt="a cat")]
        self.reports: list[tuple[Exception, Callable[[], Awaitable[Any]] | None]] = []
        self.refreshed = 0
        self.unconfirmed: list[str] = []
        self.tasks: list[asyncio.Task[Any]] = []

    def image_client(self) -> FakeClient:
        if self.client is None:
            raise AuthenticationError("signed out")
        return self.client

    def require_workspace(self) -> str:
        assert self.workspace_id
        return self.workspace_id

    async def call(self, fn: Callable[..., T], *args: Any) -> T:
        return fn(*args)

    def spawn(self, coro: Coroutine[Any, Any, Any]) -> asyncio.Task[Any]:
        task = asyncio.ensure_future(coro)
        self.tasks.append(task)
        return task

    def set_offline(self, offline: bool) -> None:
        self.offline = offline

    def report(self, error: Exception, retry: Callable[[], Awaitable[Any]] | None) -> None:
        self.reports.append((error, retry))

    def show_notice(self, text: str) -> None:
        pass

    def add_to_history(self, workspace_id: str, items: Sequence[HistoryItem], select: bool) -> None:
        known = {item.image_id for item in self.history}
        self.history[:0] = [item for item in items if item.image_id not in known]

    def remove_from_history(self, workspace_id: str, image_ids: Sequence[str]) -> None:
        self.history = [item for item in self.history if item.image_id not in image_ids]

    def delete_unconfirmed(self, image_id: str) -> None:
        self.unconfirmed.append(image_id)

    async def refresh_history(self) -> None:
        self.refreshed += 1

    async def refresh_quota(self) -> None:
        pass


def _operations(session: FakeSession, provenance: EditProvenance | None = None) -> ImageOperations:
    port: SessionPort = session  # the fake satisfies the protocol (checked by the type checker)
    provenance = provenance or EditProvenance(None, BackgroundRunner(1), session.spawn)
    return ImageOperations(port, provenance)


def _run(coro: Coroutine[Any, Any, T]) -> T:
    return asyncio.run(coro)


def test_generated_images_go_to_the_top_of_the_history():
    session = FakeSession(FakeClient())
    ops = _operations(session)

    async def go() -> None:
        await ops.generate(GenerationRequest("a dog", "model", num_images=2))
        await asyncio.gather(*session.tasks)

    _run(go())
    assert [item.image_id for item in session.history] == ["new-0", "new-1", "old"]
    assert session.history[0].prompt == "a dog"
    assert session.history[0].kind == "text2image"


def test_an_edit_remembers_where_it_came_from():
    session = FakeSession(FakeClient())
    provenance = EditProvenance(None, BackgroundRunner(1), session.spawn)
    ops = _operations(session, provenance)
    source = session.history[0]

    async def go() -> None:
        await ops.edit(source, "make it blue")
        await asyncio.gather(*session.tasks)

    _run(go())
    edited = ops.find_item("edited")
    assert edited is not None and edited.kind == "image2image"
    assert edited.input_image_urls == (source.image_url,)
    assert provenance.chain(edited, ops.find_item) == ["a cat", "make it blue"]


def test_a_failed_delete_keeps_the_image_and_offers_a_retry_for_it_only():
    client = FakeClient()
    session = FakeSession(client)
    session.history.append(HistoryItem("stuck", "/view/stuck"))
    client.fail_delete = {"stuck"}
    ops = _operations(session)

    async def go() -> list[str]:
        gone = await ops.delete(list(session.history))
        await asyncio.gather(*session.tasks)
        return gone

    assert _run(go()) == ["old"]
    assert [item.image_id for item in session.history] == ["stuck"]
    assert session.unconfirmed == ["stuck"], "the next sync asks whether it went after all"
    ((error, retry),) = session.reports
    assert error.args and retry is not None


def test_a_generate_that_may_have_reached_the_server_looks_for_its_images(monkeypatch):
    monkeypatch.setattr("desktop.app.image_operations.REFRESH_AFTER_DROP_S", 0.0)
    client = FakeClient()
    dropped = NetworkError("dropped")
    dropped.maybe_delivered = True
    client.generate_error = dropped
    session = FakeSession(client)
    ops = _operations(session)

    async def go() -> None:
        with pytest.raises(NetworkError):
            await ops.generate(GenerationRequest("a dog", "model"))
        await asyncio.gather(*session.tasks)

    _run(go())
    assert session.refreshed == 1  # never sent twice, looked for instead


def test_signed_out_and_offline_says_the_image_is_not_saved():
    session = FakeSession(None)
    session.offline = True
    ops = _operations(session)
    with pytest.raises(NetworkError, match="offline"):
        ops.fetch_image(session.history[0])
