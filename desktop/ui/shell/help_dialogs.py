"""Help → Keyboard Shortcuts and Help → About: what the keys do, and what the app is made of.

The shortcut list is read from the window's own actions, so it always shows the keys that
really work, spelled exactly as the menus spell them in the current language. Both dialogs
open with ``open()``, never a nested ``exec()``.
"""

from __future__ import annotations

import html
from importlib import metadata

from PySide6.QtCore import QCoreApplication, Qt, qVersion
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop import __version__

# (distribution, what it does, licence): the libraries a bundle ships.
BUNDLED = (
    ("PySide6", "Qt for Python: windows, widgets, images", "LGPL-3.0 (Qt and PySide6)"),
    ("qasync", "Qt and asyncio in one event loop", "BSD-2-Clause"),
    ("requests", "HTTP", "Apache-2.0"),
    ("urllib3", "HTTP connections (used by requests)", "MIT"),
    ("certifi", "Trusted certificate authorities", "MPL-2.0"),
    ("keyring", "The system keychain", "MIT"),
    ("Pillow", "Reading and writing image files", "MIT-CMU (HPND)"),
    ("FastAPI", "The built-in demo server", "MIT"),
    ("uvicorn", "The built-in demo server", "BSD-3-Clause"),
)


def key_text(sequence: QKeySequence) -> str:
    """A key sequence as the menus show it, in the current language."""
    return sequence.toString(QKeySequence.SequenceFormat.NativeText)


def shortcut_rows(actions: list[QAction]) -> list[tuple[str, str]]:
    """(what, keys) for every action with a shortcut, in menu order, without duplicates."""
    rows: list[tuple[str, str]] = []
    for action in actions:
        keys = [key_text(s) for s in action.shortcuts() if not s.isEmpty()]
        what = action.text().replace("&", "").removesuffix("…").strip()
        if keys and what and what not in {w for w, _k in rows}:
            rows.append((what, " / ".join(dict.fromkeys(keys))))
    return rows


class ShortcutsDialog(QDialog):
    """A two-column table: what, and the keys that do it."""

    def __init__(
        self, rows: list[tuple[str, str]], extra: list[tuple[str, str]], parent: QWidget | None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("shortcutsDialog")
        self.setWindowTitle(self.tr("Keyboard Shortcuts"))
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        all_rows = rows + extra
        self.table = QTableWidget(len(all_rows), 2)
        self.table.setObjectName("shortcutsTable")
        self.table.setHorizontalHeaderLabels([self.tr("Action"), self.tr("Keys")])
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setSelectionMode(QTableWidget.SelectionMode.NoSelection)
        for row, (what, keys) in enumerate(all_rows):
            self.table.setItem(row, 0, QTableWidgetItem(what))
            self.table.setItem(row, 1, QTableWidgetItem(keys))
        self.table.resizeColumnsToContents()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addWidget(buttons)
        width = self.table.horizontalHeader().length() + 2 * self.table.frameWidth()
        self.table.setMinimumWidth(width + self.table.verticalScrollBar().sizeHint().width())
        self.table.horizontalHeader().setStretchLastSection(True)
        self.resize(max(420, width + 60), min(640, 90 + 30 * len(all_rows)))

    def rows(self) -> list[tuple[str, str]]:
        return [
            (self.table.item(r, 0).text(), self.table.item(r, 1).text())
            for r in range(self.table.rowCount())
        ]


def extra_shortcuts() -> list[tuple[str, str]]:
    """Keys that are not menu actions (the grid's and the viewer's own)."""
    return [
        (
            QCoreApplication.translate("ShortcutsDialog", "Filter the history"),
            key_text(QKeySequence(QKeySequence.StandardKey.Find)),
        ),
        (
            QCoreApplication.translate("ShortcutsDialog", "Full-size preview"),
            QCoreApplication.translate("ShortcutsDialog", "Enter or double-click"),
        ),
        (QCoreApplication.translate("ShortcutsDialog", "Viewer: previous / next image"), "← / →"),
        (
            QCoreApplication.translate("ShortcutsDialog", "Viewer: fit / 100 % / zoom"),
            "0 / 1 / + / −",
        ),
        (
            QCoreApplication.translate("ShortcutsDialog", "Close the viewer"),
            key_text(QKeySequence("Escape")),
        ),
    ]


def installed_version(distribution: str) -> str:
    try:
        return metadata.version(distribution)
    except metadata.PackageNotFoundError:
        return ""


def _licence_row(name: str, purpose: str, licence: str) -> str:
    version = html.escape(installed_version(name))
    cell = "<td style='padding-right:10px'>"
    return (
        f"<tr>{cell}<b>{html.escape(name)}</b> {version}</td>{cell}{html.escape(purpose)}</td>"
        f"<td>{html.escape(licence)}</td></tr>"
    )


class AboutDialog(QDialog):
    """Version, Qt version, and the bundled libraries with their licences."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("aboutDialog")
        self.setWindowTitle(self.tr("About neuroflash Desktop"))
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        title = QLabel(f"<h2>neuroflash Desktop {html.escape(__version__)}</h2>")
        title.setObjectName("aboutTitle")
        intro = QLabel(
            self.tr(
                "Generate, browse, edit and drag out images with the neuroflash API.<br>"
                "Qt {qt}. Qt and PySide6 are used under the GNU LGPL version 3; you may "
                "replace them with your own build."
            ).format(qt=html.escape(qVersion()))
        )
        intro.setWordWrap(True)
        rows = "".join(_licence_row(name, purpose, licence) for name, purpose, licence in BUNDLED)
        heading = self.tr("Libraries included, and their licences:")
        self.licences = QLabel(
            f"<p>{html.escape(heading)}</p>"
            f"<table>{rows}</table>"
        )
        self.licences.setObjectName("aboutLicences")
        self.licences.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(intro)
        layout.addWidget(self.licences)
        layout.addWidget(buttons)
        self.setMinimumWidth(520)

    def text(self) -> str:
        return "\n".join(label.text() for label in self.findChildren(QLabel))
