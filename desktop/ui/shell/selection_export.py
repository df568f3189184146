"""Export the selected images to a folder or a ZIP (Image menu): each file with its metadata
embedded and a CSV/JSON sidecar (prompt, model, ids, dates); a progress window with Cancel;
existing files are never overwritten (new names instead). The work runs on a worker; the
progress is polled from the GUI thread, so the worker never touches a widget.
"""

from __future__ import annotations

import threading
from pathlib import Path

from PySide6.QtCore import QObject, QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QFileDialog, QProgressDialog, QWidget

from desktop.api import HistoryItem
from desktop.app.background import BackgroundRunner
from desktop.app.i18n import translate_message
from desktop.app.session import Session
from desktop.services.catalog import CatalogEntry, Kind
from desktop.services.catalog.bulk_export import ExportReport, export_to_folder, export_to_zip
from desktop.ui.common.message_bar import MessageBar
from desktop.ui.common.start_folder import PICTURES, start_folder
from desktop.ui.history.reselect import select_ids
from desktop.ui.history.view import HistoryView

FOLDER, ZIP = "folder", "zip"


class SelectionExport(QObject):
    """The two export actions and the running export (one at a time)."""

    def __init__(
        self,
        session: Session,
        runner: BackgroundRunner,
        view: HistoryView,
        messages: MessageBar,
        window: QWidget,
    ) -> None:
        super().__init__(window)
        self._session = session
        self._runner = runner
        self._view = view
        self._messages = messages
        self._window = window
        self._done = (0, 0)  # written by the worker, read by the poll timer
        self._cancel = threading.Event()
        self.running = False
        self.progress: QProgressDialog | None = None
        self.dialog: QFileDialog | None = None
        self.report: ExportReport | None = None
        self.last_folder: Path | None = None  # where the next export dialog opens
        self.folder_action = QAction(self.tr("Export Selection to Folder…"), self)
        self.folder_action.setShortcut(QKeySequence("Ctrl+Shift+E"))
        self.folder_action.triggered.connect(lambda: self.ask(FOLDER))
        self.zip_action = QAction(self.tr("Export Selection as ZIP…"), self)
        self.zip_action.triggered.connect(lambda: self.ask(ZIP))
        self._poll = QTimer(self)
        self._poll.setInterval(100)
        self._poll.timeout.connect(self._show_progress)

    def actions(self) -> list[QAction]:
        return [self.folder_action, self.zip_action]

    def ask(self, kind: str) -> None:
        """Ask where to (non-blocking dialog), then export the selection there."""
        items = self._view.selected_items()
        if not items:
            self._messages.show_note(self.tr("Select the images to export first."), seconds=5)
            return
        if self.running:
            return
        dialog = QFileDialog(self._window)
        dialog.setDirectory(start_folder(PICTURES, self.last_folder))
        if kind == FOLDER:
            dialog.setWindowTitle(self.tr("Export to Folder"))
            dialog.setFileMode(QFileDialog.FileMode.Directory)
            dialog.setOption(QFileDialog.Option.ShowDirsOnly, True)
        else:
            dialog.setWindowTitle(self.tr("Export as ZIP"))
            dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
            dialog.setNameFilter(self.tr("ZIP archives (*.zip)"))
            dialog.setDefaultSuffix("zip")
            dialog.selectFile("neuroflash-images.zip")
            # an existing name gets "(2)" instead of being replaced: no question needed
            dialog.setOption(QFileDialog.Option.DontConfirmOverwrite, True)
        dialog.fileSelected.connect(
            lambda path: self._session.spawn(self.export(items, kind, Path(path)))
        )
        dialog.fileSelected.connect(
            lambda path: setattr(
                self, "last_folder", Path(path) if kind == FOLDER else Path(path).parent
            )
        )
        dialog.finished.connect(lambda _r: setattr(self, "dialog", None))
        self.dialog = dialog
        dialog.open()

    async def export(self, items: list[HistoryItem], kind: str, target: Path) -> ExportReport:
        """Export ``items`` to the folder or ZIP ``target`` with a progress window."""
        self.running = True
        self._cancel.clear()
        self._done = (0, len(items))
        progress = QProgressDialog(
            self.tr("Exporting images…"), self.tr("Cancel"), 0, len(items), self._window
        )
        progress.setWindowTitle(self.tr("Export"))
        progress.setMinimumDuration(300)
        progress.canceled.connect(self._cancel.set)
        self.progress = progress
        self._poll.start()
        try:
            ws = self._session.workspace_id or ""
            entries = await self._runner.run(self._entries, ws, items)
            work = export_to_folder if kind == FOLDER else export_to_zip
            report = await self._runner.run(
                work, entries, self._fetch, target, self._progress, self._cancel.is_set
            )
        finally:
            self._poll.stop()
            progress.reset()
            progress.deleteLater()
            self.progress = None
            self.running = False
        self.report = report
        self._tell(report, len(items))
        return report

    # -- on the worker ------------------------------------------------------------------------

    def _entries(self, ws: str, items: list[HistoryItem]) -> list[CatalogEntry]:
        catalog = self._session.catalog
        store = catalog.store_now() if catalog is not None else None
        entries = []
        for item in items:
            entry = store.entry(ws, item.image_id) if store is not None else None
            entries.append(
                entry
                or CatalogEntry(
                    item=item,
                    kind=Kind.GENERATED,
                    source_image_id=None,
                    favourite=False,
                    rating=0,
                    credits_spent=None,
                    delete_due=None,
                )
            )
        return entries

    def _fetch(self, entry: CatalogEntry) -> tuple[bytes, str]:
        data = self._session.fetch_image(entry.item)
        return data.content, data.content_type

    def _progress(self, done: int, total: int) -> None:
        self._done = (done, total)

    # -- on the GUI thread --------------------------------------------------------------------

    def _show_progress(self) -> None:
        if self.progress is not None:
            self.progress.setValue(self._done[0])

    def _tell(self, report: ExportReport, asked: int) -> None:
        """Say what happened and what is on disk now: a stopped export never looks done."""
        saved = len(report.written)
        if report.error or report.cancelled:
            self._tell_stopped(report, asked, saved)
            return
        where = str(report.target) if report.target is not None else ""
        text = self.tr("Exported {written} of {asked} images to {where}.").format(
            written=saved, asked=asked, where=where
        )
        if report.failed:  # stays, says why, and finds them: a fading count left them unknown
            failed = [image_id for image_id, _why in report.failed]
            text += " " + self.tr("{failed} could not be downloaded.").format(failed=len(failed))
            text += " " + translate_message(report.failed[0][1])
            text += " " + self.tr("Select them to export them again.")
            self._messages.show_error(
                text, lambda: self.select_images(failed), self.tr("Select Them")
            )
            return
        self._messages.show_note(text, seconds=10)

    def select_images(self, image_ids: list[str]) -> int:
        """Select the grid's tiles of ``image_ids`` (those still shown); how many."""
        selected = select_ids(self._view, image_ids)
        if selected:
            self._view.setFocus()
        return selected

    def _tell_stopped(self, report: ExportReport, asked: int, saved: int) -> None:
        if report.target is None:  # a ZIP: only a complete archive is ever kept
            left = self.tr("No archive was made and no file was replaced.")
        elif saved:
            left = self.tr(
                "{saved} of {asked} images were saved in {where}; nothing was replaced."
            ).format(saved=saved, asked=asked, where=str(report.target))
        else:
            left = self.tr("No image was saved and no file was replaced.")
        if report.error:
            self._messages.show_error(translate_message(report.error) + " " + left)
        else:
            self._messages.show_note(self.tr("Export cancelled.") + " " + left, seconds=12)
