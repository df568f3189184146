"""Settings: the language of the app (System default, English, Deutsch).

A new language takes effect on the next start: every widget sets its texts once when it is
built, and rebuilding them live would mean a changeEvent in each of them for a choice made
once. So the dialog says so and offers "Restart now", which starts the same command again and
quits this instance. Opened with ``open()``, never a nested ``exec()``.
"""

from __future__ import annotations

import sys
from collections.abc import Callable

from PySide6.QtCore import QProcess, Qt, Signal
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.services.settings import AppSettings
from desktop.ui.i18n import LANGUAGES


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
    ) -> None:
        super().__init__(parent)
        self.setObjectName("settingsDialog")
        self.setWindowTitle(self.tr("Settings"))
        self.setAccessibleName(self.tr("Settings"))
        self.setMinimumWidth(420)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self._settings = settings
        self._in_effect = language_in_effect
        self._restart = restart

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
        layout.addWidget(self.restart_label)
        layout.addStretch(1)
        layout.addWidget(self.buttons)

    def chosen_language(self) -> str:
        """"" for the system's language, else a code from LANGUAGES."""
        return str(self.language_combo.currentData() or "")

    def _on_language(self) -> None:
        from desktop.ui.i18n import resolve_language

        chosen = self.chosen_language()
        self._settings.language = chosen or None
        self._settings.sync()
        differs = resolve_language(chosen or None) != self._in_effect
        self.restart_label.setVisible(differs)
        self.restart_button.setVisible(differs)
        if differs:
            self.languageChanged.emit(chosen)

    def _on_restart(self) -> None:
        self._settings.sync()
        self.accept()
        self._restart()
