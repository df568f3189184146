"""Family B, the image service: upload (data: URI), get, list, content, delete, and the
edit (masked) and upscale tasks, on the same one-per-workspace store as ds-prototypes.

The contract is in docs/api-contract.md ("Image service (family B)"); where the public docs are
silent it is ours."""

from __future__ import annotations

import base64
import binascii
import io
import json
import math
import warnings
from datetime import datetime
from typing import Annotated, Any

from fastapi import APIRouter, Query, Request, Response
from fastapi.responses import JSONResponse
from PIL import Image
from pydantic import BaseModel, field_validator
from starlette.concurrency import run_in_threadpool

from desktop.emulator.auth import AuthedState, path_workspace
from desktop.emulator.demo_data import DEFAULT_MODEL_ID, MODELS
from desktop.emulator.errors import ApiError, invalid, not_found
from desktop.emulator.generation import require_allowed, trimmed_prompt
from desktop.emulator.images import CONTENT_TYPES, Blob, RenderSpec, size_for_ratio
from desktop.emulator.state import EmulatorState, ImageRecord, QuotaError, Workspace
from desktop.emulator.throttle import image_response

PREFIX = "/api/image-service/v1/workspaces/{workspace_id}"
router = APIRouter(prefix=PREFIX)

MAX_UPLOAD_BYTES = 20 * 1024 * 1024
MAX_SIDE = 16_384
MAX_PIXELS = 100_000_000
_BASE64_SLACK = 64 * 1024  # the JSON around the data URI
_KINDS = {
    "text2image": "generated",
    "image2image": "edited",
    "upload": "imported",
    "upscale": "upscaled",
}
_FORMAT_OF_TYPE = {"image/png": "png", "image/jpeg": "jpeg", "image/webp": "webp"}


def _sniff(data: bytes) -> str | None:
    """The type the bytes are, whatever the data URI claims."""
    if data[:8] == b"\x89PNG\r\n\x1a\n":
        return "image/png"
    if data[:3] == b"\xff\xd8\xff":
        return "image/jpeg"
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return "image/webp"
    if data[4:8] == b"ftyp":
        return "image/heic"
    if data[:4] == b"8BPS":
        return "image/vnd.adobe.photoshop"
    if data[:6] in (b"GIF87a", b"GIF89a"):
        return "image/gif"
    return None


def _iso(when: datetime | None) -> str | None:
    return when.strftime("%Y-%m-%dT%H:%M:%SZ") if when is not None else None


def content_path(workspace_id: str, image_id: str) -> str:
    return f"/api/image-service/v1/workspaces/{workspace_id}/images/{image_id}/content"


def image_json(rec: ImageRecord) -> dict[str, Any]:
    """An Image object (§4.2.1 of the reference) plus `status` (ours)."""
    params = {
        "kind": _KINDS.get(rec.kind, "generated"),
        "outputFormat": rec.output_format,
        "aspectRatio": rec.aspect_ratio,
        **rec.parameters,
    }
    return {
        "id": rec.image_id,
        "generationId": rec.batch_id,
        "workspaceId": rec.workspace_id,
        "createdByUserId": "demo-service-account",
        "prompt": rec.spec.prompt if rec.kind != "upscale" else "",
        "model": rec.spec.model or None,
        "parameters": params,
        "inputImageIds": list(rec.input_ids),
        "imageWidth": rec.spec.width,
        "imageHeight": rec.spec.height,
        "imageSize": rec.file_size,
        "createdAt": _iso(rec.created_at),
        "updatedAt": _iso(rec.updated_at or rec.created_at),
        "status": rec.status,
        "_links": {"content": content_path(rec.workspace_id, rec.image_id)},
    }


def _ratio(width: int, height: int) -> str:
    div = math.gcd(width, height) or 1
    return f"{width // div}:{height // div}"


def _unprocessable(message: str) -> ApiError:
    return ApiError(422, {"detail": message})


