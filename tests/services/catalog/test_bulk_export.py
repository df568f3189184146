"""Exporting a selection: files with metadata and sidecars, folder or ZIP, names that clash,
a full disk and cancel, nothing overwritten and no half-written archive."""

from __future__ import annotations

import csv
import errno
import io
import json
import zipfile
from pathlib import Path

import pytest
from PIL import Image

from desktop.api.errors import NetworkError
from desktop.services.catalog import CatalogEntry, CatalogStore
from desktop.services.catalog import bulk_export as bulk
from desktop.services.catalog.bulk_export import export_to_folder, export_to_zip
from tests.services.catalog.conftest import item


def png_bytes() -> bytes:
    buf = io.BytesIO()
    Image.new("RGB", (8, 8), (255, 0, 0)).save(buf, "PNG")
    return buf.getvalue()


PNG = png_bytes()


def png_text(source: Path | io.BytesIO) -> dict[str, str]:
    """The text chunks of a PNG (where the prompt and model are embedded)."""
    with Image.open(source) as im:
        return dict(getattr(im, "text", {}))


@pytest.fixture
def entries(store: CatalogStore) -> list[CatalogEntry]:
    store.add_items(
        "ws",
        [
            item(0, "=HYPERLINK(evil) fox", model="flux-pro"),
            item(1, "A fox", image_id="same-prefix-1"),
            item(2, "A fox", image_id="same-prefix-2"),  # same name stem and short id
        ],
        credits_spent={"img-0": 2},
    ).result()
    collection = store.create_collection("ws", "Client A").result()
    store.add_to_collection(collection.id, ["img-0"]).result()
    store.set_rating("ws", ["img-0"], 5).result()
    ids = ["img-0", "same-prefix-1", "same-prefix-2"]
    found = [store.entry("ws", i) for i in ids]
    return [e for e in found if e is not None]


@pytest.fixture
def tmp_dir(tmp_path: Path) -> Path:
    """An empty folder of its own (the catalogue file lives in tmp_path)."""
    folder = tmp_path / "exports"
    folder.mkdir()
    return folder


def fetch(entry: CatalogEntry) -> tuple[bytes, str]:
    return PNG, "image/png"


def test_folder_export_writes_files_with_metadata_and_both_sidecars(
    entries: list[CatalogEntry],
    tmp_dir: Path,
) -> None:
    steps: list[tuple[int, int]] = []
    report = export_to_folder(
        entries, fetch, tmp_dir / "out", progress=lambda d, t: steps.append((d, t))
    )
    assert report.error is None and not report.cancelled and len(report.written) == 3
    assert len(set(report.written)) == 3  # the clashing names were made unique
    assert steps == [(1, 3), (2, 3), (3, 3)]
    assert png_text(tmp_dir / "out" / report.written[1])["Description"] == "A fox"
    rows = list(
        csv.DictReader(
            (tmp_dir / "out" / "neuroflash-export.csv").read_text("utf-8-sig").splitlines()
        )
    )
    assert [r["file"].removeprefix("'") for r in rows] == list(report.written)
    assert rows[0]["prompt"].startswith("'=HYPERLINK")  # a spreadsheet will not run it
    assert (rows[0]["rating"], rows[0]["credits_spent"], rows[0]["collections"]) == (
        "5",
        "2",
        "Client A",
    )
    data = json.loads((tmp_dir / "out" / "neuroflash-export.json").read_text("utf-8"))
    assert data["images"][0]["prompt"] == "=HYPERLINK(evil) fox"  # JSON keeps the exact text
    assert data["images"][0]["created_at"].startswith("2026-11-30T12:00")


def test_a_second_export_into_the_same_folder_overwrites_nothing(
    entries: list[CatalogEntry],
    tmp_dir: Path,
) -> None:
    first = export_to_folder(entries, fetch, tmp_dir)
    second = export_to_folder(entries, fetch, tmp_dir)
    assert set(first.written).isdisjoint(second.written)
    assert (tmp_dir / "neuroflash-export (2).csv").exists()
    assert len(list(tmp_dir.iterdir())) == 2 * (3 + 2)


