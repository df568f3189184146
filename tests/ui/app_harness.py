"""Drive the real app (components, window, qasync loop) against the built-in server."""

from __future__ import annotations

import argparse
import asyncio
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import PySide6  # noqa: F401  (the Qt binding first, then qasync)
import qasync
from PySide6.QtCore import QCoreApplication, QEvent, QEventLoop
from PySide6.QtWidgets import QApplication

from desktop.ui.shell.app import Components


def wait_until(
    loop: asyncio.AbstractEventLoop, predicate: Callable[[], object], timeout: float = 15
) -> None:
    """Let the app run until ``predicate`` holds; fail with a clear message if it never does."""

    async def poll() -> None:
        deadline = time.monotonic() + timeout
        while not predicate():
            if time.monotonic() > deadline:
                raise AssertionError(f"timed out after {timeout} s waiting for {predicate}")
            await asyncio.sleep(0.02)

    loop.run_until_complete(poll())


class HarnessLoop(qasync.QEventLoop):
    """qasync's ``run_until_complete`` runs Qt's events once more after its loop has stopped,
    with no asyncio loop marked running: a task step that lands in that pass fails in
    ``get_running_loop()`` (a sign-in that failed "unexpectedly" in about one run in ten of
    the two-launch tests, since saved history and sign-in start together). The app runs
    ``run_forever`` once and never has that pass; the tests run the loop in many short
    stretches, so theirs runs with the loop marked running."""

    def run_until_complete(self, future: Any) -> Any:
        task = asyncio.ensure_future(future, loop=self)
        task.add_done_callback(self._stop_when_done)
        try:
            self.run_forever()
        finally:
            task.remove_done_callback(self._stop_when_done)
        asyncio.events._set_running_loop(self)
        try:
            dispatcher = QCoreApplication.eventDispatcher()
            if dispatcher is not None:
                dispatcher.processEvents(QEventLoop.ProcessEventsFlag.AllEvents)
        finally:
            asyncio.events._set_running_loop(None)
        if not task.done():
            raise RuntimeError("Event loop stopped before Future completed.")
        return task.result()

    def _stop_when_done(self, _task: object) -> None:
        self.stop()


def make_loop(app: QApplication) -> qasync.QEventLoop:
    loop = HarnessLoop(app)
    asyncio.set_event_loop(loop)
    return loop


def make_components(
    api_url: str, token_url: str, profile: Path, language: str = "en"
) -> Components:
    """The app's components; English unless a test asks otherwise, whatever the machine's
    language (tests read the English texts)."""
    args = argparse.Namespace(
        demo=False, api_url=api_url, token_url=token_url, profile=str(profile), language=language
    )
    return Components(args)


def close_components(components: Components, loop: qasync.QEventLoop) -> None:
    """Close like a quit does, then destroy the window while the loop still runs, so no
    timer of it fires into a closed loop."""
    components.window.close()
    components.close()
    components.logging.close()
    components.window.deleteLater()
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    loop.run_until_complete(asyncio.sleep(0.05))