def _decode_upload(image_url: str) -> tuple[bytes, str, int, int]:
    """Bytes, format, width, height of a data: URI, or the contract's 413/422."""
    if not image_url.startswith("data:"):
        raise _unprocessable("The built-in server only accepts data: URIs in imageUrl.")
    header, comma, payload = image_url.partition(",")
    if not comma or not header.endswith(";base64"):
        raise _unprocessable("imageUrl must be a base64 data: URI.")
    if len(payload) > (MAX_UPLOAD_BYTES // 3 + 1) * 4 + 8:
        raise ApiError(413, {"detail": "The image is larger than 20 MB."})
    try:
        data = base64.b64decode(payload, validate=True)
    except (binascii.Error, ValueError) as exc:
        raise _unprocessable("imageUrl is not valid base64.") from exc
    if len(data) > MAX_UPLOAD_BYTES:
        raise ApiError(413, {"detail": "The image is larger than 20 MB."})
    kind = _sniff(data)
    if kind not in _FORMAT_OF_TYPE:
        what = kind or "not an image"
        raise _unprocessable(f"Unsupported image type ({what}): use PNG, JPEG or WebP.")
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(io.BytesIO(data)) as probe:
                width, height = probe.size
                if width > MAX_SIDE or height > MAX_SIDE or width * height > MAX_PIXELS:
                    raise _unprocessable(f"The image is too large ({width}×{height} pixels).")
                probe.verify()
    except ApiError:
        raise
    except Exception as exc:  # any decoder complaint: the file is not a readable image
        raise _unprocessable("The image could not be read.") from exc
    if width < 1 or height < 1:
        raise _unprocessable("The image could not be read.")
    return data, _FORMAT_OF_TYPE[kind], width, height


def _source(
    state: EmulatorState,
    workspace: Workspace,
    image_id: str,
    what: str,
) -> ImageRecord:
    rec = state.record(workspace.id, image_id)
    if rec is None:
        not_found()
    if rec.status != "done":
        raise ApiError(409, {"detail": f"The {what} is not ready yet."})
    return rec


def _model(workspace: Workspace, model_id: str | None, needs: str) -> dict[str, Any]:
    """A model that has `needs` and is allowed here (422 unknown/incapable, 403 not allowed)."""
    if model_id is None:
        model = next(
            (
                m
                for m in sorted(MODELS, key=lambda m: m["order"])
                if needs in m["capabilities"] and m["allowed"]
            ),
            None,
        )
    else:
        model = next((m for m in MODELS if m["id"] == model_id), None)
        if model is None:
            invalid("modelId", f"Unknown model '{model_id}'", model_id)
    if model is None or needs not in model["capabilities"]:
        invalid("modelId", f"No model here supports {needs}", model_id)
    require_allowed(model, workspace)
    return model


def _format(model: dict[str, Any], value: str | None, default: str) -> str:
    fmt = value or default
    if fmt not in model["output_formats"] and fmt not in CONTENT_TYPES:
        invalid("outputFormat", f"outputFormat must be one of {model['output_formats']}", fmt)
    if fmt not in CONTENT_TYPES:
        invalid("outputFormat", "outputFormat must be png, jpeg or webp", fmt)
    return fmt


def _run_task(
    state: EmulatorState,
    workspace: Workspace,
    specs: list[RenderSpec],
    kind: str,
    ratio: str,
    parameters: dict[str, Any],
    inputs: list[ImageRecord],
    model_id: str,
) -> JSONResponse:
    """Rate limit, charge (1 credit per image), store; 201 with finished images, or 202 with
    pending ones under --async-tasks."""
    wait = state.check_rate(workspace.id)
    if wait is not None:
        raise ApiError(
            429,
            {"detail": f"Rate limit exceeded. Try again in {wait} seconds."},
            {"Retry-After": str(wait)},
        )
    pending = state.config.task_delay_s if state.config.async_tasks else None
    view_urls = [f"/api/ds-prototypes/image_generation/{r.image_id}/view" for r in inputs]
    try:
        records, detail = state.produce(
            workspace.id,
            specs,
            ratio,
            kind,
            view_urls,
            parameters=parameters,
            input_ids=[r.image_id for r in inputs],
            pending_s=pending,
        )
    except QuotaError as exc:
        raise ApiError(403, {"error": exc.message, "code": exc.code}) from exc
    if pending is None:
        for rec in records:
            rec.file_size = len(state.images.get(rec.spec))
    body = {
        "images": [image_json(r) for r in records],
        "generationId": records[0].batch_id,
        "description": f"{len(records)} image(s) with {model_id}",
        "detail": detail,
    }
    return JSONResponse(body, status_code=202 if pending is not None else 201)


class EditTask(BaseModel):
    imageId: str
    prompt: str
    maskImageId: str | None = None
    modelId: str | None = None
    numImages: int = 1
    outputFormat: str | None = None

    _prompt = field_validator("prompt")(trimmed_prompt)


class GenerationTask(BaseModel):
    prompt: str
    numImages: int = 1
    aspectRatio: str = "1:1"
    outputFormat: str = "png"
    modelId: str | None = None

    _prompt = field_validator("prompt")(trimmed_prompt)


class UpscaleTask(BaseModel):
    imageId: str
    scale: int
    outputFormat: str | None = None
    modelId: str | None = None


@router.post("/images", status_code=201)
async def upload(workspace_id: str, request: Request, state: AuthedState) -> JSONResponse:
    """A data: URI becomes an image of the workspace; free of credits."""
    workspace = path_workspace(state, workspace_id)
    limit = MAX_UPLOAD_BYTES * 4 // 3 + _BASE64_SLACK
    declared = request.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > limit:
        raise ApiError(413, {"detail": "The image is larger than 20 MB."})
    parts: list[bytes] = []
    size = 0
    async for chunk in request.stream():  # chunked bodies have no length to check up front
        size += len(chunk)
        if size > limit:
            raise ApiError(413, {"detail": "The image is larger than 20 MB."})
        parts.append(chunk)
    raw = b"".join(parts)
    try:
        body = json.loads(raw)
    except ValueError as exc:
        raise _unprocessable("The body must be JSON with imageUrl.") from exc
    image_url = body.get("imageUrl") if isinstance(body, dict) else None
    if not isinstance(image_url, str) or not image_url:
        invalid("imageUrl", "Field required", None)
    data, fmt, width, height = await run_in_threadpool(_decode_upload, image_url)
    spec = RenderSpec("", "", 0, width, height, fmt, mode="upload", upload=Blob(data))
    rec = state.add_upload(workspace.id, spec, _ratio(width, height), {})
    return JSONResponse(image_json(rec), status_code=201)


@router.get("/images")
def list_images(
    workspace_id: str,
    state: AuthedState,
    page: Annotated[int, Query(ge=1)] = 1,
    size: Annotated[int, Query(ge=1, le=200)] = 50,
) -> dict[str, Any]:
    """Every image of the workspace, newest first: pending task images, then the history."""
    workspace = path_workspace(state, workspace_id)
    ids = state.pending_ids(workspace.id) + state.history_ids(workspace.id)
    chunk = ids[(page - 1) * size : page * size]
    records = [r for r in (state.record(workspace.id, i) for i in chunk) if r is not None]
    return {
        "page": {
            "size": size,
            "totalElements": len(ids),
            "totalPages": max(1, math.ceil(len(ids) / size)),
            "currentPage": page,
        },
        "data": [image_json(r) for r in records],
    }


@router.get("/images/{image_id}")
def get_image(workspace_id: str, image_id: str, state: AuthedState) -> dict[str, Any]:
    workspace = path_workspace(state, workspace_id)
    rec = state.record(workspace.id, image_id)
    if rec is None:
        not_found()
    return image_json(rec)


@router.get("/images/{image_id}/content")
def content(workspace_id: str, image_id: str, state: AuthedState) -> Response:
    """The bytes, behind the token; 409 while pending, 404 once failed."""
    workspace = path_workspace(state, workspace_id)
    rec = state.record(workspace.id, image_id)
    if rec is None or rec.status == "failed":
        not_found()
    if rec.status != "done":
        raise ApiError(409, {"detail": "The image is not ready yet."})
    data = state.images.get(rec.spec)
    rec.file_size = len(data)
    return image_response(
        state.link,
        data,
        rec.content_type,
        {"Cache-Control": "private, max-age=3600"},
        state.stopping,
    )


@router.delete("/images/{image_id}", status_code=204)
def delete_image(workspace_id: str, image_id: str, state: AuthedState) -> Response:
    workspace = path_workspace(state, workspace_id)
    if not state.delete(workspace.id, image_id):
        not_found()
    return Response(status_code=204)


@router.post("/image-upscale-tasks")
def upscale(workspace_id: str, body: UpscaleTask, state: AuthedState) -> JSONResponse:
    """Exactly scale× the source's size, PNG unless outputFormat says otherwise; 1 credit."""
    workspace = path_workspace(state, workspace_id)
    if body.scale not in (2, 4):
        invalid("scale", "scale must be 2 or 4", body.scale)
    model = _model(workspace, body.modelId, f"upscale-{body.scale}x")
    source = _source(state, workspace, body.imageId, "image")
    width, height = source.spec.width * body.scale, source.spec.height * body.scale
    if width > MAX_SIDE or height > MAX_SIDE or width * height > MAX_PIXELS:
        raise _unprocessable(f"The result would be too large ({width}×{height} pixels).")
    fmt = _format(model, body.outputFormat, "png")
    spec = RenderSpec(
        "", model["id"], 0, width, height, fmt, source=source.spec, mode="upscale", scale=body.scale
    )
    return _run_task(
        state,
        workspace,
        [spec],
        "upscale",
        source.aspect_ratio,
        {"scale": body.scale},
        [source],
        model["id"],
    )


@router.post("/image-edit-tasks")
def edit(workspace_id: str, body: EditTask, state: AuthedState) -> JSONResponse:
    """The source changed where the mask is white (all of it without a mask), at its own
    size; pixels outside the mask stay as they were. 1 credit per image."""
    workspace = path_workspace(state, workspace_id)
    needs = "inpainting" if body.maskImageId else "image2image"
    model_id = body.modelId or (DEFAULT_MODEL_ID if needs == "image2image" else None)
    model = _model(workspace, model_id, needs)
    if not 1 <= body.numImages <= model["max_images"]:
        invalid(
            "numImages", f"numImages must be between 1 and {model['max_images']}", body.numImages
        )
    source = _source(state, workspace, body.imageId, "image")
    mask = _source(state, workspace, body.maskImageId, "mask") if body.maskImageId else None
    fmt = _format(model, body.outputFormat, source.output_format)
    specs = [
        RenderSpec(
            body.prompt,
            model["id"],
            i,
            source.spec.width,
            source.spec.height,
            fmt,
            source=source.spec,
            mode="inpaint",
            mask=mask.spec if mask is not None else None,
        )
        for i in range(body.numImages)
    ]
    parameters: dict[str, Any] = {"numImages": body.numImages}
    if mask is not None:
        parameters["maskImageId"] = mask.image_id
    return _run_task(
        state,
        workspace,
        specs,
        "image2image",
        source.aspect_ratio,
        parameters,
        [source],
        model["id"],
    )


@router.post("/image-generation-tasks")
def generate(workspace_id: str, body: GenerationTask, state: AuthedState) -> JSONResponse:
    """Text to image (§4.2.3, camelCase); 1 credit per image, as family A's generate."""
    workspace = path_workspace(state, workspace_id)
    model = _model(workspace, body.modelId or DEFAULT_MODEL_ID, "text2image")
    if not 1 <= body.numImages <= model["max_images"]:
        invalid(
            "numImages", f"numImages must be between 1 and {model['max_images']}", body.numImages
        )
    if body.aspectRatio not in model["aspect_ratios"]:
        invalid(
            "aspectRatio", f"aspectRatio must be one of {model['aspect_ratios']}", body.aspectRatio
        )
    fmt = _format(model, body.outputFormat, "png")
    width, height = size_for_ratio(body.aspectRatio)
    specs = [
        RenderSpec(body.prompt, model["id"], i, width, height, fmt) for i in range(body.numImages)
    ]
    return _run_task(
        state,
        workspace,
        specs,
        "text2image",
        body.aspectRatio,
        {"numImages": body.numImages},
        [],
        model["id"],
    )
