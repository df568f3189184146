"""The main window's signal wiring: the session's signals to the window's display, the
grid's requests to the image actions, and the jobs, drag-out and filter signals.

All connections in one place and in one order (the order slots run in): e.g. a workspace's
models reach the Create panel before its remembered choices are restored.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from desktop.ui.shell.main_window import MainWindow


def connect_window(window: MainWindow) -> None:
    """Connect the window's panels to the session and to each other (once, when built)."""
    from PySide6.QtCore import Qt

    session, view = window.session, window.history_view
    session.workspacesChanged.connect(window.display.on_workspaces)
    session.workspaceChanged.connect(window.display.on_workspace_changed)
    session.quotaChanged.connect(window.display.on_quota)
    session.modelsChanged.connect(window.generate_panel.set_models)
    from desktop.ui.generate.remembered_choices import RememberedChoices

    window.remembered = RememberedChoices(
        window.generate_panel, window.settings, lambda: session.workspace_id, window
    )
    session.modelsChanged.connect(window.remembered.restore)  # after set_models
    session.modelsChanged.connect(
        lambda models: window.history_model.model_names.update({m.id: m.name for m in models})
    )
    session.historyReset.connect(window.display.on_history_reset)
    session.historyAdded.connect(window.display.on_history_added)
    session.historyRemoved.connect(window.history_model.remove_ids)
    session.historyExtended.connect(window.history_model.extend)
    session.loadingChanged.connect(window.display.on_loading)
    session.errorRaised.connect(window.display.on_error)
    session.notice.connect(lambda text: window.messages.show_note(text, seconds=12))
    session.offlineChanged.connect(window.display.on_offline)
    window.workspace_list.workspaceChosen.connect(window.choose_workspace)
    window.quota_panel.refreshRequested.connect(lambda: session.spawn(session.refresh_quota()))
    window.refresh_action.triggered.connect(lambda: session.spawn(session.refresh_all()))
    view.editRequested.connect(window.actions_.edit)
    view.deleteRequested.connect(window.actions_.delete)
    view.saveRequested.connect(window.actions_.save_as)
    view.copyImageRequested.connect(window.actions_.copy_image)
    view.copyPromptRequested.connect(window.actions_.copy_prompt)
    view.previewRequested.connect(window.open_preview)
    view.useSettingsRequested.connect(window.use_settings)
    view.compareRequested.connect(window.open_preview)
    window.actions_.editSubmitted.connect(window.job.submit_edit)
    window.job_panel.retryRequested.connect(window.job.retry)
    window.actions_.focusReturned.connect(lambda: view.setFocus(Qt.FocusReason.OtherFocusReason))
    window.drag_out.dragNotReady.connect(lambda text: window.messages.show_note(text, seconds=4))
    window.drag_out.dragFailed.connect(window.messages.show_error)
    for change in (
        window.history_proxy.modelReset,
        window.history_proxy.rowsInserted,
        window.history_proxy.rowsRemoved,
    ):
        change.connect(window.display.update_filter_empty_text)
    # a successful retry (or any finished job) takes the old red error away
    window.job.queue.jobFinished.connect(lambda _job: window.generate_panel.clear_error())
