"""The strip across the top of the window while the app runs on the built-in demo account.

Only the status bar used to say so, and fake images looked like real ones. The banner says
that nothing reaches neuroflash and offers the real sign-in right next to it.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QSizePolicy, QToolBar, QWidget


class DemoBanner(QToolBar):
    """A fixed, full-width top bar; ``signInRequested`` when its "Sign in" is clicked."""

    signInRequested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("demoBanner")
        self.setAccessibleName(self.tr("Demo mode"))
        self.setMovable(False)
        self.setFloatable(False)
        self.toggleViewAction().setVisible(False)  # not something to switch off by accident
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.PreventContextMenu)

        self.message_label = QLabel(
            self.tr("Demo: nothing here reaches neuroflash or uses your credits.")
        )
        self.message_label.setObjectName("demoBannerText")
        self.message_label.setWordWrap(True)
        self.sign_in_button = QPushButton(self.tr("Sign in"))
        self.sign_in_button.setObjectName("demoSignInButton")
        self.sign_in_button.setAccessibleName(self.tr("Sign in to neuroflash"))
        self.sign_in_button.setToolTip(self.tr("Leave the demo and sign in with your account"))
        self.sign_in_button.clicked.connect(self.signInRequested)

        content = QWidget()
        content.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        layout = QHBoxLayout(content)
        layout.setContentsMargins(12, 4, 12, 4)
        layout.addWidget(self.message_label, 1)
        layout.addWidget(self.sign_in_button)
        self.addWidget(content)
        self.setVisible(False)
