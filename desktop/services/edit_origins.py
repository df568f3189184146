"""Where each edited image came from: its source image, the source's prompt and the
instruction, kept on this computer by image id.

The API's history names an edit's source only as a view path (``input_image_urls``, and the
public docs do not promise even that) and gives the instruction as the edit's prompt; the
source's prompt is lost once the source scrolls out of the loaded history or is deleted. So
the app writes down the chain when it makes an edit. One small JSON file, written atomically;
a damaged or foreign file reads as "nothing recorded". Blocking: call from a worker thread.
"""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass
from pathlib import Path

from desktop.services.atomic_write import write_atomic

log = logging.getLogger(__name__)
_VERSION = 1
MAX_ORIGINS = 20_000  # ~3 MB; the oldest records go first


@dataclass(frozen=True)
class EditOrigin:
    """One edit step: ``instruction`` applied to the image ``source_id``, whose prompt was
    ``source_prompt``."""

    source_id: str
    source_prompt: str
    instruction: str


def read_origins(path: Path) -> dict[str, EditOrigin]:
    """image id -> origin, oldest first; {} when nothing (readable) is saved."""
    try:
        doc = json.loads(Path(path).read_text("utf-8"))
    except FileNotFoundError:
        return {}
    except (OSError, ValueError) as err:
        log.warning("Ignoring unreadable %s: %s", Path(path).name, err)
        return {}
    if not isinstance(doc, dict) or doc.get("version") != _VERSION:
        return {}
    origins: dict[str, EditOrigin] = {}
    for image_id, entry in (doc.get("origins") or {}).items():
        if not isinstance(entry, dict):
            continue
        source_id, prompt, instruction = (entry.get(k) for k in ("source", "prompt", "edit"))
        if isinstance(source_id, str) and isinstance(prompt, str) and isinstance(instruction, str):
            origins[str(image_id)] = EditOrigin(source_id, prompt, instruction)
    return origins


def write_origins(path: Path, origins: dict[str, EditOrigin]) -> None:
    """Save the newest ``MAX_ORIGINS`` records; a full disk is logged, never raised."""
    kept = list(origins.items())[-MAX_ORIGINS:]
    doc = {
        "version": _VERSION,
        "origins": {
            image_id: {"source": o.source_id, "prompt": o.source_prompt, "edit": o.instruction}
            for image_id, o in kept
        },
    }
    try:
        Path(path).parent.mkdir(parents=True, exist_ok=True)
        write_atomic(Path(path), json.dumps(doc, ensure_ascii=False).encode("utf-8"))
    except OSError as err:
        log.warning("Could not save %s: %s", Path(path).name, err)
