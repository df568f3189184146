"""Style presets as the Create panel uses them: fill a template with the designer's prompt,
and keep, import and export presets in the catalogue without blocking the GUI thread.

What a placeholder means (as in Krita AI Diffusion's styles, whose ``{prompt}`` takes the
prompt): ``{subject}`` or ``{prompt}`` takes what the designer wrote; a template with neither
gives that to its first placeholder; a template with none gets the prompt in front
("a fox, flat vector"). Any other placeholder stays visible in the prompt for the designer to
type over (the panel selects it).

Reads run on the app's ``BackgroundRunner``, writes on the store's writer thread (awaited
through ``asyncio.wrap_future``). Presets belong to the installation (the catalogue's
``style_presets`` table), not to a workspace. An import never replaces a preset silently: a
different preset with the same name is kept and the imported one gets a new name.
"""

from __future__ import annotations

import asyncio
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QLocale

from desktop.app.background import BackgroundRunner
from desktop.app.catalog_session import CatalogSession
from desktop.services.atomic_write import write_atomic
from desktop.services.catalog import CatalogStore, StylePreset
from desktop.services.catalog.presets import (
    MAX_IMPORT_BYTES,
    PresetFileError,
    from_json,
    load_presets,
    to_json,
)

SUBJECT_NAMES = ("subject", "prompt")
PARAMETER_KEYS = ("model", "images", "aspect_ratio", "output_format")


@dataclass(frozen=True)
class Filled:
    """A template filled with a prompt: the text, and the placeholders still to fill."""

    text: str
    unfilled: tuple[str, ...]


def subject_placeholder(preset: StylePreset) -> str | None:
    """The placeholder that takes the designer's prompt, or None when there is none."""
    names = preset.placeholders
    return next((n for n in SUBJECT_NAMES if n in names), names[0] if names else None)


def fill(preset: StylePreset, prompt: str) -> Filled:
    """``preset``'s template with ``prompt`` in its subject placeholder (see the module)."""
    prompt = prompt.strip()
    subject = subject_placeholder(preset)
    if subject is None:
        text = ", ".join(part for part in (prompt, preset.template.strip()) if part)
        return Filled(text, ())
    if not prompt:  # nothing to put in: the subject stays visible to be typed over
        return Filled(preset.template, preset.placeholders)
    return Filled(
        preset.render({subject: prompt}),
        tuple(n for n in preset.placeholders if n != subject),
    )


def parameters_of(choices: dict[str, str]) -> dict[str, Any]:
    """The panel's choices as a preset keeps them (``images`` as a number, no empties)."""
    out: dict[str, Any] = {k: v for k, v in choices.items() if k in PARAMETER_KEYS and v}
    if str(out.get("images", "")).isdigit():
        out["images"] = int(out["images"])
    return out


class PresetImportError(Exception):
    """The file can't be imported; ``str()`` is a translated sentence for the designer."""


class PresetNameTaken(Exception):
    """Another preset has that name (compared case-insensitively); ``name`` is its spelling."""

    def __init__(self, name: str) -> None:
        super().__init__(name)
        self.name = name


class PresetMissing(Exception):
    """The preset to change is not in the catalogue any more (deleted meanwhile)."""


def name_taken(presets: list[StylePreset], name: str, own: str = "") -> str | None:
    """The preset other than ``own`` already called ``name`` (any case), or None."""
    wanted = name.strip().casefold()
    return next((p.name for p in presets if p.name.casefold() == wanted and p.name != own), None)


@dataclass
class ImportReport:
    added: list[str] = field(default_factory=list)
    renamed: dict[str, str] = field(default_factory=dict)  # name in the file -> name kept
    unchanged: list[str] = field(default_factory=list)  # the same preset was here already


def read_import_file(path: Path) -> list[StylePreset]:
    """The presets in the export file at ``path`` (blocking: run it on a worker)."""
    try:
        size = os.stat(path).st_size
        if size > MAX_IMPORT_BYTES:
            raise PresetImportError(
                QCoreApplication.translate(
                    "StylePresets",
                    "This file is too big to be a style preset file ({size} MB; preset files "
                    "are at most 2 MB). Nothing was imported.",
                ).format(size=QLocale().toString(size / 1_000_000, "f", 1))
            )
        with open(path, "rb") as file:
            data = file.read(MAX_IMPORT_BYTES + 1)
    except OSError as err:
        raise PresetImportError(
            QCoreApplication.translate(
                "StylePresets", "Couldn't read {file}: {reason}. Nothing was imported."
            ).format(file=Path(path).name, reason=err.strerror or str(err))
        ) from None
    try:
        presets = from_json(data)
    except PresetFileError:
        raise PresetImportError(
            QCoreApplication.translate(
                "StylePresets",
                "{file} isn't a style preset file from neuroflash Desktop (use Export Styles… "
                "to make one). Nothing was imported.",
            ).format(file=Path(path).name)
        ) from None
    if not presets:
        raise PresetImportError(
            QCoreApplication.translate(
                "StylePresets", "{file} has no styles in it. Nothing was imported."
            ).format(file=Path(path).name)
        )
    return presets


