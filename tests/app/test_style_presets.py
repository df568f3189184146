"""What a style's placeholders do with the designer's prompt, and how an import plans around
names that are taken (pure functions of desktop.app.style_presets)."""

from __future__ import annotations

from desktop.app.style_presets import fill, free_name, name_taken, parameters_of, plan_import
from desktop.services.catalog import StylePreset


def test_subject_or_prompt_takes_the_words_and_other_placeholders_stay() -> None:
    flat = StylePreset("Flat", "{subject}, flat vector, {palette}", {})
    assert fill(flat, " a fox ").text == "a fox, flat vector, {palette}"
    assert fill(flat, "a fox").unfilled == ("palette",)
    krita_like = StylePreset("K", "{lens} photo of {prompt}", {})
    assert fill(krita_like, "a cat").text == "{lens} photo of a cat"
    first = StylePreset("F", "{thing} on {paper} paper", {})
    assert fill(first, "a tree").text == "a tree on {paper} paper"


def test_no_placeholder_puts_the_prompt_in_front_and_an_empty_prompt_keeps_the_template() -> None:
    plain = StylePreset("Plain", "flat vector, pastel", {})
    assert fill(plain, "a fox").text == "a fox, flat vector, pastel"
    assert fill(plain, "").text == "flat vector, pastel"
    flat = StylePreset("Flat", "{subject}, flat vector", {})
    empty = fill(flat, "  ")
    assert empty.text == "{subject}, flat vector" and empty.unfilled == ("subject",)


def test_an_import_renames_a_different_preset_and_skips_the_same_one() -> None:
    mine = [StylePreset("Flat", "{subject}, flat", {}), StylePreset("Ink", "{subject}, ink", {})]
    incoming = [
        StylePreset("flat", "{subject}, flat, pastel", {}),  # taken (any case), different
        StylePreset("Ink", "{subject}, ink", {}),  # the same as mine
        StylePreset("Photo", "{subject}, photo", {}),
    ]
    to_save, report = plan_import(mine, incoming)
    assert [p.name for p in to_save] == ["flat (2)", "Photo"]
    assert report.renamed == {"flat": "flat (2)"}
    assert report.unchanged == ["Ink"] and report.added == ["Photo"]
    assert free_name("A", {"a", "A (2)"}) == "A (3)"


def test_parameters_keep_the_panel_choices_without_empties() -> None:
    choices = {"model": "m", "images": "3", "aspect_ratio": "", "output_format": "png"}
    assert parameters_of(choices) == {"model": "m", "images": 3, "output_format": "png"}


def test_a_name_is_taken_by_another_preset_in_any_case_but_not_by_itself() -> None:
    mine = [StylePreset("Flat", "{subject}, flat", {}), StylePreset("Ink", "{subject}, ink", {})]
    assert name_taken(mine, " flat ") == "Flat"
    assert name_taken(mine, "FLAT", own="Ink") == "Flat"
    assert name_taken(mine, "flat", own="Flat") is None  # only its own spelling changes
    assert name_taken(mine, "Photo") is None
