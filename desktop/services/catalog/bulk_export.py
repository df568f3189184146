"""Exports a selection of images to a folder or a ZIP: each file with its metadata embedded,
plus a CSV and a JSON sidecar listing prompt, model, ids and dates. Blocking: run it on a
worker with a ``progress`` callback and a ``cancelled`` check.

Nothing is overwritten: clashing file names get " (2)"; an existing ZIP gets a new name. A ZIP
is written to a temporary file and appears only when complete, so a cancel, a full disk or a
crash never leaves half an archive; a folder export writes each image whole (temp file, then
rename) and, when stopped, lists what it wrote. Images that could not be fetched are listed,
the rest is still exported; a disk error stops the export (the next file would fail too).
"""

from __future__ import annotations

import contextlib
import csv
import io
import json
import os
import tempfile
import zipfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from desktop.api.errors import NeuroflashError
from desktop.services.atomic_write import write_atomic
from desktop.services.catalog.rows import CatalogEntry
from desktop.services.export import (
    describe_os_error,
    embed_metadata,
    export_image,
    extension_for,
    place_new,
    safe_filename,
    unique_path,
)
from desktop.services.xmp import ImageMetadata

FetchImage = Callable[[CatalogEntry], tuple[bytes, str]]  # -> (bytes, content type)
Progress = Callable[[int, int], None]  # (done, total)
SIDECAR_STEM = "neuroflash-export"
SIDECAR_FIELDS = (
    "file",
    "image_id",
    "batch_id",
    "prompt",
    "model",
    "aspect_ratio",
    "output_format",
    "width",
    "height",
    "created_at",
    "kind",
    "source_image_id",
    "favourite",
    "rating",
    "credits_spent",
    "collections",
)


@dataclass(frozen=True)
class ExportReport:
    target: Path | None  # the folder, or the ZIP actually written (None: no ZIP was made)
    written: tuple[str, ...]  # image file names, in selection order
    failed: tuple[tuple[str, str], ...]  # (image id, why) for images that could not be fetched
    cancelled: bool = False
    error: str | None = None  # a disk error in the designer's words; the export stopped


def _metadata(entry: CatalogEntry) -> ImageMetadata:
    item = entry.item
    return ImageMetadata(
        prompt=item.prompt, model=item.model, created_at=item.created_at, image_id=item.image_id
    )


def sidecar_record(entry: CatalogEntry, file_name: str) -> dict[str, Any]:
    item = entry.item
    return {
        "file": file_name,
        "image_id": item.image_id,
        "batch_id": item.batch_id,
        "prompt": item.prompt,
        "model": item.model,
        "aspect_ratio": item.aspect_ratio,
        "output_format": item.output_format,
        "width": item.width,
        "height": item.height,
        "created_at": item.created_at.isoformat() if item.created_at else None,
        "kind": str(entry.kind),
        "source_image_id": entry.source_image_id,
        "favourite": entry.favourite,
        "rating": entry.rating,
        "credits_spent": entry.credits_spent,
        "collections": [c.name for c in entry.collections],
    }


def _csv_cell(value: Any) -> str:
    """Text for a spreadsheet; a leading = + - @ would run as a formula, so it is quoted."""
    if value is None:
        return ""
    if isinstance(value, list):
        value = "; ".join(str(v) for v in value)
    text = str(value)
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


def sidecar_csv(records: Sequence[dict[str, Any]]) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(SIDECAR_FIELDS)
    for record in records:
        writer.writerow([_csv_cell(record[f]) for f in SIDECAR_FIELDS])
    return ("\ufeff" + out.getvalue()).encode("utf-8")  # BOM: Excel reads it as UTF-8


def sidecar_json(records: Sequence[dict[str, Any]]) -> bytes:
    return json.dumps({"images": list(records)}, indent=2, ensure_ascii=False).encode("utf-8")


def _fetch(entry: CatalogEntry, fetch: FetchImage) -> tuple[bytes, str] | str:
    """The image, or why it could not be had."""
    try:
        return fetch(entry)
    except NeuroflashError as err:
        return str(err)


