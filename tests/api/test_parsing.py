"""Response parsers: the documented shapes, the lenient variants, and random junk."""

from __future__ import annotations

import contextlib
from datetime import UTC, date, datetime

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from desktop.api import parsing
from desktop.api.errors import UnexpectedResponseError
from desktop.api.models import ImageQuota, view_path

GUIDE_QUOTA = {
    "data": [
        {
            "id": "quota-abc-123",
            "workspaceId": "w",
            "usageTypeKey": "images",
            "bonusAmount": 0,
            "spilloverAmount": 0,
            "usedAmount": 12,
            "usedAmountDaily": 3,
            "availableAmount": 88,
            "limitAmount": 100,
            "limitAmountDaily": 50,
            "fairUseLimitReached": False,
        }
    ],
    "page": {"size": 20, "totalElements": 1, "totalPages": 1, "currentPage": 1},
}


def test_workspaces_shapes():
    hal = {"_embedded": {"workspaces": [{"id": "a", "name": "A", "_links": {}}]}, "page": {}}
    assert parsing.parse_workspaces(hal)[0].name == "A"
    assert parsing.parse_workspaces([{"id": 5}])[0].id == "5"
    assert parsing.parse_workspaces({"data": [{"id": "b", "name": None}]})[0].name == "b"
    with pytest.raises(UnexpectedResponseError):
        parsing.parse_workspaces({"nothing": 1})


def test_quota_guide_shape_and_strings():
    q = parsing.parse_quota(GUIDE_QUOTA)
    assert q == ImageQuota(88, 12, 100, 3, 50, 0, 0, False, None)
    assert (q.remaining_today, q.remaining, q.exhausted_scope) == (47, 47, None)
    rec = {k: str(v) for k, v in GUIDE_QUOTA["data"][0].items()}
    rec["dailyRefreshed"] = "2024-06-15"
    rec["fairUseLimitReached"] = "true"
    q2 = parsing.parse_quota({"data": [rec]})
    assert q2.available == 88 and q2.daily_refreshed == date(2024, 6, 15)
    assert q2.fair_use_limit_reached is True


def test_quota_none_when_no_image_quota():
    assert parsing.parse_quota({"data": [], "page": {}}) is None
    assert parsing.parse_quota({"data": [{"usageTypeKey": "tokens"}]}) is None


def test_quota_available_computed_when_missing():
    q = parsing.parse_quota([{"limitAmount": 10, "usedAmount": 4, "bonusAmount": 1}])
    assert q.available == 7


def test_quota_scopes():
    assert ImageQuota(0, 100, 100, 0, 50, 0, 0, True, None).exhausted_scope == "cycle"
    daily = ImageQuota(10, 40, 100, 50, 50, 0, 0, False, None)
    assert (daily.exhausted_scope, daily.remaining) == ("daily", 0)


def test_models_both_shapes_sorted():
    snake = [
        {"id": "b", "name": "B", "order": 2, "capabilities": ["text2image"], "max_images": "2"},
        {
            "id": "a",
            "name": "A",
            "order": 1,
            "capabilities": ["text2image", "image2image"],
            "max_images": 4,
            "aspect_ratios": ["1:1"],
            "output_formats": ["png"],
            "allowed": True,
        },
    ]
    models = parsing.parse_models(snake)
    assert [m.id for m in models] == ["a", "b"]
    assert models[0].supports_edit and not models[1].supports_edit
    assert models[1].max_images == 2
    camel = {
        "page": {},
        "data": [
            {
                "id": "c",
                "maxImages": 3,
                "aspectRatios": ["16:9"],
                "outputFormats": ["jpeg"],
                "allowed": False,
                "order": 1,
            }
        ],
    }
    m = parsing.parse_models(camel)[0]
    assert (m.max_images, m.aspect_ratios, m.output_formats, m.allowed) == (
        3,
        ("16:9",),
        ("jpeg",),
        False,
    )


