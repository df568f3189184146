"""Family-B answers read leniently (as family A's): other likely shapes, hostile numbers and
strings, and unreadable task answers that still say the images may arrive."""

from __future__ import annotations

import contextlib
import threading
import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from desktop.api.capabilities import WorkspaceCapabilities
from desktop.api.coerce import INT32_MAX
from desktop.api.errors import TaskCancelledError, UnexpectedResponseError
from desktop.api.image_service import parse_image, parse_image_page, parse_task
from desktop.api.kinds import kind_of
from desktop.api.models import HistoryItem, ImageModel, ServiceImage
from desktop.api.parsing import MAX_FIELD_CHARS
from desktop.api.task_wait import wait_for_images

WS = "ws-1"


def test_the_reference_example_without_status_is_done() -> None:
    image = parse_image(
        {
            "id": "i1",
            "generationId": "g",
            "workspaceId": WS,
            "createdByUserId": "u",
            "prompt": "p",
            "model": "nano-banana-2",
            "parameters": {},
            "inputImageIds": {},
            "imageWidth": {},
            "imageHeight": {},
            "imageSize": {},
            "createdAt": "2024-01-15T10:30:00Z",
            "updatedAt": "2024-01-15T10:30:00Z",
            "_links": {"content": "string"},
        }
    )
    assert image.status == "done" and image.kind == "generated" and image.width is None
    assert image.input_image_ids == () and image.content_url == "string"


def test_numbers_are_clamped_strings_capped_and_odd_fields_ignored() -> None:
    image = parse_image(
        {
            "id": "i" * 10_000,
            "imageWidth": "2048",
            "imageHeight": 10**40,
            "imageSize": -5,
            "prompt": "p" * 50_000,
            "status": "COMPLETED",
            "inputImageIds": ["a", None, 3],
            "parameters": {"scale": 4, "nested": {"deep": [1]}, **{f"k{n}": n for n in range(500)}},
            "_links": {"content": {"href": "/api/x/content"}},
            "unknown": object.__name__,
        }
    )
    assert len(image.id) == MAX_FIELD_CHARS and image.width == 2048
    assert image.height == INT32_MAX and image.file_size == 0
    assert len(image.prompt) == 20_000 and image.status == "done"
    assert image.input_image_ids == ("a", "3") and image.kind == "upscaled"
    assert len(image.parameters) <= 50 and image.content_url == "/api/x/content"


@pytest.mark.parametrize(
    "rec, kind",
    [
        ({"parameters": {"kind": "imported"}}, "imported"),
        ({"parameters": {"type": "inpainting"}}, "edited"),
        ({"inputImageIds": ["s"], "prompt": "x"}, "edited"),
        ({"prompt": "", "model": None}, "imported"),
        ({"prompt": "a cat", "model": "m"}, "generated"),
    ],
)
def test_kind_is_read_or_inferred(rec: dict, kind: str) -> None:
    assert parse_image({"id": "x", **rec}).kind == kind


def test_a_missing_content_link_falls_back_to_the_content_path() -> None:
    image = parse_image({"id": "a b"}, WS)
    assert image.content_url == "/api/image-service/v1/workspaces/ws-1/images/a%20b/content"
    assert parse_image({"id": ".."}, WS).content_url == "", "never a traversing path"


@pytest.mark.parametrize(
    "data",
    [
        {
            "page": {"size": 2, "totalElements": 3, "totalPages": 2, "currentPage": 1},
            "data": [{"id": "a"}, "junk", {"no": "id"}, {"id": "b"}],
        },
        [{"id": "a"}, {"id": "b"}],
        {"_embedded": {"images": [{"id": "a"}, {"id": "b"}]}},
    ],
)
def test_image_pages_in_several_shapes(data: object) -> None:
    page = parse_image_page(data, 1, 2, WS)
    assert [i.id for i in page.images] == ["a", "b"]


def test_an_unreadable_page_raises() -> None:
    with pytest.raises(UnexpectedResponseError):
        parse_image_page({"what": 1}, 1, 50, WS)


def test_task_answers_in_several_shapes() -> None:
    images, gen, detail = parse_task(
        {
            "images": [{"id": "a", "status": "queued"}],
            "generationId": "g",
            "detail": "Only 1 of 2 images were made",
        },
        WS,
    )
    assert images[0].status == "pending" and gen == "g" and "Only 1 of 2" in (detail or "")
    ids, _, _ = parse_task({"imageIds": ["x", "y"]}, WS)
    assert [i.status for i in ids] == ["pending", "pending"]
    one, _, _ = parse_task({"id": "z", "status": "failed"}, WS)
    assert one[0].status == "failed"


