"""Workspace sidebar: the account's workspaces as a list model and its view."""

from __future__ import annotations

from typing import Any, cast

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, QSize, Qt, Signal
from PySide6.QtWidgets import QAbstractItemView, QListView, QWidget

from desktop.api import Workspace

Index = QModelIndex | QPersistentModelIndex
WORKSPACE_ROWS_SHOWN = 6


class WorkspaceListModel(QAbstractListModel):
    """Rows are workspaces; ``Qt.UserRole`` gives the workspace id."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._workspaces: list[Workspace] = []

    def set_workspaces(self, workspaces: list[Workspace]) -> None:
        self.beginResetModel()
        self._workspaces = list(workspaces)
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt signature
        return 0 if parent.isValid() else len(self._workspaces)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._workspaces):
            return None
        workspace = self._workspaces[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return workspace.name or workspace.id
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.tr("{name}\nID: {id}").format(name=workspace.name, id=workspace.id)
        if role == Qt.ItemDataRole.UserRole:
            return workspace.id
        return None

    def row_of(self, workspace_id: str) -> int:
        for row, workspace in enumerate(self._workspaces):
            if workspace.id == workspace_id:
                return row
        return -1


class WorkspaceList(QListView):
    """Single-selection list; emits ``workspaceChosen`` when the user picks another one."""

    workspaceChosen = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("workspaceList")
        self.setAccessibleName(self.tr("Workspaces"))
        self.setModel(WorkspaceListModel(self))
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setUniformItemSizes(True)
        self.selectionModel().currentChanged.connect(self._on_current_changed)
        self.model().modelReset.connect(self.updateGeometry)
        self._quiet = False

    def sizeHint(self) -> QSize:  # Qt override
        """As tall as its rows (two to six; more scroll), so the collections below keep a
        fixed place and get the sidebar's spare height."""
        rows = self.model().rowCount()
        row = self.sizeHintForRow(0) if rows else self.fontMetrics().height() + 16
        shown = min(max(rows, 2), WORKSPACE_ROWS_SHOWN)
        return QSize(super().sizeHint().width(), shown * row + 2 * self.frameWidth() + 2)

    def workspace_model(self) -> WorkspaceListModel:
        return cast(WorkspaceListModel, self.model())  # set once, in __init__

    def set_workspaces(self, workspaces: list[Workspace]) -> None:
        self._quiet = True
        try:
            self.workspace_model().set_workspaces(workspaces)
        finally:
            self._quiet = False

    def select_workspace(self, workspace_id: str) -> None:
        """Highlight a workspace without announcing it as a new choice."""
        row = self.workspace_model().row_of(workspace_id)
        if row < 0:
            return
        self._quiet = True
        try:
            self.setCurrentIndex(self.workspace_model().index(row))
        finally:
            self._quiet = False

    def _on_current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if not self._quiet and current.isValid():
            self.workspaceChosen.emit(current.data(Qt.ItemDataRole.UserRole))