def export_to_folder(
    entries: Sequence[CatalogEntry],
    fetch: FetchImage,
    folder: Path,
    progress: Progress | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> ExportReport:
    """Each image is written whole or not at all (a temp file renamed into place). When the
    export is cancelled or the disk fills up, the images already written stay, listed in the
    sidecars (written if there is room), and the report says how many made it."""
    folder = Path(folder)
    written: list[str] = []
    failed: list[tuple[str, str]] = []
    records: list[dict[str, Any]] = []
    try:
        folder.mkdir(parents=True, exist_ok=True)
        for done, entry in enumerate(entries):
            if cancelled is not None and cancelled():
                _write_sidecars_if_room(folder, records)
                return ExportReport(folder, tuple(written), tuple(failed), cancelled=True)
            got = _fetch(entry, fetch)
            if isinstance(got, str):
                failed.append((entry.item.image_id, got))
            else:
                path = export_image(got[0], got[1], _metadata(entry), folder)
                written.append(path.name)
                records.append(sidecar_record(entry, path.name))
            if progress is not None:
                progress(done + 1, len(entries))
        _write_sidecars(folder, records)
    except OSError as err:
        _write_sidecars_if_room(folder, records)
        return ExportReport(folder, tuple(written), tuple(failed), error=describe_os_error(err))
    return ExportReport(folder, tuple(written), tuple(failed))


def _write_sidecars(folder: Path, records: Sequence[dict[str, Any]]) -> None:
    if records:
        for suffix, data in ((".csv", sidecar_csv(records)), (".json", sidecar_json(records))):
            write_atomic(unique_path(folder, SIDECAR_STEM + suffix), data, private=False)


def _write_sidecars_if_room(folder: Path, records: Sequence[dict[str, Any]]) -> None:
    """The list of what a stopped export did write; skipped if the disk has no room left
    (an atomic write leaves nothing half-written behind)."""
    with contextlib.suppress(OSError):
        _write_sidecars(folder, records)


def _unique_member(name: str, taken: set[str]) -> str:
    stem, dot, ext = name.rpartition(".")
    if not dot:
        stem, ext = name, ""
    candidate, n = name, 2
    while candidate.lower() in taken:
        candidate = f"{stem} ({n}).{ext}" if ext else f"{stem} ({n})"
        n += 1
    taken.add(candidate.lower())
    return candidate


def export_to_zip(
    entries: Sequence[CatalogEntry],
    fetch: FetchImage,
    zip_path: Path,
    progress: Progress | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> ExportReport:
    zip_path = Path(zip_path)
    written: list[str] = []
    failed: list[tuple[str, str]] = []
    records: list[dict[str, Any]] = []
    taken: set[str] = set()
    tmp: str | None = None
    try:
        zip_path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=".neuroflash-", suffix=".zip.part", dir=zip_path.parent)
        with os.fdopen(fd, "wb") as raw, zipfile.ZipFile(raw, "w") as archive:
            for done, entry in enumerate(entries):
                if cancelled is not None and cancelled():
                    return ExportReport(None, (), tuple(failed), cancelled=True)
                got = _fetch(entry, fetch)
                if isinstance(got, str):
                    failed.append((entry.item.image_id, got))
                else:
                    data, content_type = got
                    name = _unique_member(
                        safe_filename(
                            entry.item.prompt,
                            entry.item.image_id,
                            extension_for(content_type, data),
                        ),
                        taken,
                    )
                    # images are compressed already: store them, deflate only the sidecars
                    archive.writestr(
                        name,
                        embed_metadata(data, _metadata(entry)),
                        compress_type=zipfile.ZIP_STORED,
                    )
                    written.append(name)
                    records.append(sidecar_record(entry, name))
                if progress is not None:
                    progress(done + 1, len(entries))
            if records:
                archive.writestr(
                    _unique_member(SIDECAR_STEM + ".csv", taken),
                    sidecar_csv(records),
                    compress_type=zipfile.ZIP_DEFLATED,
                )
                archive.writestr(
                    _unique_member(SIDECAR_STEM + ".json", taken),
                    sidecar_json(records),
                    compress_type=zipfile.ZIP_DEFLATED,
                )
            raw.flush()
            os.fsync(raw.fileno())
        if not records:
            return ExportReport(None, (), tuple(failed))
        target = place_new(tmp, zip_path.parent, zip_path.name)
        tmp = None
        return ExportReport(target, tuple(written), tuple(failed))
    except OSError as err:
        return ExportReport(None, (), tuple(failed), error=describe_os_error(err))
    finally:
        if tmp is not None:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
