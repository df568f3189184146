"""Style presets: a prompt template with ``{placeholders}`` and generation parameters,
kept in the catalogue and exchanged as JSON files.

``render`` fills only the placeholders it is given and leaves every other brace alone, so a
template is never an error ("{subject}, flat vector" with no subject stays as written).
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from desktop.services.catalog.store import CatalogStore

EXPORT_FORMAT = "neuroflash-style-presets"
EXPORT_VERSION = 1
_PLACEHOLDER = re.compile(r"\{([A-Za-z_][A-Za-z0-9_]{0,63})\}")
MAX_IMPORT_BYTES = 2 * 1024 * 1024


@dataclass(frozen=True)
class StylePreset:
    name: str
    template: str  # "{subject}, flat vector, pastel"
    parameters: dict[str, Any] = field(default_factory=dict)  # model, aspect_ratio, ...

    @property
    def placeholders(self) -> tuple[str, ...]:
        """The placeholder names in order of first appearance."""
        return tuple(dict.fromkeys(_PLACEHOLDER.findall(self.template)))

    def render(self, values: Mapping[str, str]) -> str:
        """The template with the given placeholders filled in; others are kept as written."""
        return _PLACEHOLDER.sub(lambda m: str(values.get(m.group(1), m.group(0))), self.template)


class PresetFileError(ValueError):
    """The file is not a preset export this app can read."""


def load_presets(store: CatalogStore) -> list[StylePreset]:
    return [StylePreset(n, t, p) for n, t, p in store.presets()]


def to_json(presets: list[StylePreset]) -> str:
    return json.dumps(
        {
            "format": EXPORT_FORMAT,
            "version": EXPORT_VERSION,
            "presets": [
                {"name": p.name, "template": p.template, "parameters": p.parameters}
                for p in presets
            ],
        },
        indent=2,
        ensure_ascii=False,
    )


def from_json(text: str | bytes) -> list[StylePreset]:
    """The presets in an export; raises PresetFileError for anything else."""
    if len(text) > MAX_IMPORT_BYTES:
        raise PresetFileError("file too large")
    try:
        doc = json.loads(text)
    except ValueError as err:
        raise PresetFileError(f"not JSON: {err}") from None
    if not isinstance(doc, dict) or doc.get("format") != EXPORT_FORMAT:
        raise PresetFileError("not a style preset export")
    out: list[StylePreset] = []
    for rec in doc.get("presets") or []:
        if not isinstance(rec, dict):
            raise PresetFileError("a preset is not an object")
        name, template = rec.get("name"), rec.get("template")
        params = rec.get("parameters") or {}
        if not isinstance(name, str) or not name.strip() or not isinstance(template, str):
            raise PresetFileError("a preset has no name or template")
        if not isinstance(params, dict):
            raise PresetFileError(f"preset {name!r} has parameters that are not an object")
        out.append(StylePreset(name.strip(), template, params))
    return out


def import_presets(store: CatalogStore, text: str | bytes) -> list[str]:
    """Save every preset in the export (same name: replaced); returns their names."""
    presets = from_json(text)
    for preset in presets:
        store.save_preset(preset.name, preset.template, preset.parameters)
    store.flush()
    return [p.name for p in presets]
