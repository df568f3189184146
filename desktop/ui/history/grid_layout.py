"""Where each row of the history grid sits, by arithmetic: no per-row objects or Qt calls.

The grid is a flat list of rows (images and, when grouped, group headers). Each group is a
full-width header line followed by its images in lines of ``columns`` cells; an ungrouped list
is one group without a header. Storing one entry per *group* (its first row and its top edge)
makes laying out 10,000 images a few list appends, and every lookup a ``bisect`` plus a
``divmod``; Qt's own list layout called into the Python model once per row.

Coordinates are content coordinates (y grows down the whole grid, not the viewport).
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, field

MARGIN = 4  # space around the cells, inside the viewport
MIN_TILE = 96
MAX_TILE = 480
DEFAULT_TILE = 192
TILE_STEP = 32  # Ctrl+plus / Ctrl+minus / Ctrl+wheel
CELL_PADDING = 16  # a tile's cell is this much larger than the thumbnail it holds
CELL_STEP = 8  # cell widths move in steps, so a window drag re-makes thumbnails rarely


@dataclass
class GridLayout:
    """The geometry of one grid at one width; rebuild it when rows, width or size change."""

    columns: int = 1
    left: int = MARGIN
    cell_w: int = DEFAULT_TILE + CELL_PADDING
    cell_h: int = DEFAULT_TILE + CELL_PADDING
    header_h: int = 0
    headed: bool = False
    starts: list[int] = field(default_factory=lambda: [0])  # first row of each group
    tops: list[int] = field(default_factory=lambda: [MARGIN])  # content y of each group
    counts: list[int] = field(default_factory=lambda: [0])  # images of each group
    height: int = 0
    rows: int = 0

    @classmethod
    def build(
        cls,
        header_rows: Sequence[int],
        row_count: int,
        width: int,
        tile: int,
        header_h: int,
        ratio: float = 1.0,
    ) -> GridLayout:
        """Lay out ``row_count`` rows whose group headers are at ``header_rows`` (sorted; none
        for an ungrouped list) in a viewport ``width`` px wide. Cells are at least ``tile`` +
        padding wide and share the leftover width, so the lines fill the viewport; a cell is
        ``ratio`` times as tall as it is wide."""
        room = max(1, width - 2 * MARGIN)
        # never wider than the viewport (a big tile in a narrow window was cut off under the
        # scroll bar), never below the smallest tile: one column at least
        smallest = min(tile + CELL_PADDING, max(room, MIN_TILE + CELL_PADDING))
        columns = max(1, room // smallest)
        cell_w = max(smallest, room // columns // CELL_STEP * CELL_STEP)
        left = MARGIN + max(0, room - columns * cell_w) // 2  # the few px left over, centred
        cell_h = max(1, round((cell_w - CELL_PADDING) * ratio) + CELL_PADDING)
        if header_rows:
            headed = True
            starts = list(header_rows)
            ends = [*starts[1:], row_count]
            counts = [end - start - 1 for start, end in zip(starts, ends, strict=True)]
        else:
            headed, starts, counts, header_h = False, [0], [row_count], 0
        tops = []
        y = MARGIN
        for count in counts:
            tops.append(y)
            y += header_h + -(-count // columns) * cell_h
        return cls(
            columns,
            left,
            cell_w,
            cell_h,
            header_h,
            headed,
            starts,
            tops,
            counts,
            y + MARGIN,
            row_count,
        )

    # --- rows -> places ------------------------------------------------------------------------
    def is_header(self, row: int) -> bool:
        if not self.headed or not 0 <= row < self.rows:
            return False
        return self.starts[bisect_right(self.starts, row) - 1] == row

    def image_row(self, row: int, step: int) -> int:
        """The first image row from ``row`` going ``step`` (headers skipped), or -1."""
        while 0 <= row < self.rows and self.is_header(row):
            row += step
        return row if 0 <= row < self.rows else -1

    def rect(self, row: int) -> tuple[int, int, int, int]:
        """(x, y, width, height) of ``row``; a header spans every column."""
        if not 0 <= row < self.rows:
            return (0, 0, 0, 0)
        group = bisect_right(self.starts, row) - 1
        top, index = self.tops[group], row - self.starts[group]
        if self.headed:
            if index == 0:
                return (self.left, top, self.columns * self.cell_w, self.header_h)
            index -= 1
            top += self.header_h
        line, column = divmod(index, self.columns)
        return (
            self.left + column * self.cell_w,
            top + line * self.cell_h,
            self.cell_w,
            self.cell_h,
        )

    # --- places -> rows ------------------------------------------------------------------------
    def row_at(self, x: int, y: int, clamp: bool = False) -> int:
        """The row under (x, y), or -1. With ``clamp``, a point right of a short last line
        gives that line's last image (for keyboard moves up and down)."""
        group = bisect_right(self.tops, y) - 1
        if group < 0 or y >= self.height - MARGIN or self.rows == 0:
            return -1
        local, first = y - self.tops[group], self.starts[group]
        if self.headed:
            if local < self.header_h:
                inside = self.left <= x < self.left + self.columns * self.cell_w
                return first if inside or clamp else -1
            local -= self.header_h
            first += 1
        count = self.counts[group]
        column = (x - self.left) // self.cell_w if x >= self.left else -1
        if not 0 <= column < self.columns:
            if not clamp:
                return -1
            column = min(max(column, 0), self.columns - 1)
        line = local // self.cell_h
        index = line * self.columns + column
        if index >= count:
            if not clamp or count == 0:
                return -1
            index = count - 1
        return first + index

    def row_in_column(self, x: int, y: int, down: bool) -> int:
        """The image nearest column ``x`` on the line at ``y``, stepping over headers (and
        folded groups) in the direction of travel; -1 past either end."""
        y = min(max(y, MARGIN), self.height - MARGIN - 1)
        while True:
            found = self.row_at(x, y, clamp=True)
            if found < 0 or not self.is_header(found):
                return found
            _hx, hy, _hw, hh = self.rect(found)
            y = hy + hh if down else hy - 1
            if not MARGIN <= y < self.height - MARGIN:
                return -1

    def rows_between(self, y0: int, y1: int) -> tuple[int, int]:
        """First and last row whose place meets the band [y0, y1); (0, -1) when none."""
        if self.rows == 0 or y1 <= y0:
            return 0, -1
        return self._first_row_from(max(y0, 0)), self._last_row_before(y1)

    def _first_row_from(self, y: int) -> int:
        group = max(0, bisect_right(self.tops, y) - 1)
        local, first = y - self.tops[group], self.starts[group]
        if self.headed:
            if local < self.header_h:
                return first
            local -= self.header_h
            first += 1
        index = max(0, local // self.cell_h) * self.columns
        if index >= self.counts[group]:  # below this group's last line: the next group
            return self.starts[group + 1] if group + 1 < len(self.starts) else self.rows - 1
        return first + index

    def _last_row_before(self, y: int) -> int:
        group = bisect_right(self.tops, y - 1) - 1
        if group < 0:
            return 0
        local, first = y - 1 - self.tops[group], self.starts[group]
        if self.headed:
            if local < self.header_h:
                return first
            local -= self.header_h
            first += 1
        index = (local // self.cell_h + 1) * self.columns - 1
        return min(first + min(index, self.counts[group] - 1), self.rows - 1)
