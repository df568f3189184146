"""NeuroflashClient: the guide's flow (token, workspaces, quota, models, generate, history,
edit, delete, download) as blocking, typed, thread-safe calls."""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any, Concatenate, ParamSpec, Protocol, TypeVar
from urllib.parse import quote

from desktop.api import image_service as wire
from desktop.api.auth import TokenManager
from desktop.api.authed_sender import AuthedSender
from desktop.api.downloads import download_target, image_from
from desktop.api.errors import InvalidRequestError, NeuroflashError, UnexpectedResponseError
from desktop.api.models import (
    ApiSettings,
    Credentials,
    EditRequest,
    EditTaskRequest,
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
)
from desktop.api.paging import MAX_ITEMS, walk_pages
from desktop.api.parsing import (
    parse_generation,
    parse_history_item,
    parse_history_page,
    parse_models,
    parse_quota,
    parse_workspaces,
)
from desktop.api.task_wait import Cancel, wait_for_images
from desktop.api.texts import QT_TRANSLATE_NOOP
from desktop.api.transport import Retry, Transport
from desktop.api.uploads import UploadFile, UploadSource, check_upload, read_upload
from desktop.api.urls import (
    edit_source_path,
    quote_segment,
    require_secure,
)

MAX_HISTORY_ITEMS = MAX_ITEMS  # a server that never stops sending new items filled memory
MASK = "***"

P = ParamSpec("P")
T = TypeVar("T")


class _MasksTokens(Protocol):
    def _mask_tokens(self, error: NeuroflashError) -> None: ...


S = TypeVar("S", bound=_MasksTokens)


def _guarded(method: Callable[Concatenate[S, P], T]) -> Callable[Concatenate[S, P], T]:
    """Every failure leaves the client as a NeuroflashError with a message, and no token in
    its message or detail: a RecursionError, OverflowError or UnicodeEncodeError from a
    hostile answer used to escape it (and left the sign-in dialog waiting forever)."""

    @functools.wraps(method)
    def call(self: S, /, *args: P.args, **kwargs: P.kwargs) -> T:
        try:
            return method(self, *args, **kwargs)
        except NeuroflashError as error:
            self._mask_tokens(error)
            raise
        except Exception as exc:
            wrapped = UnexpectedResponseError(
                detail=f"{method.__name__}: {type(exc).__name__}: {str(exc)[:300]}"
            )
            self._mask_tokens(wrapped)
            raise wrapped from None

    return call


