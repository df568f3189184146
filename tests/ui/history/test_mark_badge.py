"""The favourite star and the rating on a grid tile stay legible over any image: a dark
pill with light glyphs, sitting on the image itself (not in the tile's margin above a wide
image). Checked on the grid as painted, over light, dark and bright images."""

from __future__ import annotations

from collections import Counter
from datetime import UTC, datetime

import pytest
from PySide6.QtCore import QRect
from PySide6.QtGui import QColor, QImage

from desktop.api import HistoryItem
from desktop.ui.history.model import HistoryModel
from desktop.ui.history.view import HistoryView

COLOURS = {"light": (235, 235, 235), "dark": (15, 15, 15), "bright": (255, 204, 51)}
SIZES = {"light": (1024, 512), "dark": (1024, 1024), "bright": (512, 1024)}  # wide, square, tall


def _luminance(rgb: tuple[int, int, int]) -> float:
    def channel(c: int) -> float:
        c = c / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (channel(c) for c in rgb)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def _contrast(a: tuple[int, int, int], b: tuple[int, int, int]) -> float:
    high, low = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def _rgb(image: QImage, x: int, y: int) -> tuple[int, int, int]:
    c = image.pixelColor(x, y)
    return c.red(), c.green(), c.blue()


def _bbox(image: QImage, area: QRect, test) -> QRect:
    xs, ys = [], []
    for y in range(area.top(), area.bottom() + 1):
        for x in range(area.left(), area.right() + 1):
            if test(_rgb(image, x, y)):
                xs.append(x)
                ys.append(y)
    if not xs:
        return QRect()
    return QRect(min(xs), min(ys), max(xs) - min(xs) + 1, max(ys) - min(ys) + 1)


def _near(rgb, colour, tolerance: int = 6) -> bool:
    return all(abs(a - b) <= tolerance for a, b in zip(rgb, colour, strict=True))


@pytest.fixture
def painted(qtbot):
    """The grid painted with three marked images (favourite, rated 3)."""
    model = HistoryModel()
    view = HistoryView()
    view.setModel(model)
    view.resize(760, 360)
    qtbot.addWidget(view)
    items = [
        HistoryItem(
            image_id=name,
            image_url=f"/v/{name}",
            prompt=name,
            width=SIZES[name][0],
            height=SIZES[name][1],
            created_at=datetime(2025, 3, 14, 12, n, tzinfo=UTC),
        )
        for n, name in enumerate(COLOURS)
    ]
    model.set_items(items)
    for name, colour in COLOURS.items():
        w, h = SIZES[name]
        image = QImage(w // 4, h // 4, QImage.Format.Format_RGB32)
        image.fill(QColor(*colour))
        model.set_thumbnail(name, image)
    model.set_marks({name: (True, 3) for name in COLOURS})
    view.show()
    qtbot.waitExposed(view)
    shot = view.viewport().grab().toImage()
    return view, model, shot


@pytest.mark.parametrize("name", list(COLOURS))
def test_the_marks_sit_on_the_image_on_a_dark_pill_with_legible_glyphs(painted, name):
    view, model, shot = painted
    colour = COLOURS[name]
    cell = view.visualRect(model.index(list(COLOURS).index(name), 0))
    image_rect = _bbox(shot, cell, lambda rgb: _near(rgb, colour))
    assert image_rect.width() > 60 and image_rect.height() > 60, image_rect
    # the badge: what differs from the image in its top-left corner
    corner = QRect(image_rect.left(), image_rect.top(), 80, 40).intersected(image_rect)
    badge = _bbox(shot, corner, lambda rgb: not _near(rgb, colour, 20))
    assert not badge.isNull(), f"no badge on the {name} image (it is drawn beside it)"
    assert badge.width() >= 24 and badge.height() >= 12, badge
    # the backdrop (the badge's commonest colour) against its lightest glyph pixels
    pixels = Counter(
        _rgb(shot, x, y)
        for y in range(badge.top(), badge.bottom() + 1)
        for x in range(badge.left(), badge.right() + 1)
    )
    backdrop = pixels.most_common(1)[0][0]
    glyph = max(pixels, key=_luminance)
    ratio = _contrast(glyph, backdrop)
    assert ratio >= 7, f"star/rating {glyph} on {backdrop} over the {name} image: {ratio:.1f}:1"
    assert _luminance(backdrop) < 0.05, f"the backdrop {backdrop} is not dark over {name}"
