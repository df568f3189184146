"""The chain behind an edited image: the first prompt and every edit instruction after it.

An edit's own prompt is only the instruction ("Make the background deep navy blue"). The
chain comes from what the app recorded when it made the edit (``desktop/services/edit_origins``,
surviving a restart) or, for edits made elsewhere, from the history's ``input_image_urls``
and the source still in the history. Reads happen on the GUI thread from memory; the file
is read and written on workers.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

from desktop.api import HistoryItem, view_path
from desktop.app.background import BackgroundRunner
from desktop.app.tasks import Spawn
from desktop.services.edit_origins import EditOrigin, read_origins, write_origins

Lookup = Callable[[str], HistoryItem | None]
MAX_CHAIN = 32  # edits of edits; also stops a (corrupt) cycle


def source_id_from_url(url: str) -> str | None:
    """The image id in a view path ``…/image_generation/{id}/view`` (or a bare id)."""
    path = urlsplit(url.strip()).path.rstrip("/")
    parts = [p for p in path.split("/") if p]
    if len(parts) >= 2 and parts[-1] == "view":
        return unquote(parts[-2]) or None
    if len(parts) == 1 and "/" not in url.strip():
        return unquote(parts[0]) or None
    return None


class EditProvenance:
    """image id -> EditOrigin, in memory, loaded from and saved to ``path`` in the background."""

    def __init__(self, path: Path | None, runner: BackgroundRunner, spawn: Spawn) -> None:
        self._path = path
        self._runner = runner
        self._spawn = spawn
        self._origins: dict[str, EditOrigin] = {}
        self._load_task: asyncio.Future[Any] | None = None
        self._save_lock: asyncio.Lock | None = None

    # -- storage --------------------------------------------------------------------------------

    def load_soon(self) -> None:
        """Read the saved records once, on a worker (records made meanwhile are kept)."""
        if self._path is not None and self._load_task is None:
            self._load_task = self._spawn(self._load())

    async def _load(self) -> None:
        assert self._path is not None
        saved = await self._runner.run(read_origins, self._path)
        self._origins = {**saved, **self._origins}

    def record(self, image_ids: list[str], origin: EditOrigin) -> None:
        """Remember where the images ``image_ids`` came from, and save soon."""
        for image_id in image_ids:
            self._origins.pop(image_id, None)
            self._origins[image_id] = origin  # newest last: the oldest are dropped first
        if self._path is not None:
            self._spawn(self._save())

    async def _save(self) -> None:
        if (path := self._path) is None:
            return
        if self._load_task is not None:
            await asyncio.shield(self._load_task)  # never overwrite the file before reading it
        if self._save_lock is None:
            self._save_lock = asyncio.Lock()
        async with self._save_lock:  # the snapshot is taken in turn: a later save is newer
            await self._runner.run(write_origins, path, dict(self._origins))

    # -- queries --------------------------------------------------------------------------------

    def origin_of(self, item: HistoryItem, lookup: Lookup) -> EditOrigin | None:
        """Where ``item`` came from, or None when it is not an edit (or nothing is known)."""
        recorded = self._origins.get(item.image_id)
        if recorded is not None:
            return recorded
        if item.kind != "image2image" or not item.input_image_urls:
            return None
        source_id = source_id_from_url(item.input_image_urls[0])
        if not source_id:
            return None
        source = lookup(source_id)
        return EditOrigin(source_id, source.prompt if source else "", item.prompt)

    def chain(self, item: HistoryItem, lookup: Lookup) -> list[str]:
        """[first prompt, first instruction, …, this instruction]; [prompt] for a generation.
        The first prompt is "" when the original source is unknown."""
        steps: list[str] = []
        seen = {item.image_id}
        current = item
        origin = self.origin_of(current, lookup)
        if origin is None:
            return [item.prompt]
        while origin is not None and len(steps) < MAX_CHAIN:
            steps.append(origin.instruction)
            if origin.source_id in seen:
                break
            seen.add(origin.source_id)
            source = lookup(origin.source_id)
            if source is None:
                source = HistoryItem(
                    origin.source_id, view_path(origin.source_id), prompt=origin.source_prompt
                )
            else:
                source = _with_prompt(source, origin.source_prompt)
            current = source
            origin = self.origin_of(current, lookup)
        if origin is None:
            steps.append(current.prompt)
        else:
            steps.append("")
        steps.reverse()
        return steps

    def source_item(self, item: HistoryItem, lookup: Lookup) -> HistoryItem | None:
        """The image ``item`` was made from (from the history, or rebuilt from its id)."""
        origin = self.origin_of(item, lookup)
        if origin is None:
            return None
        found = lookup(origin.source_id)
        if found is not None:
            return found
        return HistoryItem(
            origin.source_id, view_path(origin.source_id), prompt=origin.source_prompt
        )


def _with_prompt(item: HistoryItem, prompt: str) -> HistoryItem:
    """The history's copy, unless only the record knows its prompt."""
    if item.prompt or not prompt:
        return item
    from dataclasses import replace

    return replace(item, prompt=prompt)
