"""Quota sidebar: what is left of the workspace's image credits, this cycle and today."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from desktop.api import ImageQuota
from desktop.app.i18n import number
from desktop.ui.common.fit_label import FitLabel


def _bar(name: str) -> QProgressBar:
    bar = QProgressBar()
    bar.setAccessibleName(name)
    bar.setTextVisible(False)
    bar.setFixedHeight(6)
    return bar


class QuotaPanel(QFrame):
    """Shows an ImageQuota; ``refreshRequested`` asks for a fresh one."""

    refreshRequested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("quotaPanel")
        self.setAccessibleName(self.tr("Image credits"))
        self.quota: ImageQuota | None = None

        title = QLabel(self.tr("Image credits"))
        title.setProperty("role", "heading")
        self.refresh_button = QToolButton()
        self.refresh_button.setObjectName("quotaRefreshButton")
        self.refresh_button.setText("↻")
        self.refresh_button.setToolTip(self.tr("Refresh credits (F5 refreshes everything)"))
        self.refresh_button.setAccessibleName(self.tr("Refresh credits"))
        self.refresh_button.setAutoRaise(True)
        self.refresh_button.clicked.connect(self.refreshRequested)
        header = QHBoxLayout()
        header.addWidget(title)
        header.addStretch(1)
        header.addWidget(self.refresh_button)

        self.available_label = FitLabel("–")  # shrinks in a narrow window (issue 11, item 7)
        self.available_label.setObjectName("quotaAvailable")
        self.available_label.setProperty("role", "big-number")
        self.available_label.setAccessibleName(self.tr("Credits available"))
        self.cycle_label = QLabel()
        self.cycle_label.setObjectName("quotaCycle")
        self.cycle_bar = _bar(self.tr("Credits used this cycle"))
        self.daily_label = QLabel()
        self.daily_label.setObjectName("quotaDaily")
        self.daily_bar = _bar(self.tr("Credits used today"))
        self.extra_label = QLabel()
        self.extra_label.setObjectName("quotaExtra")
        self.extra_label.setProperty("role", "secondary")
        self.fair_use_label = QLabel(
            self.tr(
                "Fair-use limit reached: neuroflash may slow down generation for this workspace."
            )
        )
        self.fair_use_label.setObjectName("quotaFairUse")
        self.fair_use_label.setProperty("role", "warning")
        self.status_label = QLabel()
        self.status_label.setObjectName("quotaStatus")
        self.status_label.setProperty("role", "secondary")
        for label in (
            self.cycle_label,
            self.daily_label,
            self.extra_label,
            self.fair_use_label,
            self.status_label,
        ):
            label.setWordWrap(True)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 12, 12, 12)
        layout.setSpacing(6)
        layout.addLayout(header)
        layout.addWidget(self.available_label)
        layout.addWidget(self.cycle_label)
        layout.addWidget(self.cycle_bar)
        layout.addSpacing(4)
        layout.addWidget(self.daily_label)
        layout.addWidget(self.daily_bar)
        layout.addWidget(self.extra_label)
        layout.addWidget(self.fair_use_label)
        layout.addWidget(self.status_label)
        self.set_quota(None, loaded=False)

    def set_signed_out(self) -> None:
        """No account: "Sign in to see your credits", not "Loading credits…" forever."""
        self.set_quota(None, loaded=False)
        self.status_label.setText(self.tr("Sign in to see your image credits."))
        self.setAccessibleDescription(self.status_label.text())

    def set_loading(self, loading: bool) -> None:
        self.refresh_button.setEnabled(not loading)
        if loading and self.quota is None:
            self.status_label.setText(self.tr("Loading credits…"))
            self.status_label.show()

    def set_quota(self, quota: ImageQuota | None, loaded: bool = True) -> None:
        self.quota = quota
        has = quota is not None
        for widget in (self.cycle_label, self.cycle_bar, self.daily_label, self.daily_bar):
            widget.setVisible(has)
        self.fair_use_label.setVisible(bool(quota and quota.fair_use_limit_reached))
        self.available_label.setVisible(has)
        # A plan without images: the Create panel says so, next to the disabled Generate;
        # saying it here too (and in the grid) made three copies of one sentence.
        self.setVisible(quota is not None or not loaded)
        if quota is None:
            self.extra_label.hide()
            self.status_label.setText(
                self.tr("This workspace's plan doesn't include image generation.")
                if loaded
                else self.tr("Loading credits…")
            )
            self.status_label.setVisible(True)
            self.setAccessibleDescription(self.status_label.text())
            return
        self.status_label.hide()
        self.available_label.setText(self.tr("{count} left").format(count=number(quota.available)))
        self.cycle_label.setText(
            self.tr("{used} of {limit} used this cycle").format(
                used=number(quota.used), limit=number(quota.limit)
            )
        )
        self.cycle_bar.setRange(0, max(quota.limit, 1))
        self.cycle_bar.setValue(min(quota.used, max(quota.limit, 1)))
        self.daily_label.setText(
            self.tr("Today: {used} of {limit} · renews at midnight UTC").format(
                used=number(quota.used_daily), limit=number(quota.limit_daily)
            )
        )
        self.daily_bar.setRange(0, max(quota.limit_daily, 1))
        self.daily_bar.setValue(min(quota.used_daily, max(quota.limit_daily, 1)))
        extras = []
        if quota.bonus:
            extras.append(self.tr("+{count} bonus").format(count=number(quota.bonus)))
        if quota.spillover:
            extras.append(self.tr("+{count} carried over").format(count=number(quota.spillover)))
        self.extra_label.setText(
            self.tr("{extras} included").format(extras=" · ".join(extras)) if extras else ""
        )
        self.extra_label.setVisible(bool(extras))
        scope = quota.exhausted_scope
        empty = "cycle-empty" if scope == "cycle" else "daily-empty" if scope == "daily" else ""
        self.cycle_bar.setProperty("state", empty if scope == "cycle" else "")
        self.daily_bar.setProperty("state", empty if scope == "daily" else "")
        for bar in (self.cycle_bar, self.daily_bar):
            bar.style().unpolish(bar)
            bar.style().polish(bar)
        self.setAccessibleDescription(
            self.tr("{left} credits left; {used} of {limit} used today").format(
                left=number(quota.available),
                used=number(quota.used_daily),
                limit=number(quota.limit_daily),
            )
        )
        self.available_label.setAlignment(Qt.AlignmentFlag.AlignLeft)
