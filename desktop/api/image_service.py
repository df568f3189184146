"""Family B (the image service) on the wire: every path, field name and status word the
client sends or reads lives here, so adapting to what the real service turns out to send is a
change to this one file. Parsing is lenient as in parsing.py: unknown fields ignored, numbers
clamped, strings capped, odd records skipped; only an unreadable shape raises."""

from __future__ import annotations

from typing import Any

from desktop.api.coerce import clip, to_count, to_datetime, to_str, to_strs
from desktop.api.error_body import describe
from desktop.api.errors import InvalidRequestError, UnexpectedResponseError
from desktop.api.kinds import EDITED, GENERATED, IMPORTED, UPSCALED, kind_of
from desktop.api.models import (
    DONE,
    FAILED,
    PENDING,
    EditTaskRequest,
    GenerationRequest,
    HistoryItem,
    ServiceImage,
    ServiceImagePage,
    UpscaleTaskRequest,
)
from desktop.api.parsing import MAX_FIELD_CHARS, MAX_IMAGES_PER_REQUEST, MAX_PROMPT_CHARS
from desktop.api.texts import QT_TRANSLATE_NOOP
from desktop.api.urls import quote_segment

MAX_PARAMETERS = 50

# -- paths (relative to the API base, e.g. https://app.neuroflash.com/api) --------------------


def workspace_path(workspace_id: str) -> str:
    return f"/image-service/v1/workspaces/{quote_segment(workspace_id, 'workspace')}"


def images_path(workspace_id: str) -> str:
    return workspace_path(workspace_id) + "/images"


def image_path(workspace_id: str, image_id: str) -> str:
    return f"{images_path(workspace_id)}/{quote_segment(image_id, 'image')}"


def edit_tasks_path(workspace_id: str) -> str:
    return workspace_path(workspace_id) + "/image-edit-tasks"


def generation_tasks_path(workspace_id: str) -> str:
    return workspace_path(workspace_id) + "/image-generation-tasks"


def upscale_tasks_path(workspace_id: str) -> str:
    return workspace_path(workspace_id) + "/image-upscale-tasks"


def fallback_content_path(workspace_id: str, image_id: str) -> str:
    """Where the bytes are when an Image object has no `_links.content` (ours); "" when the
    ids cannot form a path (nothing to download then, rather than a path that traverses)."""
    try:
        return "/api" + image_path(workspace_id, image_id) + "/content"
    except InvalidRequestError:
        return ""


# -- request bodies ----------------------------------------------------------------------------


def upload_body(data_uri: str) -> dict[str, Any]:
    return {"imageUrl": data_uri}


def list_params(page: int, size: int) -> dict[str, int]:
    return {"page": page, "size": size}


def generation_body(request: GenerationRequest) -> dict[str, Any]:
    body: dict[str, Any] = {"prompt": request.prompt, "numImages": int(request.num_images)}
    if request.model:
        body["modelId"] = request.model
    if request.aspect_ratio:
        body["aspectRatio"] = request.aspect_ratio
    if request.output_format:
        body["outputFormat"] = request.output_format
    return body


def edit_body(request: EditTaskRequest) -> dict[str, Any]:
    body: dict[str, Any] = {
        "imageId": request.image_id,
        "prompt": request.prompt,
        "numImages": int(request.num_images),
    }
    if request.mask_image_id:
        body["maskImageId"] = request.mask_image_id
    if request.model_id:
        body["modelId"] = request.model_id
    if request.output_format:
        body["outputFormat"] = request.output_format
    return body


def upscale_body(request: UpscaleTaskRequest) -> dict[str, Any]:
    body: dict[str, Any] = {"imageId": request.image_id, "scale": int(request.scale)}
    if request.output_format:
        body["outputFormat"] = request.output_format
    if request.model_id:
        body["modelId"] = request.model_id
    return body


# -- answers -----------------------------------------------------------------------------------

