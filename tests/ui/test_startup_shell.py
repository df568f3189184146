"""Start-up as a designer sees it: the window frame appears at its saved size with the outline
of the layout, then the panels are built into that same window and sign-in fills them."""

from __future__ import annotations

import argparse
import subprocess
import sys

from PySide6.QtCore import QSize

from desktop.emulator import DEMO_CLIENT_ID, DEMO_CLIENT_SECRET
from desktop.ui.shell.app import Basics, Components, paint_now
from desktop.ui.shell.main_window import MainWindow
from desktop.ui.shell.window_skeleton import LayoutSkeleton
from tests.ui.app_harness import close_components, make_loop, wait_until


def _args(emulator, profile) -> argparse.Namespace:
    return argparse.Namespace(
        demo=False,
        api_url=emulator.api_url,
        token_url=emulator.token_url,
        profile=str(profile),
        language="en",
    )


def test_frame_paints_first_then_the_panels_fill_the_same_window(
    qapp, emulator, tmp_path, monkeypatch
):
    monkeypatch.setenv("NEUROFLASH_CLIENT_ID", DEMO_CLIENT_ID)
    monkeypatch.setenv("NEUROFLASH_CLIENT_SECRET", DEMO_CLIENT_SECRET)
    args = _args(emulator, tmp_path / "profile")
    basics = Basics.load(args)
    earlier = MainWindow.shell(basics.settings)  # a previous session left the window smaller
    earlier.resize(1100, 700)
    basics.settings.window_geometry = bytes(earlier.saveGeometry().data())
    earlier.deleteLater()

    window = MainWindow.shell(basics.settings)
    window.show()
    paint_now(window)
    framed = window.size()
    assert framed.height() == 700 and framed != QSize(1280, 800)  # the saved size, not the default
    assert isinstance(window.centralWidget(), LayoutSkeleton)
    assert not hasattr(window, "history_view")  # nothing of the panels exists yet
    shot = window.centralWidget().grab().toImage()
    sampled = {
        shot.pixelColor(x, y).rgb()
        for x in range(0, shot.width(), 7)
        for y in range(0, shot.height(), 7)
    }
    assert len(sampled) > 2  # the outline of the layout, not an empty window

    loop = make_loop(qapp)
    components = Components(args, basics, window)
    try:
        assert components.window is window
        assert window.centralWidget() is window.splitter
        assert window.size() == framed  # no jump when the panels come in
        components.session.spawn(components.flow.start(demo=False))
        wait_until(loop, lambda: window.history_model.rowCount() > 0)
    finally:
        close_components(components, loop)
        loop.close()


def test_app_imports_neither_asyncio_nor_the_api_before_its_first_paint(tmp_path):
    """What makes the frame appear at once: the first paint needs Qt, settings and the
    language only. The loop, the API client and the panels load after it."""
    probe = (
        "import sys, argparse\n"
        "from desktop.ui.shell import app, first_paint\n"
        "def report():\n"
        "    heavy = [m for m in ('asyncio', 'qasync', 'desktop.api', 'requests',"
        " 'desktop.ui.history.view', 'desktop.ui.generate.panel') if m in sys.modules]\n"
        "    print('loaded-before-paint', heavy, flush=True)\n"
        "    import os; os._exit(0)\n"
        "first_paint.report_and_exit = report\n"
        f"app.run_app(argparse.Namespace(demo=True, profile={str(tmp_path)!r}, language='en',"
        " api_url=None, token_url=None))\n"
    )
    env = {
        "QT_QPA_PLATFORM": "offscreen",
        "NEUROFLASH_BENCHMARK_FIRST_PAINT": "1",
        "PATH": "/usr/bin:/bin",
    }
    out = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, timeout=60, env=env
    )
    assert "loaded-before-paint []" in out.stdout, out.stdout + out.stderr[-2000:]


def test_skeleton_blocks_have_rounded_corners_and_solid_middles(qapp):
    """The skeleton stamps its blocks from a small image (see window_skeleton): they must
    still look like the layout's rounded panels, not squares or blurs."""
    from PySide6.QtGui import QColor, QImage, QPainter

    from desktop.ui.shell.window_skeleton import draw_block, rounded_stamp

    canvas = QImage(60, 40, QImage.Format.Format_RGB32)
    canvas.fill(QColor("white"))
    painter = QPainter(canvas)
    draw_block(painter, rounded_stamp(QColor(0, 0, 255), 8), 5, 5, 50, 30)
    painter.end()
    blue, white = QColor(0, 0, 255).rgb(), QColor("white").rgb()
    assert canvas.pixelColor(30, 20).rgb() == blue  # the middle
    assert canvas.pixelColor(30, 5).rgb() == blue and canvas.pixelColor(5, 20).rgb() == blue
    for corner in ((5, 5), (54, 5), (5, 34), (54, 34)):
        assert canvas.pixelColor(*corner).rgb() == white  # rounded away
    assert canvas.pixelColor(4, 20).rgb() == white and canvas.pixelColor(55, 20).rgb() == white
