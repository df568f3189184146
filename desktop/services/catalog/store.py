"""``CatalogStore``: the catalogue's one front door and its thread model.

Thread model
------------
* **Writes** run on the store's own writer thread (one connection, one thread, one
  transaction per call). Every write method returns at once with a
  ``concurrent.futures.Future``; the GUI thread awaits it (``asyncio.wrap_future``) or ignores
  it, a worker may call ``.result()``. Writes from any number of threads are queued in call
  order, so they never race.
* **Reads** are plain blocking calls that run on the calling thread with a read connection of
  their own (a small pool; WAL lets them read while the writer writes). Call them from a
  worker thread; a screenful of search results takes milliseconds, but opening a cold file
  does not. A read sees every write whose future has completed.
* **Opening** (the constructor) migrates, and sets a damaged file aside: do it on a worker.
"""

from __future__ import annotations

import logging
import sqlite3
import threading
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from contextlib import contextmanager, suppress
from datetime import datetime
from pathlib import Path
from typing import Any, TypeVar

from desktop.api import HistoryItem, Workspace
from desktop.services.catalog import reads, writes
from desktop.services.catalog.opening import (
    DAMAGED_NOW_MESSAGE,
    connect,
    is_corruption,
    mark_damaged,
    open_writer,
)
from desktop.services.catalog.query import CatalogQuery
from desktop.services.catalog.rows import (
    CatalogEntry,
    CatalogRow,
    Collection,
    Facets,
    Kind,
    PendingDelete,
)

log = logging.getLogger(__name__)
T = TypeVar("T")
CATALOG_FILE = "catalog.sqlite3"


class CatalogClosedError(RuntimeError):
    """The store was closed; nothing more is written."""


class CatalogDamagedError(RuntimeError):
    """The file turned out damaged while in use; ``message`` is for the designer (translate
    with CATALOG_CONTEXT). The next start sets the file aside and rebuilds from the server."""

    def __init__(self, detail: str) -> None:
        super().__init__(detail)
        self.message = DAMAGED_NOW_MESSAGE


