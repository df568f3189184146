"""The grid's layout as a designer sees it (issue 11): full-width group headers that fold,
lines that fill the width, thumbnail size, sharp thumbnails on 2x screens, placeholders in the
image's shape, and new results that leave a scrolled grid where it was."""

from __future__ import annotations

import random
from datetime import UTC, datetime, timedelta
from io import BytesIO

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QColor, QImage

from desktop.api import HistoryItem, ImageData
from desktop.services.disk_cache import DiskCache
from desktop.ui.common.thumbnail_loader import ThumbnailLoader
from desktop.ui.history.grid_layout import CELL_PADDING, MARGIN, GridLayout
from desktop.ui.history.history_groups import Grouping
from desktop.ui.history.model import HistoryModel
from desktop.ui.history.proxy import HistoryProxyModel
from desktop.ui.history.thumbnail_requests import connect_thumbnails
from desktop.ui.history.toolbar import HistoryToolbar
from desktop.ui.history.view import HistoryView
from tests.ui.history.test_loader import collect, run_until

NOW = datetime(2025, 3, 14, 12, 0, tzinfo=UTC)


def make_items(count: int, ratios=((1024, 1024),), per_day: int = 5) -> list[HistoryItem]:
    return [
        HistoryItem(
            image_id=f"img-{n}",
            image_url=f"/v/img-{n}",
            prompt=f"prompt {n}",
            width=ratios[n % len(ratios)][0],
            height=ratios[n % len(ratios)][1],
            created_at=NOW - timedelta(days=n // per_day, minutes=n % per_day),
        )
        for n in range(count)
    ]


@pytest.fixture
def grid(qtbot):
    model = HistoryModel(thumb_size=96)
    proxy = HistoryProxyModel(today=lambda: NOW.date())
    proxy.setSourceModel(model)
    view = HistoryView(thumb_size=96)
    view.setModel(proxy)
    view.resize(760, 520)
    qtbot.addWidget(view)
    view.show()
    qtbot.waitExposed(view)
    return model, proxy, view


def _solid(color: QColor, width: int, height: int) -> QImage:
    image = QImage(width, height, QImage.Format.Format_RGB32)
    image.fill(color)
    return image


# --- 11.5: group headers ------------------------------------------------------------------------


def test_group_headers_span_the_width_and_their_images_start_below(grid):
    model, proxy, view = grid
    model.set_items(make_items(12, per_day=5))  # 5 today, 5 yesterday, 2 the day before
    proxy.set_grouping(Grouping.DAY)
    header_rows = proxy.header_rows()
    assert len(header_rows) == 3
    width = view.viewport().width()
    for row in header_rows:
        rect = view.visualRect(proxy.index(row, 0))
        assert rect.width() >= width - 2 * MARGIN - view.columns() * 8, "header is not a line"
        below = view.visualRect(proxy.index(row + 1, 0))
        assert below.top() >= rect.bottom(), "the group's first image shares the header's line"
        assert below.left() == view.visualRect(proxy.index(header_rows[0] + 1, 0)).left()
    # the header says how many images its group has, painted across the line
    assert proxy.header_at(header_rows[1]).count == 5
    assert (
        view.indexAt(QPoint(width - 20, view.visualRect(proxy.index(0, 0)).center().y())).row() == 0
    )


def test_clicking_a_header_folds_and_unfolds_its_group(grid, qtbot):
    model, proxy, view = grid
    model.set_items(make_items(12, per_day=5))
    proxy.set_grouping(Grouping.DAY)
    yesterday = proxy.header_rows()[1]
    where = view.visualRect(proxy.index(yesterday, 0)).center()
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=where)
    assert len(proxy.visible_items()) == 7
    assert proxy.image_count() == 12  # folded images are hidden, not filtered out
    toolbar = HistoryToolbar(proxy)
    qtbot.addWidget(toolbar)
    assert toolbar.count_label.text() == "12 images"  # not "7 of 12", which reads as a filter
    assert proxy.row_of("img-5") == -1  # yesterday's images are folded away
    header = proxy.header_at(proxy.header_rows()[1])
    assert header.collapsed and header.count == 5  # the count still shows while folded
    assert view.visualRect(proxy.index(proxy.header_rows()[1], 0)).center() == where
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=where)
    assert len(proxy.visible_items()) == 12 and proxy.row_of("img-5") >= 0
    assert not view.selectionModel().hasSelection(), "a header is not an image to select"


# --- 11.8: width, size, shape --------------------------------------------------------------------


