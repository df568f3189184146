"""How the app gets signed in: environment, demo, keychain, or the sign-in dialog.

Order: NEUROFLASH_CLIENT_ID/NEUROFLASH_CLIENT_SECRET (nothing stored, no dialog), then
``--demo`` (built-in server), then credentials remembered in the OS keychain, then the dialog.
Revoked credentials bring the dialog back; nothing else on screen is touched meanwhile.
The demo is only ever entered on purpose (``--demo`` or "Try the demo"); ``demoChanged`` tells
the window, which shows a banner with the way to the real sign-in.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable
from dataclasses import replace
from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QWidget

from desktop.api import ApiSettings, Credentials
from desktop.api.errors import NetworkError, NeuroflashError
from desktop.app.background import BackgroundRunner
from desktop.app.session import Session
from desktop.services.credentials import CredentialStore
from desktop.services.log_setup import SecretRedactor
from desktop.ui.sign_in.dialog import SignInDialog

log = logging.getLogger(__name__)
ENV_CLIENT_ID = "NEUROFLASH_CLIENT_ID"
ENV_CLIENT_SECRET = "NEUROFLASH_CLIENT_SECRET"


class SignInFlow(QObject):
    """Drives sign-in; emits ``signedIn(account label)`` and ``signedOut``."""

    signedIn = Signal(str)
    signedOut = Signal()
    dialogOpened = Signal(object)
    demoChanged = Signal(bool)  # True while signed in to the built-in demo account

    def __init__(
        self,
        session: Session,
        runner: BackgroundRunner,
        store: CredentialStore,
        redactor: SecretRedactor | None,
        parent_widget: QWidget,
        demo_server_factory: Callable[[], Any] | None = None,
    ) -> None:
        super().__init__(parent_widget)
        self._session = session
        self._runner = runner
        self._store = store
        self._redactor = redactor
        self._parent_widget = parent_widget
        self._demo_server_factory = demo_server_factory or _start_demo_server
        self.demo_server: Any = None
        self.dialog: SignInDialog | None = None
        self.in_demo = False
        self._real_settings = session.api_settings

    # -- entry points ---------------------------------------------------------------------------

    async def start(self, demo: bool) -> None:
        env_id, env_secret = os.environ.get(ENV_CLIENT_ID), os.environ.get(ENV_CLIENT_SECRET)
        if env_id and env_secret:
            await self._try(Credentials(env_id, env_secret), self._real_settings, "environment")
        elif demo:
            await self._try_demo()
        elif (stored := self._store.load()) is not None:
            await self._try(stored, self._real_settings, "keychain")
        else:
            self.open_dialog()

    def open_dialog(self, message: str | None = None) -> SignInDialog:
        """Show the dialog (non-blocking); a second call reuses the open one."""
        if self.dialog is None:
            dialog = SignInDialog(self._parent_widget, self._store.keychain_available)
            dialog.submitted.connect(self._on_submitted)
            dialog.demoRequested.connect(lambda: self._session.spawn(self._try_demo()))
            dialog.finished.connect(self._on_dialog_finished)
            self.dialog = dialog
            dialog.offer_demo(not self.in_demo)
            dialog.open()
            self.dialogOpened.emit(dialog)
        if message:
            self.dialog.show_error(message)
        return self.dialog

    def sign_out(self) -> None:
        """Forget stored credentials and the session; the dialog comes back."""
        self._store.forget()
        self._session.sign_out()
        self._set_demo(False)
        self.signedOut.emit()
        self.open_dialog()

    # -- internals ------------------------------------------------------------------------------

    def _on_submitted(self, credentials: Credentials, remember: bool) -> None:
        self._session.spawn(self._try(credentials, self._real_settings, "dialog", remember))

    def _on_dialog_finished(self, _result: int) -> None:
        self.dialog = None

    async def _try_demo(self) -> None:
        try:
            if self.demo_server is None:
                self.demo_server = await self._runner.run(self._demo_server_factory)
        except Exception as error:
            log.exception("The demo server did not start")
            self.open_dialog(self.tr("The demo could not start: {error}").format(error=error))
            return
        from desktop.emulator import DEMO_CLIENT_ID, DEMO_CLIENT_SECRET

        settings = replace(
            self._real_settings,
            base_url=self.demo_server.api_url,
            token_url=self.demo_server.token_url,
            direct=True,  # the built-in server is on this computer: never via a proxy
        )
        await self._try(Credentials(DEMO_CLIENT_ID, DEMO_CLIENT_SECRET), settings, "demo")

    async def _try(
        self, credentials: Credentials, settings: ApiSettings, source: str, remember: bool = False
    ) -> bool:
        """Sign in; True on success. Saved credentials that cannot reach neuroflash mean
        "offline", not "wrong": the saved images show and the session keeps trying."""
        if self._redactor is not None:
            self._redactor.add(credentials.client_secret)
        if source in ("environment", "keychain"):
            self._session.show_saved()  # the saved images at once, while sign-in runs
        try:
            await self._session.sign_in(credentials, settings)
        except NeuroflashError as error:
            log.info("Sign-in (%s) failed: %s", source, error.message)
            if isinstance(error, NetworkError) and source in ("environment", "keychain"):
                self._session.go_offline(lambda: self._try(credentials, settings, source))
                from desktop.api.proxy import ConnectionSetupError  # requests: loaded by now

                if isinstance(error, ConnectionSetupError):  # the proxy or a certificate:
                    self._session.errorRaised.emit(error, self._session.reconnect)  # say so
            else:
                self.open_dialog(error.message)
            return False
        except Exception:  # never leave the dialog on "Signing in…" with everything disabled
            log.exception("Sign-in (%s) failed unexpectedly", source)
            self.open_dialog(NeuroflashError().message)
            return False
        note = None
        if source == "dialog" and remember and not self._store.save(credentials):
            note = self.tr(
                "No keychain on this computer: you'll be asked to sign in again next time."
            )
        elif source == "dialog" and not remember:
            self._store.forget()
        if self.dialog is not None:
            self.dialog.accept()
        label = self.tr("Demo account") if source == "demo" else credentials.client_id
        self._set_demo(source == "demo")
        self.signedIn.emit(label)
        if note:
            self._session.notice.emit(note)
        return True

    def _set_demo(self, demo: bool) -> None:
        if demo != self.in_demo:
            self.in_demo = demo
            self.demoChanged.emit(demo)


def _start_demo_server() -> Any:
    """Start the built-in server in this process on a free loopback port (worker thread)."""
    from desktop.emulator import EmulatorConfig, start_server

    return start_server(EmulatorConfig(), host="127.0.0.1", port=0)
