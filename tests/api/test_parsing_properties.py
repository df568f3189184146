"""Properties of every response parser in desktop/api/parsing.py: a record of the documented
shape still reads right when the server sends numbers as strings, nulls, extra fields or leaves
optional fields out, and ids with path characters never turn into a path of another image.

(test_parsing.py covers the documented shapes and that random junk raises only
UnexpectedResponseError; these cover "valid but sloppy" answers, which must not be rejected.)
"""

from __future__ import annotations

from typing import Any
from urllib.parse import unquote

from hypothesis import given, settings
from hypothesis import strategies as st

from desktop.api import parsing
from desktop.api.models import VIEW_PATH_TEMPLATE, view_path

MISSING = object()
EXTRA_KEYS = st.dictionaries(
    st.text(min_size=1, max_size=8).map(lambda k: "x_" + k),
    st.none() | st.integers() | st.text(max_size=5) | st.lists(st.integers(), max_size=2),
    max_size=3,
)
# Ids as servers hand them out, including path characters and unicode.
IDS = st.one_of(
    st.sampled_from(["../x", "a/b", "%2e%2e", "..%2fx", "a?b=1", "a#b", "x y", "ü/ß", "1"]),
    st.text(st.characters(blacklist_categories=("Cs",)), min_size=1, max_size=12).filter(
        lambda s: s.strip() not in ("", ".", "..")
    ),
)


@st.composite
def sloppy_number(draw: Any, low: int = 0, high: int = 10**6) -> tuple[Any, int | None]:
    """(what the server sends, the number it means): an int, the same as a string, a whole
    float, null, or nothing at all."""
    n = draw(st.integers(low, high))
    form = draw(st.sampled_from(["int", "str", "float", "null", "missing"]))
    return {
        "int": (n, n),
        "str": (str(n), n),
        "float": (float(n), n),
        "null": (None, None),
        "missing": (MISSING, None),
    }[form]


def _put(rec: dict[str, Any], key: str, value: Any) -> None:
    if value is not MISSING:
        rec[key] = value


@settings(max_examples=150, deadline=None)
@given(
    ws_id=IDS | st.integers(1, 10**6),
    name=st.none() | st.text(max_size=10) | st.just(MISSING),
    extra=EXTRA_KEYS,
    wrap=st.sampled_from(["bare", "data", "hal"]),
)
def test_workspaces_tolerate_sloppy_records(ws_id, name, extra, wrap):
    rec = {**extra, "id": ws_id}
    _put(rec, "name", name)
    data = {
        "bare": [rec],
        "data": {"data": [rec], "page": None},
        "hal": {"_embedded": {"workspaces": [rec]}},
    }[wrap]
    [ws] = parsing.parse_workspaces(data)
    assert ws.id == str(ws_id)
    assert ws.name == (name if isinstance(name, str) and name else str(ws_id))


@settings(max_examples=150, deadline=None)
@given(
    used=sloppy_number(),
    limit=sloppy_number(),
    daily=sloppy_number(),
    available=sloppy_number(),
    fair=st.sampled_from([True, False, "true", "false", None]),
    extra=EXTRA_KEYS,
)
def test_quota_tolerates_sloppy_numbers(used, limit, daily, available, fair, extra):
    rec: dict[str, Any] = {**extra, "usageTypeKey": "images"}
    for key, (value, _) in (
        ("usedAmount", used),
        ("limitAmount", limit),
        ("usedAmountDaily", daily),
        ("availableAmount", available),
    ):
        _put(rec, key, value)
    rec["fairUseLimitReached"] = fair
    quota = parsing.parse_quota({"data": [{"usageTypeKey": "tokens"}, rec], "page": {}})
    assert quota is not None
    assert quota.used == (used[1] or 0) and quota.limit == (limit[1] or 0)
    assert quota.used_daily == (daily[1] or 0)
    if available[1] is not None:
        assert quota.available == available[1]
    else:  # computed from what is there, never negative
        assert quota.available == max(0, (limit[1] or 0) - (used[1] or 0))
    assert quota.fair_use_limit_reached is (fair in (True, "true"))


@settings(max_examples=150, deadline=None)
@given(
    model_id=IDS,
    max_images=sloppy_number(0, 8),
    camel=st.booleans(),
    order=sloppy_number(),
    ratios=st.none() | st.lists(st.sampled_from(["1:1", "16:9"]), max_size=2),
    allowed=st.sampled_from([True, False, None, "false", MISSING]),
    extra=EXTRA_KEYS,
)
def test_models_tolerate_sloppy_records(model_id, max_images, camel, order, ratios, allowed, extra):
    rec: dict[str, Any] = {**extra, "id": model_id}
    _put(rec, "maxImages" if camel else "max_images", max_images[0])
    _put(rec, "order", order[0])
    _put(rec, "aspectRatios" if camel else "aspect_ratios", ratios)
    _put(rec, "allowed", allowed)
    data = {"page": {}, "data": [rec]} if camel else [rec]
    [model] = parsing.parse_models(data)
    assert model.id == model_id and model.name == model_id
    assert model.max_images == max(1, max_images[1] or 1), "at least one image, as sent"
    assert model.aspect_ratios == tuple(ratios or ())
    assert model.allowed is (allowed not in (False, "false"))


