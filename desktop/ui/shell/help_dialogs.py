"""Help → Keyboard Shortcuts and Help → About: what the keys do, and what the app is made of.

The shortcut list is read from the window's own actions, so it always shows the keys that
really work, spelled exactly as the menus spell them in the current language. Both dialogs
open with ``open()``, never a nested ``exec()``.
"""

from __future__ import annotations

import html
from importlib import metadata

import PySide6
from PySide6.QtCore import QCoreApplication, Qt, qVersion
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QMenu,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop import __version__
from desktop.api.texts import QT_TRANSLATE_NOOP

# (distribution, what it does, licence): the libraries a bundle ships.
BUNDLED = (
    (
        "PySide6",
        QT_TRANSLATE_NOOP("AboutDialog", "Qt for Python: windows, widgets, images"),
        "LGPL-3.0 (Qt and PySide6)",
    ),
    (
        "qasync",
        QT_TRANSLATE_NOOP("AboutDialog", "Qt and asyncio in one event loop"),
        "BSD-2-Clause",
    ),
    ("requests", QT_TRANSLATE_NOOP("AboutDialog", "HTTP"), "Apache-2.0"),
    ("urllib3", QT_TRANSLATE_NOOP("AboutDialog", "HTTP connections (used by requests)"), "MIT"),
    ("certifi", QT_TRANSLATE_NOOP("AboutDialog", "Trusted certificate authorities"), "MPL-2.0"),
    (
        "truststore",
        QT_TRANSLATE_NOOP("AboutDialog", "The system's trusted certificates"),
        "MIT",
    ),
    ("keyring", QT_TRANSLATE_NOOP("AboutDialog", "The system keychain"), "MIT"),
    (
        "Pillow",
        QT_TRANSLATE_NOOP("AboutDialog", "Reading and writing image files"),
        "MIT-CMU (HPND)",
    ),
    ("FastAPI", QT_TRANSLATE_NOOP("AboutDialog", "The built-in demo server"), "MIT"),
    ("uvicorn", QT_TRANSLATE_NOOP("AboutDialog", "The built-in demo server"), "BSD-3-Clause"),
)


def key_text(sequence: QKeySequence) -> str:
    """A key sequence as the menus show it, in the current language."""
    return sequence.toString(QKeySequence.SequenceFormat.NativeText)


def shortcut_rows(actions: list[QAction]) -> list[tuple[str, str]]:
    """(what, keys) for every action with a shortcut, in menu order, without duplicates. Only
    the first (main) shortcut shows: "Ctrl++ / Ctrl+=" was hard to read, and the menus show
    the first one too."""
    rows: list[tuple[str, str]] = []
    for action in actions:
        keys = [key_text(s) for s in action.shortcuts() if not s.isEmpty()]
        if not keys and isinstance(submenu := action.menu(), QMenu):
            # one row for a submenu's keys (Rating: 1 / 2 / 3 / 4 / 5 / 0), not six
            inner = [k for _w, k in shortcut_rows(submenu.actions())]
            keys = [" / ".join(inner)] if inner else []
        what = action.text().replace("&", "").removesuffix("…").strip()
        if keys and what and what not in {w for w, _k in rows}:
            rows.append((what, keys[0]))
    return rows


def shortcut_groups(menus: list[QMenu]) -> list[tuple[str, list[tuple[str, str]]]]:
    """(menu title, rows) for each menu that has shortcuts, in menu-bar order."""
    groups = []
    for menu in menus:
        if rows := shortcut_rows(menu.actions()):
            groups.append((menu.title().replace("&", ""), rows))
    return groups


