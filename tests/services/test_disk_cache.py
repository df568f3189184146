"""Thumbnail/original cache: safe names, atomic writes, LRU eviction, usable from threads."""

from __future__ import annotations

import os
import time
from concurrent.futures import ThreadPoolExecutor

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from desktop.services.disk_cache import DiskCache


def files(root):
    return sorted(p for p in root.rglob("*") if p.is_file())


def test_put_then_get_returns_the_bytes(tmp_path):
    cache = DiskCache(tmp_path / "c", max_bytes=10_000)
    path = cache.put("ws1/img1", b"png-bytes")
    assert path.read_bytes() == b"png-bytes"
    assert cache.get("ws1/img1") == b"png-bytes"
    assert cache.path("ws1/img1") == path
    assert cache.contains("ws1/img1")
    assert cache.get("ws1/other") is None
    assert cache.path("ws1/other") is None
    assert not cache.contains("ws1/other")


def test_entries_survive_a_restart(tmp_path):
    DiskCache(tmp_path, max_bytes=10_000).put("w/i", b"data")
    assert DiskCache(tmp_path, max_bytes=10_000).get("w/i") == b"data"


def test_overwriting_a_key_replaces_it(tmp_path):
    cache = DiskCache(tmp_path, max_bytes=10_000)
    cache.put("k", b"old")
    cache.put("k", b"new!")
    assert cache.get("k") == b"new!"
    assert cache.total_bytes == 4


@pytest.mark.parametrize(
    "key", ["../../etc/passwd", "/abs/path", "C:\\Windows\\x", "CON", "a\x00b", "..", "", "é/ü"]
)
def test_hostile_keys_stay_inside_the_cache(tmp_path, key):
    root = tmp_path / "cache"
    cache = DiskCache(root, max_bytes=10_000)
    path = cache.put(key, b"x")
    assert path.parent == root
    assert cache.get(key) == b"x"
    assert files(tmp_path) == [path]


@settings(max_examples=50, deadline=None)
@given(key=st.text())
def test_any_key_maps_to_one_file_in_the_root(tmp_path_factory, key):
    root = tmp_path_factory.mktemp("c")
    path = DiskCache(root, max_bytes=1000).put(key, b"x")
    assert path.parent == root and path.name.isascii() and "." in path.name


def test_least_recently_used_is_evicted_first(tmp_path):
    cache = DiskCache(tmp_path, max_bytes=300)
    for key in ("a", "b", "c"):
        cache.put(key, b"x" * 100)
    assert cache.get("a")  # a is now fresher than b
    cache.put("d", b"x" * 100)
    assert cache.get("b") is None
    assert {k for k in "acd" if cache.contains(k)} == set("acd")
    assert cache.total_bytes <= 300


def test_on_start_old_files_by_mtime_are_evicted(tmp_path):
    cache = DiskCache(tmp_path, max_bytes=1000)
    now = time.time()
    for age, key in enumerate(("newest", "middle", "oldest")):
        p = cache.put(key, b"x" * 100)
        os.utime(p, (now - age * 100, now - age * 100))
    smaller = DiskCache(tmp_path, max_bytes=250)
    assert not smaller.contains("oldest")
    assert smaller.contains("newest") and smaller.contains("middle")


def test_an_entry_larger_than_the_budget_is_still_returned(tmp_path):
    cache = DiskCache(tmp_path, max_bytes=10)
    cache.put("small", b"1234")
    cache.put("big", b"x" * 50)
    assert cache.get("big") == b"x" * 50
    assert not cache.contains("small")


def test_interrupted_write_leaves_no_partial_file(tmp_path, monkeypatch):
    cache = DiskCache(tmp_path, max_bytes=10_000)
    cache.put("k", b"complete")

    def crash(*_args):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", crash)
    with pytest.raises(OSError):
        cache.put("k", b"half")
    monkeypatch.undo()
    assert cache.get("k") == b"complete"
    assert len(files(tmp_path)) == 1


def test_stale_temp_files_are_removed_on_start(tmp_path):
    (tmp_path / ".tmp-abc").write_bytes(b"partial")
    DiskCache(tmp_path, max_bytes=100)
    assert files(tmp_path) == []


def test_concurrent_use_from_worker_threads(tmp_path):
    cache = DiskCache(tmp_path, max_bytes=20_000)

    def work(i):
        key = f"ws/{i % 40}"
        data = bytes([i % 256]) * 500
        cache.put(key, data)
        got = cache.get(key)
        assert got is None or len(got) == 500
        cache.contains(key)

    with ThreadPoolExecutor(8) as pool:
        list(pool.map(work, range(400)))
    on_disk = sum(p.stat().st_size for p in files(tmp_path))
    assert on_disk == cache.total_bytes <= 20_000
    assert not [p for p in files(tmp_path) if p.name.startswith(".tmp-")]


def test_remove_and_clear(tmp_path):
    cache = DiskCache(tmp_path, max_bytes=1000)
    cache.put("a", b"1")
    cache.put("b", b"2")
    cache.remove("a")
    assert not cache.contains("a")
    cache.clear()
    assert files(tmp_path) == [] and cache.total_bytes == 0