def free_name(name: str, taken: set[str]) -> str:
    """``name``, or "name (2)", "name (3)"… when it is taken (case-insensitively)."""
    lower = {t.casefold() for t in taken}
    if name.casefold() not in lower:
        return name
    n = 2
    while f"{name} ({n})".casefold() in lower:
        n += 1
    return f"{name} ({n})"


def plan_import(
    existing: list[StylePreset], incoming: list[StylePreset]
) -> tuple[list[StylePreset], ImportReport]:
    """What to save for an import: new names as they are, the same preset again not at all,
    a different preset under a taken name under a free name instead (never a replacement)."""
    by_name = {p.name.casefold(): p for p in existing}
    taken = {p.name for p in existing}
    report = ImportReport()
    to_save: list[StylePreset] = []
    for preset in incoming:
        same = by_name.get(preset.name.casefold())
        if same is not None and (same.template, same.parameters) == (
            preset.template,
            preset.parameters,
        ):
            report.unchanged.append(preset.name)
            continue
        name = free_name(preset.name, taken)
        taken.add(name)
        by_name[name.casefold()] = preset
        if name != preset.name:
            report.renamed[preset.name] = name
        else:
            report.added.append(name)
        to_save.append(StylePreset(name, preset.template, preset.parameters))
    return to_save, report


class PresetLibrary:
    """The installation's style presets, read and written off the GUI thread."""

    def __init__(self, catalog: CatalogSession, runner: BackgroundRunner) -> None:
        self._catalog = catalog
        self._runner = runner
        # one change at a time: a rename's check and its writes see no other change between
        self._lock = asyncio.Lock()

    async def _store(self) -> CatalogStore:
        return await self._catalog.store()

    async def presets(self) -> list[StylePreset]:
        store = await self._store()
        return await self._runner.run(load_presets, store)

    async def save(self, preset: StylePreset) -> None:
        """Save (a preset of the same name is replaced: the caller asked the designer)."""
        async with self._lock:
            store = await self._store()
            await asyncio.wrap_future(
                store.save_preset(preset.name, preset.template, preset.parameters)
            )

    async def rename(self, old: str, new: str) -> StylePreset:
        """Give the preset ``old`` the name ``new`` and return it. Raises PresetNameTaken when
        another preset has that name (a rename never replaces one) and PresetMissing when
        ``old`` is gone. The new row is written before the old one goes, so a failure between
        the two leaves both, never neither."""
        new = new.strip()
        async with self._lock:
            presets = await self.presets()
            current = next((p for p in presets if p.name == old), None)
            if current is None:
                raise PresetMissing(old)
            if (taken := name_taken(presets, new, own=old)) is not None:
                raise PresetNameTaken(taken)
            store = await self._store()
            await asyncio.wrap_future(store.save_preset(new, current.template, current.parameters))
            if new != old:
                await asyncio.wrap_future(store.delete_preset(old))
            return StylePreset(new, current.template, current.parameters)

    async def delete(self, name: str) -> None:
        async with self._lock:
            store = await self._store()
            await asyncio.wrap_future(store.delete_preset(name))

    async def import_file(self, path: Path) -> ImportReport:
        """Import an export file; raises PresetImportError with the designer's message."""
        incoming = await self._runner.run(read_import_file, Path(path))
        async with self._lock:
            to_save, report = plan_import(await self.presets(), incoming)
            store = await self._store()
            for preset in to_save:
                await asyncio.wrap_future(
                    store.save_preset(preset.name, preset.template, preset.parameters)
                )
        return report

    async def export_file(self, path: Path) -> int:
        """Write every preset to ``path``; returns how many. Raises OSError."""
        presets = await self.presets()
        data = to_json(presets).encode("utf-8")
        await self._runner.run(write_atomic, Path(path), data, private=False)
        return len(presets)
