"""Search finds what the designer means: prefix text, every filter, combined, newest first."""

from __future__ import annotations

from datetime import timedelta

import pytest

from desktop.services.catalog import CatalogQuery, CatalogStore, Kind
from desktop.services.catalog.fts_query import match_expression
from tests.services.catalog.conftest import T0, item


@pytest.fixture
def filled(store: CatalogStore) -> CatalogStore:
    store.add_items(
        "ws",
        [
            item(
                0, "Robot in neon city", model="flux-pro", aspect_ratio="16:9", output_format="png"
            ),
            item(
                1, "A fox by the lake", model="imagen-4", aspect_ratio="1:1", output_format="jpeg"
            ),
            item(
                2,
                "robotic café, pastel",
                model="imagen-4",
                aspect_ratio="16:9",
                output_format="webp",
                kind="image2image",
                input_image_urls=("/api/ds-prototypes/image_generation/img-1/view",),
            ),
            item(
                3,
                'He said "NOT AND OR" near(x) col:umn ^start*',
                model="flux-pro",
                aspect_ratio="9:16",
                output_format="png",
            ),
            item(
                60 * 24 * 10,
                "Old robot sketch",
                model="flux-pro",
                aspect_ratio="1:1",
                output_format="png",
            ),
        ],
    ).result()
    store.add_items("other", [item(9, "robot of another workspace")]).result()
    return store


def ids(store: CatalogStore, **filters: object) -> list[str]:
    query = CatalogQuery("ws", **filters)  # type: ignore[arg-type]
    found = store.search_ids(query)
    assert store.count(query) == len(found)
    assert [r.image_id for r in store.search(query, limit=None)] == found
    return found


def test_no_filter_lists_the_workspace_newest_first(filled: CatalogStore) -> None:
    assert ids(filled) == ["img-0", "img-1", "img-2", "img-3", "img-14400"]


def test_text_matches_word_prefixes_as_you_type(filled: CatalogStore) -> None:
    assert ids(filled, text="r") == ["img-0", "img-2", "img-14400"]
    assert ids(filled, text="rob") == ["img-0", "img-2", "img-14400"]
    assert ids(filled, text="robot") == ["img-0", "img-2", "img-14400"]
    assert ids(filled, text="robot n") == ["img-0"]
    assert ids(filled, text="ROBOT NEON") == ["img-0"]
    assert ids(filled, text="neon robot") == ["img-0"]  # every word, any order
    assert ids(filled, text="cafe") == ["img-2"]  # accents do not matter
    assert ids(filled, text="cafe\u0301") == ["img-2"]  # however they were typed
    assert ids(filled, text="zebra") == []


def test_accents_typed_as_combining_marks_stay_inside_the_word(filled: CatalogStore) -> None:
    filled.add_items("ws", [item(50, "naïve art")]).result()
    assert ids(filled, text="nai\u0308ve") == ["img-50"]  # i + combining diaeresis
    assert ids(filled, text="naive") == ["img-50"]


@pytest.mark.parametrize(
    "hostile",
    [
        '"',
        '""',
        '"robot',
        'robot"',
        "'",
        "NOT",
        "AND",
        "OR robot",
        "robot NOT neon",
        "NEAR(robot neon)",
        "*",
        "rob*",
        "^robot",
        "prompt:robot",
        "(",
        ")",
        "{}",
        "-robot",
        "+",
        "\\",
        "\x00",
        "robot\x00neon",
        "%",
        "_",
        "🙂 robot",
        "a" * 5000,
        "word " * 500,
        "; DROP TABLE images; --",
    ],
)
def test_any_input_is_searched_as_text_never_an_error(filled: CatalogStore, hostile: str) -> None:
    found = ids(filled, text=hostile)
    assert set(found) <= {"img-0", "img-1", "img-2", "img-3", "img-14400"}
    assert filled.search_ids(CatalogQuery("ws")) != []  # the catalogue is still there


def test_operator_words_are_plain_words(filled: CatalogStore) -> None:
    assert ids(filled, text="NOT AND OR") == ["img-3"]
    assert ids(filled, text='"not and"') == ["img-3"]
    assert ids(filled, text="near col umn start") == ["img-3"]
    assert ids(filled, text="robot OR fox") == []  # OR is a word here, not an operator


def test_match_expression_quotes_every_word() -> None:
    assert match_expression('say "hi" NOT') == '"say"* "hi"* "NOT"*'
    assert match_expression("  ,;!  ") is None


