"""Turn JSON answers into typed values, leniently: unknown fields are ignored, missing or null
optional fields get defaults, numbers may come as strings. Only a shape that cannot be read at
all raises UnexpectedResponseError (never KeyError/TypeError).
"""

from __future__ import annotations

from typing import Any
from urllib.parse import urlsplit

from desktop.api.coerce import (
    INT32_MAX,
    clip,
    to_bool,
    to_count,
    to_date,
    to_datetime,
    to_int,
    to_str,
    to_strs,
)
from desktop.api.error_body import describe
from desktop.api.errors import UnexpectedResponseError
from desktop.api.models import (
    GeneratedImage,
    GenerationResult,
    HistoryItem,
    HistoryPage,
    ImageModel,
    ImageQuota,
    Workspace,
    view_path,
)

_LIST_KEYS = ("data", "items", "results", "content")
MAX_IMAGES_PER_REQUEST = 100  # far above any model's real limit, far below a Qt int's
MAX_PROMPT_CHARS = 20_000  # the app lets a designer write 10,000
MAX_FIELD_CHARS = 2_000  # ids, names, URLs
MAX_TOKEN_LIFETIME_S = 366 * 24 * 3600.0


def is_header_safe(value: str) -> bool:
    """Latin-1 without control characters: what an Authorization or x-workspace-id header can
    carry (a non-Latin-1 value made http.client raise UnicodeEncodeError)."""
    return bool(value) and all(32 <= ord(c) <= 255 and ord(c) != 127 for c in value)


def _field(value: Any) -> str | None:
    return clip(to_str(value), MAX_FIELD_CHARS)


def _bad(what: str, data: Any) -> UnexpectedResponseError:
    return UnexpectedResponseError(detail=f"Unexpected {what} shape: {str(data)[:300]}")


def _records(data: Any, *keys: str) -> list[Any] | None:
    """The list inside an answer: a bare list, or under one of `keys` (dotted for nesting)."""
    if isinstance(data, list):
        return data
    if not isinstance(data, dict):
        return None
    for key in (*keys, *_LIST_KEYS):
        node: Any = data
        for part in key.split("."):
            node = node.get(part) if isinstance(node, dict) else None
        if isinstance(node, list):
            return node
    return None


def parse_workspaces(data: Any) -> list[Workspace]:
    records = _records(data, "_embedded.workspaces", "workspaces")
    if records is None:
        raise _bad("workspaces", data)
    out = []
    for rec in records:
        if isinstance(rec, dict):
            ws_id = to_str(rec.get("id")) or to_str(rec.get("workspaceId"))
            if ws_id:
                out.append(Workspace(id=ws_id, name=_field(rec.get("name")) or ws_id))
    return out


def parse_quota(data: Any) -> ImageQuota | None:
    """The `images` quota, or None when the workspace has none (its plan has no images)."""
    if isinstance(data, dict) and "availableAmount" in data:
        records: list[Any] | None = [data]
    else:
        records = _records(data, "quotas", "_embedded.quotas")
    if records is None:
        raise _bad("quota", data)
    dicts = [r for r in records if isinstance(r, dict)]
    chosen = next((r for r in dicts if r.get("usageTypeKey") == "images"), None)
    if chosen is None:
        chosen = next((r for r in dicts if "usageTypeKey" not in r), None)
    if chosen is None:
        return None
    # Clamped here, once: a limitAmount of 2**40 overflowed the quota panel's Qt integers.
    num = lambda key: to_count(chosen.get(key), 0) or 0  # noqa: E731
    limit, used = num("limitAmount"), num("usedAmount")
    bonus, spill = num("bonusAmount"), num("spilloverAmount")
    available = to_count(chosen.get("availableAmount"))
    if available is None:
        available = max(0, min(INT32_MAX, limit + bonus + spill - used))
    return ImageQuota(
        available=available,
        used=used,
        limit=limit,
        used_daily=num("usedAmountDaily"),
        limit_daily=num("limitAmountDaily"),
        bonus=bonus,
        spillover=spill,
        fair_use_limit_reached=to_bool(chosen.get("fairUseLimitReached"), False),
        daily_refreshed=to_date(chosen.get("dailyRefreshed")),
    )


def _pick(rec: dict[str, Any], *keys: str) -> Any:
    for key in keys:
        if rec.get(key) is not None:
            return rec[key]
    return None


def parse_models(data: Any) -> list[ImageModel]:
    """Both the snake_case bare list and the camelCase `{page, data}` catalogue, sorted by order."""
    records = _records(data, "models")
    if records is None:
        raise _bad("models", data)
    out = []
    for rec in records:
        if not isinstance(rec, dict):
            continue
        model_id = to_str(rec.get("id"))
        if not model_id:
            continue
        out.append(
            ImageModel(
                id=model_id,
                name=to_str(rec.get("name")) or model_id,
                provider=to_str(rec.get("provider"), "") or "",
                description=to_str(rec.get("description"), "") or "",
                capabilities=to_strs(rec.get("capabilities")),
                max_images=max(
                    1,
                    to_count(_pick(rec, "max_images", "maxImages"), 1, MAX_IMAGES_PER_REQUEST) or 1,
                ),
                aspect_ratios=to_strs(_pick(rec, "aspect_ratios", "aspectRatios")),
                output_formats=to_strs(_pick(rec, "output_formats", "outputFormats")),
                allowed=to_bool(rec.get("allowed"), True),
                order=to_count(rec.get("order"), 10_000) or 0,
            )
        )
    return sorted(out, key=lambda m: (m.order, m.name.lower()))