def test_zip_export_holds_everything_and_never_replaces_an_archive(
    entries: list[CatalogEntry],
    tmp_dir: Path,
) -> None:
    wanted = tmp_dir / "selection.zip"
    wanted.write_bytes(b"the designer's older archive")
    report = export_to_zip(entries, fetch, wanted)
    assert report.target == tmp_dir / "selection (2).zip" and report.target is not None
    assert wanted.read_bytes() == b"the designer's older archive"
    with zipfile.ZipFile(report.target) as archive:
        names = archive.namelist()
        assert names == [*report.written, "neuroflash-export.csv", "neuroflash-export.json"]
        assert len(set(n.lower() for n in names)) == len(names)
        first = png_text(io.BytesIO(archive.read(report.written[0])))
        assert first["Description"] == "=HYPERLINK(evil) fox"
    assert not list(tmp_dir.glob(".neuroflash-*"))  # no temp file left


def test_images_that_cannot_be_fetched_are_listed_and_the_rest_exported(
    entries: list[CatalogEntry],
    tmp_dir: Path,
) -> None:
    def flaky(entry: CatalogEntry) -> tuple[bytes, str]:
        if entry.item.image_id == "same-prefix-1":
            raise NetworkError("offline")
        return fetch(entry)

    report = export_to_zip(entries, flaky, tmp_dir / "a.zip")
    assert report.failed == (("same-prefix-1", "offline"),) and len(report.written) == 2


def test_a_full_disk_stops_the_export_with_a_message_and_no_half_zip(
    entries: list[CatalogEntry],
    tmp_dir: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    real_writestr = zipfile.ZipFile.writestr
    calls = 0

    def full_disk(self: zipfile.ZipFile, *args: object, **kwargs: object) -> None:
        nonlocal calls
        calls += 1
        if calls == 2:
            raise OSError(errno.ENOSPC, "No space left on device")
        real_writestr(self, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(zipfile.ZipFile, "writestr", full_disk)
    report = export_to_zip(entries, fetch, tmp_dir / "a.zip")
    assert report.error is not None and "disk is full" in report.error
    assert report.target is None and list(tmp_dir.iterdir()) == []

    def folder_full(*args: object, **kwargs: object) -> Path:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(bulk, "export_image", folder_full)
    report = export_to_folder(entries, fetch, tmp_dir / "out")
    assert report.error is not None and "disk is full" in report.error
    assert report.written == ()


def test_cancel_stops_between_images(entries: list[CatalogEntry], tmp_dir: Path) -> None:
    done: list[int] = []
    report = export_to_folder(
        entries,
        fetch,
        tmp_dir / "out",
        progress=lambda d, t: done.append(d),
        cancelled=lambda: len(done) >= 1,
    )
    assert report.cancelled and len(report.written) == 1
    # what a cancelled export left is listed, so it never passes for a complete export
    listed = json.loads((tmp_dir / "out" / "neuroflash-export.json").read_text("utf-8"))
    assert [r["file"] for r in listed["images"]] == list(report.written)
    report = export_to_zip(entries, fetch, tmp_dir / "a.zip", cancelled=lambda: True)
    assert report.cancelled and report.target is None
    assert not (tmp_dir / "a.zip").exists() and not list(tmp_dir.glob(".neuroflash-*"))


def test_the_sidecars_can_be_read_by_colleagues_like_the_images(
    entries: list[CatalogEntry], tmp_dir: Path
) -> None:
    report = export_to_folder(entries, fetch, tmp_dir)
    image_mode = (tmp_dir / report.written[0]).stat().st_mode & 0o777
    assert (tmp_dir / "neuroflash-export.csv").stat().st_mode & 0o777 == image_mode
