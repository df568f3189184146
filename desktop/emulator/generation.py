"""The ds-prototypes image routes: models, generate, edit, history, view, delete."""

from __future__ import annotations

import math
import re
from typing import Annotated, Any

from fastapi import APIRouter, Query, Request, Response
from fastapi.responses import PlainTextResponse
from pydantic import BaseModel, Field, field_validator

from desktop.emulator.auth import AuthedState, WorkspaceDep
from desktop.emulator.demo_data import DEFAULT_MODEL_ID, MODELS
from desktop.emulator.errors import ApiError, invalid, not_found
from desktop.emulator.images import EXTENSIONS, RenderSpec, size_for_ratio
from desktop.emulator.state import EmulatorState, ImageRecord, QuotaError, Workspace
from desktop.emulator.throttle import image_response

router = APIRouter(prefix="/api/ds-prototypes")
_VIEW = re.compile(r"^(?:/api)?/ds-prototypes/image_generation/([^/?#]+)/view/?$")


def trimmed_prompt(value: str) -> str:
    """The prompt rule both API families share: trimmed, 1 to 10000 characters."""
    value = value.strip()
    if not 1 <= len(value) <= 10000:
        raise ValueError("prompt must be 1 to 10000 characters after trimming")
    return value


class GenerateRequest(BaseModel):
    prompt: str
    num_images: int = 1
    aspect_ratio: str = "1:1"
    output_format: str = "png"
    model: str | dict[str, Any] = DEFAULT_MODEL_ID
    limit_generations: bool = False

    _prompt = field_validator("prompt")(trimmed_prompt)


class EditRequest(BaseModel):
    prompt: str
    image_urls: list[str] = Field(min_length=1)
    num_images: int = 1
    aspect_ratio: str | None = None
    output_format: str | None = None
    model: str | dict[str, Any] = DEFAULT_MODEL_ID
    limit_generations: bool = False

    _prompt = field_validator("prompt")(trimmed_prompt)


def model_catalogue(state: EmulatorState, workspace_id: str) -> list[dict[str, Any]]:
    """The guide's model list; nothing is allowed in a workspace without image access."""
    access = state.workspaces[workspace_id].image_access
    return [{**m, "allowed": m["allowed"] and access} for m in MODELS]


def view_path(image_id: str) -> str:
    return f"/api/ds-prototypes/image_generation/{image_id}/view"


def _storage_url(state: EmulatorState, request: Request, rec: ImageRecord) -> str:
    origin = state.storage_origin
    if origin is None:  # app used without start_server (e.g. TestClient)
        origin = str(request.base_url).rstrip("/")
    return f"{origin}/storage/{rec.image_id}.{EXTENSIONS[rec.output_format]}"


def _model(
    body: GenerateRequest | EditRequest,
    workspace: Workspace,
    needs: str,
) -> dict[str, Any]:
    """The requested model, checked for capability (422) and permission (403)."""
    model_id = body.model.get("id") if isinstance(body.model, dict) else body.model
    model = next((m for m in MODELS if m["id"] == model_id), None)
    if model is None:
        invalid("model", f"Unknown model '{model_id}'", body.model)
    if needs not in model["capabilities"]:
        invalid("model", f"Model '{model_id}' does not support {needs}", body.model)
    if not (1 <= body.num_images <= model["max_images"]):
        invalid(
            "num_images", f"num_images must be between 1 and {model['max_images']}", body.num_images
        )
    require_allowed(model, workspace)
    return model


def require_allowed(model: dict[str, Any], workspace: Workspace) -> None:
    """403 when the workspace's plan does not include this model (both API families)."""
    if not (model["allowed"] and workspace.image_access):
        raise ApiError(
            403,
            {
                "detail": f"Model '{model['id']}' is not allowed in this workspace",
                "code": "MODEL_NOT_ALLOWED",
            },
        )


def _check_ratio_format(model: dict[str, Any], ratio: str, fmt: str) -> None:
    if ratio not in model["aspect_ratios"]:
        invalid("aspect_ratio", f"aspect_ratio must be one of {model['aspect_ratios']}", ratio)
    if fmt not in model["output_formats"]:
        invalid("output_format", f"output_format must be one of {model['output_formats']}", fmt)


def _produce(
    state: EmulatorState,
    request: Request,
    workspace: Workspace,
    model_id: str,
    prompt: str,
    specs: list[RenderSpec],
    ratio: str,
    kind: str,
    inputs: list[str],
) -> dict[str, Any]:
    """Rate limit, charge, store, render; answer the generate/edit body."""
    wait = state.check_rate(workspace.id)
    if wait is not None:
        raise ApiError(
            429,
            {"detail": f"Rate limit exceeded. Try again in {wait} seconds."},
            {"Retry-After": str(wait)},
        )
    try:
        records, detail = state.produce(workspace.id, specs, ratio, kind, inputs)
    except QuotaError as exc:
        raise ApiError(403, {"error": exc.message, "code": exc.code}) from exc
    images = []
    for rec in records:
        data = state.images.get(rec.spec)
        rec.file_size = len(data)
        images.append(
            {
                "url": _storage_url(state, request, rec),
                "content_type": rec.content_type,
                "file_name": f"{rec.image_id}.{EXTENSIONS[rec.output_format]}",
                "file_size": len(data),
                "width": rec.spec.width,
                "height": rec.spec.height,
                "image_id": rec.image_id,
            }
        )
    verb = "Edited" if kind == "image2image" else "Generated"
    return {
        "images": images,
        "description": f"{verb} {len(images)} image(s) with {model_id}",
        "prompt": prompt,
        "detail": detail,
        "batch_id": records[0].batch_id,
        "model": model_id,
    }


