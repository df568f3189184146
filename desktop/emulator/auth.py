"""OAuth2 client-credentials token endpoint and the bearer/workspace checks every call needs."""

from __future__ import annotations

from typing import Annotated
from urllib.parse import parse_qs

from fastapi import APIRouter, Depends, Header, Request
from fastapi.responses import JSONResponse

from desktop.emulator.demo_data import DEMO_CLIENT_ID, DEMO_CLIENT_SECRET
from desktop.emulator.errors import ApiError
from desktop.emulator.state import EmulatorState, Workspace

router = APIRouter()


def get_state(request: Request) -> EmulatorState:
    """The state the app was created with (no module-level singletons)."""
    return request.app.state.emulator


StateDep = Annotated[EmulatorState, Depends(get_state)]


@router.post("/oauth/v2/token")
async def issue_token(request: Request, state: StateDep) -> JSONResponse:
    """RFC 6749 client credentials; errors in RFC 6749 §5.2 shape.

    The form is parsed by hand so the server needs no python-multipart.
    """
    form = parse_qs((await request.body()).decode("utf-8", "replace"))
    grant_type, client_id, client_secret, scope = (
        form.get(key, [""])[0] for key in ("grant_type", "client_id", "client_secret", "scope")
    )
    if grant_type != "client_credentials":
        return JSONResponse(
            {
                "error": "unsupported_grant_type",
                "error_description": f"Grant type '{grant_type}' is not supported.",
            },
            status_code=400,
        )
    if client_id != DEMO_CLIENT_ID or client_secret != DEMO_CLIENT_SECRET or state.client_revoked:
        return JSONResponse(
            {"error": "invalid_client", "error_description": "Client authentication failed."},
            status_code=401,
            headers={"WWW-Authenticate": "Basic"},
        )
    return JSONResponse(
        {
            "access_token": state.issue_token(),
            "token_type": "Bearer",
            "expires_in": state.config.token_lifetime_s,
            "scope": scope or "openid",
        },
        headers={"Cache-Control": "no-store"},
    )


def require_token(
    state: StateDep, authorization: Annotated[str | None, Header()] = None
) -> EmulatorState:
    """401 for a missing, unknown or expired bearer token."""
    scheme, _, token = (authorization or "").partition(" ")
    if scheme.lower() != "bearer" or not state.token_valid(token.strip()):
        raise ApiError(
            401, {"detail": "Missing or invalid access token"}, {"WWW-Authenticate": "Bearer"}
        )
    return state


AuthedState = Annotated[EmulatorState, Depends(require_token)]


def require_workspace(
    state: AuthedState, x_workspace_id: Annotated[str | None, Header()] = None
) -> Workspace:
    """ds-prototypes rule: 400 without x-workspace-id, 403 for a workspace we cannot use."""
    if not x_workspace_id:
        raise ApiError(400, {"detail": "Missing x-workspace-id header"})
    workspace = state.workspaces.get(x_workspace_id.strip())
    if workspace is None:
        raise ApiError(403, {"detail": "You do not have access to this workspace"})
    return workspace


WorkspaceDep = Annotated[Workspace, Depends(require_workspace)]


def path_workspace(state: EmulatorState, workspace_id: str) -> Workspace:
    """A workspace named in the path, or the contract's 404."""
    workspace = state.workspaces.get(workspace_id)
    if workspace is None:
        raise ApiError(404, {"error": "Workspace not found", "code": "WORKSPACE_NOT_FOUND"})
    return workspace
