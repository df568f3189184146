"""Masks kept per image in the profile, so a retry or a new prompt needs no repainting.

Plain blocking file calls: the UI runs them through the BackgroundRunner.
"""

from __future__ import annotations

import hashlib
import logging
import uuid
from pathlib import Path

log = logging.getLogger(__name__)


class MaskStore:
    """``<dir>/<hash of image id>.png``: white where the image may change."""

    def __init__(self, folder: Path) -> None:
        self._folder = folder

    def _path(self, image_id: str) -> Path:
        # Hashed: an image id from the server never becomes a path of its own.
        return self._folder / (hashlib.sha256(image_id.encode()).hexdigest()[:32] + ".png")

    def load(self, image_id: str) -> bytes | None:
        try:
            return self._path(image_id).read_bytes()
        except FileNotFoundError:
            return None
        except OSError:
            log.warning("Could not read the saved mask of %s", image_id, exc_info=True)
            return None

    def save(self, image_id: str, png: bytes) -> None:
        try:
            self._folder.mkdir(parents=True, exist_ok=True)
            target = self._path(image_id)
            temporary = target.with_suffix(f".{uuid.uuid4().hex}.tmp")
            temporary.write_bytes(png)
            temporary.replace(target)
        except OSError:
            log.warning("Could not save the mask of %s", image_id, exc_info=True)
