"""First-hour QA (s5-e): in the demo at 900x600 (the banner takes a line), opening Details
alone pushed the Create form into scrolling: Format was cut in half under Aspect ratio and
the chosen ratio lost its last digit beside the scroll bar."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication, QWidget

from desktop.ui.shell.theme import apply_theme
from tests.ui.app_harness import wait_until
from tests.ui.conftest import settle


@pytest.fixture
def themed():
    """The app's stylesheet, as the app runs (its paddings make the form taller)."""
    app = QApplication.instance()
    apply_theme(app)
    yield
    app.setStyleSheet("")


def _fully_shown(widget: QWidget) -> bool:
    return widget.isVisible() and widget.visibleRegion().boundingRect() == widget.rect()


def test_the_create_form_stays_whole_beside_details_in_the_demo_at_900x600(themed, window_in):
    loop, window = window_in
    window.demo_banner.setVisible(True)
    settle(loop, window, 900, 600)
    window.history_view.select_image(window.history_model.item(0).image_id)
    window.details_panel.toggle_action.setChecked(True)
    wait_until(loop, lambda: window.details_panel.entry is not None)
    settle(loop, window, 900, 600)
    panel = window.generate_panel
    for widget in (panel.aspect_ratio_combo, panel.output_format_combo, panel.generate_button):
        assert _fully_shown(widget), f"{widget.objectName()} is scrolled out of sight"
    assert not window.findChild(QWidget, "generatePanelScroll").verticalScrollBar().isVisible()
    prompt = window.details_panel.prompt  # its first fact, every line of it (the side scroll
    # bar may cover its right edge)
    assert prompt.visibleRegion().boundingRect().height() == prompt.height(), "prompt cut"