@pytest.mark.parametrize("data", [{}, {"images": []}, [], "ok", None])
def test_an_unreadable_task_answer_says_the_images_may_still_arrive(data: object) -> None:
    with pytest.raises(UnexpectedResponseError) as caught:
        parse_task(data, WS)
    assert "may still arrive" in caught.value.message


@pytest.mark.parametrize(
    "word, has_inputs, kind",
    [
        ("text2image", False, "generated"),
        ("image2image", True, "edited"),
        ("upload", False, "imported"),
        ("upscale", True, "upscaled"),
        ("UPSCALED", True, "upscaled"),
        ("something-new", True, "edited"),
        ("something-new", False, "generated"),
        (None, False, "generated"),
    ],
)
def test_kinds(word: str | None, has_inputs: bool, kind: str) -> None:
    assert kind_of(word, has_inputs) == kind


def test_history_item_kind_keeps_the_wire_word() -> None:
    item = HistoryItem(image_id="a", image_url="/v", kind="upload")
    assert item.kind == "upload" and item.image_kind == "imported"


def _model(capabilities: list[str], allowed: bool = True) -> ImageModel:
    return ImageModel(
        id="-".join(capabilities) or "none",
        name="m",
        capabilities=tuple(capabilities),
        allowed=allowed,
    )


def test_capabilities_say_why_an_action_is_missing() -> None:
    only_2x = WorkspaceCapabilities.from_models([_model(["text2image", "upscale-2x"])])
    assert only_2x.can_upscale(2) and not only_2x.can_upscale(4)
    assert only_2x.upscale_reason(4) == "This workspace can upscale 2×, not 4×."
    assert not only_2x.can_edit_masked and "part of an image" in (only_2x.masked_edit_reason or "")
    assert only_2x.can_upload and only_2x.upload_reason is None
    text_only = WorkspaceCapabilities.from_models([_model(["text2image"])])
    assert not text_only.can_upload and "nothing to import for" in (text_only.upload_reason or "")
    assert text_only.upscale_reason(2) == "This workspace's plan does not include upscaling."
    not_allowed = WorkspaceCapabilities.from_models([_model(["inpainting", "upscale"], False)])
    assert not not_allowed.can_edit_masked and not not_allowed.can_upscale()
    bare = WorkspaceCapabilities.from_models([_model(["upscale"])])
    assert bare.upscale_scales == (2, 4) and bare.upscale_model(4) == "upscale"


def test_wait_asks_a_callable_cancel_during_the_pause() -> None:
    stop = threading.Event()
    pending = ServiceImage(id="a", content_url="/c", status="pending")
    threading.Timer(0.1, stop.set).start()
    started = time.monotonic()
    with pytest.raises(TaskCancelledError):
        wait_for_images(lambda _id: pending, [pending], cancel=stop.is_set, first_delay=30)
    assert time.monotonic() - started < 5, "cancel is noticed during a long pause"


JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=8),
    lambda inner: (
        st.lists(inner, max_size=4)
        | st.dictionaries(
            st.sampled_from(
                [
                    "id",
                    "images",
                    "data",
                    "imageIds",
                    "status",
                    "_links",
                    "content",
                    "parameters",
                    "page",
                    "imageWidth",
                    "inputImageIds",
                    "detail",
                    "x",
                ]
            ),
            inner,
            max_size=5,
        )
    ),
    max_leaves=20,
)


@settings(max_examples=300, deadline=None)
@given(data=JSON)
def test_junk_raises_only_unexpected_response(data: object) -> None:
    for parse in (
        lambda: parse_image(data, WS),
        lambda: parse_image_page(data, 1, 50, WS),
        lambda: parse_task(data, WS),
    ):
        with contextlib.suppress(UnexpectedResponseError):
            parse()


@settings(max_examples=150, deadline=None)
@given(
    width=st.integers(0, 10**6),
    form=st.sampled_from([int, str, float]),
    image_id=st.text(min_size=1, max_size=12).filter(lambda s: s.strip() not in ("", ".", "..")),
)
def test_sloppy_numbers_and_odd_ids(width: int, form: type, image_id: str) -> None:
    image = parse_image({"id": image_id, "imageWidth": form(width), "x_extra": [1]}, WS)
    assert image.width == width and image.id == image_id
    assert image.content_url.count("/") == 8, "an id stays one path segment"
