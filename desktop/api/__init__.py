"""The neuroflash REST client: sign-in, quotas, models, generate, history, edit, delete, download.
Blocking and thread-safe; it imports no Qt, so the UI, the services and the tests can all use it."""

from desktop.api.client import NeuroflashClient
from desktop.api.models import (
    ApiSettings,
    Credentials,
    EditRequest,
    GeneratedImage,
    GenerationRequest,
    GenerationResult,
    HistoryItem,
    HistoryPage,
    ImageData,
    ImageModel,
    ImageQuota,
    Workspace,
    view_path,
)

__all__ = [
    "ApiSettings",
    "Credentials",
    "EditRequest",
    "GeneratedImage",
    "GenerationRequest",
    "GenerationResult",
    "HistoryItem",
    "HistoryPage",
    "ImageData",
    "ImageModel",
    "ImageQuota",
    "NeuroflashClient",
    "Workspace",
    "view_path",
]
