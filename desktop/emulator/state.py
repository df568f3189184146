"""All mutable server state (tokens, quotas, history, rate windows) behind one lock."""

from __future__ import annotations

import math
import secrets
import threading
import uuid
from collections import deque
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any

from desktop.emulator import demo_data
from desktop.emulator.clock import Clock
from desktop.emulator.config import EmulatorConfig
from desktop.emulator.faults import FaultInjector
from desktop.emulator.images import CONTENT_TYPES, ImageCache, RenderSpec, size_for_ratio
from desktop.emulator.metrics import RequestCounts
from desktop.emulator.photos import PhotoPool
from desktop.emulator.throttle import SharedLink


@dataclass
class ImageRecord:
    """One stored image; the pixels follow from `spec` and are rendered on demand."""

    image_id: str
    batch_id: str
    workspace_id: str
    spec: RenderSpec
    aspect_ratio: str
    created_at: datetime
    kind: str = "text2image"  # history `type`: text2image, image2image, upload, upscale
    input_image_urls: list[str] = field(default_factory=list)
    file_size: int | None = None  # known once rendered
    # Family B (image service): task parameters, input ids, and the async task state.
    parameters: dict[str, Any] = field(default_factory=dict)
    input_ids: list[str] = field(default_factory=list)
    status: str = "done"  # pending | done | failed
    ready_at: datetime | None = None
    will_fail: bool = False
    updated_at: datetime | None = None

    @property
    def output_format(self) -> str:
        return self.spec.output_format

    @property
    def content_type(self) -> str:
        return CONTENT_TYPES[self.spec.output_format]


@dataclass
class Quota:
    """Monthly + daily image credits of one workspace."""

    id: str
    limit: int
    used: int
    bonus: int
    spillover: int
    limit_daily: int
    used_daily: int
    daily_refreshed: date

    @property
    def available(self) -> int:
        return max(0, self.limit + self.bonus + self.spillover - self.used)


@dataclass
class Workspace:
    id: str
    name: str
    created_at: str
    quota: Quota | None
    history: list[str] = field(default_factory=list)  # oldest first; finished images only
    pending: list[str] = field(default_factory=list)  # async task images not yet settled
    rate_window: deque[datetime] = field(default_factory=deque)

    @property
    def image_access(self) -> bool:
        return self.quota is not None


