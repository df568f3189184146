"""The record of where edits came from: saved and read back, bounded, and a damaged file reads
as nothing recorded instead of breaking the app."""

from __future__ import annotations

from desktop.services import edit_origins
from desktop.services.edit_origins import EditOrigin, read_origins, write_origins


def test_round_trip_keeps_the_newest_records(tmp_path, monkeypatch):
    path = tmp_path / "data" / "edit-origins.json"
    monkeypatch.setattr(edit_origins, "MAX_ORIGINS", 2)
    origins = {
        f"img-{n}": EditOrigin(f"src-{n}", "A lighthouse „at dusk“", f"edit {n}") for n in range(3)
    }
    write_origins(path, origins)
    assert read_origins(path) == {k: origins[k] for k in ("img-1", "img-2")}


def test_missing_or_damaged_files_read_as_empty(tmp_path):
    path = tmp_path / "edit-origins.json"
    assert read_origins(path) == {}
    path.write_text("{not json")
    assert read_origins(path) == {}
    path.write_text('{"version": 1, "origins": {"a": {"source": 3}, "b": "x"}}')
    assert read_origins(path) == {}
