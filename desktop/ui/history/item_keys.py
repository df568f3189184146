"""What the history filter and "Group by day" compare, worked out once per image.

A case-folded prompt and a local calendar day per image are remembered, so typing a filter
or regrouping refolds and recomputes nothing. After the history loads they are prepared in
small slices between frames, so the first filter or "Group by day" on 10,000 images doesn't
stall the GUI thread.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer

from desktop.api import HistoryItem

WARM_SLICE = 400  # images prepared per event-loop turn (about 2 ms)


class ItemKeys:
    """Case-folded prompts and local days, per image id; prepared ahead in slices."""

    def __init__(
        self,
        parent: QObject,
        all_items: Callable[[], list[HistoryItem]],
        fold_prompts: Callable[[], bool],
    ) -> None:
        self._all_items = all_items  # the whole history, for a warm-up from scratch
        self._fold_prompts = fold_prompts  # False: the catalogue matches the words instead
        self._folded: dict[str, str] = {}  # image id -> case-folded prompt
        self._day_keys: dict[str, str] = {}  # image id -> local day (ISO), computed once
        self._quarter_days: dict[int, str] = {}  # quarter hour since the epoch -> local day
        self._warm_queue: list[HistoryItem] = []
        self._warm_timer = QTimer(parent)
        self._warm_timer.setInterval(0)
        self._warm_timer.timeout.connect(self._warm_slice)

    def folded_prompts(self, items: list[HistoryItem]) -> list[str]:
        """Case-folded prompts, remembered per image: typing a filter refolds nothing."""
        cache = self._folded
        out = []
        for item in items:
            text = cache.get(item.image_id)
            if text is None:
                cache[item.image_id] = text = item.prompt.casefold()
            out.append(text)
        return out

    def start_warm_up(self, items: list[HistoryItem] | None = None) -> None:
        """Prepare ``items`` (default: the whole history again) in slices between frames."""
        if items is None:
            self._warm_queue = self._all_items()
        else:
            self._warm_queue.extend(items)
        if self._warm_queue:
            self._warm_timer.start()

    def _warm_slice(self) -> None:
        chunk, self._warm_queue = self._warm_queue[:WARM_SLICE], self._warm_queue[WARM_SLICE:]
        if self._fold_prompts():
            self.folded_prompts(chunk)
        self.day_keys_of(chunk)
        if not self._warm_queue:
            self._warm_timer.stop()

    def day_keys_of(self, items: list[HistoryItem]) -> list[str]:
        """Each image's local calendar day (ISO text), remembered per image. Every time zone's
        offset is a whole number of quarter hours, so one localtime() per quarter hour serves
        every image in it; the loop is inlined because it runs over 10,000 images."""
        cache, quarters = self._day_keys, self._quarter_days
        keys = []
        for item in items:
            key = cache.get(item.image_id)
            if key is None:
                when = item.created_at
                if when is None:
                    key = ""
                else:
                    bucket = int(when.timestamp() // 900)
                    key = quarters.get(bucket)
                    if key is None:
                        local = time.localtime(bucket * 900)
                        key = f"{local.tm_year:04d}-{local.tm_mon:02d}-{local.tm_mday:02d}"
                        quarters[bucket] = key
                cache[item.image_id] = key
            keys.append(key)
        return keys
