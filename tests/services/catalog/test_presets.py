"""Style presets: templates with placeholders, kept in the catalogue, exchanged as JSON."""

from __future__ import annotations

import pytest

from desktop.services.catalog import CatalogStore, StylePreset
from desktop.services.catalog.presets import (
    PresetFileError,
    from_json,
    import_presets,
    load_presets,
    to_json,
)


def test_render_fills_known_placeholders_and_leaves_the_rest() -> None:
    preset = StylePreset("Flat", "{subject}, flat vector, {palette} {unknown} {0} {}", {})
    assert preset.placeholders == ("subject", "palette", "unknown")
    assert preset.render({"subject": "a fox", "palette": "pastel"}) == (
        "a fox, flat vector, pastel {unknown} {0} {}"
    )
    assert preset.render({"subject": "{palette}"}).startswith("{palette}, flat")  # no recursion


def test_presets_are_saved_replaced_deleted_and_exported(store: CatalogStore) -> None:
    store.save_preset("Flat", "{subject}, flat vector, pastel", {"model": "flux-pro"})
    store.save_preset("Photo", "{subject}, 35mm photo", {"aspect_ratio": "3:2"})
    store.save_preset("Flat", "{subject}, flat vector", {"model": "imagen-4"})  # replaces
    store.flush()
    presets = load_presets(store)
    assert [(p.name, p.template, p.parameters) for p in presets] == [
        ("Flat", "{subject}, flat vector", {"model": "imagen-4"}),
        ("Photo", "{subject}, 35mm photo", {"aspect_ratio": "3:2"}),
    ]
    exported = to_json(presets)
    store.delete_preset("Flat").result()
    store.delete_preset("Photo").result()
    assert load_presets(store) == []
    assert import_presets(store, exported) == ["Flat", "Photo"]
    assert load_presets(store) == presets


@pytest.mark.parametrize(
    "text",
    [
        "",
        "not json",
        "[]",
        '{"format": "something-else", "presets": []}',
        '{"format": "neuroflash-style-presets", "presets": [1]}',
        '{"format": "neuroflash-style-presets", "presets": [{"name": "", "template": "x"}]}',
        '{"format": "neuroflash-style-presets", "presets": [{"name": "a", "template": 3}]}',
        '{"format": "neuroflash-style-presets", "presets": '
        '[{"name": "a", "template": "x", "parameters": [1]}]}',
    ],
)
def test_a_file_that_is_not_a_preset_export_is_refused(text: str) -> None:
    with pytest.raises(PresetFileError):
        from_json(text)