class ShortcutsDialog(QDialog):
    """A read-only list grouped by menu: what, and the keys that do it. No grid lines, no
    selection, no focus frame; it fits a 900x600 window and scrolls if it must."""

    def __init__(
        self,
        groups: list[tuple[str, list[tuple[str, str]]]],
        extra: list[tuple[str, str]],
        parent: QWidget | None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("shortcutsDialog")
        self.setWindowTitle(self.tr("Keyboard Shortcuts"))
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self._rows: list[tuple[str, str]] = []
        self.table = QTreeWidget()
        self.table.setObjectName("shortcutsTable")
        self.table.setColumnCount(2)
        self.table.setHeaderHidden(True)
        self.table.setRootIsDecorated(False)
        self.table.setItemsExpandable(False)
        self.table.setFrameShape(QFrame.Shape.NoFrame)
        self.table.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.table.setSelectionMode(QTreeWidget.SelectionMode.NoSelection)
        self.table.setEditTriggers(QTreeWidget.EditTrigger.NoEditTriggers)
        self.table.viewport().setAutoFillBackground(False)
        all_groups = [*groups, (self.tr("History and viewer"), extra)] if extra else groups
        for title, rows in all_groups:
            heading = QTreeWidgetItem([title])
            font = heading.font(0)
            font.setBold(True)
            heading.setFont(0, font)
            heading.setFlags(Qt.ItemFlag.ItemIsEnabled)
            self.table.addTopLevelItem(heading)
            heading.setFirstColumnSpanned(True)
            for what, keys in rows:
                item = QTreeWidgetItem(["    " + what, keys])
                item.setFlags(Qt.ItemFlag.ItemIsEnabled)
                self.table.addTopLevelItem(item)
                self._rows.append((what, keys))
        self.table.resizeColumnToContents(0)
        self.table.resizeColumnToContents(1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addWidget(buttons)
        width = self.table.columnWidth(0) + self.table.columnWidth(1) + 24
        self.table.setMinimumWidth(width + self.table.verticalScrollBar().sizeHint().width())
        lines = self.table.topLevelItemCount()
        line = self.table.sizeHintForRow(0) if lines else 20
        room = parent.window().height() - 60 if parent is not None else 520
        self.resize(max(420, width + 60), max(200, min(room, 80 + line * lines)))

    def rows(self) -> list[tuple[str, str]]:
        return list(self._rows)


def extra_shortcuts() -> list[tuple[str, str]]:
    """Keys that are not menu actions (the grid's and the viewer's own)."""
    return [
        (
            QCoreApplication.translate("ShortcutsDialog", "Filter the history"),
            key_text(QKeySequence(QKeySequence.StandardKey.Find)),
        ),
        (
            QCoreApplication.translate("ShortcutsDialog", "Select every image"),
            key_text(QKeySequence(QKeySequence.StandardKey.SelectAll)),
        ),
        (
            QCoreApplication.translate("ShortcutsDialog", "Undo a delete (while its note shows)"),
            key_text(QKeySequence(QKeySequence.StandardKey.Undo)),
        ),
        (
            QCoreApplication.translate("ShortcutsDialog", "Full-size preview"),
            QCoreApplication.translate("ShortcutsDialog", "{key} or double-click").format(
                key=key_text(QKeySequence("Return"))
            ),
        ),
        (
            QCoreApplication.translate("ShortcutsDialog", "Compare two images"),
            QCoreApplication.translate("ShortcutsDialog", "Select two, then {key}").format(
                key=key_text(QKeySequence("Return"))
            ),
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
    found = installed_version(name) or (PySide6.__version__ if name == "PySide6" else "")
    version = html.escape(found)
    cell = "<td style='padding-right:10px'>"
    purpose = QCoreApplication.translate("AboutDialog", purpose)
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
                "Qt {qt}, PySide6 {pyside}. Qt and PySide6 are used under the GNU LGPL "
                "version 3; you may replace them with your own build."
            ).format(qt=html.escape(qVersion()), pyside=html.escape(PySide6.__version__))
        )
        intro.setWordWrap(True)
        rows = "".join(_licence_row(name, purpose, licence) for name, purpose, licence in BUNDLED)
        heading = self.tr("Libraries included, and their licences:")
        self.licences = QLabel(f"<p>{html.escape(heading)}</p><table>{rows}</table>")
        self.licences.setObjectName("aboutLicences")
        self.licences.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        self.icon = QLabel()
        self.icon.setObjectName("aboutIcon")
        from desktop.ui.shell.theme import app_icon

        icon = app_icon()
        self.icon.setPixmap(icon.pixmap(64, 64))
        self.icon.setVisible(not icon.isNull())
        top = QHBoxLayout()
        top.addWidget(self.icon, 0, Qt.AlignmentFlag.AlignTop)
        top.addWidget(title, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(intro)
        layout.addWidget(self.licences)
        layout.addWidget(buttons)
        self.setMinimumWidth(520)

    def text(self) -> str:
        return "\n".join(label.text() for label in self.findChildren(QLabel))
