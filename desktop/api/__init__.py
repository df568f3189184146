"""The neuroflash REST client: sign-in, quotas, models, generate, history, edit, delete, download,
and the image service's upload, masked edit and upscale tasks.
Blocking and thread-safe; it imports no Qt, so the UI, the services and the tests can all use it."""

from typing import TYPE_CHECKING, Any

from desktop.api.models import (
    ApiSettings,
    Credentials,
    EditRequest,
    EditTaskRequest,
    GeneratedImage,
    GenerationRequest,
    GenerationResult,
    HistoryItem,
    HistoryPage,
    ImageData,
    ImageModel,
    ImageQuota,
    ImageTask,
    ImageTaskResult,
    ServiceImage,
    ServiceImagePage,
    UpscaleTaskRequest,
    Workspace,
    view_path,
)

__all__ = [
    "ApiSettings",
    "Credentials",
    "EditRequest",
    "EditTaskRequest",
    "GeneratedImage",
    "GenerationRequest",
    "GenerationResult",
    "HistoryItem",
    "HistoryPage",
    "ImageData",
    "ImageModel",
    "ImageQuota",
    "ImageTask",
    "ImageTaskResult",
    "NeuroflashClient",
    "ServiceImage",
    "ServiceImagePage",
    "UpscaleTaskRequest",
    "Workspace",
    "view_path",
]

if TYPE_CHECKING:
    from desktop.api.client import NeuroflashClient


def __getattr__(name: str) -> Any:
    """NeuroflashClient on first use: it pulls in requests (~100 ms), which the app's first
    paint does not need."""
    if name == "NeuroflashClient":
        from desktop.api.client import NeuroflashClient

        return NeuroflashClient
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
