"""The right column with Details and Jobs open: the Create form stays whole (issue 11 QA: at
1280x800 it scrolled down to "Model"), Details gets room for its facts, and its buttons never
cut their (German) text."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QComboBox, QStyle, QStyleOptionComboBox, QWidget

from desktop.ui.shell.right_column import share_heights
from tests.ui.app_harness import wait_until
from tests.ui.conftest import settle


def _fully_shown(widget: QWidget) -> bool:
    """Visible and not clipped by a scroll area or the window."""
    return widget.isVisible() and widget.visibleRegion().boundingRect() == widget.rect()


def _open_details_and_jobs(loop, window, size: tuple[int, int]) -> None:
    settle(loop, window, *size)
    panel = window.generate_panel
    panel.prompt_edit.setPlainText("A red fox in the snow")
    panel.generate_button.click()
    wait_until(loop, lambda: window.job.queue.rowCount() > 0)
    item = window.history_model.item(0)
    window.history_view.select_image(item.image_id)
    window.details_panel.toggle_action.setChecked(True)
    details = window.details_panel
    wait_until(loop, lambda: details.entry is not None)
    settle(loop, window, *size)


def test_the_create_form_stays_whole_with_details_and_jobs_open(window_in):
    loop, window = window_in
    _open_details_and_jobs(loop, window, (1280, 800))
    panel = window.generate_panel
    for widget in (
        panel.prompt_edit,
        panel.model_combo,
        panel.num_images_spin,
        panel.aspect_ratio_combo,
        panel.output_format_combo,
        panel.generate_button,
    ):
        assert _fully_shown(widget), f"{widget.objectName() or type(widget).__name__} hidden"
    assert window.job_panel.isVisible() and _fully_shown(window.job_panel.list_view)
    details = window.details_panel
    assert _fully_shown(details.prompt) and _fully_shown(details.ratio), "details squeezed"


def test_details_takes_room_for_its_facts_at_900x600_with_create_in_front(window_in):
    loop, window = window_in
    settle(loop, window, 900, 600)
    item = window.history_model.item(0)
    window.history_view.select_image(item.image_id)
    window.details_panel.toggle_action.setChecked(True)
    wait_until(loop, lambda: window.details_panel.entry is not None)
    settle(loop, window, 900, 600)
    panel, details = window.generate_panel, window.details_panel
    assert _fully_shown(panel.model_combo) and _fully_shown(panel.generate_button)
    assert _fully_shown(details.prompt) and _fully_shown(details.model_value)


@pytest.mark.parametrize("size", [(900, 600), (1280, 800)])
def test_the_details_buttons_show_their_whole_text(window_in, size):
    loop, window = window_in
    _open_details_and_jobs(loop, window, size)
    details = window.details_panel
    for button in (details.use_button, details.copy_button):
        assert button.width() >= button.sizeHint().width(), f"“{button.text()}” is cut off"


def test_share_heights_puts_the_create_form_first():
    panels = [(140, 300), (170, 170)]  # Details (minimum, wanted), Jobs
    # room for the form and the minimums: the spare goes to Details first
    assert share_heights(800, 400, panels) == [400, 230, 170]
    # more room: Details gets all it wants, the rest goes back to Create
    assert share_heights(1000, 400, panels) == [530, 300, 170]
    # too short: the panels keep their minimums and Create scrolls
    assert share_heights(700, 400, panels) == [390, 140, 170]
    # far too short: Create keeps its floor, the panels share the rest
    assert share_heights(500, 400, panels) == [201, 135, 164]


def test_the_model_description_overlaps_nothing_at_900x600(window_in):
    loop, window = window_in
    settle(loop, window, 900, 600)
    panel = window.generate_panel
    description = panel.model_description
    assert description.isVisible() and description.text()
    box = description.geometry()
    for widget in (panel.model_combo, panel.num_images_spin, panel.aspect_ratio_combo):
        other = widget.geometry()
        if widget.parentWidget() is not description.parentWidget():
            other.moveTopLeft(
                widget.parentWidget().mapTo(description.parentWidget(), other.topLeft())
            )
        assert not box.intersects(other), f"the description covers {widget.objectName()}"
    assert description.height() >= description.heightForWidth(description.width())


def test_the_german_grouping_choice_fits_its_box_at_900x600(window_in):
    loop, window = window_in
    settle(loop, window, 900, 600)
    combo = window.history_toolbar.group_combo
    for index in range(combo.count()):
        text = combo.itemText(index)
        room = combo.width() - 30  # the drop-down arrow and the frame
        assert combo.fontMetrics().horizontalAdvance(text) <= room, f"“{text}” is cut off"


def test_the_chosen_ratio_shows_whole_however_narrow_the_column(window_in):
    """QA: in German at 900x600 the ratio box read "1:1 · 1024×102"; at any width the
    designer drags the right column to, a choice shows whole (the label moves above it)."""
    loop, window = window_in
    settle(loop, window, 900, 600)
    panel = window.generate_panel
    total = sum(window.splitter.sizes())
    for right in range(160, 330, 6):
        sizes = window.splitter.sizes()
        window.splitter.setSizes([sizes[0], total - sizes[0] - right, right])
        settle(loop, window, 900, 600)
        for combo in (panel.aspect_ratio_combo, panel.output_format_combo):
            room = _text_room(combo)
            for index in range(combo.count()):
                text = combo.itemText(index)
                advance = combo.fontMetrics().horizontalAdvance(text)
                assert advance <= room, f"“{text}” is cut off at a {right} px column"


def _text_room(combo: QComboBox) -> int:
    """The width the style leaves for a combo box's text (without frame and arrow)."""
    option = QStyleOptionComboBox()
    combo.initStyleOption(option)
    field = combo.style().subControlRect(
        QStyle.ComplexControl.CC_ComboBox, option, QStyle.SubControl.SC_ComboBoxEditField, combo
    )
    return field.width()