_STATUS = {
    "done": DONE,
    "completed": DONE,
    "complete": DONE,
    "succeeded": DONE,
    "success": DONE,
    "ready": DONE,
    "finished": DONE,
    "failed": FAILED,
    "failure": FAILED,
    "error": FAILED,
    "cancelled": FAILED,
    "canceled": FAILED,
    "rejected": FAILED,
    "pending": PENDING,
    "queued": PENDING,
    "running": PENDING,
    "processing": PENDING,
    "in_progress": PENDING,
    "in-progress": PENDING,
    "started": PENDING,
    "submitted": PENDING,
}


def _status(value: Any) -> str:
    """No status (as in the public reference) or an unknown word: done."""
    word = (to_str(value) or "").strip().lower()
    return _STATUS.get(word, DONE)


def _field(value: Any) -> str | None:
    return clip(to_str(value), MAX_FIELD_CHARS)


def _content_link(rec: dict[str, Any]) -> str | None:
    links = rec.get("_links")
    link = links.get("content") if isinstance(links, dict) else None
    if isinstance(link, dict):  # HAL: {"href": ...}
        link = link.get("href")
    return _field(link) or _field(rec.get("contentUrl")) or _field(rec.get("url"))


def _parameters(value: Any) -> tuple[tuple[str, str], ...]:
    if not isinstance(value, dict):
        return ()
    out: list[tuple[str, str]] = []
    for key, item in list(value.items())[:MAX_PARAMETERS]:
        text = to_str(item)
        if isinstance(key, str) and text is not None:
            out.append((key[:100], text[:MAX_FIELD_CHARS]))
    return tuple(out)


def _kind(params: dict[str, str], prompt: str, model: str | None, inputs: tuple[str, ...]) -> str:
    word = params.get("kind") or params.get("type") or params.get("task")
    if word:
        return kind_of(word, bool(inputs))
    if "scale" in params:
        return UPSCALED
    if inputs:
        return EDITED
    if not prompt and not model:
        return IMPORTED
    return GENERATED


def parse_image(rec: Any, workspace_id: str = "") -> ServiceImage:
    """An Image object (§4.2.1); UnexpectedResponseError when it has no id."""
    if not isinstance(rec, dict):
        raise UnexpectedResponseError(detail=f"Unexpected image shape: {str(rec)[:300]}")
    image_id = _field(rec.get("id")) or _field(rec.get("imageId"))
    if not image_id:
        raise UnexpectedResponseError(detail=f"Image without id: {str(rec)[:300]}")
    workspace = _field(rec.get("workspaceId")) or workspace_id
    content = _content_link(rec)
    if not content:
        content = fallback_content_path(workspace or workspace_id, image_id)
    params = _parameters(rec.get("parameters"))
    by_name = dict(params)
    inputs = tuple(i[:MAX_FIELD_CHARS] for i in to_strs(rec.get("inputImageIds")))[:100]
    prompt = clip(to_str(rec.get("prompt"), ""), MAX_PROMPT_CHARS) or ""
    model = _field(rec.get("model"))
    fmt = by_name.get("outputFormat") or by_name.get("output_format")
    return ServiceImage(
        id=image_id,
        content_url=content,
        status=_status(rec.get("status")),
        kind=_kind(by_name, prompt, model, inputs),
        generation_id=_field(rec.get("generationId")),
        workspace_id=workspace or None,
        prompt=prompt,
        model=model,
        input_image_ids=inputs,
        width=to_count(rec.get("imageWidth")),
        height=to_count(rec.get("imageHeight")),
        file_size=to_count(rec.get("imageSize")),
        output_format=(fmt or "").lower()[:10] or None,
        created_at=to_datetime(rec.get("createdAt")),
        updated_at=to_datetime(rec.get("updatedAt")),
        parameters=params,
    )


