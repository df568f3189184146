"""Typed, immutable values the client takes and returns; no parsing or I/O here."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from urllib.parse import quote, urlsplit

from desktop.api.kinds import kind_of

VIEW_PATH_TEMPLATE = "/api/ds-prototypes/image_generation/{image_id}/view"


def view_path(image_id: str) -> str:
    """The relative view path of an image: what /edit wants and what history returns."""
    return VIEW_PATH_TEMPLATE.format(image_id=quote(str(image_id), safe=""))


@dataclass(frozen=True)
class Credentials:
    """A service account's id and secret; the secret never shows in repr or logs."""

    client_id: str
    client_secret: str = field(repr=False)


DEFAULT_PROXY_BYPASS = "localhost,127.0.0.1,::1"


@dataclass(frozen=True)
class ProxySettings:
    """A proxy chosen in Settings; the password comes from the keychain and never shows."""

    url: str  # "http://proxy.example.com:8080" (a bare "host:port" means http://)
    username: str = ""
    password: str = field(default="", repr=False)
    bypass: str = DEFAULT_PROXY_BYPASS  # comma-separated hosts that go direct, like NO_PROXY

    def requests_url(self) -> str:
        """The URL requests wants, credentials percent-encoded into it (requests decodes them
        again for the Proxy-Authorization header of plain requests and CONNECT tunnels)."""
        url = self.url.strip()
        if "://" not in url:
            url = "http://" + url
        if not self.username:
            return url
        parts = urlsplit(url)
        userinfo = quote(self.username, safe="")
        if self.password:
            userinfo += ":" + quote(self.password, safe="")
        return f"{parts.scheme}://{userinfo}@{parts.netloc.rpartition('@')[2]}{parts.path}"


@dataclass(frozen=True)
class ApiSettings:
    """Where neuroflash lives and how long to wait; retry knobs exist so tests run fast."""

    base_url: str = "https://app.neuroflash.com/api"
    token_url: str = "https://id.neuroflash.com/oauth/v2/token"
    connect_timeout: float = 5.0
    read_timeout: float = 30.0
    generate_timeout: float = 180.0
    total_timeout: float = 120.0  # a whole call, however the server trickles its answer
    max_retries: int = 2
    retry_base_delay: float = 0.5
    retry_max_delay: float = 8.0
    max_json_bytes: int = 16 * 1024 * 1024  # a 200-item history page is ~150 KB
    max_image_bytes: int = 64 * 1024 * 1024  # a 1024 px PNG is ~2 MB
    task_time_limit: float = 600.0  # how long to wait for an image-service task's images
    task_poll_first_delay: float = 0.5  # then x1.6 per poll, at most task_poll_max_delay
    task_poll_max_delay: float = 5.0
    proxy: ProxySettings | None = None  # from Settings; None: the environment's or system's
    direct: bool = False  # the built-in server on this computer: no proxy of any kind


@dataclass(frozen=True)
class Workspace:
    id: str
    name: str


@dataclass(frozen=True)
class ImageQuota:
    """The workspace's image credits; a request needs room in both the day and the cycle."""

    available: int
    used: int
    limit: int
    used_daily: int
    limit_daily: int
    bonus: int = 0
    spillover: int = 0
    fair_use_limit_reached: bool = False
    daily_refreshed: date | None = None

    @property
    def remaining_today(self) -> int:
        return max(0, self.limit_daily - self.used_daily)

    @property
    def remaining(self) -> int:
        return max(0, min(self.available, self.remaining_today))

    @property
    def exhausted_scope(self) -> str | None:
        """ "cycle" when the billing cycle is used up, "daily" when only today is, else None."""
        if self.available <= 0:
            return "cycle"
        if self.remaining_today <= 0:
            return "daily"
        return None


@dataclass(frozen=True)
class ImageModel:
    id: str
    name: str
    provider: str = ""
    description: str = ""
    capabilities: tuple[str, ...] = ()
    max_images: int = 1
    aspect_ratios: tuple[str, ...] = ()
    output_formats: tuple[str, ...] = ()
    allowed: bool = True
    order: int = 0

    @property
    def supports_edit(self) -> bool:
        return "image2image" in self.capabilities


@dataclass(frozen=True)
class GenerationRequest:
    prompt: str
    model: str
    num_images: int = 1
    aspect_ratio: str | None = None
    output_format: str | None = None


@dataclass(frozen=True)
class EditRequest:
    """An image-to-image request; `image_urls` may be view paths, absolute URLs or image ids."""

    prompt: str
    image_urls: list[str] | tuple[str, ...]
    num_images: int = 1
    model: str | None = None
    aspect_ratio: str | None = None
    output_format: str | None = None


@dataclass(frozen=True)
class GeneratedImage:
    image_id: str
    url: str
    content_type: str
    width: int | None = None
    height: int | None = None
    file_name: str | None = None
    file_size: int | None = None