class CatalogStore:
    """The local catalogue of every workspace's history and the designer's own marks."""

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        self._writer, self.damage = open_writer(self.path)
        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="catalog-writer")
        self._readers: list[sqlite3.Connection] = []
        self._idle: list[sqlite3.Connection] = []
        self._lock = threading.Lock()
        self._closed = False
        self.damaged_now = False  # the file went bad while open (see CatalogDamagedError)

    @classmethod
    def in_folder(cls, folder: Path) -> CatalogStore:
        return cls(Path(folder) / CATALOG_FILE)

    # -- plumbing -------------------------------------------------------------------------

    def _write(self, fn: Callable[..., T], *args: Any) -> Future[T]:
        """Run ``fn(writer, *args)`` in one transaction on the writer thread."""
        if self._closed:
            raise CatalogClosedError("the catalogue is closed")
        return self._executor.submit(self._in_transaction, fn, *args)

    def _in_transaction(self, fn: Callable[..., T], *args: Any) -> T:
        conn = self._writer
        conn.execute("BEGIN IMMEDIATE")
        try:
            result = fn(conn, *args)
            conn.execute("COMMIT")  # inside: a failed commit (disk full) must roll back too
        except BaseException as err:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            # logged here too: a caller that does not await the future would never hear of it
            log.warning("Catalogue write %s failed", getattr(fn, "__name__", fn), exc_info=True)
            self._check_damage(err)
            raise
        return result

    @contextmanager
    def _reader(self) -> Iterator[sqlite3.Connection]:
        with self._lock:
            if self._closed:
                raise CatalogClosedError("the catalogue is closed")
            conn = self._idle.pop() if self._idle else None
        if conn is None:
            conn = connect(self.path, read_only=True)
            with self._lock:
                self._readers.append(conn)
        try:
            yield conn
        finally:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            with self._lock:
                closing = self._closed
                if closing:
                    self._readers.remove(conn)
                else:
                    self._idle.append(conn)
            if closing:
                conn.close()  # the store closed while this read ran: closed now, not under it

    def _read(self, fn: Callable[..., T], *args: Any) -> T:
        try:
            with self._reader() as conn:
                return fn(conn, *args)
        except sqlite3.DatabaseError as err:
            self._check_damage(err)
            raise

    def _check_damage(self, err: BaseException) -> None:
        """Turn "the file is damaged" into CatalogDamagedError and mark the file for the
        next start; other errors pass unchanged."""
        if is_corruption(err):
            self.damaged_now = True
            mark_damaged(self.path, f"{type(err).__name__}: {err}")
            raise CatalogDamagedError(str(err)) from err

    def compact(self) -> Future[None]:
        """Rewrite the file tightly (VACUUM). A first sync inserts newest first, i.e. in
        falling key order, which leaves B-tree pages half empty: 100k images take 112 MB
        before and 67 MB after, in 0.3 s. Sync calls it after a long first walk."""
        if self._closed:
            raise CatalogClosedError("the catalogue is closed")

        def vacuum() -> None:
            self._writer.execute("VACUUM")  # not inside a transaction: VACUUM refuses that

        return self._executor.submit(vacuum)

    def flush(self) -> None:
        """Wait until every write queued so far is on disk (for tests and quitting)."""
        if not self._closed:
            self._executor.submit(lambda: None).result()

    def close(self) -> None:
        """Finish the queued writes, then close every connection. Idempotent."""
        if self._closed:
            return
        self._closed = True
        self._executor.shutdown(wait=True)
        with self._lock:
            # Only the idle ones: closing a connection a worker is reading with (the history
            # slices read for seconds after start) crashed the process at a quick quit.
            for conn in self._idle:
                conn.close()
                self._readers.remove(conn)
            self._idle.clear()
        with suppress(sqlite3.Error):
            self._writer.execute("PRAGMA optimize")
        self._writer.close()

    def __enter__(self) -> CatalogStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- workspaces and history (writes) ---------------------------------------------------

    def save_workspaces(self, workspaces: Sequence[Workspace]) -> Future[None]:
        """Remember the server's workspace list (for an offline start)."""
        return self._write(writes.save_workspaces, list(workspaces))

    def add_items(
        self,
        workspace_id: str,
        items: Iterable[HistoryItem],
        kind: Kind | None = None,
        credits_spent: Mapping[str, int] | None = None,
    ) -> Future[list[str]]:
        """Insert new history items (newest first) or refresh changed API fields of known ones;
        ``kind`` overrides the one derived from the item, ``credits_spent`` is per image id.
        Resolves to the ids that were new."""
        return self._write(
            writes.upsert_items, workspace_id, list(items), kind, dict(credits_spent or {})
        )

    def set_history_complete(self, workspace_id: str, complete: bool = True) -> Future[None]:
        """The catalogue holds the workspace's whole history (a sync reached its end)."""
        return self._write(writes.set_history_complete, workspace_id, complete)

    def remove_absent(
        self, workspace_id: str, present: set[str], added_before: float
    ) -> Future[list[str]]:
        """Reconcile: drop rows the server no longer lists (see writes.remove_absent)."""
        return self._write(writes.remove_absent, workspace_id, set(present), added_before)

    def set_meta(self, key: str, value: str) -> Future[None]:
        return self._write(writes.set_meta, key, value)

    # -- curation (writes) -----------------------------------------------------------------

    def set_favourite(self, workspace_id: str, ids: Iterable[str], favourite: bool) -> Future[int]:
        """Star or unstar images; resolves to how many changed."""
        value = int(bool(favourite))
        return self._write(
            writes.update_many,
            workspace_id,
            list(ids),
            "favourite = ?",
            (value,),
            f"favourite != {value}",
        )

    def set_rating(self, workspace_id: str, ids: Iterable[str], rating: int) -> Future[int]:
        """Rate images 1-5, or 0 to clear; resolves to how many changed."""
        if not 0 <= int(rating) <= 5:
            raise ValueError(f"rating {rating} is not 0-5")
        return self._write(
            writes.update_many,
            workspace_id,
            list(ids),
            "rating = ?",
            (int(rating),),
            f"rating != {int(rating)}",
        )

    def set_credits_spent(self, workspace_id: str, spent: Mapping[str, int]) -> Future[None]:
        """Credits the job spent, per image id (a 4-image job at 1 credit each: 1 per id)."""
        return self._write(writes.set_credits, workspace_id, dict(spent))

    def set_origin(
        self, workspace_id: str, image_id: str, kind: Kind, source_image_id: str | None = None
    ) -> Future[int]:
        """How an image came to be (e.g. upscaled from ``source_image_id``)."""
        return self._write(
            writes.update_many,
            workspace_id,
            [image_id],
            "kind = ?, source_image_id = ?",
            (str(Kind(kind)), source_image_id),
        )

    # -- collections (writes) --------------------------------------------------------------

    def create_collection(self, workspace_id: str, name: str) -> Future[Collection]:
        return self._write(writes.create_collection, workspace_id, name)

    def rename_collection(self, collection_id: int, name: str) -> Future[None]:
        return self._write(writes.rename_collection, collection_id, name)

    def delete_collection(self, collection_id: int) -> Future[None]:
        """Delete the collection, not its images."""
        return self._write(writes.delete_collection, collection_id)

    def add_to_collection(self, collection_id: int, ids: Iterable[str]) -> Future[int]:
        """Add images of the collection's workspace; resolves to how many were new in it."""
        return self._write(writes.add_to_collection, collection_id, list(ids))

    def remove_from_collection(self, collection_id: int, ids: Iterable[str]) -> Future[int]:
        return self._write(writes.remove_from_collection, collection_id, list(ids))

    # -- deletes with undo (writes) --------------------------------------------------------

    def mark_deleted(self, workspace_id: str, ids: Iterable[str], due: float) -> Future[int]:
        """Hide images from every query now; the DELETE goes out at ``due`` (epoch seconds)."""
        return self._write(
            writes.update_many, workspace_id, list(ids), "delete_due = ?", (float(due),)
        )

    def undo_delete(self, workspace_id: str, ids: Iterable[str]) -> Future[int]:
        """Take a pending delete back: the images show again and are never sent."""
        return self._write(
            writes.update_many,
            workspace_id,
            list(ids),
            "delete_due = NULL",
            (),
            "delete_due IS NOT NULL",
        )

    def confirm_deleted(self, workspace_id: str, ids: Iterable[str]) -> Future[int]:
        """The server deleted these (or never had them): remove their rows for good."""
        return self._write(writes.delete_rows, workspace_id, list(ids))

    # -- style presets (writes) ------------------------------------------------------------

    def save_preset(
        self, name: str, template: str, parameters: Mapping[str, object]
    ) -> Future[None]:
        return self._write(writes.save_preset, name, template, dict(parameters))

    def delete_preset(self, name: str) -> Future[None]:
        return self._write(writes.delete_preset, name)

    # -- reads (blocking; call from a worker) ----------------------------------------------

    def workspaces(self) -> list[Workspace]:
        return self._read(reads.workspaces)

    def history(self, workspace_id: str) -> list[HistoryItem]:
        """The whole visible history, newest first: what the offline copy gave, uncapped."""
        return self._read(reads.history, workspace_id)

    def history_slice(
        self, workspace_id: str, limit: int, before: int | None = None
    ) -> tuple[list[HistoryItem], int | None]:
        """The history a slice at a time, newest first: (images, key for the next slice or
        None at the end). The app shows the first slice at once and appends the rest."""
        return self._read(reads.history_slice, workspace_id, limit, before)

    def search(
        self, query: CatalogQuery, limit: int | None = 200, offset: int = 0
    ) -> list[CatalogRow]:
        """Tiles for ``query``, newest first; ``limit=None`` for all."""
        return self._read(reads.search_rows, query, limit, offset)

    def search_ids(
        self, query: CatalogQuery, limit: int | None = None, offset: int = 0
    ) -> list[str]:
        """Image ids for ``query``, newest first (select all, export)."""
        return self._read(reads.search_ids, query, limit, offset)

    def count(self, query: CatalogQuery) -> int:
        return self._read(reads.count, query)

    def facets(self, query: CatalogQuery) -> Facets:
        """Counts per model, ratio, format and kind within ``query``: chip choices."""
        return self._read(reads.facets, query)

    def entry(self, workspace_id: str, image_id: str) -> CatalogEntry | None:
        """Everything about one image, for the details panel (pending deletes too)."""
        return self._read(reads.entry, workspace_id, image_id)

    def known_ids(self, workspace_id: str, ids: Sequence[str]) -> set[str]:
        return self._read(reads.known_ids, workspace_id, list(ids))

    def ordered_ids(self, workspace_id: str) -> list[str]:
        """Every image id newest first, pending deletes included (for reconcile)."""
        return self._read(reads.ordered_ids, workspace_id)

    def image_count(self, workspace_id: str) -> int:
        return self._read(reads.image_count, workspace_id)

    def collections(self, workspace_id: str) -> list[Collection]:
        return self._read(reads.collections, workspace_id)

    def pending_deletes(self, workspace_id: str | None = None) -> list[PendingDelete]:
        return self._read(reads.pending_deletes, workspace_id, None)

    def due_deletes(self, now: float | datetime) -> list[PendingDelete]:
        """Pending deletes whose time has come (epoch seconds or an aware datetime)."""
        moment = now.timestamp() if isinstance(now, datetime) else float(now)
        return self._read(reads.pending_deletes, None, moment)

    def history_complete(self, workspace_id: str) -> bool:
        return self._read(reads.history_complete, workspace_id)

    def meta(self, key: str) -> str | None:
        return self._read(reads.meta, key)

    def presets(self) -> list[tuple[str, str, dict[str, Any]]]:
        return self._read(reads.presets)
