"""Application start-up and shutdown: Qt, the asyncio loop (qasync), the worker pool, the
window and sign-in. The window paints first; everything slow happens after.
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
import threading
from pathlib import Path
from typing import TYPE_CHECKING

os.environ.setdefault("QT_API", "pyside6")  # qasync must pick PySide6, not another Qt binding

from PySide6.QtWidgets import QApplication, QWidget

from desktop import __version__

if TYPE_CHECKING:
    from desktop.app.i18n import Translations
    from desktop.services.paths import AppPaths
    from desktop.services.settings import AppSettings
    from desktop.ui.shell.main_window import MainWindow

log = logging.getLogger(__name__)
QUIT_GRACE_S = 1.0
FIRST_PAINT_WAIT_MS = 500  # a window the system never exposes (started minimised) goes on


def create_application(argv: list[str] | None = None) -> QApplication:
    """The QApplication with names that decide where settings and caches live."""
    from desktop.app.runtime_tuning import tune_for_gui
    from desktop.ui.common.qt_compat import guard_signal_emit_refcount

    guard_signal_emit_refcount()
    tune_for_gui()
    app = QApplication.instance()
    if not isinstance(app, QApplication):  # a bare QCoreApplication cannot show windows
        app = QApplication(argv or sys.argv[:1])
    app.setApplicationName("neuroflash Desktop")
    app.setOrganizationName("neuroflash")
    app.setOrganizationDomain("neuroflash.com")
    app.setApplicationVersion(__version__)
    app.setDesktopFileName("neuroflash-desktop")
    from desktop.ui.shell.theme import apply_theme

    apply_theme(app)
    return app


def run_app(args: argparse.Namespace) -> int:
    """Run the app until the window closes; returns the exit code.

    The window frame (saved size, a skeleton of the layout) is shown and painted before the
    asyncio loop, the API client and the panels are even imported; they are built into the
    same window right after, and sign-in (and the demo server) start once they have painted.
    """
    from desktop.ui.shell import first_paint
    from desktop.ui.shell.main_window import MainWindow

    app = create_application()
    basics = Basics.load(args)
    window = MainWindow.shell(basics.settings)
    if first_paint.benchmark_requested():  # benchmarks/startup.py
        first_paint.after_first_paint(window, first_paint.report_and_exit, fallback_ms=-1)
    window.show()
    paint_now(window)
    if not window.isVisible():  # closed while it was still a frame
        return 0

    import asyncio

    import qasync

    from desktop.ui.shell.crash_guard import attach_to_app, start_crash_guard

    guard = start_crash_guard(basics.paths.log_dir / "crash-reports")  # no silent death
    loop = qasync.QEventLoop(app)
    asyncio.set_event_loop(loop)
    guard.watch_loop(loop)
    components = Components(args, basics, window)
    attach_to_app(guard, components.logging.redactor.redact, window.messages.show_error)
    # Sign-in (and the demo server's imports) once the panels themselves have painted.
    start = lambda: components.session.spawn(components.flow.start(args.demo))  # noqa: E731
    first_paint.after_first_paint(window, start)
    app.aboutToQuit.connect(components.close)
    with loop:
        loop.run_forever()
    guard.reports.close()  # a clean exit: no hard-crash report to offer next time
    return finish_process()


def paint_now(window: QWidget) -> None:
    """Run Qt's events until ``window`` has been painted once, or a moment has passed (a
    window the system never exposes, e.g. started minimised)."""
    from PySide6.QtCore import QEventLoop

    from desktop.ui.shell.first_paint import after_first_paint

    waiting = QEventLoop()
    after_first_paint(window, waiting.quit, fallback_ms=FIRST_PAINT_WAIT_MS)
    waiting.exec()


class Basics:
    """What the window frame needs before anything else exists: folders, settings and the
    language (widgets translate their texts once, when they are built). The log file is set
    up right after the first paint (logging.handlers alone costs ~15 ms of imports)."""

    def __init__(self, paths: AppPaths, settings: AppSettings, translations: Translations):
        self.paths = paths
        self.settings = settings
        self.translations = translations

    @classmethod
    def load(cls, args: argparse.Namespace) -> Basics:
        from desktop.app.i18n import Translations, resolve_language
        from desktop.services.paths import AppPaths
        from desktop.services.settings import AppSettings

        profile = Path(args.profile) if getattr(args, "profile", None) else None
        paths = AppPaths(profile)
        settings = AppSettings(profile / "settings.ini" if profile else None)
        translations = Translations(paths.cache_dir / "translations")
        chosen = getattr(args, "language", None) or settings.language
        translations.apply(resolve_language(chosen))
        return cls(paths, settings, translations)


class Components:
    """Everything the running app owns, built in one place and closed in one place."""

    def __init__(
        self,
        args: argparse.Namespace,
        basics: Basics | None = None,
        window: MainWindow | None = None,
    ) -> None:
        """``window``: a ``MainWindow.shell`` already on screen, to build the panels into."""
        from desktop.api import ApiSettings
        from desktop.app.background import BackgroundRunner
        from desktop.app.catalog_session import CatalogSession
        from desktop.app.session import Session
        from desktop.services.credentials import CredentialStore
        from desktop.services.log_setup import setup_logging
        from desktop.ui.shell.main_window import MainWindow
        from desktop.ui.sign_in.flow import SignInFlow

        basics = basics or Basics.load(args)
        self.paths = basics.paths
        self.logging = setup_logging(self.paths.log_dir)
        self.settings = basics.settings
        self.translations = basics.translations
        from desktop.services.proxy_config import (
            mask_environment_proxy_passwords,
            proxy_from_settings,
        )

        mask_environment_proxy_passwords(self.logging.redactor)
        api = ApiSettings()
        self.store = CredentialStore()
        self.api_settings = ApiSettings(
            base_url=args.api_url or self.settings.api_url or api.base_url,
            token_url=args.token_url or self.settings.token_url or api.token_url,
            proxy=proxy_from_settings(self.settings, self.store, self.logging.redactor),
            # tests shorten timeouts and retry pauses; the app itself never sets this
            **(getattr(args, "api_overrides", None) or {}),
        )
        self.runner = BackgroundRunner()
        # The SQLite catalogue replaces the JSON copy (imported once from the old folder).
        catalog = CatalogSession(
            self.paths.data_dir, self.runner, json_root=self.paths.cache_dir / "history"
        )
        self.session = Session(
            self.runner,
            self.api_settings,
            origins_path=self.paths.data_dir / "edit-origins.json",
            catalog=catalog,
        )
        # Opening (checks, migrations) runs while the panels are built: the saved images can
        # show as soon as they have painted. The damaged-file message is queued from the
        # opening thread, so it reaches the window after the window listens.
        catalog.damaged.connect(self.session.notice)
        catalog.open()
        if window is None:
            window = MainWindow(self.session, self.runner, self.settings, self.paths)
        else:
            window.build(self.session, self.runner, self.settings, self.paths)
        self.window = window
        self.flow = SignInFlow(
            self.session, self.runner, self.store, self.logging.redactor, self.window
        )
        self.flow.signedIn.connect(self.window.set_account)
        self.flow.signedOut.connect(self.window.reset_for_sign_out)
        self.window.demo_active = lambda: self.flow.demo_server is not None
        self.window.command_line_language = getattr(args, "language", None) or ""
        self.window.sign_out_action.triggered.connect(
            lambda: self.flow.open_dialog() if self.flow.in_demo else self.flow.sign_out()
        )
        self.flow.demoChanged.connect(self.window.show_sign_in_action)
        # before the first sign-in the window behind the dialog shows the signed-out state,
        # not "no models in this workspace" and "Loading credits…"
        self.flow.dialogOpened.connect(
            lambda _dialog: None if self.session.workspaces else self.window.reset_for_sign_out()
        )
        self.session.authenticationFailed.connect(self.flow.open_dialog)
        self.flow.demoChanged.connect(self.window.demo_banner.setVisible)
        self.window.demo_banner.signInRequested.connect(lambda: self.flow.open_dialog())
        self._closed = False
        # Modules, widgets and translations live as long as the app: out of the collector's
        # sight, a full collection while 10,000 history items are parsed stays short.
        from desktop.app.runtime_tuning import freeze_large_history, freeze_long_lived

        freeze_long_lived()
        # After the window's own historyReset slot, so the model's rows are frozen too.
        self.session.historyReset.connect(freeze_large_history)
        self.session.historyExtended.connect(lambda _i: freeze_large_history(self.session.history))
        demo = getattr(args, "demo", False)
        target = "the built-in demo server" if demo else self.api_settings.base_url
        log.info("neuroflash Desktop %s started; API: %s", __version__, target)

    def close(self) -> None:
        """Stop everything without waiting on the network: quitting must be instant."""
        if self._closed:
            return
        self._closed = True
        self.window.loader.shutdown()
        self.session.close()
        self.runner.shutdown()
        server = self.flow.demo_server
        if server is not None:
            threading.Thread(target=server.stop, daemon=True).start()
        self.settings.sync()
        # Dragged-out copies live only until the drop target has copied them; without this
        # the drag folder would grow by every drag, forever.
        self.paths.clear_drag_dir()
        log.info("neuroflash Desktop closed")


def finish_process() -> int:
    """Leave at once even if a worker thread still waits on a slow request.

    ThreadPoolExecutor joins its threads at interpreter exit, which could hold the app open
    for a whole request timeout. Everything worth keeping is saved by now.
    """
    busy = [
        t
        for t in threading.enumerate()
        if t is not threading.main_thread() and t.is_alive() and not t.daemon
    ]
    logging.shutdown()
    sys.stdout.flush()
    sys.stderr.flush()
    if busy:
        os._exit(0)
    return 0
