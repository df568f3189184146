"""Per workspace, the model, image count, aspect ratio and format the designer last chose,
kept across quits (issue 11, item 9: they all reset to the first model, 1 image, 1:1, png).

Saved when the designer changes one (``activated`` fires for the designer's picks only, not
for the panel refilling its lists) and at every Generate; restored when a workspace's models
arrive. While the panel has no models (signed out, switching workspaces) nothing is saved.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject

from desktop.services.settings import AppSettings
from desktop.ui.generate.panel import GeneratePanel


class RememberedChoices(QObject):
    """Keeps ``panel``'s choices in ``settings`` under the workspace ``workspace_id()``."""

    def __init__(
        self,
        panel: GeneratePanel,
        settings: AppSettings,
        workspace_id: Callable[[], str | None],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._panel = panel
        self._settings = settings
        self._workspace_id = workspace_id
        self._restoring = False
        for combo in (panel.model_combo, panel.aspect_ratio_combo, panel.output_format_combo):
            combo.activated.connect(self.save)
        panel.num_images_spin.valueChanged.connect(self.save)
        panel.generateRequested.connect(self.save)

    def save(self, *_args: object) -> None:
        workspace = self._workspace_id()
        if self._restoring or not workspace or self._panel.current_model() is None:
            return
        self._settings.set_generate_choices(workspace, self._panel.choices())

    def restore(self, *_args: object) -> None:
        """After the panel got a workspace's models: choose what was used there last."""
        workspace = self._workspace_id()
        if not workspace or self._panel.current_model() is None:
            return
        self._restoring = True
        try:
            self._panel.restore_choices(self._settings.generate_choices(workspace))
        finally:
            self._restoring = False