def test_generation_result_and_partial():
    data = {
        "images": [
            {
                "url": "https://s/x.png",
                "content_type": "image/png",
                "width": "1024",
                "height": 576,
                "image_id": "i1",
                "file_name": None,
            }
        ],
        "prompt": "p",
        "batch_id": "b",
        "detail": "Only 1 of 2 images were generated.",
    }
    r = parsing.parse_generation(data, "p", 2)
    assert r.partial and r.images[0].width == 1024 and r.batch_id == "b"
    assert r.detail.startswith("Only 1")
    assert not parsing.parse_generation({"images": []}, "p", 0).partial
    odd = parsing.parse_generation({"images": [], "detail": {"message": "m"}}, "p", 1)
    assert odd.detail == "m"


def test_history_paged_and_unpaged():
    item = {
        "output_image_id": "i/1",
        "output_image_url": "/api/x/view",
        "batch_id": "b",
        "prompt": "p",
        "created_at": "2024-06-15T10:00:00Z",
        "type": "image2image",
        "input_image_urls": ["/api/y/view"],
        "width": 10,
    }
    page = parsing.parse_history_page(
        {"items": [item, {"junk": 1}], "page": 2, "size": 1, "total": 3, "pages": 3}, 2, 1
    )
    assert (page.page, page.size, page.total, page.pages) == (2, 1, 3, 3)
    hi = page.items[0]
    assert hi.created_at == datetime(2024, 6, 15, 10, tzinfo=UTC)
    assert hi.kind == "image2image" and hi.input_image_urls == ("/api/y/view",)
    bare = parsing.parse_history_page([dict(item, output_image_url="https://abs/x")], 1, 50)
    assert bare.pages == 1 and bare.items[0].image_url == view_path("i/1")
    assert parsing.parse_history_page({"data": [item]}, 1, 50).total == 1


def test_datetime_parsing():
    assert parsing.to_datetime("2024-01-01T00:00:00").tzinfo is UTC
    assert parsing.to_datetime("2024-01-01T02:00:00+02:00") == datetime(2024, 1, 1, tzinfo=UTC)
    assert parsing.to_datetime("nope") is None
    assert parsing.to_datetime(0) == datetime(1970, 1, 1, tzinfo=UTC)


def test_token():
    assert parsing.parse_token({"access_token": "t", "expires_in": "60"}) == ("t", 60.0)
    assert parsing.parse_token({"access_token": "t"}) == ("t", None)
    with pytest.raises(UnexpectedResponseError):
        parsing.parse_token({"token": "t"})


json_like = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=10),
    lambda inner: (
        st.lists(inner, max_size=4)
        | st.dictionaries(
            st.sampled_from(
                [
                    "data",
                    "items",
                    "_embedded",
                    "workspaces",
                    "id",
                    "name",
                    "images",
                    "url",
                    "image_id",
                    "output_image_id",
                    "output_image_url",
                    "availableAmount",
                    "usageTypeKey",
                    "limitAmount",
                    "max_images",
                    "maxImages",
                    "capabilities",
                    "order",
                    "allowed",
                    "page",
                    "pages",
                    "total",
                    "size",
                    "created_at",
                    "detail",
                    "access_token",
                    "expires_in",
                    "dailyRefreshed",
                    "input_image_urls",
                    "model",
                    "width",
                ]
            )
            | st.text(max_size=5),
            inner,
            max_size=6,
        )
    ),
    max_leaves=25,
)


@settings(max_examples=400, deadline=None)
@given(json_like)
def test_parsers_only_raise_unexpected_response(data):
    calls = [
        parsing.parse_workspaces,
        parsing.parse_quota,
        parsing.parse_models,
        lambda d: parsing.parse_generation(d, "p", 1),
        lambda d: parsing.parse_history_page(d, 1, 50),
        parsing.parse_history_item,
        parsing.parse_token,
    ]
    for call in calls:
        with contextlib.suppress(UnexpectedResponseError):
            call(data)
