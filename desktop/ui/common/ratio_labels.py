"""What an aspect-ratio choice gives in pixels: "16:9 · 1024×576".

The model catalogue lists ratios only (no sizes; see ../shared/api and docs/api-contract.md).
So the size shown is the one images of that model and ratio really had in this workspace's
history, and otherwise the documented rule: the long side is 1024 px, the short side is
rounded to the nearest even number.
"""

from __future__ import annotations

from collections.abc import Iterable

from desktop.api import HistoryItem

LONG_SIDE = 1024
Sizes = dict[tuple[str, str], tuple[int, int]]  # (model id, ratio) → (width, height)


def default_size(ratio: str) -> tuple[int, int] | None:
    """The documented size for ``ratio`` ("16:9" → 1024×576); None if it is not "W:H"."""
    try:
        w_part, h_part = (float(part) for part in ratio.split(":"))
    except ValueError:
        return None
    if w_part <= 0 or h_part <= 0:
        return None
    if w_part >= h_part:
        return LONG_SIDE, 2 * round(LONG_SIDE * h_part / w_part / 2)
    return 2 * round(LONG_SIDE * w_part / h_part / 2), LONG_SIDE


def observed_sizes(items: Iterable[HistoryItem], into: Sizes | None = None) -> Sizes:
    """The pixel size each (model, ratio) had in ``items`` (the newest wins)."""
    sizes: Sizes = {} if into is None else into
    for item in reversed(list(items)):  # oldest first, so newer ones overwrite
        if item.model and item.aspect_ratio and item.width and item.height:
            sizes[(item.model, item.aspect_ratio)] = (item.width, item.height)
    return sizes


def ratio_label(ratio: str, model_id: str = "", sizes: Sizes | None = None) -> str:
    size = (sizes or {}).get((model_id, ratio)) or default_size(ratio)
    return f"{ratio} · {size[0]}×{size[1]}" if size else ratio
