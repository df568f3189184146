"""The Create panel's footer: the cost line, the way out of too few credits, Generate and
Stop waiting, the progress of running jobs, and the message line.

The window puts it below the panel's scroll area (GeneratePanel.take_footer), so Generate
never scrolls out of a short window.
"""

from __future__ import annotations

import time

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QHBoxLayout, QLabel, QProgressBar, QPushButton, QVBoxLayout, QWidget

from desktop.app.i18n import translate_message
from desktop.ui.generate.credit_way_out import CreditWayOut


def generate_keys() -> str:
    """Ctrl+Enter as the Image menu spells it, so hint and menu agree in every language (Qt
    says "Strg+Return" in German, the catalogue said "Strg+Eingabe")."""
    return QKeySequence("Ctrl+Return").toString(QKeySequence.SequenceFormat.NativeText)


class GenerateFooter(QWidget):
    """Cost, Generate/Stop waiting, progress with the elapsed time, and one message line."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("generateFooter")
        self._started = 0.0
        self._what = ""

        self.cost_label = QLabel()
        self.cost_label.setObjectName("costLabel")
        self.cost_label.setWordWrap(True)
        self.cost_label.setAccessibleName(self.tr("Cost of this generation"))
        self.way_out = CreditWayOut()
        self.generate_button = QPushButton(self.tr("Generate"))
        self.generate_button.setObjectName("generateButton")
        self.generate_button.setAccessibleName(self.tr("Generate"))
        self.generate_button.setProperty("role", "primary")
        self.generate_button.setToolTip(self.generate_tip())
        self.generate_button.setMinimumHeight(36)
        # Sent requests can't be called back: the button says what it does (issue 11.2).
        self.cancel_button = QPushButton(self.tr("Stop waiting"))
        self.cancel_button.setObjectName("cancelButton")
        self.cancel_button.setAccessibleName(self.tr("Stop waiting"))
        self.cancel_button.setToolTip(
            self.tr(
                "Images already requested will still arrive in your history and are charged; "
                "jobs not sent yet are cancelled at no cost."
            )
        )
        self.cancel_button.hide()
        button_row = QWidget()
        buttons = QHBoxLayout(button_row)
        buttons.setContentsMargins(0, 0, 0, 0)
        buttons.addWidget(self.generate_button, 1)
        buttons.addWidget(self.cancel_button)
        # room for "Stop waiting" from the start: the column must not widen when a job starts
        button_row.setMinimumWidth(
            self.generate_button.sizeHint().width()
            + buttons.spacing()
            + self.cancel_button.sizeHint().width()
        )
        self.progress = QProgressBar()
        self.progress.setObjectName("generateProgress")
        self.progress.setAccessibleName(self.tr("Generating"))
        self.progress.setRange(0, 0)
        self.progress.setTextVisible(False)
        self.progress.setFixedHeight(6)
        self.progress.hide()
        self.progress_label = QLabel()
        self.progress_label.setObjectName("generateProgressLabel")
        self.progress_label.setProperty("role", "secondary")
        self.progress_label.setWordWrap(True)  # a long summary wraps, the column keeps its width
        self.progress_label.hide()
        self.message_label = QLabel()
        self.message_label.setObjectName("generateMessage")
        self.message_label.setTextFormat(Qt.TextFormat.PlainText)  # server text
        self.message_label.setWordWrap(True)
        self.message_label.setProperty("role", "error")
        self.message_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.message_label.hide()

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(8)
        layout.addWidget(self.cost_label)
        layout.addWidget(self.way_out)
        layout.addWidget(button_row)
        layout.addWidget(self.progress)
        layout.addWidget(self.progress_label)
        layout.addWidget(self.message_label)

        self._tick = QTimer(self)
        self._tick.setInterval(250)
        self._tick.timeout.connect(self._update_elapsed)

    def generate_tip(self) -> str:
        return self.tr("Generate ({keys})").format(keys=generate_keys())

    def show_readiness(self, reason: str | None, cost: str, cost_role: str) -> None:
        """Generate enabled or not (its tooltip says why), and the cost line."""
        self.generate_button.setEnabled(reason is None)
        self.generate_button.setToolTip(reason or self.generate_tip())
        self.cost_label.setProperty("role", cost_role)
        self.cost_label.setText(cost)
        self.cost_label.style().unpolish(self.cost_label)
        self.cost_label.style().polish(self.cost_label)

    def set_running(self, running: bool, what: str = "", started: float | None = None) -> None:
        """Show progress while jobs run (see GeneratePanel.set_running)."""
        what = what or self.tr("Generating")
        started = started if started is not None else time.monotonic()
        if running and self.progress.isVisible() and (what, started) == (self._what, self._started):
            return
        self._what, self._started = what, started
        self.progress.setVisible(running)
        self.progress_label.setVisible(running)
        self.cancel_button.setVisible(running)
        if running:
            self._update_elapsed()
            self._tick.start()
        else:
            self._tick.stop()

    def _update_elapsed(self) -> None:
        seconds = int(time.monotonic() - self._started)
        self.progress_label.setText(
            self.tr("{what}… {seconds} s").format(what=self._what, seconds=seconds)
        )

    def show_message(self, text: str, error: bool = True) -> None:
        self.message_label.setProperty("role", "error" if error else "secondary")
        self.message_label.style().polish(self.message_label)
        self.message_label.setText(translate_message(text))
        self.message_label.show()

    def clear_message(self) -> None:
        self.message_label.hide()
