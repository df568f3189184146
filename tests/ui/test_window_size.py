"""Issue 11 item 7: the window works at its minimum size and at 900x600 (English and German):
two columns of tiles, every panel at least at its own minimum, the prompt panel scrolls."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QRect
from PySide6.QtWidgets import QWidget

from tests.ui.app_harness import wait_until
from tests.ui.conftest import settle


def _global_rect(widget: QWidget) -> QRect:
    return QRect(widget.mapToGlobal(widget.rect().topLeft()), widget.size())


def test_minimum_size_fits_900x600_and_a_2x_scaled_full_hd_screen(window_in):
    _loop, window = window_in
    minimum = window.minimumSize()
    assert minimum.width() <= 900 and minimum.height() <= 600
    assert minimum.width() <= 960 - 40 and minimum.height() <= 540 - 30  # 1920x1080 at 2x


@pytest.mark.parametrize("size", [(900, 600), (900, 500), (1280, 800), (1920, 1080)])
def test_every_panel_fits_at_small_sizes(window_in, size):
    loop, window = window_in
    settle(loop, window, *size)
    panel = window.generate_panel
    panel.prompt_edit.setPlainText("A red fox in the snow")
    panel.generate_button.click()  # the job list appears, as after a first generation
    wait_until(loop, lambda: window.job.queue.rowCount() > 0)
    settle(loop, window, *size)
    assert window.width() == size[0] and window.height() == size[1]
    splitter = window.splitter
    for column in range(splitter.count()):
        widget = splitter.widget(column)
        needed = max(widget.minimumSizeHint().width(), widget.minimumWidth())
        assert splitter.sizes()[column] >= needed, f"column {column} is squeezed"
    view = window.history_view
    assert view.columns() >= 2, "the grid keeps two columns of tiles"
    window_rect = _global_rect(window)
    for widget in (
        window.workspace_list,
        window.quota_panel,
        window.history_toolbar,
        view,
        panel.parentWidget().parentWidget(),  # the prompt panel's scroll area
        window.job_panel,
    ):
        assert window_rect.contains(_global_rect(widget)), f"{widget.objectName()} runs off"
    # nothing is squashed below what it needs: the panel scrolls instead
    for widget in (panel, window.history_toolbar, window.quota_panel):
        hint = widget.minimumSizeHint()
        assert widget.width() >= hint.width(), widget.objectName()
        assert widget.height() >= hint.height(), widget.objectName()
    for widget in (
        panel.prompt_edit,
        panel.num_images_spin,
        panel.model_description,
        window.history_toolbar.filter_edit,
        window.history_toolbar.group_combo,
        window.quota_panel.available_label,
    ):
        if widget.isVisible():
            hint = widget.minimumSizeHint()
            assert widget.height() >= hint.height(), widget.objectName()
            assert widget.width() >= min(hint.width(), 120), widget.objectName()
    # the scrolling panels are never cut off sideways
    for scrolled in (panel, window.quota_panel.parentWidget()):
        area = scrolled.parentWidget().parentWidget()
        assert scrolled.width() <= area.viewport().width(), scrolled.objectName()
    # the character counter sits below the prompt, not over it
    counter, prompt = panel.prompt_counter, panel.prompt_edit
    assert counter.geometry().top() >= prompt.geometry().bottom()
    # the toolbar's widgets are all inside the toolbar
    toolbar = window.history_toolbar
    for child in (toolbar.filter_edit, toolbar.group_combo, toolbar.count_label):
        assert toolbar.rect().contains(child.geometry()), child.objectName()
