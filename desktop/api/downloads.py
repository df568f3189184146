"""Downloading an image: its address is resolved against the API and checked before anything
is sent, and what comes back must be a whole image, whose type its bytes decide (a server that
labels a PNG "text/plain" still sent a PNG)."""

from __future__ import annotations

from urllib.parse import urljoin

import requests

from desktop.api.errors import InvalidRequestError, UnexpectedResponseError
from desktop.api.imagebytes import looks_complete, sniff_image_type
from desktop.api.models import ImageData
from desktop.api.texts import QT_TRANSLATE_NOOP
from desktop.api.urls import is_allowed_url, origin_url


def download_target(base: str, url: str) -> str:
    """The absolute address of ``url`` (a view path or a full URL) against the API at
    ``base``; InvalidRequestError when it is empty or not safe to fetch."""
    if not url or not str(url).strip():
        raise InvalidRequestError(
            QT_TRANSLATE_NOOP("Errors", "This image has no address."),
            detail="Empty image URL",
        )
    target = urljoin(origin_url(base) + "/", str(url).strip())
    if not is_allowed_url(target):
        raise InvalidRequestError(
            QT_TRANSLATE_NOOP(
                "Errors", "This image's address is not secure, so it was not downloaded."
            ),
            detail=f"Refused download URL {target!r}",
        )
    return target


def image_from(response: requests.Response, target: str) -> ImageData:
    """The downloaded image, or UnexpectedResponseError when it is not one or arrived cut
    short (nothing half-downloaded is ever kept)."""
    content = response.content
    header_type = (response.headers.get("Content-Type") or "").split(";")[0].strip().lower()
    sniffed = sniff_image_type(content)
    where = target.split("?", 1)[0]
    if sniffed is None and not (header_type == "image/svg+xml" and b"<svg" in content[:2048]):
        raise UnexpectedResponseError(
            QT_TRANSLATE_NOOP("Errors", "The downloaded file is not an image. Try again later."),
            status=response.status_code,
            detail=f"Download {where}: {header_type or 'no type'}, "
            f"{len(content)} bytes, starts {content[:16]!r}",
        )
    if not looks_complete(content, sniffed):
        raise UnexpectedResponseError(
            QT_TRANSLATE_NOOP(
                "Errors", "The image arrived incomplete, so it was not kept. Try again."
            ),
            status=response.status_code,
            detail=f"Download {where}: {sniffed} cut short at {len(content)} bytes",
        )
    content_type = sniffed or header_type
    return ImageData(content=content, content_type=content_type or "image/svg+xml")
