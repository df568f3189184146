"""Typed, immutable values the client takes and returns; no parsing or I/O here."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from urllib.parse import quote, urlsplit

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
        """"cycle" when the billing cycle is used up, "daily" when only today is, else None."""
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