def test_the_create_form_fits_beside_the_job_list_in_the_demo_at_900x600(window_in):
    """First-hour QA: in the demo at 900x600 (the banner takes a line) the job list kept six
    lines for one job, and the form scrolled: Aspect ratio and Format were out of sight
    beside a scroll bar. The list now gives way to its newest entry, and the prompt to three
    lines, so the whole form shows without scrolling."""
    loop, window = window_in
    window.demo_banner.setVisible(True)
    settle(loop, window, 900, 600)
    panel = window.generate_panel
    panel.prompt_edit.setPlainText("A red fox in the snow")
    panel.generate_button.click()
    queue = window.job.queue
    wait_until(loop, lambda: queue.rowCount() > 0 and not queue.jobs()[0].active)
    settle(loop, window, 900, 600)
    for widget in (
        panel.prompt_edit,
        panel.model_combo,
        panel.model_description,
        panel.num_images_spin,
        panel.aspect_ratio_combo,
        panel.output_format_combo,
        panel.generate_button,
    ):
        assert _fully_shown(widget), f"{widget.objectName()} is scrolled out of sight"
    assert not window.findChild(QWidget, "generatePanelScroll").verticalScrollBar().isVisible()
    jobs = window.job_panel.list_view
    newest = jobs.visualRect(queue.index(0, 0))
    assert jobs.viewport().rect().contains(newest), "the newest job is cut off"


def test_the_chosen_grouping_reads_whole_beside_a_long_image_count(window_in):
    """First-hour QA: beside "10 Bilder" at 900x600 German "Ohne Gruppen" read "Ohne
    Grupper"; a longer count ("123 of 1,234" with a filter on) cut it further."""
    loop, window = window_in
    settle(loop, window, 900, 600)
    toolbar = window.history_toolbar
    combo = toolbar.group_combo
    for index in range(combo.count()):
        combo.setCurrentIndex(index)
        toolbar.count_label.setText("1,234 of 12,345")
        settle(loop, window, 900, 600)
        advance = combo.fontMetrics().horizontalAdvance(combo.currentText())
        assert advance <= _text_room(combo), f"“{combo.currentText()}” is cut off"
        count = toolbar.count_label  # drawn smaller to fit, never cut (FitLabel)
        assert count.width() >= count.minimumSizeHint().width()
    combo.setCurrentIndex(0)