@dataclass(frozen=True)
class GenerationResult:
    images: tuple[GeneratedImage, ...]
    prompt: str
    batch_id: str | None
    detail: str | None
    requested: int

    @property
    def partial(self) -> bool:
        """True when fewer images came back than were asked for (credits ran out)."""
        return len(self.images) < self.requested


@dataclass(frozen=True)
class HistoryItem:
    image_id: str
    image_url: str
    batch_id: str | None = None
    prompt: str = ""
    model: str | None = None
    aspect_ratio: str | None = None
    output_format: str | None = None
    content_type: str | None = None
    width: int | None = None
    height: int | None = None
    file_size: int | None = None
    created_at: datetime | None = None
    kind: str = "text2image"
    input_image_urls: tuple[str, ...] = ()

    @property
    def image_kind(self) -> str:
        """generated, edited, imported or upscaled (desktop.api.kinds); `kind` keeps the
        server's own word (text2image, image2image, upload, upscale)."""
        return kind_of(self.kind, bool(self.input_image_urls))


@dataclass(frozen=True)
class HistoryPage:
    items: tuple[HistoryItem, ...]
    page: int
    size: int
    total: int | None = None
    pages: int | None = None


@dataclass(frozen=True)
class ImageData:
    content: bytes = field(repr=False)
    content_type: str


# -- family B (image service) ---------------------------------------------------------------
PENDING, DONE, FAILED = "pending", "done", "failed"


@dataclass(frozen=True)
class ServiceImage:
    """One image of the image service (family B): an Image object, read leniently.

    `kind` is generated/edited/imported/upscaled; `status` pending/done/failed (done when the
    server says nothing); `content_url` is where the bytes are (give it to download_image)."""

    id: str
    content_url: str
    status: str = DONE
    kind: str = "generated"
    generation_id: str | None = None
    workspace_id: str | None = None
    prompt: str = ""
    model: str | None = None
    input_image_ids: tuple[str, ...] = ()
    width: int | None = None
    height: int | None = None
    file_size: int | None = None
    output_format: str | None = None
    created_at: datetime | None = None
    updated_at: datetime | None = None
    parameters: tuple[tuple[str, str], ...] = ()  # top-level scalar parameters, as text

    @property
    def ready(self) -> bool:
        return self.status == DONE

    def as_history_item(self) -> HistoryItem:
        """The grid's item for this image (merge_history keeps each id once)."""
        content_type = {
            "png": "image/png",
            "jpeg": "image/jpeg",
            "jpg": "image/jpeg",
            "webp": "image/webp",
        }.get((self.output_format or "").lower())
        wire = {
            "generated": "text2image",
            "edited": "image2image",
            "imported": "upload",
            "upscaled": "upscale",
        }[self.kind]
        return HistoryItem(
            image_id=self.id,
            image_url=self.content_url,
            batch_id=self.generation_id,
            prompt=self.prompt,
            model=self.model,
            output_format=self.output_format,
            content_type=content_type,
            width=self.width,
            height=self.height,
            file_size=self.file_size,
            created_at=self.created_at,
            kind=wire,
            input_image_urls=tuple(view_path(i) for i in self.input_image_ids),
        )


@dataclass(frozen=True)
class ServiceImagePage:
    images: tuple[ServiceImage, ...]
    page: int
    size: int
    total: int | None = None
    pages: int | None = None


@dataclass(frozen=True)
class EditTaskRequest:
    """A (masked) edit of an image-service image: the mask is an uploaded image, white where
    the image may change; without a mask the whole image may change."""

    image_id: str
    prompt: str
    mask_image_id: str | None = None
    model_id: str | None = None
    num_images: int = 1
    output_format: str | None = None


@dataclass(frozen=True)
class UpscaleTaskRequest:
    image_id: str
    scale: int = 2  # 2 or 4
    output_format: str | None = None
    model_id: str | None = None


@dataclass(frozen=True)
class ImageTaskResult:
    """A finished task: the images that are ready, the ids that failed, the server's warning."""

    images: tuple[ServiceImage, ...]
    requested: int
    generation_id: str | None = None
    detail: str | None = None
    failed_ids: tuple[str, ...] = ()

    @property
    def partial(self) -> bool:
        return len(self.images) < self.requested


@dataclass(frozen=True)
class ImageTask:
    """A submitted (and charged) task: the images its answer named, maybe still pending.
    Keep it to wait again later (finish_task); never submit the task again."""

    images: tuple[ServiceImage, ...]
    requested: int
    generation_id: str | None = None
    detail: str | None = None

    @property
    def settled(self) -> bool:
        return all(i.status != PENDING for i in self.images)

    def result(self) -> ImageTaskResult:
        """What is known now: the done images, the failed ids."""
        return ImageTaskResult(
            images=tuple(i for i in self.images if i.status == DONE),
            requested=self.requested,
            generation_id=self.generation_id,
            detail=self.detail,
            failed_ids=tuple(i.id for i in self.images if i.status == FAILED),
        )
