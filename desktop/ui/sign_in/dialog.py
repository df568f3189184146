"""Sign-in dialog: service-account client ID and secret, or the built-in demo.

It only collects input and shows the outcome; the caller signs in asynchronously and calls
``show_error`` or closes it. Opened with ``open()``, never a nested ``exec()``.

Enter always means "Sign in" with what is typed: no other button is ever a default (Qt makes a
focused auto-default button the default, and after a failed attempt focus used to pass through
"Try the demo", so correcting the secret and pressing Enter opened the demo).
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.api import Credentials
from desktop.app.i18n import translate_message


class SignInDialog(QDialog):
    """Asks for credentials; emits ``submitted`` or ``demoRequested``."""

    submitted = Signal(object, bool)  # Credentials, remember on this computer
    demoRequested = Signal()

    def __init__(self, parent: QWidget | None = None, keychain_available: bool = True) -> None:
        super().__init__(parent)
        self.setObjectName("signInDialog")
        self.setWindowTitle(self.tr("Sign in to neuroflash"))
        self.setAccessibleName(self.tr("Sign in to neuroflash"))
        self.setModal(True)
        self.setMinimumWidth(440)

        intro = QLabel(
            self.tr(
                "Sign in with a neuroflash service account. Create one in the neuroflash app "
                "under <b>Service Accounts</b> and copy its client ID and secret."
            )
        )
        intro.setWordWrap(True)
        intro.setTextFormat(Qt.TextFormat.RichText)

        self.client_id_edit = QLineEdit()
        self.client_id_edit.setObjectName("clientIdEdit")
        self.client_id_edit.setAccessibleName(self.tr("Client ID"))
        self.client_id_edit.setPlaceholderText(self.tr("Client ID"))
        self.secret_edit = QLineEdit()
        self.secret_edit.setObjectName("clientSecretEdit")
        self.secret_edit.setAccessibleName(self.tr("Client secret"))
        self.secret_edit.setPlaceholderText(self.tr("Client secret"))
        self.secret_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.remember_box = QCheckBox(self.tr("Remember on this computer"))
        self.remember_box.setObjectName("rememberCheck")
        self.remember_box.setAccessibleName(self.tr("Remember on this computer"))
        self.remember_box.setChecked(keychain_available)
        if not keychain_available:
            self.remember_box.setEnabled(False)
            self.remember_box.setToolTip(
                self.tr(
                    "This computer has no keychain, so the secret is kept for this session only."
                )
            )

        form = QFormLayout()
        form.addRow(self.tr("Client ID"), self.client_id_edit)
        form.addRow(self.tr("Client secret"), self.secret_edit)
        form.addRow("", self.remember_box)

        self.message_label = QLabel()
        self.message_label.setObjectName("signInMessage")
        self.message_label.setTextFormat(Qt.TextFormat.PlainText)  # server text
        self.message_label.setWordWrap(True)
        self.message_label.setAccessibleName(self.tr("Sign-in message"))
        self.message_label.hide()
        if not keychain_available:
            self.show_note(
                self.tr(
                    "No keychain was found on this computer. Your credentials will be kept for "
                    "this session only and never written to disk."
                )
            )

        buttons = QDialogButtonBox()
        self.sign_in_button = buttons.addButton(
            self.tr("Sign in"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.sign_in_button.setObjectName("signInButton")
        self.sign_in_button.setDefault(True)
        self.demo_button = QPushButton(self.tr("Try the demo"))
        self.demo_button.setObjectName("demoButton")
        self.demo_button.setToolTip(
            self.tr("Explore the app with a built-in demo account; no credits used")
        )
        buttons.addButton(self.demo_button, QDialogButtonBox.ButtonRole.ActionRole)
        cancel = buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        for button in (self.demo_button, cancel):
            button.setAutoDefault(False)  # never the target of Enter, even when focused
        self.sign_in_button.setAutoDefault(False)
        buttons.accepted.connect(self._submit)
        self.client_id_edit.returnPressed.connect(self._submit)
        self.secret_edit.returnPressed.connect(self._submit)
        buttons.rejected.connect(self.reject)
        self.demo_button.clicked.connect(self._demo)

        layout = QVBoxLayout(self)
        layout.setSpacing(12)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.message_label)
        layout.addWidget(buttons)
        self.client_id_edit.textChanged.connect(self._update_enabled)
        self.secret_edit.textChanged.connect(self._update_enabled)
        self._update_enabled()

    def offer_demo(self, offered: bool) -> None:
        """Hide "Try the demo" when the app is in the demo already (the way out is signing in)."""
        self.demo_button.setVisible(offered)

    def _update_enabled(self) -> None:
        filled = bool(self.client_id_edit.text().strip() and self.secret_edit.text().strip())
        self.sign_in_button.setEnabled(filled)

    def _submit(self) -> None:
        if not self.sign_in_button.isEnabled():
            return
        credentials = Credentials(
            self.client_id_edit.text().strip(), self.secret_edit.text().strip()
        )
        self.set_busy(True)
        self.submitted.emit(credentials, self.remember_box.isChecked())

    def _demo(self) -> None:
        self.set_busy(True, self.tr("Starting the demo…"))
        self.demoRequested.emit()

    def set_busy(self, busy: bool, text: str = "") -> None:
        for widget in (
            self.client_id_edit,
            self.secret_edit,
            self.sign_in_button,
            self.demo_button,
        ):
            widget.setEnabled(not busy)
        if busy:
            self.show_note(text or self.tr("Signing in…"))
        else:
            self._update_enabled()
            self.sign_in_button.setDefault(True)

    def show_note(self, text: str) -> None:
        self.message_label.setProperty("role", "note")
        self._show_message(text)

    def show_error(self, text: str) -> None:
        """Show why sign-in failed; the typed credentials stay so the user can correct them."""
        self.set_busy(False)
        self.message_label.setProperty("role", "error")
        self._show_message(translate_message(text))
        self.secret_edit.setFocus()
        self.secret_edit.selectAll()

    def _show_message(self, text: str) -> None:
        self.message_label.setText(text)
        self.message_label.style().unpolish(self.message_label)
        self.message_label.style().polish(self.message_label)
        self.message_label.show()
