"""App folders: created only when used, under the test root or the platform locations."""

from __future__ import annotations

from desktop.services.paths import AppPaths


def test_folders_are_created_lazily_under_the_root(tmp_path):
    paths = AppPaths(root=tmp_path / "app")
    assert not (tmp_path / "app").exists()
    dirs = [
        paths.cache_dir,
        paths.thumbnail_dir,
        paths.originals_dir,
        paths.log_dir,
        paths.drag_dir,
    ]
    assert all(d.is_dir() for d in dirs)
    assert all(d.is_relative_to(tmp_path / "app") for d in dirs)
    assert len(set(dirs)) == len(dirs)
    assert paths.thumbnail_dir.is_relative_to(paths.cache_dir)


def test_clear_drag_dir_removes_leftovers(tmp_path):
    paths = AppPaths(root=tmp_path)
    (paths.drag_dir / "old.png").write_bytes(b"x")
    paths.clear_drag_dir()
    assert list(paths.drag_dir.iterdir()) == []


def test_platform_locations_use_an_app_folder(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg-cache"))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg-data"))
    paths = AppPaths()
    cache, logs = paths.cache_dir, paths.log_dir
    assert cache != tmp_path / "xdg-cache"  # never straight into ~/.cache
    assert cache.is_relative_to(tmp_path / "xdg-cache")
    assert logs.is_relative_to(tmp_path / "xdg-data")