@router.get("/image_generation/models")
@router.get("/models")
def models(workspace: WorkspaceDep, state: AuthedState) -> list[dict[str, Any]]:
    return model_catalogue(state, workspace.id)


@router.post("/image_generation/")
@router.post("/")
def generate(
    body: GenerateRequest, request: Request, workspace: WorkspaceDep, state: AuthedState
) -> dict[str, Any]:
    model = _model(body, workspace, "text2image")
    _check_ratio_format(model, body.aspect_ratio, body.output_format)
    count = 1 if body.limit_generations else body.num_images
    w, h = size_for_ratio(body.aspect_ratio)
    specs = [
        RenderSpec(body.prompt, model["id"], i, w, h, body.output_format) for i in range(count)
    ]
    return _produce(
        state,
        request,
        workspace,
        model["id"],
        body.prompt,
        specs,
        body.aspect_ratio,
        "text2image",
        [],
    )


@router.post("/image_generation/edit")
@router.post("/edit")
def edit(body: EditRequest, request: Request, workspace: WorkspaceDep, state: AuthedState) -> Any:
    if any(re.match(r"^[a-zA-Z][a-zA-Z0-9+.-]*://|^//", url) for url in body.image_urls):
        # The documented quirk: the real service cannot resolve absolute URLs.
        return PlainTextResponse("Internal Server Error", status_code=500)
    model = _model(body, workspace, "image2image")
    sources = []
    for url in body.image_urls:
        match = _VIEW.match(url)
        rec = state.record(workspace.id, match.group(1)) if match else None
        if rec is None:
            not_found()
        sources.append(rec)
    source = sources[0]
    ratio = body.aspect_ratio or source.aspect_ratio
    fmt = body.output_format or source.output_format
    _check_ratio_format(model, ratio, fmt)
    count = 1 if body.limit_generations else body.num_images
    w, h = size_for_ratio(ratio)
    specs = [
        RenderSpec(body.prompt, model["id"], i, w, h, fmt, source=source.spec) for i in range(count)
    ]
    return _produce(
        state,
        request,
        workspace,
        model["id"],
        body.prompt,
        specs,
        ratio,
        "image2image",
        list(body.image_urls),
    )


def _item(rec: ImageRecord) -> dict[str, Any]:
    return {
        "output_image_id": rec.image_id,
        "output_image_url": view_path(rec.image_id),
        "batch_id": rec.batch_id,
        "prompt": rec.spec.prompt,
        "model": rec.spec.model,
        "aspect_ratio": rec.aspect_ratio,
        "output_format": rec.output_format,
        "content_type": rec.content_type,
        "width": rec.spec.width,
        "height": rec.spec.height,
        "file_size": rec.file_size,
        "created_at": rec.created_at.strftime("%Y-%m-%dT%H:%M:%S.%fZ"),
        "type": rec.kind,
        "input_image_urls": list(rec.input_image_urls),
    }


@router.get("/history")
@router.get("/image_generation/history")
def history(
    workspace: WorkspaceDep,
    state: AuthedState,
    page: Annotated[int, Query(ge=1)] = 1,
    size: Annotated[int, Query(ge=1, le=200)] = 50,
) -> dict[str, Any]:
    records, total = state.history_page(workspace.id, page, size)
    return {
        "items": [_item(r) for r in records],
        "page": page,
        "size": size,
        "total": total,
        "pages": math.ceil(total / size),
    }


@router.get("/history/{image_id}")
@router.get("/image_generation/history/{image_id}")
def history_item(image_id: str, workspace: WorkspaceDep, state: AuthedState) -> dict[str, Any]:
    rec = state.record(workspace.id, image_id)
    if rec is None:
        not_found()
    return _item(rec)


@router.delete("/history/{image_id}", status_code=204)
@router.delete("/image_generation/history/{image_id}", status_code=204)
def delete(image_id: str, workspace: WorkspaceDep, state: AuthedState) -> Response:
    if not state.delete(workspace.id, image_id):
        not_found()
    return Response(status_code=204)


@router.get("/image_generation/{image_id}/view")
def view(image_id: str, workspace: WorkspaceDep, state: AuthedState) -> Response:
    """History's relative URLs: bytes behind the token, rendered on first request."""
    rec = state.record(workspace.id, image_id)
    if rec is None:
        not_found()
    data = state.images.get(rec.spec)
    rec.file_size = len(data)
    return image_response(
        state.link,
        data,
        rec.content_type,
        {"Cache-Control": "private, max-age=3600"},
        state.stopping,
    )
