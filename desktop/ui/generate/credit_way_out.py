"""The way past a credit problem, right under the cost line: fewer images, or a workspace that
still has credits.

The panel used to say "you may get fewer images" while the queue refused the same request; now
the panel says one thing ("Not enough credits: 2 left, 4 needed.") and these buttons offer what
the designer can do about it.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from PySide6.QtCore import QLocale, QTime, Signal
from PySide6.QtWidgets import QPushButton, QVBoxLayout, QWidget

from desktop.app.i18n import number


def daily_renewal_time(now: datetime | None = None) -> str:
    """Midnight UTC (when daily credits renew) in the designer's own clock, e.g. "01:00"."""
    now = now or datetime.now(UTC)
    midnight = (now + timedelta(days=1)).replace(hour=0, minute=0, second=0, microsecond=0)
    local = midnight.astimezone()
    return QLocale().toString(QTime(local.hour, local.minute), QLocale.FormatType.ShortFormat)


class CreditWayOut(QWidget):
    """ "Generate 2 instead" and "Switch to Studio (430 credits left)"; each hidden until useful."""

    countChosen = Signal(int)
    workspaceChosen = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("creditWayOut")
        self._count = 0
        self._workspace_id = ""
        self.fewer_button = QPushButton()
        self.fewer_button.setObjectName("creditFewerButton")
        self.fewer_button.clicked.connect(lambda: self.countChosen.emit(self._count))
        self.switch_button = QPushButton()
        self.switch_button.setObjectName("creditSwitchButton")
        self.switch_button.clicked.connect(lambda: self.workspaceChosen.emit(self._workspace_id))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addWidget(self.fewer_button)
        layout.addWidget(self.switch_button)
        self.offer_count(None)
        self.offer_workspace(None)

    def offer_count(self, count: int | None) -> None:
        """Offer to ask for ``count`` images instead (what the credits allow), or nothing."""
        self._count = count or 0
        if count:
            self.fewer_button.setText(self.tr("Generate {count} instead").format(count=count))
            self.fewer_button.setToolTip(
                self.tr("Set the number of images to what your credits allow")
            )
        self.fewer_button.setVisible(bool(count))
        self._update_visible()

    def offer_workspace(self, workspace_id: str | None, name: str = "", left: int = 0) -> None:
        """Offer to switch to a workspace that still has credits, or nothing."""
        self._workspace_id = workspace_id or ""
        if workspace_id:
            self.switch_button.setText(
                self.tr("Switch to {workspace} ({count} credits left)").format(
                    workspace=name, count=number(left)
                )
            )
        self.switch_button.setVisible(bool(workspace_id))
        self._update_visible()

    def _update_visible(self) -> None:
        self.setVisible(not self.fewer_button.isHidden() or not self.switch_button.isHidden())