def test_structured_filters(filled: CatalogStore) -> None:
    assert ids(filled, models=("imagen-4",)) == ["img-1", "img-2"]
    assert ids(filled, models=("imagen-4", "nope")) == ["img-1", "img-2"]
    assert ids(filled, aspect_ratios=("16:9",)) == ["img-0", "img-2"]
    assert ids(filled, output_formats=("png",)) == ["img-0", "img-3", "img-14400"]
    assert ids(filled, kinds=(Kind.EDITED,)) == ["img-2"]
    assert ids(filled, kinds=(Kind.GENERATED,)) == ["img-0", "img-1", "img-3", "img-14400"]


def test_date_range(filled: CatalogStore) -> None:
    assert ids(filled, created_from=T0 - timedelta(days=1)) == ["img-0", "img-1", "img-2", "img-3"]
    assert ids(filled, created_before=T0 - timedelta(days=1)) == ["img-14400"]
    assert ids(
        filled,
        created_from=T0 - timedelta(minutes=2),
        created_before=T0 - timedelta(minutes=0, seconds=30),
    ) == ["img-1", "img-2"]
    assert ids(filled, text="robot", created_before=T0 - timedelta(days=1)) == ["img-14400"]


def test_favourites_and_minimum_rating(filled: CatalogStore) -> None:
    filled.set_favourite("ws", ["img-1", "img-3"], True).result()
    filled.set_rating("ws", ["img-0"], 5).result()
    filled.set_rating("ws", ["img-2"], 2).result()
    filled.set_rating("ws", ["img-1"], 3).result()
    assert ids(filled, favourites_only=True) == ["img-1", "img-3"]
    assert ids(filled, min_rating=3) == ["img-0", "img-1"]
    assert ids(filled, min_rating=1) == ["img-0", "img-1", "img-2"]
    assert ids(filled, min_rating=3, favourites_only=True) == ["img-1"]
    assert ids(filled, text="fox", favourites_only=True) == ["img-1"]
    filled.set_rating("ws", ["img-0"], 0).result()  # 0 clears
    assert ids(filled, min_rating=3) == ["img-1"]
    filled.set_favourite("ws", ["img-1"], False).result()
    assert ids(filled, favourites_only=True) == ["img-3"]


def test_filters_combine(filled: CatalogStore) -> None:
    assert ids(filled, text="robot", models=("flux-pro",), output_formats=("png",)) == [
        "img-0",
        "img-14400",
    ]
    assert ids(filled, text="robot", aspect_ratios=("1:1",)) == ["img-14400"]
    assert ids(filled, text="ro", kinds=(Kind.EDITED,), models=("imagen-4",)) == ["img-2"]


def test_paging_with_limit_and_offset(filled: CatalogStore) -> None:
    query = CatalogQuery("ws")
    assert filled.search_ids(query, limit=2) == ["img-0", "img-1"]
    assert filled.search_ids(query, limit=2, offset=2) == ["img-2", "img-3"]
    assert [r.image_id for r in filled.search(query, limit=2, offset=4)] == ["img-14400"]
    assert filled.count(query) == 5


def test_rows_carry_what_a_tile_shows(filled: CatalogStore) -> None:
    filled.set_favourite("ws", ["img-2"], True).result()
    filled.set_rating("ws", ["img-2"], 4).result()
    (row,) = filled.search(CatalogQuery("ws", text="café"))
    assert (row.image_id, row.kind, row.favourite, row.rating, row.model) == (
        "img-2",
        Kind.EDITED,
        True,
        4,
        "imagen-4",
    )
    assert row.created_at == T0 - timedelta(minutes=2)


def test_facets_count_the_choices_for_the_chips(filled: CatalogStore) -> None:
    filled.set_favourite("ws", ["img-0"], True).result()
    facets = filled.facets(CatalogQuery("ws"))
    assert facets.total == 5 and facets.favourites == 1
    assert facets.models == {"flux-pro": 3, "imagen-4": 2}
    assert facets.aspect_ratios == {"16:9": 2, "1:1": 2, "9:16": 1}
    assert facets.kinds == {"generated": 4, "edited": 1}
    with_text = filled.facets(CatalogQuery("ws", text="robot"))
    assert (with_text.total, with_text.favourites) == (3, 1)
    assert with_text.models == {"flux-pro": 2, "imagen-4": 1}
    assert with_text.kinds == {"generated": 2, "edited": 1}
    filled.mark_deleted("ws", ["img-0"], due=1.0).result()
    assert filled.facets(CatalogQuery("ws")).models == {"flux-pro": 2, "imagen-4": 2}
