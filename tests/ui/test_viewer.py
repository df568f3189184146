"""The full-size viewer: zoom (fit, 100 %, wheel), next/previous with the arrow keys, and two
images side by side for comparison, loading real originals from the built-in server."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from desktop.api import ApiSettings, Credentials, NeuroflashClient
from desktop.app.background import BackgroundRunner
from desktop.emulator import DEMO_CLIENT_ID, DEMO_CLIENT_SECRET
from desktop.services.disk_cache import DiskCache
from desktop.ui.common.thumbnail_loader import ThumbnailLoader
from desktop.ui.viewer.window import ViewerWindow
from tests.ui.app_harness import make_loop, wait_until
from tests.ui.mouse import wheel


@pytest.fixture
def setup(qapp, emulator, tmp_path):
    loop = make_loop(qapp)
    runner = BackgroundRunner()
    client = NeuroflashClient(
        Credentials(DEMO_CLIENT_ID, DEMO_CLIENT_SECRET),
        ApiSettings(base_url=emulator.api_url, token_url=emulator.token_url),
    )
    workspace = client.workspaces()[0].id
    items = client.history(workspace)
    loader = ThumbnailLoader(
        runner,
        lambda item: client.download_image(workspace, item.image_url),
        DiskCache(tmp_path / "t", 10_000_000),
        DiskCache(tmp_path / "o", 100_000_000),
        workspace,
    )
    yield loop, loader, items
    loader.shutdown()
    runner.shutdown()
    client.close()
    loop.close()


def test_zoom_fit_actual_size_and_wheel(setup, qtbot):
    loop, loader, items = setup
    window = ViewerWindow(items, 0, loader)
    qtbot.addWidget(window)
    window.show()
    viewer = window.panes[0].viewer
    wait_until(loop, viewer.has_image)
    fitted = viewer.zoom()
    assert fitted < 1.0, "a 1024 px image in a smaller window is shown whole"
    window.actual_size()
    assert viewer.zoom() == pytest.approx(1 / window.devicePixelRatioF())
    assert window.zoom_label.text() == "100%", "English writes no space before %"
    wheel(viewer, up=True)
    assert viewer.zoom() > 1 / window.devicePixelRatioF()
    window.fit()
    assert viewer.zoom() == pytest.approx(fitted)


def test_arrow_keys_move_to_the_next_and_previous_image(setup, qtbot):
    loop, loader, items = setup
    window = ViewerWindow(items, 0, loader)
    qtbot.addWidget(window)
    window.show()
    window.activateWindow()
    wait_until(loop, window.panes[0].viewer.has_image)
    QTest.keyClick(window, Qt.Key.Key_Right)
    assert window.index == 1
    assert window.panes[0].caption.text() == items[1].prompt
    QTest.keyClick(window, Qt.Key.Key_Left)
    QTest.keyClick(window, Qt.Key.Key_Left)
    assert window.index == 0, "no wrap-around past the newest image"


def test_two_images_side_by_side_zoom_together(setup, qtbot):
    loop, loader, items = setup
    window = ViewerWindow(items[:2], 0, loader, compare=True)
    qtbot.addWidget(window)
    window.show()
    first, second = (pane.viewer for pane in window.panes)
    wait_until(loop, lambda: first.has_image() and second.has_image())
    assert [p.caption.text() for p in window.panes] == [items[0].prompt, items[1].prompt]
    assert window.windowTitle().startswith("Compare: ")
    window.zoom_by(1.25)
    assert second.zoom() == pytest.approx(first.zoom())