@settings(max_examples=150, deadline=None)
@given(
    image_id=IDS,
    width=sloppy_number(),
    size=sloppy_number(),
    url=st.booleans(),
    detail=st.none() | st.text(max_size=20) | st.just({"message": "m"}),
    extra=EXTRA_KEYS,
    junk=st.lists(st.none() | st.integers() | st.just({}), max_size=3),
)
def test_generation_tolerates_sloppy_images(image_id, width, size, url, detail, extra, junk):
    rec: dict[str, Any] = {**extra, "image_id": image_id}
    if url:
        rec["url"] = "https://cdn.example/x.webp"
    _put(rec, "width", width[0])
    _put(rec, "file_size", size[0])
    data = {"images": [*junk, rec], "batch_id": None, "detail": detail, "x_new": [1]}
    result = parsing.parse_generation(data, "the prompt", 1)
    [image] = result.images
    assert image.image_id == image_id and image.width == width[1] and image.file_size == size[1]
    assert image.url == ("https://cdn.example/x.webp" if url else view_path(image_id))
    assert result.prompt == "the prompt" and result.batch_id is None
    assert not result.partial


@settings(max_examples=200, deadline=None)
@given(
    image_id=IDS,
    url=st.none() | st.just(MISSING) | st.just("https://abs/x.png") | st.just("/api/own/view"),
    width=sloppy_number(),
    prompt=st.none() | st.text(max_size=15),
    created=st.none() | st.just("2024-06-15T10:00:00Z") | st.just("nope") | st.integers(0, 9),
    model=st.none() | st.just({"id": "m"}) | st.just("m") | st.integers(0, 3),
    extra=EXTRA_KEYS,
)
def test_history_item_tolerates_sloppy_records(image_id, url, width, prompt, created, model, extra):
    rec: dict[str, Any] = {
        **extra,
        "output_image_id": image_id,
        "prompt": prompt,
        "created_at": created,
        "model": model,
    }
    _put(rec, "output_image_url", url)
    _put(rec, "width", width[0])
    item = parsing.parse_history_item(rec)
    assert item.image_id == image_id and item.width == width[1]
    assert item.prompt == (prompt or "")
    if url == "/api/own/view":
        assert item.image_url == url
    else:  # no usable relative path: rebuilt from the id, which stays one path segment
        assert item.image_url == view_path(image_id)
        prefix, suffix = VIEW_PATH_TEMPLATE.split("{image_id}")
        segment = item.image_url[len(prefix) : len(item.image_url) - len(suffix)]
        assert "/" not in segment and "?" not in segment and "#" not in segment
        assert unquote(segment) == image_id
    assert item.model == (
        "m" if model in ("m", {"id": "m"}) else (str(model) if isinstance(model, int) else None)
    )


@settings(max_examples=100, deadline=None)
@given(
    ids=st.lists(IDS, min_size=0, max_size=5, unique=True),
    total=sloppy_number(0, 99),
    pages=sloppy_number(0, 9),
    shape=st.sampled_from(["paged", "data", "bare", "spring"]),
    junk=st.lists(st.none() | st.integers() | st.just({"junk": 1}), max_size=3),
)
def test_history_page_keeps_every_readable_item(ids, total, pages, shape, junk):
    records = [*junk, *({"output_image_id": i, "x_more": None} for i in ids)]
    data: Any
    if shape == "paged":
        data = {"items": records, "page": "1", "size": "50"}
        _put(data, "total", total[0])
        _put(data, "pages", pages[0])
    elif shape == "spring":
        data = {
            "data": records,
            "page": {
                "totalElements": total[0] if total[0] is not MISSING else None,
                "currentPage": 1,
            },
        }
    elif shape == "data":
        data = {"data": records}
    else:
        data = records
    page = parsing.parse_history_page(data, 1, 50)
    assert [i.image_id for i in page.items] == ids, "junk skipped, every real item kept"
    assert page.page == 1 and page.size == 50
    if shape in ("data", "bare"):
        assert (page.total, page.pages) == (len(ids), 1)
    elif shape == "paged":
        assert (page.total, page.pages) == (total[1], pages[1])


@settings(max_examples=100, deadline=None)
@given(
    token=st.text(
        st.characters(min_codepoint=33, max_codepoint=255, exclude_characters="\x7f"),
        min_size=1,
        max_size=30,
    )
    | st.integers(1, 10**9),
    lifetime=sloppy_number(-5, 10**5),
    extra=EXTRA_KEYS,
)
def test_token_tolerates_sloppy_lifetime(token, lifetime, extra):
    data: dict[str, Any] = {**extra, "access_token": token, "token_type": None}
    _put(data, "expires_in", lifetime[0])
    got, seconds = parsing.parse_token(data)
    assert got == str(token)
    expected = lifetime[1]
    assert seconds == (float(expected) if expected is not None and expected > 0 else None)


def test_every_public_parser_has_a_property():
    """A new parser in parsing.py needs its own property here."""
    covered = {
        "parse_workspaces",
        "parse_quota",
        "parse_models",
        "parse_generation",
        "parse_history_item",
        "parse_history_page",
        "parse_token",
    }
    public = {n for n in vars(parsing) if n.startswith("parse_")}
    assert public == covered
