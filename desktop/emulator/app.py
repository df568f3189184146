"""The FastAPI app factory plus account-level routes (workspaces, quotas, catalogue, storage)."""

from __future__ import annotations

import math
from typing import Annotated, Any

from fastapi import FastAPI, Query, Request, Response
from fastapi.responses import PlainTextResponse

from desktop.emulator import auth, generation, image_service
from desktop.emulator.auth import AuthedState, StateDep, path_workspace
from desktop.emulator.errors import ApiError, api_error_handler
from desktop.emulator.faults import FaultMiddleware
from desktop.emulator.generation import model_catalogue
from desktop.emulator.metrics import CountingMiddleware
from desktop.emulator.state import EmulatorState
from desktop.emulator.throttle import image_response

_WS = "/api/workspace-service/v1/workspaces"


def create_app(state: EmulatorState) -> FastAPI:
    """A fresh app bound to `state`; nothing is created at import time."""
    app = FastAPI(
        title="neuroflash built-in server", docs_url=None, redoc_url=None, openapi_url=None
    )
    app.state.emulator = state
    app.add_exception_handler(ApiError, api_error_handler)
    app.add_middleware(FaultMiddleware, state=state)
    app.add_middleware(CountingMiddleware, counts=state.request_counts)  # outermost
    app.include_router(auth.router)
    app.include_router(generation.router)
    app.include_router(image_service.router)
    _add_account_routes(app)
    return app


def _workspace_json(ws: Any) -> dict[str, Any]:
    return {
        "id": ws.id,
        "name": ws.name,
        "createdAt": ws.created_at,
        "_links": {"self": {"href": f"{_WS}/{ws.id}"}},
    }


def _page(size: int, total: int, current: int) -> dict[str, int]:
    return {
        "size": size,
        "totalElements": total,
        "totalPages": max(1, math.ceil(total / size)) if size else 1,
        "currentPage": current,
    }


def _add_account_routes(app: FastAPI) -> None:
    @app.get(_WS)
    def list_workspaces(state: AuthedState) -> dict[str, Any]:
        items = [_workspace_json(ws) for ws in state.workspaces.values()]
        return {
            "_embedded": {"workspaces": items},
            "_links": {"self": {"href": _WS}},
            "page": _page(20, len(items), 1),
        }

    @app.get(_WS + "/{workspace_id}")
    def get_workspace(workspace_id: str, state: AuthedState) -> dict[str, Any]:
        return _workspace_json(path_workspace(state, workspace_id))

    @app.get("/api/usage-service/v1/workspaces/{workspace_id}/quotas")
    def quotas(
        workspace_id: str,
        state: AuthedState,
        usageTypeKey: str | None = None,
        page: Annotated[int, Query(ge=1)] = 1,
        size: Annotated[int, Query(ge=1, le=200)] = 20,
    ) -> dict[str, Any]:
        path_workspace(state, workspace_id)
        quota = state.quota(workspace_id)
        data = [quota] if quota is not None and usageTypeKey in (None, "images") else []
        return {"data": data if page == 1 else [], "page": _page(size, len(data), page)}

    @app.get("/api/image-service/v1/workspaces/{workspace_id}/image-models")
    def image_models(
        workspace_id: str,
        state: AuthedState,
        page: Annotated[int, Query(ge=1)] = 1,
        size: Annotated[int, Query(ge=1, le=200)] = 50,
    ) -> dict[str, Any]:
        path_workspace(state, workspace_id)
        camel = [
            {
                "id": m["id"],
                "name": m["name"],
                "provider": m["provider"],
                "description": m["description"],
                "capabilities": m["capabilities"],
                "maxImages": m["max_images"],
                "aspectRatios": m["aspect_ratios"],
                "outputFormats": m["output_formats"],
                "allowed": m["allowed"],
                "order": m["order"],
            }
            for m in model_catalogue(state, workspace_id)
        ]
        chunk = camel[(page - 1) * size : page * size]
        return {"page": _page(size, len(camel), page), "data": chunk}

    @app.get("/storage/{file_name}")
    def storage(file_name: str, state: StateDep) -> Response:
        """Generated images' absolute URLs: no token, as on a public bucket."""
        image_id, _, ext = file_name.rpartition(".")
        rec = state.records.get(image_id)
        if rec is None or ext != rec.output_format:
            return PlainTextResponse("Not Found", status_code=404)
        data = state.images.get(rec.spec)
        rec.file_size = len(data)
        return image_response(
            state.link,
            data,
            rec.content_type,
            {"Cache-Control": "public, max-age=31536000, immutable"},
            state.stopping,
        )

    @app.get("/health")
    async def health(request: Request) -> dict[str, str]:
        return {"status": "ok"}