_EXT_TYPES = {"png": "image/png", "jpg": "image/jpeg", "jpeg": "image/jpeg", "webp": "image/webp"}


def _guess_type(name: str | None, fallback: str = "image/png") -> str:
    ext = (name or "").rsplit(".", 1)[-1].lower() if name and "." in name else ""
    return _EXT_TYPES.get(ext, fallback)


def parse_generation(data: Any, prompt: str, requested: int) -> GenerationResult:
    if not isinstance(data, dict) or not isinstance(data.get("images"), list):
        raise _bad("generation result", data)
    images = []
    for rec in data["images"]:
        if not isinstance(rec, dict):
            continue
        url = to_str(rec.get("url")) or ""
        image_id = to_str(_pick(rec, "image_id", "imageId", "id")) or ""
        if not url and not image_id:
            continue
        file_name = to_str(rec.get("file_name"))
        images.append(
            GeneratedImage(
                image_id=image_id,
                url=url or view_path(image_id),
                content_type=to_str(rec.get("content_type"))
                or _guess_type(file_name or urlsplit(url).path),
                width=to_count(rec.get("width")),
                height=to_count(rec.get("height")),
                file_name=file_name,
                file_size=to_count(rec.get("file_size")),
            )
        )
    detail = data.get("detail")
    return GenerationResult(
        images=tuple(images),
        prompt=to_str(data.get("prompt")) or prompt,
        batch_id=to_str(data.get("batch_id")),
        detail=(describe(detail) or None) if detail is not None else None,
        requested=requested,
    )


def parse_history_item(rec: Any) -> HistoryItem:
    if not isinstance(rec, dict):
        raise _bad("history item", rec)
    image_id = to_str(_pick(rec, "output_image_id", "image_id", "imageId", "id"))
    if not image_id:
        raise _bad("history item", rec)
    url = to_str(_pick(rec, "output_image_url", "image_url", "url"))
    if not url or not url.startswith("/") or url.startswith("//") or "\\" in url:
        # An absolute URL is not a view path, and "//host/..." or a backslash is another
        # host in disguise: rebuild it from the id.
        url = view_path(image_id)
    inputs = to_strs(_pick(rec, "input_image_urls", "image_urls"))
    kind = to_str(_pick(rec, "type", "kind")) or ("image2image" if inputs else "text2image")
    model = rec.get("model")
    if isinstance(model, dict):
        model = model.get("id")
    return HistoryItem(
        image_id=clip(image_id, MAX_FIELD_CHARS) or image_id,
        image_url=clip(url, MAX_FIELD_CHARS) or url,
        batch_id=_field(rec.get("batch_id")),
        prompt=clip(to_str(rec.get("prompt"), ""), MAX_PROMPT_CHARS) or "",
        model=_field(model),
        aspect_ratio=_field(rec.get("aspect_ratio")),
        output_format=_field(rec.get("output_format")),
        content_type=_field(rec.get("content_type")),
        width=to_count(rec.get("width")),
        height=to_count(rec.get("height")),
        file_size=to_count(rec.get("file_size")),
        created_at=to_datetime(_pick(rec, "created_at", "createdAt")),
        kind=kind,
        input_image_urls=inputs,
    )


def parse_history_page(data: Any, page: int, size: int) -> HistoryPage:
    """A paged `{items, page, size, total, pages}`, a `{data: [...]}` or a bare list."""
    records = _records(data, "items", "history")
    if records is None:
        raise _bad("history", data)
    items = []
    for rec in records:
        try:
            items.append(parse_history_item(rec))
        except UnexpectedResponseError:
            continue  # one odd record must not hide the others
    meta = data if isinstance(data, dict) else {}
    page_meta = meta.get("page")
    paging: dict[str, Any] = page_meta if isinstance(page_meta, dict) else {}
    total = to_int(meta.get("total"), to_int(paging.get("totalElements")))
    pages = to_int(meta.get("pages"), to_int(paging.get("totalPages")))
    if "page" not in meta and total is None and pages is None:
        total, pages = len(items), 1  # not paged: this is everything
    return HistoryPage(
        items=tuple(items),
        page=to_int(meta.get("page"), to_int(paging.get("currentPage"), page)) or page,
        size=to_int(meta.get("size"), to_int(paging.get("size"), size)) or size,
        total=total,
        pages=pages,
    )


def parse_token(data: Any) -> tuple[str, float | None]:
    """The access token and its lifetime in seconds (None when the server did not say)."""
    if not isinstance(data, dict):
        raise _bad("token", data)
    token = to_str(data.get("access_token"))
    if not token or not is_header_safe(token):
        raise _bad("token", {k: "…" for k in data})
    lifetime = to_int(data.get("expires_in"))
    if lifetime is None or lifetime <= 0:
        return token, None
    return token, float(min(lifetime, int(MAX_TOKEN_LIFETIME_S)))  # 400 digits overflow a float
