"""The history model as the grid sees it: order, roles, tooltips, removals, bounded pixmaps."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage, QPixmap
from PySide6.QtTest import QAbstractItemModelTester

from desktop.api import HistoryItem
from desktop.ui.history.model import HistoryModel, ItemRole

BASE = datetime(2025, 3, 14, 9, 30, tzinfo=UTC)


def make_items(count: int, start: int = 0) -> list[HistoryItem]:
    """Newest first, like the API returns history."""
    return [
        HistoryItem(
            image_id=f"img-{n}",
            image_url=f"/api/ds-prototypes/image_generation/img-{n}/view",
            prompt=f"prompt number {n}",
            model="flux-pro",
            width=1024,
            height=576,
            content_type="image/png",
            created_at=BASE - timedelta(minutes=n),
        )
        for n in range(start, start + count)
    ]


def ids(model: HistoryModel) -> list[str]:
    return [model.index(r, 0).data(Qt.ItemDataRole.UserRole) for r in range(model.rowCount())]


def thumb(color: str = "red") -> QImage:
    image = QImage(16, 9, QImage.Format.Format_RGB32)
    image.fill(QColor(color))
    return image


@pytest.fixture
def model(qapp):
    m = HistoryModel(thumb_size=64)
    QAbstractItemModelTester(m, QAbstractItemModelTester.FailureReportingMode.Fatal)
    return m


def test_roles_expose_id_item_tooltip_and_short_text(model):
    item = HistoryItem(
        image_id="abc",
        image_url="/v/abc",
        prompt="<b>neon</b> city " + "x" * 500,
        model="flux-pro",
        width=1024,
        height=576,
        created_at=BASE,
    )
    model.set_items([item])
    index = model.index(0, 0)
    assert index.data(Qt.ItemDataRole.UserRole) == "abc"
    assert index.data(ItemRole) is item
    tip = index.data(Qt.ItemDataRole.ToolTipRole)
    assert "&lt;b&gt;neon&lt;/b&gt;" in tip and "<b>neon" not in tip  # user text is escaped
    assert "x" * 400 not in tip and "…" in tip  # elided
    assert "flux-pro" in tip and "1024 × 576" in tip and "2025" in tip
    short = index.data(Qt.ItemDataRole.DisplayRole)
    assert short.startswith("<b>neon</b> city") and len(short) <= 60
    assert index.data(Qt.ItemDataRole.AccessibleTextRole) == short
    assert isinstance(index.data(Qt.ItemDataRole.DecorationRole), QPixmap)  # placeholder


def test_prepend_puts_new_images_first(model):
    model.set_items(make_items(3, start=10))
    model.prepend(make_items(2, start=0))
    assert ids(model) == ["img-0", "img-1", "img-10", "img-11", "img-12"]
    assert model.row_of("img-10") == 2
    assert model.row_of("missing") == -1


def test_remove_ids_removes_exactly_those(model, qtbot):
    model.set_items(make_items(10))
    removed: list[tuple[int, int]] = []
    model.rowsRemoved.connect(lambda _p, first, last: removed.append((first, last)))
    model.remove_ids(["img-1", "img-2", "img-3", "img-7", "nope"])
    assert ids(model) == [f"img-{n}" for n in (0, 4, 5, 6, 8, 9)]
    assert removed == [(7, 7), (1, 3)]  # one signal per contiguous run, bottom up
    assert model.row_of("img-8") == 4


def test_thumbnail_updates_only_its_row(model, qtbot):
    model.set_items(make_items(5))
    placeholder = model.index(2, 0).data(Qt.ItemDataRole.DecorationRole)
    with qtbot.waitSignal(model.dataChanged) as blocker:
        model.set_thumbnail("img-2", thumb())
    first, last = blocker.args[0], blocker.args[1]
    assert first.row() == last.row() == 2
    pixmap = model.index(2, 0).data(Qt.ItemDataRole.DecorationRole)
    assert pixmap.size().width() == 16 and pixmap.cacheKey() != placeholder.cacheKey()
    model.set_thumbnail_failed("img-3")
    failed = model.index(3, 0).data(Qt.ItemDataRole.DecorationRole)
    assert failed.cacheKey() != placeholder.cacheKey()
    assert [i.image_id for i in model.missing_thumbnails(0, 4)] == ["img-0", "img-1", "img-4"]


def test_pixmaps_stay_bounded_with_ten_thousand_items(qapp):
    model = HistoryModel(thumb_size=16, max_pixmaps=800)
    model.set_items(make_items(10_000))
    image = thumb()
    for n in range(10_000):
        model.set_thumbnail(f"img-{n}", image)
    assert model.pixmap_count() == 800
    assert model.has_thumbnail("img-9999") and not model.has_thumbnail("img-0")
    # An evicted thumbnail is wanted again when its rows come back into view.
    assert [i.image_id for i in model.missing_thumbnails(0, 2)] == ["img-0", "img-1", "img-2"]


def test_recently_shown_thumbnails_survive_eviction(qapp):
    model = HistoryModel(thumb_size=16, max_pixmaps=3)
    model.set_items(make_items(5))
    for n in range(3):
        model.set_thumbnail(f"img-{n}", thumb())
    model.index(0, 0).data(Qt.ItemDataRole.DecorationRole)  # painted → most recently used
    model.set_thumbnail("img-3", thumb())
    assert model.has_thumbnail("img-0") and not model.has_thumbnail("img-1")


def test_set_items_keeps_thumbnails_of_images_still_present(model):
    model.set_items(make_items(3))
    model.set_thumbnail("img-1", thumb())
    model.set_items(make_items(2, start=1))
    assert model.has_thumbnail("img-1")
    model.set_items([])
    assert model.pixmap_count() == 0 and model.rowCount() == 0