def test_tiles_fill_the_width_instead_of_leaving_a_gap(grid, qtbot):
    model, _proxy, view = grid
    model.set_items(make_items(40))
    chrome = view.width() - view.viewport().width()
    for viewport_width in (5 * 112 + 100, 4 * 112 + 90, 7 * 112 + 60):
        view.resize(viewport_width + chrome, 520)
        qtbot.waitUntil(lambda w=viewport_width: view.viewport().width() == w, timeout=2000)
        columns = view.columns()
        last = view.visualRect(view.model().index(columns - 1, 0))
        first = view.visualRect(view.model().index(0, 0))
        right_gap = viewport_width - last.right() - 1
        assert right_gap <= MARGIN + columns * 8, f"{right_gap} px left empty at {viewport_width}"
        assert abs(first.left() - right_gap) <= 1, "the lines are not centred"


def test_ctrl_plus_and_minus_and_the_slider_change_the_tile_size(grid, qtbot):
    from desktop.ui.history.tile_size_slider import TileSizeSlider

    model, _proxy, view = grid
    model.set_items(make_items(40))
    slider = TileSizeSlider(view)
    qtbot.addWidget(slider)
    view.setFocus()
    columns, cell = view.columns(), view.grid_layout().cell_w
    qtbot.keyClick(view, Qt.Key.Key_Plus, Qt.KeyboardModifier.ControlModifier)
    assert view.grid_layout().cell_w > cell and view.columns() < columns
    assert slider.slider.value() == view.tile_size() > 96
    qtbot.keyClick(view, Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
    assert view.tile_size() == 96
    slider.slider.setValue(256)
    assert view.tile_size() == 256 and view.grid_layout().cell_w >= 256 + CELL_PADDING


def test_cells_take_the_shape_of_a_history_of_wide_or_tall_images(grid):
    model, _proxy, view = grid
    model.set_items(make_items(20, ratios=((1024, 576),)))
    layout = view.grid_layout()
    assert layout.cell_h < 0.7 * layout.cell_w, "16:9 images sit in square cells"
    model.set_items(make_items(20, ratios=((576, 1024),)))
    layout = view.grid_layout()
    assert layout.cell_h > 1.5 * layout.cell_w, "9:16 images sit in square cells"
    model.set_items(make_items(20, ratios=((1024, 576), (576, 1024))))
    layout = view.grid_layout()
    assert layout.cell_h == layout.cell_w  # half and half: both fill the same long edge
    mostly_wide = ((1200, 800),) * 4 + ((800, 1200),)
    model.set_items(make_items(20, ratios=mostly_wide))
    layout = view.grid_layout()
    assert layout.cell_h < 0.75 * layout.cell_w  # a few portraits don't make all cells square


def test_placeholders_have_the_images_shape_while_loading(grid):
    model, _proxy, view = grid
    model.set_items(make_items(4, ratios=((1024, 576), (576, 1024))))  # square cells
    view.viewport().repaint()
    shot = view.viewport().grab().toImage()
    background = shot.pixelColor(2, shot.height() - 2).rgb()
    wide = view.visualRect(view.model().index(0, 0))
    tall = view.visualRect(view.model().index(1, 0))
    inset = CELL_PADDING // 2 + 4  # just inside the room a thumbnail may take
    # wide: shaded across, not at the top of the room; tall: shaded down, not at the side
    assert shot.pixelColor(wide.center()).rgb() != background
    assert shot.pixelColor(wide.center().x(), wide.top() + inset).rgb() == background
    assert shot.pixelColor(tall.center()).rgb() != background
    assert shot.pixelColor(tall.left() + inset, tall.center().y()).rgb() == background


# --- 11.8: sharp on HiDPI ------------------------------------------------------------------------


def test_thumbnails_are_made_at_tile_size_times_the_pixel_ratio(qtbot, loop, tmp_path):
    from desktop.app.background import BackgroundRunner

    buffer = BytesIO()
    from PIL import Image

    Image.new("RGB", (1024, 1024), "teal").save(buffer, "PNG")
    data = ImageData(content=buffer.getvalue(), content_type="image/png")
    runner = BackgroundRunner(max_workers=2)
    loader = ThumbnailLoader(
        runner,
        lambda _item: data,
        DiskCache(tmp_path / "t", 10_000_000),
        DiskCache(tmp_path / "o", 10_000_000),
        lambda: "ws",
    )
    model = HistoryModel()
    view = HistoryView()
    view.devicePixelRatioF = lambda: 2.0  # a Retina / 200 % screen
    view.setModel(model)
    view.resize(700, 500)
    qtbot.addWidget(view)
    view.show()
    connect_thumbnails(model, view, loader)
    ready, _ = collect(loader)
    model.set_items(make_items(3))
    run_until(loop, lambda: "img-0" in ready)
    room = view.grid_layout().cell_w - CELL_PADDING
    assert ready["img-0"].width() == 2 * room, "thumbnail not made at tile size x 2"
    pixmap = model.thumbnail("img-0")
    assert pixmap.devicePixelRatio() == 2.0
    assert round(pixmap.width() / pixmap.devicePixelRatio()) == room  # drawn 1:1 on the screen
    view.thumbnailsWanted.disconnect()  # no later request into the closed loop
    loader.shutdown()
    runner.shutdown()


# --- 11.8: new results while scrolled away --------------------------------------------------


def test_new_images_keep_a_scrolled_grid_in_place_and_offer_a_way_up(grid, qtbot):
    model, _proxy, view = grid
    model.set_items(make_items(300))
    bar = view.verticalScrollBar()
    bar.setValue(bar.maximum() // 2 + 37)
    first, _last = view.visible_rows()
    anchor = view.model().index(first + view.columns(), 0)  # the first image of a full line
    anchor_id, anchor_top = anchor.data(Qt.ItemDataRole.UserRole), view.visualRect(anchor).top()
    assert not view.new_images_button.isVisible()
    fresh = make_items(4)
    for n, item in enumerate(fresh):
        fresh[n] = HistoryItem(**{**item.__dict__, "image_id": f"new-{n}"})
    model.prepend(fresh)
    moved = view.visualRect(view.model().index(model.row_of(anchor_id), 0))
    assert moved.top() == anchor_top, "the view jumped: the images in sight moved away"
    assert view.new_images_button.isVisible()
    qtbot.mouseClick(view.new_images_button, Qt.MouseButton.LeftButton)
    assert bar.value() == 0 and not view.new_images_button.isVisible()
    assert view.indexAt(QPoint(20, 20)).data(Qt.ItemDataRole.UserRole) == "new-0"


def test_new_images_at_the_top_show_without_the_pill(grid):
    model, _proxy, view = grid
    model.set_items(make_items(30))
    model.prepend([HistoryItem(image_id="new", image_url="/v/new", prompt="new")])
    assert view.verticalScrollBar().value() == 0
    assert not view.new_images_button.isVisible()


# --- the layout's arithmetic ---------------------------------------------------------------------


def test_layout_lookups_agree_with_places():
    rng = random.Random(7)
    for _ in range(30):
        rows, headers = rng.randint(0, 400), []
        row = 0
        if rng.random() < 0.6:
            while row < rows:
                headers.append(row)
                row += 1 + rng.randint(0, 25)
        layout = GridLayout.build(headers, rows, rng.randint(100, 1900), rng.randint(96, 300), 40)
        for r in range(rows):
            x, y, w, h = layout.rect(r)
            assert layout.row_at(x + w // 2, y + h // 2) == r
            assert layout.is_header(r) == (r in headers)
        if rows:
            top = rng.randint(0, layout.height)
            first, last = layout.rows_between(top, top + 300)
            meeting = [
                r
                for r in range(rows)
                if layout.rect(r)[1] < top + 300 and layout.rect(r)[1] + layout.rect(r)[3] > top
            ]
            if meeting:
                assert first <= meeting[0] and last >= meeting[-1]


# --- 11.6: messages ------------------------------------------------------------------------------


def test_a_message_does_not_move_the_grid(signed_in):
    from PySide6.QtWidgets import QApplication

    from tests.ui.app_harness import wait_until

    loop, components = signed_in
    window = components.window
    view = window.history_view
    window.resize(1280, 800)
    QApplication.processEvents()
    place, size = view.viewport().mapTo(window, QPoint(0, 0)), view.viewport().size()
    probe = view.visualRect(view.model().index(0, 0)).center()
    under = view.indexAt(probe).row()
    window.messages.show_error("Can't reach neuroflash.", lambda: None)
    wait_until(loop, lambda: window.messages.isVisible())
    QApplication.sendPostedEvents()
    QApplication.processEvents()
    assert view.viewport().mapTo(window, QPoint(0, 0)) == place, "the grid moved"
    assert view.viewport().size() == size
    assert view.indexAt(probe).row() == under  # a click lands on the same image
    bar = window.messages.geometry().translated(
        window.messages.parentWidget().mapTo(window, QPoint(0, 0))
    )
    grid = view.geometry().translated(view.parentWidget().mapTo(window, QPoint(0, 0)))
    assert grid.contains(bar), "the message is not shown over the grid"
    assert window.messages.retry_button.isVisible()
    window.messages.dismiss()
    QApplication.processEvents()
    assert view.viewport().mapTo(window, QPoint(0, 0)) == place


def test_arrow_keys_walk_images_across_group_headers(grid, qtbot):
    model, proxy, view = grid
    model.set_items(make_items(12, per_day=5))
    proxy.set_grouping(Grouping.DAY)
    view.setFocus()
    view.focus_newest()
    assert view.selected_items()[0].image_id == "img-0"
    columns = view.columns()
    assert columns >= 5  # today's five images share one line
    qtbot.keyClick(view, Qt.Key.Key_Down)  # over yesterday's header to its first line
    assert view.selected_items()[0].image_id == "img-5"
    qtbot.keyClick(view, Qt.Key.Key_Left)  # back past the header to today's last image
    assert view.selected_items()[0].image_id == "img-4"
    qtbot.keyClick(view, Qt.Key.Key_End)
    assert view.selected_items()[0].image_id == "img-11"
    qtbot.keyClick(view, Qt.Key.Key_Up)  # same column, the line above the header
    assert view.selected_items()[0].image_id == "img-6"
    qtbot.keyClick(view, Qt.Key.Key_Up)
    assert view.selected_items()[0].image_id == "img-1"


def test_double_click_on_a_header_opens_nothing(grid, qtbot):
    model, proxy, view = grid
    model.set_items(make_items(12, per_day=5))
    proxy.set_grouping(Grouping.DAY)
    opened = []
    view.previewRequested.connect(opened.append)
    view.select_image("img-0")
    where = view.visualRect(proxy.index(proxy.header_rows()[1], 0)).center()
    qtbot.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, pos=where)
    assert opened == []


def test_memory_for_thumbnails_stays_bounded_when_they_are_large(qapp):
    """At 2x and large tiles each pixmap is many times a 192 px one: the model keeps fewer."""
    from desktop.ui.history.model import MAX_PIXMAP_BYTES

    model = HistoryModel()
    model.set_items(make_items(150))
    for n in range(150):
        model.set_thumbnail(f"img-{n}", _solid(QColor("teal"), 600, 600))
    assert model.pixmap_count() * 600 * 600 * 4 <= MAX_PIXMAP_BYTES
    assert model.has_thumbnail("img-149")  # the newest stay


def test_screen_readers_see_the_images_and_headers_as_a_list(grid):
    from PySide6.QtGui import QAccessible

    model, proxy, view = grid
    model.set_items(make_items(7, per_day=5))
    proxy.set_grouping(Grouping.DAY)
    grid_interface = QAccessible.queryAccessibleInterface(view)
    assert grid_interface.role() == QAccessible.Role.List
    assert grid_interface.childCount() == proxy.rowCount()
    names = [grid_interface.child(n).text(QAccessible.Text.Name) for n in range(3)]
    assert names[0] == "Today" and names[1:] == ["prompt 0", "prompt 1"]
    place = grid_interface.child(1).rect()
    cell = view.visualRect(proxy.index(1, 0))
    assert place.topLeft() == view.viewport().mapToGlobal(cell.topLeft())


def test_generating_while_scrolled_away_keeps_the_view_and_the_selection(signed_in):
    from tests.ui.app_harness import wait_until

    loop, components = signed_in
    window = components.window
    view, panel = window.history_view, window.generate_panel
    window.resize(1280, 800)
    view.set_tile_size(480)  # a few images are more than a screen
    bar = view.verticalScrollBar()
    wait_until(loop, lambda: bar.maximum() > 0)
    bar.setValue(bar.maximum())
    view.select_image(window.history_model.item(window.history_model.rowCount() - 1).image_id)
    chosen = [item.image_id for item in view.selected_items()]
    bottom = view.indexAt(view.viewport().rect().center()).data(Qt.ItemDataRole.UserRole)
    rows = window.history_model.rowCount()
    wait_until(loop, lambda: panel.model_combo.count() == 3)
    panel.prompt_edit.setPlainText("A paper boat on a neon river")
    panel.generate_button.click()
    wait_until(loop, lambda: window.history_model.rowCount() > rows)
    assert [item.image_id for item in view.selected_items()] == chosen, "selection replaced"
    row = view.model().row_of(bottom)
    assert view.viewport().rect().intersects(view.visualRect(view.model().index(row, 0)))
    assert view.new_images_button.isVisible()
    view.new_images_button.click()
    assert bar.value() == 0


def test_the_chosen_thumbnail_size_is_remembered(grid, qtbot, tmp_path):
    from desktop.services.settings import AppSettings
    from desktop.ui.history.tile_size_slider import remember_tile_size

    _model, _proxy, view = grid
    settings = AppSettings(tmp_path / "settings.ini")
    remember_tile_size(view, settings)
    view.set_tile_size(288)
    qtbot.waitUntil(lambda: settings.value("grid/tile_size") is not None, timeout=3000)
    settings.sync()
    again = HistoryView()
    qtbot.addWidget(again)
    remember_tile_size(again, AppSettings(tmp_path / "settings.ini"))
    assert again.tile_size() == 288