class NeuroflashClient:
    """One signed-in service account. Safe to call from several threads at once."""

    def __init__(self, credentials: Credentials, settings: ApiSettings | None = None) -> None:
        settings = settings or ApiSettings()
        self._base = require_secure(settings.base_url, "API address")
        require_secure(settings.token_url, "sign-in address")
        self._settings = settings
        self._transport = Transport(settings)
        self._tokens = TokenManager(self._transport, credentials, settings)
        self._http = AuthedSender(self._base, settings, self._transport, self._tokens)

    # -- account ---------------------------------------------------------------------------
    @_guarded
    def sign_in(self) -> None:
        """Fetch a token now, so wrong credentials show up at once."""
        self._tokens.forget()
        self._tokens.token()

    @property
    def token_requests(self) -> int:
        """How many tokens this client has fetched (diagnostics and tests)."""
        return self._tokens.renewals

    @_guarded
    def workspaces(self) -> list[Workspace]:
        return parse_workspaces(self._http.get_json("/workspace-service/v1/workspaces"))

    @_guarded
    def image_quota(self, workspace_id: str) -> ImageQuota | None:
        ws = quote_segment(workspace_id, "workspace")
        data = self._http.get_json(
            f"/usage-service/v1/workspaces/{ws}/quotas", params={"usageTypeKey": "images"}
        )
        return parse_quota(data)

    @_guarded
    def models(self, workspace_id: str) -> list[ImageModel]:
        return parse_models(
            self._http.get_json("/ds-prototypes/image_generation/models", workspace_id=workspace_id)
        )

    # -- images ----------------------------------------------------------------------------
    @_guarded
    def generate(self, workspace_id: str, request: GenerationRequest) -> GenerationResult:
        """Generate images. Never retried once sent: a second try could spend credits twice."""
        self._require_prompt(request.prompt)
        body: dict[str, Any] = {
            "prompt": request.prompt,
            "model": request.model,
            "num_images": int(request.num_images),
        }
        _put_optional(body, request.aspect_ratio, request.output_format)
        data = self._http.post_json("/ds-prototypes/image_generation/", workspace_id, body)
        return parse_generation(data, request.prompt, int(request.num_images))

    @_guarded
    def edit(self, workspace_id: str, request: EditRequest) -> GenerationResult:
        """Image-to-image. Sources are sent as relative view paths (absolute URLs make it 500)."""
        self._require_prompt(request.prompt)
        sources = [edit_source_path(u) for u in request.image_urls]
        if not sources:
            raise InvalidRequestError(
                QT_TRANSLATE_NOOP("Errors", "Pick an image to edit first."),
                detail="No image_urls",
            )
        body: dict[str, Any] = {
            "prompt": request.prompt,
            "image_urls": sources,
            "num_images": int(request.num_images),
        }
        if request.model:
            body["model"] = request.model
        _put_optional(body, request.aspect_ratio, request.output_format)
        data = self._http.post_json("/ds-prototypes/edit", workspace_id, body)
        return parse_generation(data, request.prompt, int(request.num_images))

    @_guarded
    def history_page(self, workspace_id: str, page: int = 1, size: int = 50) -> HistoryPage:
        page, size = max(1, int(page)), max(1, min(200, int(size)))
        data = self._http.get_json(
            "/ds-prototypes/history",
            workspace_id=workspace_id,
            params={"page": page, "size": size},
        )
        return parse_history_page(data, page, size)

    @_guarded
    def history(self, workspace_id: str, page_size: int = 200) -> list[HistoryItem]:
        """Every history item, newest first, walking the pages until the last one."""

        def fetch(number: int) -> tuple[tuple[HistoryItem, ...], int | None, int]:
            page = self.history_page(workspace_id, number, page_size)
            return page.items, page.pages, page.size

        return walk_pages(fetch, lambda item: item.image_id)

    @_guarded
    def history_item(self, workspace_id: str, image_id: str) -> HistoryItem:
        path = f"/ds-prototypes/history/{quote_segment(image_id, 'image')}"
        return parse_history_item(self._http.get_json(path, workspace_id=workspace_id))

    @_guarded
    def delete_image(self, workspace_id: str, output_image_id: str) -> None:
        """Delete one image (its image id, not the batch id). Deleting returns no credits."""
        path = f"/ds-prototypes/history/{quote_segment(output_image_id, 'image')}"
        self._http.delete(path, workspace_id)

    @_guarded
    def download_image(
        self, workspace_id: str, url: str, cancelled: Callable[[], bool] | None = None
    ) -> ImageData:
        """The image bytes. View paths go to the API with the token; other hosts get no token.
        ``cancelled`` is asked between chunks; once true the download stops mid-way with
        DownloadCancelledError (size caps and the total deadline apply as ever)."""
        target = download_target(self._base, url)
        response = self._http.send(
            "GET",
            target,
            workspace_id,
            Retry.IDEMPOTENT,
            accept="image/*",
            foreign_ok=True,
            max_body=self._settings.max_image_bytes,
            cancelled=cancelled,
        )
        return image_from(response, target)

    # -- image service (family B): bring your own image --------------------------------------
    @_guarded
    def upload_image(self, workspace_id: str, source: UploadSource, name: str = "") -> ServiceImage:
        """Upload a local file (path), bytes or a checked UploadFile as a data: URI. It is
        checked first (20 MB, PNG/JPEG/WebP by its bytes, pixel budget, complete): a refused
        file raises UploadRefusedError and sends nothing. Free of credits; never re-sent once
        it may have arrived (a second copy would be a duplicate image)."""
        if isinstance(source, UploadFile):
            upload = source
        elif isinstance(source, bytes | bytearray | memoryview):
            upload = check_upload(bytes(source), name)
        else:
            upload = read_upload(source)
        body = wire.upload_body(upload.data_uri())
        data = self._http.post_json_to(wire.images_path(workspace_id), body, wire.UNREADABLE_UPLOAD)
        try:
            return wire.parse_image(data, workspace_id)
        except UnexpectedResponseError as error:
            error.message, error.maybe_delivered = wire.UNREADABLE_UPLOAD, True
            raise

    @_guarded
    def service_image(self, workspace_id: str, image_id: str) -> ServiceImage:
        """One image of the image service, with its status (pending, done, failed)."""
        data = self._http.get_json(wire.image_path(workspace_id, image_id))
        return wire.parse_image(data, workspace_id)

    @_guarded
    def service_images_page(
        self, workspace_id: str, page: int = 1, size: int = 50
    ) -> ServiceImagePage:
        page, size = max(1, int(page)), max(1, min(200, int(size)))
        data = self._http.get_json(
            wire.images_path(workspace_id), params=wire.list_params(page, size)
        )
        return wire.parse_image_page(data, page, size, workspace_id)

    @_guarded
    def service_images(self, workspace_id: str, page_size: int = 200) -> list[ServiceImage]:
        """Every image of the workspace (pending ones too), walking the pages to the last."""

        def fetch(number: int) -> tuple[tuple[ServiceImage, ...], int | None, int]:
            page = self.service_images_page(workspace_id, number, page_size)
            return page.images, page.pages, page.size

        return walk_pages(fetch, lambda image: image.id)

    @_guarded
    def delete_service_image(self, workspace_id: str, image_id: str) -> None:
        """Delete one image through the image service (the same store as the history)."""
        self._http.delete(wire.image_path(workspace_id, image_id), None)

    @_guarded
    def start_generation_task(self, workspace_id: str, request: GenerationRequest) -> ImageTask:
        """Text to image through the image service (camelCase body); spends credits, so it
        is sent once and never repeated. finish_task waits for pending images."""
        self._require_prompt(request.prompt)
        count = max(1, min(100, int(request.num_images)))
        data = self._http.post_json_to(
            wire.generation_tasks_path(workspace_id),
            wire.generation_body(request),
            wire.UNREADABLE_TASK,
        )
        return self._task_started(data, workspace_id, count)

    @_guarded
    def start_edit_task(self, workspace_id: str, request: EditTaskRequest) -> ImageTask:
        """Submit a (masked) edit; spends credits, so it is sent once and never repeated.
        The task's images may still be pending: finish_task waits for them."""
        self._require_prompt(request.prompt)
        self._require_id(request.image_id)
        count = max(1, min(100, int(request.num_images)))
        data = self._http.post_json_to(
            wire.edit_tasks_path(workspace_id), wire.edit_body(request), wire.UNREADABLE_TASK
        )
        return self._task_started(data, workspace_id, count)

    @_guarded
    def start_upscale_task(self, workspace_id: str, request: UpscaleTaskRequest) -> ImageTask:
        """Submit an upscale (2 or 4); spends a credit, so it is sent once, never repeated."""
        self._require_id(request.image_id)
        if int(request.scale) not in (2, 4):
            raise InvalidRequestError(
                QT_TRANSLATE_NOOP("Errors", "Images can be upscaled 2× or 4×."),
                detail=f"Refused scale {request.scale!r}",
            )
        data = self._http.post_json_to(
            wire.upscale_tasks_path(workspace_id), wire.upscale_body(request), wire.UNREADABLE_TASK
        )
        return self._task_started(data, workspace_id, 1)

    @_guarded
    def finish_task(
        self,
        workspace_id: str,
        task: ImageTask,
        *,
        cancel: Cancel = None,
        time_limit: float | None = None,
    ) -> ImageTaskResult:
        """The task's finished images: at once when its answer held them, else after polling
        the pending ones (with backoff). Raises TaskCancelledError / TaskTimedOutError when
        `cancel` fires or the time is up; the images keep coming on the server either way."""
        if task.settled:
            return task.result()
        ready, failed = wait_for_images(
            lambda image_id: self.service_image(workspace_id, image_id),
            task.images,
            cancel=cancel,
            time_limit=self._settings.task_time_limit if time_limit is None else time_limit,
            first_delay=self._settings.task_poll_first_delay,
            max_delay=self._settings.task_poll_max_delay,
        )
        return ImageTaskResult(
            images=tuple(ready),
            requested=task.requested,
            generation_id=task.generation_id,
            detail=task.detail,
            failed_ids=tuple(failed),
        )

    def edit_image(
        self,
        workspace_id: str,
        request: EditTaskRequest,
        *,
        cancel: Cancel = None,
        time_limit: float | None = None,
    ) -> ImageTaskResult:
        """start_edit_task, then finish_task: the finished images (or TaskPendingError)."""
        task = self.start_edit_task(workspace_id, request)
        return self.finish_task(workspace_id, task, cancel=cancel, time_limit=time_limit)

    def generate_images(
        self,
        workspace_id: str,
        request: GenerationRequest,
        *,
        cancel: Cancel = None,
        time_limit: float | None = None,
    ) -> ImageTaskResult:
        """start_generation_task, then finish_task."""
        task = self.start_generation_task(workspace_id, request)
        return self.finish_task(workspace_id, task, cancel=cancel, time_limit=time_limit)

    def upscale_image(
        self,
        workspace_id: str,
        request: UpscaleTaskRequest,
        *,
        cancel: Cancel = None,
        time_limit: float | None = None,
    ) -> ImageTaskResult:
        """start_upscale_task, then finish_task."""
        task = self.start_upscale_task(workspace_id, request)
        return self.finish_task(workspace_id, task, cancel=cancel, time_limit=time_limit)

    def close(self) -> None:
        self._transport.close()
        self._tokens.forget()

    def __enter__(self) -> NeuroflashClient:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- plumbing --------------------------------------------------------------------------
    def _mask_tokens(self, error: NeuroflashError) -> None:
        """Replace every token this client held (also percent-encoded, as in `Bearer%20…`)
        in the error's message and detail, which end up in the log."""
        needles = {
            form
            for token in self._tokens.issued
            for form in (token, quote(token, safe=""), quote(token))
            if len(token) >= 4
        }
        for needle in sorted(needles, key=len, reverse=True):
            if error.detail and needle in error.detail:
                error.detail = error.detail.replace(needle, MASK)
            if needle in error.message:
                error.message = error.message.replace(needle, MASK)

    @staticmethod
    def _require_prompt(prompt: str) -> None:
        if not prompt or not prompt.strip():
            raise InvalidRequestError(
                QT_TRANSLATE_NOOP("Errors", "Write a prompt first."),
                detail="Empty prompt",
            )

    @staticmethod
    def _require_id(image_id: str) -> None:
        if not image_id or not str(image_id).strip():
            raise InvalidRequestError(
                QT_TRANSLATE_NOOP("Errors", "Pick an image first."), detail="Empty image id"
            )

    @staticmethod
    def _task_started(data: Any, workspace_id: str, requested: int) -> ImageTask:
        images, generation_id, detail = wire.parse_task(data, workspace_id)
        return ImageTask(
            images=tuple(images), requested=requested, generation_id=generation_id, detail=detail
        )


def _put_optional(body: dict[str, Any], aspect_ratio: str | None, fmt: str | None) -> None:
    if aspect_ratio:
        body["aspect_ratio"] = aspect_ratio
    if fmt:
        body["output_format"] = fmt