def _records(data: Any) -> list[Any] | None:
    if isinstance(data, list):
        return data
    if isinstance(data, dict):
        for key in ("data", "images", "items", "content"):
            if isinstance(data.get(key), list):
                return data[key]
        embedded = data.get("_embedded")
        if isinstance(embedded, dict) and isinstance(embedded.get("images"), list):
            return embedded["images"]
    return None


def _parse_all(records: list[Any], workspace_id: str) -> list[ServiceImage]:
    out: list[ServiceImage] = []
    for rec in records:
        try:
            out.append(parse_image(rec, workspace_id))
        except UnexpectedResponseError:
            continue  # one odd record must not hide the others
    return out


def parse_image_page(data: Any, page: int, size: int, workspace_id: str) -> ServiceImagePage:
    """`{page: {size, totalElements, totalPages, currentPage}, data: [...]}` or a bare list."""
    records = _records(data)
    if records is None:
        raise UnexpectedResponseError(detail=f"Unexpected images shape: {str(data)[:300]}")
    images = _parse_all(records, workspace_id)
    meta: dict[str, Any] = data if isinstance(data, dict) else {}
    paging: dict[str, Any] = meta["page"] if isinstance(meta.get("page"), dict) else {}
    total = to_count(paging.get("totalElements"), to_count(meta.get("total")))
    pages = to_count(paging.get("totalPages"), to_count(meta.get("pages")))
    if not isinstance(data, dict):
        total, pages = len(images), 1
    return ServiceImagePage(
        images=tuple(images),
        page=to_count(paging.get("currentPage"), page) or page,
        size=to_count(paging.get("size"), size) or size,
        total=total,
        pages=pages,
    )


UNREADABLE_UPLOAD = QT_TRANSLATE_NOOP(
    "Errors",
    "neuroflash took the image but its answer could not be read. Refresh to see whether it "
    "arrived before importing it again.",
)
UNREADABLE_TASK = QT_TRANSLATE_NOOP(
    "Errors",
    "neuroflash took the request but its answer could not be read. Your images may still "
    "arrive: refresh in a moment.",
)


def parse_task(data: Any, workspace_id: str) -> tuple[list[ServiceImage], str | None, str | None]:
    """The images a task answer names (finished or pending), its generationId and warning.
    `images[]` of Image objects, or `imageIds[]`, or one Image object."""
    images: list[ServiceImage] = []
    if isinstance(data, dict) and isinstance(data.get("images"), list):
        images = _parse_all(data["images"], workspace_id)
    elif isinstance(data, dict) and isinstance(data.get("imageIds"), list):
        images = [
            ServiceImage(id=i, content_url=fallback_content_path(workspace_id, i), status=PENDING)
            for i in (s[:MAX_FIELD_CHARS] for s in to_strs(data["imageIds"]))
        ]
    elif isinstance(data, dict) and data.get("id") is not None:
        images = _parse_all([data], workspace_id)
    images = images[:MAX_IMAGES_PER_REQUEST]
    if not images:
        error = UnexpectedResponseError(
            UNREADABLE_TASK, detail=f"Task answer without images: {str(data)[:300]}"
        )
        error.maybe_delivered = True
        raise error
    meta: dict[str, Any] = data if isinstance(data, dict) else {}
    detail = meta.get("detail")
    warning = (describe(detail) or None) if detail is not None else None
    return images, _field(meta.get("generationId")), clip(warning, MAX_FIELD_CHARS)


def merge_history(items: list[HistoryItem], images: list[ServiceImage]) -> list[HistoryItem]:
    """One list, each image once: the history's items, then the image-service images it lacks
    (done ones only), newest first. For a service that keeps the two lists apart."""
    seen = {item.image_id for item in items}
    extra = [i.as_history_item() for i in images if i.ready and i.id not in seen]
    if not extra:
        return list(items)
    merged = list(items) + extra
    return sorted(
        merged, key=lambda i: i.created_at.timestamp() if i.created_at else 0.0, reverse=True
    )
