"""The list of queued, running and finished jobs under the Generate button."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QListView,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.app.i18n import fix_plural
from desktop.app.job_queue import Job, JobQueue, JobRole, JobStatus

JOB_LIST_LINES = 6


class JobPanel(QWidget):
    """Shows the queue; Stop waiting / Cancel and Retry act on the selected job. Retry is only
    asked for (``retryRequested``): the window checks credits before it queues the new job.

    A job that was sent cannot be called back: its images arrive and are charged whatever the
    app does. So the button says "Stop waiting" for it, and says before the click what that
    means; only a queued job (not sent yet) gets a real "Cancel"."""

    retryRequested = Signal(object)

    def __init__(self, queue: JobQueue, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("jobPanel")
        self.setAccessibleName(self.tr("Jobs"))
        self.queue = queue
        self.retry_confirmation: QMessageBox | None = None
        title = QLabel(self.tr("Jobs"))
        title.setProperty("role", "heading")
        self.list_view = QListView()
        self.list_view.setObjectName("jobList")
        self.list_view.setAccessibleName(self.tr("Jobs"))
        self.list_view.setModel(queue)
        self.list_view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.list_view.setWordWrap(True)
        self.list_view.setSpacing(2)
        self.cancel_button = QPushButton(self.tr("Stop waiting"))
        self.cancel_button.setObjectName("jobCancelButton")
        self.retry_button = QPushButton(self.tr("Retry"))
        self.retry_button.setObjectName("jobRetryButton")
        self.retry_button.setToolTip(
            self.tr("Send the same request again as a new job (uses credits)")
        )
        self.clear_button = QPushButton(self.tr("Clear finished"))
        self.clear_button.setObjectName("jobClearButton")
        # Clearing is about the whole list, so it sits with the heading; the row below keeps
        # the two actions on the selected job, and fits the narrow column at 900 px in German.
        heading = QHBoxLayout()
        heading.addWidget(title)
        heading.addStretch(1)
        heading.addWidget(self.clear_button)
        buttons = QHBoxLayout()
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.retry_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)
        layout.addLayout(heading)
        layout.addWidget(self.list_view, 1)
        layout.addLayout(buttons)

        self.cancel_button.clicked.connect(self._cancel)
        self.retry_button.clicked.connect(self._retry)
        self.clear_button.clicked.connect(queue.clear_finished)
        self.list_view.selectionModel().currentChanged.connect(self._update_buttons)
        queue.dataChanged.connect(self._update_buttons)
        queue.rowsInserted.connect(self._on_inserted)
        queue.modelReset.connect(self._update_buttons)
        for change in (queue.rowsInserted, queue.rowsRemoved, queue.dataChanged, queue.modelReset):
            change.connect(self._fit_list)
        self._fit_list()
        self._update_buttons()
        self.setVisible(False)

    def _fit_list(self, *_args: object) -> None:
        """The list may shrink to its newest entry (the one being made): in a short window
        (900x600 with the demo banner) six lines of jobs pushed the Create form into
        scrolling, and a list that scrolls is less in the way than a form that does."""
        view = self.list_view
        newest = view.sizeHintForRow(0) if self.queue.rowCount() else 0
        line = view.fontMetrics().lineSpacing()
        view.setMinimumHeight(max(newest, 2 * line) + 2 * view.spacing() + 2 * view.frameWidth())

    def wanted_height(self) -> int:
        """The panel's height with room for two entries of three lines ("Stopped waiting ·
        the images still arrive and are charged" wraps in the narrow column); the right
        column gives it this when it has the room. It asks for that room from the first job
        on, not row by row: a list that grew with each job pushed the Generate button up
        under the pointer, and the next click missed it."""
        view = self.list_view
        line = view.fontMetrics().lineSpacing()
        frame = 2 * view.frameWidth()
        full = JOB_LIST_LINES * line + 4 * view.spacing() + frame
        wanted = max(view.minimumHeight(), full)
        return self.minimumSizeHint().height() - view.minimumHeight() + wanted

    def selected_job(self) -> Job | None:
        index = self.list_view.currentIndex()
        return index.data(JobRole) if index.isValid() else None

    def _on_inserted(self) -> None:
        self.setVisible(True)
        self.list_view.setCurrentIndex(self.queue.index(0, 0))
        self._update_buttons()

    def _update_buttons(self, *_args: object) -> None:
        job = self.selected_job()
        self.cancel_button.setEnabled(bool(job and job.active))
        if job is not None and job.status is JobStatus.QUEUED:
            self.cancel_button.setText(self.tr("Cancel"))
            explain = self.tr("Not sent yet: cancelling it costs nothing.")
        else:
            self.cancel_button.setText(self.tr("Stop waiting"))
            explain = self.tr(
                "Already sent: its images will still arrive in your history and the credits "
                "are charged, even if you stop waiting."
            )
        self.cancel_button.setToolTip(explain)
        self.cancel_button.setAccessibleDescription(explain)
        self.retry_button.setEnabled(bool(job and job.status is JobStatus.FAILED))
        self.clear_button.setEnabled(any(not j.active for j in self.queue.jobs()))
        if self.queue.rowCount() == 0:
            self.setVisible(False)

    def _cancel(self) -> None:
        if (job := self.selected_job()) is not None:
            self.queue.cancel(job)

    def _retry(self) -> None:
        job = self.selected_job()
        if job is None:
            return
        if job.maybe_charged:
            self._confirm_retry(job)
        else:
            self.retryRequested.emit(job)

    def _confirm_retry(self, job: Job) -> None:
        """Its images may exist already: say what a retry costs before sending it again.
        Opened with open(), never exec(): the app's event loop keeps running."""
        if self.retry_confirmation is not None:
            self.retry_confirmation.raise_()
            return
        box = QMessageBox(self)
        box.setObjectName("retryConfirmation")
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(self.tr("Retry job #{number}?").format(number=job.number))
        box.setText(self.tr("Its images may already be on their way to your history."))
        box.setInformativeText(
            self.tr(
                "The connection dropped after neuroflash received the request, so it may have "
                "made and charged the images. Retrying sends a new request and uses {credits} "
                "again. Refresh (F5) first to check."
            ).format(credits=fix_plural(self.tr("%n credit(s)", "", job.images), job.images))
        )
        again = box.addButton(self.tr("Retry anyway"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)

        def done(_result: int) -> None:
            self.retry_confirmation = None
            if box.clickedButton() is again and job.status is JobStatus.FAILED:
                self.retryRequested.emit(job)
            box.deleteLater()

        box.finished.connect(done)
        self.retry_confirmation = box
        box.open()

    def keyPressEvent(self, event) -> None:  # Qt override
        if event.key() == Qt.Key.Key_Delete:
            self._cancel()
            return
        super().keyPressEvent(event)
