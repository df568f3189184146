"""A size-bounded, thread-safe on-disk byte cache (thumbnails, originals).

Keys are hashed into file names, so no key can escape the cache folder. Writes are atomic
(temp file + os.replace): a crash mid-write never leaves a truncated image behind.
Least-recently-used files (by mtime; reads touch the file) are evicted past max_bytes.
"""

from __future__ import annotations

import contextlib
import hashlib
import logging
import os
import tempfile
import threading
from collections import OrderedDict
from pathlib import Path
from typing import Protocol

log = logging.getLogger(__name__)

_SUFFIX = ".bin"
_TMP_PREFIX = ".tmp-"


def key_to_filename(key: str) -> str:
    """A fixed-length, portable file name for any key (no separators, dots or reserved names)."""
    return hashlib.sha256(key.encode("utf-8", "surrogatepass")).hexdigest() + _SUFFIX


class ImageCache(Protocol):
    """What the thumbnail loader and drag-out need from a byte cache (DiskCache, or a fake)."""

    def get(self, key: str) -> bytes | None: ...
    def put(self, key: str, data: bytes) -> Path: ...
    def path(self, key: str) -> Path | None: ...


class DiskCache:
    """Bytes by key in one folder; the index is rebuilt from disk on start."""

    def __init__(self, root: Path, max_bytes: int) -> None:
        if max_bytes <= 0:
            raise ValueError("max_bytes must be positive")
        self._root = Path(root)
        self._max_bytes = max_bytes
        self._lock = threading.RLock()
        self._index: OrderedDict[str, int] = OrderedDict()  # file name -> size, oldest first
        self._total = 0
        self._root.mkdir(parents=True, exist_ok=True)
        self._scan()

    @property
    def root(self) -> Path:
        return self._root

    @property
    def total_bytes(self) -> int:
        with self._lock:
            return self._total

    def _scan(self) -> None:
        entries: list[tuple[float, str, int]] = []
        for entry in os.scandir(self._root):
            if not entry.is_file(follow_symlinks=False):
                continue
            if entry.name.startswith(_TMP_PREFIX):  # left over from an interrupted write
                with contextlib.suppress(OSError):
                    os.unlink(entry.path)
                continue
            if not entry.name.endswith(_SUFFIX):
                continue
            st = entry.stat(follow_symlinks=False)
            entries.append((st.st_mtime, entry.name, st.st_size))
        entries.sort()
        with self._lock:
            self._index = OrderedDict((name, size) for _, name, size in entries)
            self._total = sum(self._index.values())
            self._evict(keep=None)

    def _file(self, key: str) -> Path:
        return self._root / key_to_filename(key)

    def path(self, key: str) -> Path | None:
        """The cached file for key, if it exists (e.g. to hand to QImage or a drag)."""
        p = self._file(key)
        return p if p.is_file() else None

    def known(self, key: str) -> bool:
        """Whether key is in the index (memory only, no disk access: safe on the GUI thread)."""
        with self._lock:
            return key_to_filename(key) in self._index

    def contains(self, key: str) -> bool:
        return self.path(key) is not None

    __contains__ = contains

    def get(self, key: str) -> bytes | None:
        """The cached bytes, or None; a hit marks the entry as recently used."""
        p = self._file(key)
        try:
            data = p.read_bytes()
        except FileNotFoundError:
            with self._lock:
                self._forget(p.name)
            return None
        except OSError as err:
            log.warning("Cache read failed for %s: %s", p.name, err)
            return None
        with self._lock:
            try:
                os.utime(p)
                size = p.stat().st_size
            except OSError:  # evicted or replaced meanwhile; the bytes we read are still valid
                return data
            self._forget(p.name)
            self._index[p.name] = size
            self._total += size
        return data

    def put(self, key: str, data: bytes) -> Path:
        """Store data atomically and return its path; may evict older entries."""
        target = self._file(key)
        fd, tmp = tempfile.mkstemp(prefix=_TMP_PREFIX, dir=self._root)
        try:
            with os.fdopen(fd, "wb") as fh:
                fh.write(data)
            with self._lock:  # replace + bookkeeping together, so eviction sees a true index
                os.replace(tmp, target)
                self._forget(target.name)
                self._index[target.name] = len(data)
                self._total += len(data)
                self._evict(keep=target.name)
        except BaseException:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
            raise
        return target

    def remove(self, key: str) -> None:
        p = self._file(key)
        with self._lock:
            with contextlib.suppress(FileNotFoundError):
                p.unlink()
            self._forget(p.name)

    def clear(self) -> None:
        with self._lock:
            for name in list(self._index):
                with contextlib.suppress(FileNotFoundError):
                    (self._root / name).unlink()
            self._index.clear()
            self._total = 0

    def _forget(self, name: str) -> None:
        size = self._index.pop(name, None)
        if size is not None:
            self._total -= size

    def _evict(self, keep: str | None) -> None:
        """Drop least-recently-used files until under budget (never the entry just written)."""
        while self._total > self._max_bytes and self._index:
            name = next(iter(self._index))
            if name == keep:
                if len(self._index) == 1:
                    break
                self._index.move_to_end(name)
                continue
            self._forget(name)
            try:
                (self._root / name).unlink()
            except FileNotFoundError:
                pass
            except OSError as err:
                log.warning("Cache eviction failed for %s: %s", name, err)