class QuotaError(Exception):
    """No credit left at all: carries the contract's error code."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.message = message


class EmulatorState:
    """Thread-safe in-memory state; endpoints run in a threadpool and share it."""

    def __init__(self, config: EmulatorConfig | None = None) -> None:
        self.config = config or EmulatorConfig()
        self.clock = Clock()
        self.faults = FaultInjector(seed=self.config.seed)
        if self.config.fault_share > 0 and self.config.fault_kinds:
            self.faults.set_share(self.config.fault_share, list(self.config.fault_kinds))
        self.photos = PhotoPool() if self.config.photo_images else None
        self.images = ImageCache(self.config.image_cache_items, photos=self.photos)
        self.link = (
            SharedLink(self.config.bandwidth_mbps) if self.config.bandwidth_mbps > 0 else None
        )
        self.request_counts = RequestCounts()  # by kind, for benchmarks and tests
        self.storage_origin: str | None = None
        self.stopping = threading.Event()
        self.lock = threading.RLock()
        self._tokens: dict[str, datetime] = {}
        self.client_revoked = False
        self.workspaces: dict[str, Workspace] = {}
        self.records: dict[str, ImageRecord] = {}
        self.fail_next_images = 0  # test hook: async task images that will end as failed
        self._seed()

    # ----- seeding -----
    def _seed(self) -> None:
        now = self.clock.now()
        for n, ws in enumerate(demo_data.WORKSPACES):
            quota = None
            if ws.quota is not None:
                q = ws.quota
                quota = Quota(
                    f"quota-{ws.id[-4:]}-images",
                    q["limit"],
                    q["used"],
                    q["bonus"],
                    q["spillover"],
                    q["limit_daily"],
                    q["used_daily"],
                    now.date(),
                )
            self.workspaces[ws.id] = Workspace(ws.id, ws.name, ws.created_at, quota)
            if quota is None:
                continue
            workspace = self.workspaces[ws.id]
            for item in demo_data.seed_history(
                self.config.history_size, self.config.seed + n, ws.id, now
            ):
                w, h = size_for_ratio(item.aspect_ratio)
                spec = RenderSpec(
                    item.prompt, demo_data.DEFAULT_MODEL_ID, item.index, w, h, item.output_format
                )
                self.records[item.image_id] = ImageRecord(
                    item.image_id, item.batch_id, ws.id, spec, item.aspect_ratio, item.created_at
                )
                workspace.history.append(item.image_id)

    # ----- tokens -----
    def issue_token(self) -> str:
        token = secrets.token_urlsafe(32)
        with self.lock:
            self._tokens[token] = self.clock.now() + timedelta(seconds=self.config.token_lifetime_s)
        return token

    def revoke_client(self) -> None:
        """The service account was deleted or its secret rotated: its tokens stop working
        and it can get no new ones (tests of the "credentials revoked" path)."""
        with self.lock:
            self.client_revoked = True
            self._tokens.clear()

    def expire_tokens(self) -> None:
        """Every issued token runs out now (the client must renew without the user noticing)."""
        with self.lock:
            self._tokens.clear()

    def token_valid(self, token: str) -> bool:
        with self.lock:
            expiry = self._tokens.get(token)
        return expiry is not None and self.clock.now() < expiry

    # ----- quotas -----
    def _refresh_daily(self, quota: Quota) -> None:
        today = self.clock.today()
        if quota.daily_refreshed < today:
            quota.used_daily = 0
            quota.daily_refreshed = today

    def quota(self, workspace_id: str) -> dict[str, Any] | None:
        """The guide's quota object for a workspace, or None when it has no image access."""
        with self.lock:
            q = self.workspaces[workspace_id].quota
            if q is None:
                return None
            self._refresh_daily(q)
            return {
                "id": q.id,
                "workspaceId": workspace_id,
                "usageTypeKey": "images",
                "bonusAmount": q.bonus,
                "spilloverAmount": q.spillover,
                "usedAmount": q.used,
                "usedAmountDaily": q.used_daily,
                "dailyRefreshed": q.daily_refreshed.isoformat(),
                "availableAmount": q.available,
                "limitAmount": q.limit,
                "limitAmountDaily": q.limit_daily,
                "fairUseLimitReached": q.used >= 0.9 * q.limit,
            }

    def set_quota(self, workspace_id: str, **values: int) -> None:
        """Test helper: overwrite quota fields (limit, used, bonus, spillover, ...)."""
        with self.lock:
            q = self.workspaces[workspace_id].quota
            assert q is not None
            for key, value in values.items():
                setattr(q, key, value)

    # ----- rate limit -----
    def check_rate(self, workspace_id: str) -> int | None:
        """Record one generate/edit call; answer seconds to wait when over the limit."""
        limit = self.config.rate_limit_per_minute
        if limit <= 0:
            return None
        now = self.clock.now()
        with self.lock:
            window = self.workspaces[workspace_id].rate_window
            while window and ((now - window[0]).total_seconds() >= 60 or window[0] > now):
                window.popleft()
            if len(window) >= limit:
                return max(1, math.ceil(60 - (now - window[0]).total_seconds()))
            window.append(now)
            return None

    # ----- images -----
    def produce(
        self,
        workspace_id: str,
        specs: list[RenderSpec],
        aspect_ratio: str,
        kind: str,
        input_urls: list[str],
        *,
        parameters: dict[str, Any] | None = None,
        input_ids: list[str] | None = None,
        pending_s: float | None = None,
    ) -> tuple[list[ImageRecord], str | None]:
        """Charge one credit per image that fits, store the records, return them + a warning.
        With ``pending_s`` the images are pending (an async task) and settle that much later:
        only then do they join the history (a failed one is never listed, and refunded)."""
        with self.lock:
            ws = self.workspaces[workspace_id]
            q = ws.quota
            if q is None:
                raise QuotaError("IMAGE_QUOTA_EXCEEDED", "This workspace has no image credits.")
            self._refresh_daily(q)
            daily_left = max(0, q.limit_daily - q.used_daily)
            n = min(len(specs), q.available, daily_left)
            if n == 0:
                if q.available == 0:
                    raise QuotaError(
                        "IMAGE_QUOTA_EXCEEDED", "Image credits for this billing cycle are used up."
                    )
                raise QuotaError(
                    "IMAGE_DAILY_LIMIT_REACHED",
                    "Today's image limit is reached; it resets at midnight UTC.",
                )
            detail = None
            if n < len(specs):
                why = (
                    "the image credits ran out"
                    if n == q.available
                    else "today's image limit was reached"
                )
                detail = f"Only {n} of {len(specs)} images were generated: {why}."
            q.used += n
            q.used_daily += n
            batch_id = str(uuid.uuid4())
            now = self.clock.now()
            made = []
            for spec in specs[:n]:
                rec = ImageRecord(
                    str(uuid.uuid4()),
                    batch_id,
                    workspace_id,
                    spec,
                    aspect_ratio,
                    now,
                    kind,
                    list(input_urls),
                    parameters=dict(parameters or {}),
                    input_ids=list(input_ids or []),
                    updated_at=now,
                )
                self.records[rec.image_id] = rec
                if pending_s is None:
                    ws.history.append(rec.image_id)
                else:
                    rec.status = "pending"
                    rec.ready_at = now + timedelta(seconds=pending_s)
                    if self.fail_next_images > 0:
                        self.fail_next_images -= 1
                        rec.will_fail = True
                    ws.pending.append(rec.image_id)
                made.append(rec)
            return made, detail

    def add_upload(
        self, workspace_id: str, spec: RenderSpec, aspect_ratio: str, parameters: dict[str, Any]
    ) -> ImageRecord:
        """Store an uploaded image (free of credits); it is in the history at once."""
        now = self.clock.now()
        rec = ImageRecord(
            str(uuid.uuid4()),
            str(uuid.uuid4()),
            workspace_id,
            spec,
            aspect_ratio,
            now,
            "upload",
            parameters=parameters,
            updated_at=now,
        )
        rec.file_size = len(spec.upload.data) if spec.upload is not None else None
        with self.lock:
            self.records[rec.image_id] = rec
            self.workspaces[workspace_id].history.append(rec.image_id)
        return rec

    def _settle(self, ws: Workspace) -> None:
        """Pending images whose time has come become done (joining the history, newest last)
        or failed (refunded, never listed). Called under the lock before any listing."""
        if not ws.pending:
            return
        now = self.clock.now()
        still: list[str] = []
        for image_id in ws.pending:
            rec = self.records.get(image_id)
            if rec is None:
                continue
            if rec.ready_at is not None and now < rec.ready_at:
                still.append(image_id)
                continue
            rec.updated_at = now
            if rec.will_fail:
                rec.status = "failed"
                if ws.quota is not None:
                    ws.quota.used = max(0, ws.quota.used - 1)
                    ws.quota.used_daily = max(0, ws.quota.used_daily - 1)
            else:
                rec.status = "done"
                ws.history.append(image_id)
        ws.pending = still

    def pending_ids(self, workspace_id: str) -> list[str]:
        """Images of async tasks still being made, newest first."""
        with self.lock:
            ws = self.workspaces[workspace_id]
            self._settle(ws)
            return ws.pending[::-1]

    def record(self, workspace_id: str, image_id: str) -> ImageRecord | None:
        """An image of this workspace, or None (other workspaces' images are invisible)."""
        with self.lock:
            rec = self.records.get(image_id)
            if rec is not None and rec.status == "pending":
                self._settle(self.workspaces[rec.workspace_id])
        return rec if rec is not None and rec.workspace_id == workspace_id else None

    def history_page(
        self, workspace_id: str, page: int, size: int
    ) -> tuple[list[ImageRecord], int]:
        """One page, newest first, and the total count."""
        with self.lock:
            self._settle(self.workspaces[workspace_id])
            ids = self.workspaces[workspace_id].history
            total = len(ids)
            end = total - (page - 1) * size
            start = max(0, end - size)
            chosen = ids[start : max(0, end)][::-1]
            return [self.records[i] for i in chosen], total

    def history_ids(self, workspace_id: str) -> list[str]:
        """All image ids of a workspace, newest first."""
        with self.lock:
            self._settle(self.workspaces[workspace_id])
            return self.workspaces[workspace_id].history[::-1]

    def delete(self, workspace_id: str, image_id: str) -> bool:
        with self.lock:
            rec = self.record(workspace_id, image_id)
            if rec is None:
                return False
            del self.records[image_id]
            ws = self.workspaces[workspace_id]
            for ids in (ws.history, ws.pending):
                if image_id in ids:
                    ids.remove(image_id)
            return True
