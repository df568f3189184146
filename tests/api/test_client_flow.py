"""The guide's flow and every endpoint, through the client, against the built-in server."""

from __future__ import annotations

import pytest

from desktop.api import EditRequest, GenerationRequest, view_path
from desktop.api.errors import (
    InvalidRequestError,
    ModelNotAllowedError,
    NoCreditsError,
    NotFoundError,
)
from desktop.emulator import demo_data

STUDIO = demo_data.STUDIO_WORKSPACE_ID
NEARLY_EMPTY = demo_data.NEARLY_EMPTY_WORKSPACE_ID
TEXT_ONLY = demo_data.TEXT_ONLY_WORKSPACE_ID
MODEL = demo_data.NANO_BANANA_MODEL_ID
PROMPT = (
    "A professional hero image for a blog post about sustainable technology. "
    "Modern, clean design with green and blue tones."
)


def test_guide_flow_end_to_end(server, client):
    client.sign_in()  # step 1
    workspace_id = client.workspaces()[0].id  # step 2
    assert workspace_id == STUDIO
    before = client.image_quota(workspace_id)  # step 3
    assert before is not None and before.available > 0
    models = client.models(workspace_id)  # step 4
    assert models[0].id == MODEL and [m.order for m in models] == sorted(m.order for m in models)
    result = client.generate(  # step 5
        workspace_id, GenerationRequest(PROMPT, MODEL, 1, "16:9", "png")
    )
    assert len(result.images) == 1 and not result.partial and result.batch_id
    image = result.images[0]
    assert (image.width, image.height, image.content_type) == (1024, 576, "image/png")
    after = client.image_quota(workspace_id)  # step 6
    assert after.available == before.available - 1
    assert after.used_daily == before.used_daily + 1
    assert after.used == before.used + 1

    history = client.history(workspace_id)  # edit: history -> relative path -> /edit
    assert history[0].image_id == image.image_id
    assert [i.image_id for i in history] == server.state.history_ids(workspace_id)
    source = history[0].image_url
    assert source == view_path(image.image_id)
    edited = client.edit(workspace_id, EditRequest("Make the sky a deep sunset orange", [source]))
    assert len(edited.images) == 1
    assert client.image_quota(workspace_id).available == before.available - 2
    newest = client.history_item(workspace_id, edited.images[0].image_id)
    assert newest.kind == "image2image" and newest.input_image_urls == (source,)

    client.delete_image(workspace_id, image.image_id)  # delete by output_image_id
    assert image.image_id not in server.state.history_ids(workspace_id)
    with pytest.raises(NotFoundError):
        client.history_item(workspace_id, image.image_id)
    assert client.image_quota(workspace_id).available == before.available - 2  # no refund


def test_downloads_view_path_and_storage_url(server, client):
    result = client.generate(STUDIO, GenerationRequest("a fox", MODEL, 1, "1:1", "jpeg"))
    url = result.images[0].url
    assert url.startswith(server.storage_origin)
    stored = client.download_image(STUDIO, url)
    viewed = client.download_image(STUDIO, view_path(result.images[0].image_id))
    assert stored.content_type == viewed.content_type == "image/jpeg"
    assert stored.content[:3] == b"\xff\xd8\xff" and viewed.content == stored.content


def test_edit_turns_absolute_urls_into_paths(server, client):
    item = client.history(STUDIO)[0]
    absolute = server.api_url.removesuffix("/api") + item.image_url
    result = client.edit(STUDIO, EditRequest("sepia", (absolute,), model=MODEL))
    assert len(result.images) == 1
    assert client.history_item(STUDIO, result.images[0].image_id).input_image_urls == (
        item.image_url,
    )


def test_history_pages(make_server, make_client):
    server = make_server(history_size=7)
    client = make_client(server)
    page = client.history_page(STUDIO, page=2, size=3)
    assert (page.page, page.size, page.total, page.pages, len(page.items)) == (2, 3, 7, 3, 3)
    everything = client.history(STUDIO, page_size=3)
    assert [i.image_id for i in everything] == server.state.history_ids(STUDIO)
    created = [i.created_at for i in everything]
    assert all(c is not None and c.utcoffset().total_seconds() == 0 for c in created)
    assert created == sorted(created, reverse=True)


def test_credits_go_down_by_images_produced_and_partial(server, client):
    assert client.image_quota(NEARLY_EMPTY).available == 2
    result = client.generate(NEARLY_EMPTY, GenerationRequest("tiny", MODEL, 4))
    assert len(result.images) == 2 and result.partial and result.requested == 4
    assert result.detail and "2 of 4" in result.detail
    quota = client.image_quota(NEARLY_EMPTY)
    assert quota.available == 0 and quota.exhausted_scope == "cycle"
    with pytest.raises(NoCreditsError) as caught:
        client.generate(NEARLY_EMPTY, GenerationRequest("more", MODEL, 1))
    assert caught.value.scope == "cycle" and "billing cycle" in caught.value.message
    assert caught.value.code == "IMAGE_QUOTA_EXCEEDED"


def test_daily_limit(server, client):
    server.state.set_quota(STUDIO, used_daily=100)
    assert client.image_quota(STUDIO).exhausted_scope == "daily"
    with pytest.raises(NoCreditsError) as caught:
        client.generate(STUDIO, GenerationRequest("x", MODEL))
    assert caught.value.scope == "daily" and "midnight UTC" in str(caught.value)


def test_workspace_without_image_access(client):
    assert client.image_quota(TEXT_ONLY) is None
    assert all(not m.allowed for m in client.models(TEXT_ONLY))
    with pytest.raises((ModelNotAllowedError, NoCreditsError)):
        client.generate(TEXT_ONLY, GenerationRequest("x", MODEL))


def test_model_not_allowed(client):
    with pytest.raises(ModelNotAllowedError) as caught:
        client.generate(STUDIO, GenerationRequest("x", demo_data.NOT_ALLOWED_MODEL_ID))
    assert caught.value.status == 403


def test_invalid_and_not_found(client):
    with pytest.raises(InvalidRequestError) as caught:
        client.generate(STUDIO, GenerationRequest("x", MODEL, num_images=99))
    assert caught.value.status == 422 and "num_images" in caught.value.message
    with pytest.raises(NotFoundError):
        client.image_quota("no-such-workspace")
    with pytest.raises(NotFoundError):
        client.history_item(STUDIO, "no-such-image")
    with pytest.raises(NotFoundError):
        client.delete_image(STUDIO, "../../workspace-service/v1/workspaces")
    with pytest.raises(InvalidRequestError):
        client.delete_image(STUDIO, "..")
    with pytest.raises(InvalidRequestError):
        client.generate(STUDIO, GenerationRequest("   ", MODEL))
