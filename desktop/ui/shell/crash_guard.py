"""No silent death: an exception that escapes a slot (PySide6 hands those to sys.excepthook)
or a coroutine (the qasync loop's exception handler) is logged with secrets masked, written
to a crash report, and shown as a non-modal message; the app keeps running.

Python's default hook would print to a console a designer never sees, and a failed
coroutine would just stop: buttons that do nothing. The next start offers the reports of
earlier runs (``offer_previous_reports``).
"""

from __future__ import annotations

import asyncio
import logging
import sys
import threading
from collections.abc import Callable
from pathlib import Path
from types import TracebackType
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Signal, Slot

from desktop import __version__
from desktop.services.crash_reports import CrashReports, format_report

log = logging.getLogger(__name__)


class CrashGuard(QObject):
    """Installs the hooks; ``problem(text, report path or "")`` reaches the GUI thread."""

    problem = Signal(str, str)

    def __init__(self, reports: CrashReports, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.reports = reports
        self._previous_hook: Callable[..., Any] | None = None
        self._previous_thread_hook: Callable[..., Any] | None = None
        self._handling = threading.local()

    def install(self) -> None:
        self._previous_hook = sys.excepthook
        self._previous_thread_hook = threading.excepthook
        sys.excepthook = self._excepthook
        threading.excepthook = self._thread_excepthook

    def watch_loop(self, loop: asyncio.AbstractEventLoop) -> None:
        loop.set_exception_handler(self._loop_handler)

    def uninstall(self) -> None:
        if self._previous_hook is not None and sys.excepthook == self._excepthook:
            sys.excepthook = self._previous_hook
        if (
            self._previous_thread_hook is not None
            and threading.excepthook == self._thread_excepthook
        ):
            threading.excepthook = self._previous_thread_hook

    # -- hooks ----------------------------------------------------------------------------
    def _excepthook(
        self, exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None
    ) -> None:
        if issubclass(exc_type, KeyboardInterrupt) and self._previous_hook is not None:
            self._previous_hook(exc_type, exc, tb)
            return
        self.handle(exc_type, exc, tb, "a slot or callback")

    def _thread_excepthook(self, args: threading.ExceptHookArgs) -> None:
        if args.exc_value is None:
            return
        name = args.thread.name if args.thread is not None else "?"
        self.handle(args.exc_type, args.exc_value, args.exc_traceback, f"thread {name}")

    def _loop_handler(self, loop: asyncio.AbstractEventLoop, context: dict[str, Any]) -> None:
        exc = context.get("exception")
        if not isinstance(exc, BaseException) or isinstance(exc, asyncio.CancelledError):
            log.warning("asyncio: %s", context.get("message", "unknown problem"))
            return
        self.handle(
            type(exc), exc, exc.__traceback__, f"a coroutine ({context.get('message', '')})"
        )

    def handle(
        self,
        exc_type: type[BaseException],
        exc: BaseException,
        tb: TracebackType | None,
        where: str,
    ) -> None:
        """Log (masked), write a report, and ask the GUI to say so. Never raises."""
        if getattr(self._handling, "active", False):  # a failure while handling one
            return
        self._handling.active = True
        try:
            log.error("Unhandled exception in %s", where, exc_info=(exc_type, exc, tb))
            report = self.reports.write(format_report(exc_type, exc, tb, where, __version__))
            self.problem.emit(where, str(report or ""))
        except Exception:  # the guard itself must never be what kills the app
            pass
        finally:
            self._handling.active = False


def start_crash_guard(folder: Path) -> CrashGuard:
    """The guard with its hooks installed and hard crashes recorded into ``folder``."""
    guard = CrashGuard(CrashReports(folder))
    guard.install()
    guard.reports.watch_fatal()
    return guard


def attach_to_app(
    guard: CrashGuard, redact: Callable[[str], str], show_error: Callable[..., None]
) -> None:
    """Once logging and the window exist: mask reports like the log, show problems in the
    message bar, and offer what an earlier run left behind."""
    guard.reports.redact = redact
    connect_message_bar(guard, show_error)
    offer_previous_reports(guard.reports, show_error)


def connect_message_bar(guard: CrashGuard, show_error: Callable[..., None]) -> None:
    """Show each problem as a non-modal error with "Open report" when one was written."""
    receiver = _ProblemReceiver(guard, show_error)
    guard.problem.connect(receiver.show)


class _ProblemReceiver(QObject):
    def __init__(self, guard: CrashGuard, show_error: Callable[..., None]) -> None:
        super().__init__(guard)  # lives as long as the guard, in the GUI thread
        self._show_error = show_error

    @Slot(str, str)
    def show(self, _where: str, report: str) -> None:
        text = QCoreApplication.translate(
            "CrashGuard",
            "Something went wrong inside the app. It keeps running, but your last step may not "
            "have finished.",
        )
        if report:
            self._show_error(
                text,
                lambda: open_file(Path(report)),
                QCoreApplication.translate("CrashGuard", "Open report"),
            )
        else:
            self._show_error(text)


def offer_previous_reports(reports: CrashReports, show_error: Callable[..., None]) -> bool:
    """At start: offer the newest report of an earlier run that went wrong; True if any."""
    taken = reports.take_unoffered()
    if not taken:
        return False
    text = QCoreApplication.translate(
        "CrashGuard",
        "The app ran into a problem last time; a report for support was saved (without "
        "passwords or tokens).",
    )
    newest = taken[0]
    show_error(
        text, lambda: open_file(newest), QCoreApplication.translate("CrashGuard", "Open report")
    )
    return True


def open_file(path: Path) -> None:
    from PySide6.QtCore import QUrl
    from PySide6.QtGui import QDesktopServices

    QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))
