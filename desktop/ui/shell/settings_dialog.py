"""Settings: the language of the app (System default, English, Deutsch) and the proxy.

The proxy (address, user name, the hosts that go direct) is kept in settings; its password
goes to the keychain (CredentialStore), never into settings or the log. Empty address: the
system's proxy settings and HTTPS_PROXY/HTTP_PROXY/NO_PROXY apply.

A new language takes effect on the next start: every widget sets its texts once when it is
built, and rebuilding them live would mean a changeEvent in each of them for a choice made
once. So the dialog says so and offers "Restart now", which starts the same command again and
quits this instance, after saying what a restart would lose (the demo's images live only in
this session). Opened with ``open()``, never a nested ``exec()``.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QProcess, Qt, Signal
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.app.i18n import LANGUAGES
from desktop.services.settings import AppSettings

if TYPE_CHECKING:
    from desktop.services.credentials import CredentialStore


def restart_command(argv: list[str] | None = None) -> tuple[str, list[str]]:
    """The program and arguments that start this app again, minus any ``--language`` flag
    (it would override the language just chosen)."""
    argv = list(sys.argv if argv is None else argv)
    args: list[str] = []
    rest = iter(argv[1:])
    for arg in rest:
        if arg == "--language":
            next(rest, None)
        elif not arg.startswith("--language="):
            args.append(arg)
    if getattr(sys, "frozen", False):
        return sys.executable, args
    main = sys.modules.get("__main__")
    spec = getattr(main, "__spec__", None)
    if spec is not None and spec.name in ("desktop", "desktop.__main__"):
        return sys.executable, ["-m", "desktop", *args]
    return sys.executable, [argv[0], *args]


def relaunch() -> bool:
    """Start a new instance of the app and quit this one; False if it could not start."""
    QApplication.closeAllWindows()  # the window saves its layout and settings as it closes
    program, args = restart_command()
    started, _pid = QProcess.startDetached(program, args)
    QApplication.quit()
    return bool(started)


class SettingsDialog(QDialog):
    """Edits AppSettings; ``languageChanged(code or "")`` when the choice differs from the
    language in effect, so the caller can offer the restart."""

    languageChanged = Signal(str)

    def __init__(
        self,
        settings: AppSettings,
        language_in_effect: str,
        parent: QWidget | None = None,
        restart: Callable[[], bool] = relaunch,
        credentials: CredentialStore | None = None,
        losses: Callable[[], list[str]] = list,
        command_line: str = "",
    ) -> None:
        """``losses()``: what a restart now would lose, in the designer's words (the demo's
        images, jobs not sent yet, the prompt being written); asked before restarting.
        ``command_line``: the language given with --language, which wins over the setting."""
        super().__init__(parent)
        self.setObjectName("settingsDialog")
        self.setWindowTitle(self.tr("Settings"))
        self.setAccessibleName(self.tr("Settings"))
        self.setMinimumWidth(420)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self._settings = settings
        self._in_effect = language_in_effect
        self._restart = restart
        self._credentials = credentials
        self._language_differs = False
        self._proxy_changed = False
        self._losses = losses
        self.confirm_box: QMessageBox | None = None

        self.language_combo = QComboBox()
        self.language_combo.setObjectName("languageCombo")
        self.language_combo.setAccessibleName(self.tr("Language"))
        self.language_combo.addItem(self.tr("System default"), "")
        for code, name in LANGUAGES.items():
            self.language_combo.addItem(name, code)  # each language in its own words
        current = settings.language if settings.language in LANGUAGES else ""
        self.language_combo.setCurrentIndex(self.language_combo.findData(current))
        form = QFormLayout()
        form.addRow(self.tr("Language"), self.language_combo)
        self.command_line_note = QLabel()
        self.command_line_note.setObjectName("languageCommandLineNote")
        self.command_line_note.setProperty("role", "secondary")
        self.command_line_note.setWordWrap(True)
        self.command_line_note.hide()
        if command_line in LANGUAGES:  # show the language in effect, and why
            self.language_combo.blockSignals(True)
            self.language_combo.setCurrentIndex(self.language_combo.findData(command_line))
            self.language_combo.blockSignals(False)
            # one piece, never "(--" at a line's end and "language de)" below it (German)
            flag = f"-\u2060-\u2060language\u00a0{command_line}"
            self.command_line_note.setText(
                self.tr(
                    "Set on the command line ({flag}) for this run. A choice here "
                    "applies when the app starts without it."
                ).format(flag=flag)
            )
            self.command_line_note.show()
            form.addRow("", self.command_line_note)

        self.proxy_box = self._build_proxy_box()

        self.restart_label = QLabel(self.tr("The new language applies after a restart."))
        self.restart_label.setObjectName("restartNote")
        self.restart_label.setProperty("role", "secondary")
        self.restart_label.setWordWrap(True)
        self.restart_label.hide()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.restart_button = QPushButton(self.tr("Restart now"))
        self.restart_button.setObjectName("restartButton")
        self.buttons.addButton(self.restart_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.restart_button.hide()
        self.buttons.rejected.connect(self.reject)
        self.restart_button.clicked.connect(self._on_restart)
        self.language_combo.currentIndexChanged.connect(self._on_language)

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.proxy_box)
        layout.addWidget(self.restart_label)
        layout.addStretch(1)
        layout.addWidget(self.buttons)

    def chosen_language(self) -> str:
        """ "" for the system's language, else a code from LANGUAGES."""
        return str(self.language_combo.currentData() or "")

    def _on_language(self) -> None:
        from desktop.app.i18n import resolve_language

        chosen = self.chosen_language()
        self._settings.language = chosen or None
        self._settings.sync()
        differs = resolve_language(chosen or None) != self._in_effect
        self._language_differs = differs
        self._show_restart()
        if differs:
            self.languageChanged.emit(chosen)

    def _build_proxy_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Proxy"))
        box.setObjectName("proxyBox")
        self.proxy_edit = QLineEdit(self._settings.proxy_url or "")
        self.proxy_edit.setObjectName("proxyUrl")
        self.proxy_edit.setAccessibleName(self.tr("Proxy server"))
        self.proxy_edit.setPlaceholderText(self.tr("Empty: use the system's proxy settings"))
        self.proxy_edit.setToolTip(self.tr("For example http://proxy.example.com:8080"))
        self.proxy_user_edit = QLineEdit(self._settings.proxy_username or "")
        self.proxy_user_edit.setObjectName("proxyUser")
        self.proxy_user_edit.setAccessibleName(self.tr("Proxy user name"))
        self.proxy_user_edit.setPlaceholderText(self.tr("Only if the proxy asks for one"))
        self.proxy_password_edit = QLineEdit()
        self.proxy_password_edit.setObjectName("proxyPassword")
        self.proxy_password_edit.setAccessibleName(self.tr("Proxy password"))
        self.proxy_password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.proxy_password_edit.setPlaceholderText(
            self.tr("Unchanged") if self._settings.proxy_username else ""
        )
        self.proxy_bypass_edit = QLineEdit(self._settings.proxy_bypass or "")
        self.proxy_bypass_edit.setObjectName("proxyBypass")
        self.proxy_bypass_edit.setAccessibleName(self.tr("No proxy for"))
        self.proxy_bypass_edit.setPlaceholderText("localhost, 127.0.0.1, ::1")
        self.proxy_note = QLabel(
            self.tr("The password is kept in the system's keychain, not in the settings file.")
        )
        self.proxy_note.setObjectName("proxyNote")
        self.proxy_note.setProperty("role", "secondary")
        self.proxy_note.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("Proxy server"), self.proxy_edit)
        form.addRow(self.tr("User name"), self.proxy_user_edit)
        form.addRow(self.tr("Password"), self.proxy_password_edit)
        form.addRow(self.tr("No proxy for"), self.proxy_bypass_edit)
        box_layout = QVBoxLayout(box)  # a wrapped label in a form row gets clipped
        box_layout.addLayout(form)
        box_layout.addWidget(self.proxy_note)
        for edit in (
            self.proxy_edit,
            self.proxy_user_edit,
            self.proxy_bypass_edit,
            self.proxy_password_edit,
        ):
            edit.editingFinished.connect(self._on_proxy_edited)
        return box

    def _on_proxy_edited(self) -> None:
        """Store what changed: the address, user and bypass list in settings, a typed password
        in the keychain (or, without one, for this session only)."""
        changed = False
        for attribute, edit in (
            ("proxy_url", self.proxy_edit),
            ("proxy_username", self.proxy_user_edit),
            ("proxy_bypass", self.proxy_bypass_edit),
        ):
            text = edit.text().strip()
            if text != (getattr(self._settings, attribute) or ""):
                setattr(self._settings, attribute, text or None)
                changed = True
        password = self.proxy_password_edit.text()
        if password:
            self.proxy_password_edit.clear()
            self.proxy_password_edit.setPlaceholderText(self.tr("Unchanged"))
            changed = True
            if self._credentials is None:
                from desktop.services.credentials import CredentialStore

                self._credentials = CredentialStore()
            if not self._credentials.save_proxy_password(password):
                self.proxy_note.setText(
                    self.tr(
                        "There is no keychain on this computer, so the password cannot be kept "
                        "for the restart. Set HTTPS_PROXY with the user name and password instead, "
                        "or ask your IT department for a keychain (Secret Service)."
                    )
                )
        if changed:
            self._settings.sync()
            self._proxy_changed = True
            self._show_restart()

    def _show_restart(self) -> None:
        if self._language_differs and self._proxy_changed:
            text = self.tr("The new language and proxy apply after a restart.")
        elif self._proxy_changed:
            text = self.tr("The new proxy settings apply after a restart.")
        else:
            text = self.tr("The new language applies after a restart.")
        self.restart_label.setText(text)
        needed = self._language_differs or self._proxy_changed
        self.restart_label.setVisible(needed)
        self.restart_button.setVisible(needed)

    def _on_restart(self) -> None:
        lost = self._losses()
        if not lost:
            self._restart_now()
            return
        box = QMessageBox(self)
        box.setObjectName("restartConfirm")
        box.setStyleSheet(
            "QLabel#qt_msgbox_label, QLabel#qt_msgbox_informativelabel { min-width: 320px; }"
        )
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(self.tr("Restart now?"))
        box.setText(self.tr("Restarting now loses:"))
        box.setInformativeText("\n".join(f"• {what}" for what in lost))
        restart = box.addButton(self.tr("Restart Anyway"), QMessageBox.ButtonRole.DestructiveRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        box.buttonClicked.connect(lambda button: self._restart_now() if button is restart else None)
        box.finished.connect(lambda _r: setattr(self, "confirm_box", None))
        self.confirm_box = box
        box.open()

    def _restart_now(self) -> None:
        self._settings.sync()
        self.accept()
        self._restart()
