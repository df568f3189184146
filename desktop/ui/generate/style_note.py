"""The line the Styles button leaves under Generate ("Style “Flat” applied. …"), gone once
the designer moves on.

A note about what a style just did is news only until the designer acts: typing in the
prompt, undoing, or choosing another model, count, ratio or format hides it. One part stays
useful after an edit: while a placeholder such as ``{paper}`` is still in the prompt, the note
shrinks to the reminder to type over it, and goes once none is left. A message someone else
put there since (an error, the cool-down count) is never touched.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QObject

from desktop.ui.generate.panel import GeneratePanel


class StyleNote(QObject):
    """Shows the Styles button's notes in the panel and hides them when the designer moves on."""

    def __init__(self, panel: GeneratePanel) -> None:
        super().__init__(panel)
        self._panel = panel
        self._shown: str | None = None  # the text this note put up, while it is still up
        self._waiting: tuple[str, ...] = ()  # placeholders the designer should type over
        self._prompt = ""
        self._choices: dict[str, str] = {}
        panel.prompt_edit.textChanged.connect(self._moved_on)
        # activated: the designer's own choice, not a refill of the lists when models reload
        for combo in (panel.model_combo, panel.aspect_ratio_combo, panel.output_format_combo):
            combo.activated.connect(self._moved_on)
        panel.num_images_spin.valueChanged.connect(self._moved_on)

    def reminder(self, placeholders: Sequence[str]) -> str:
        return self.tr("Type over {placeholder} in the prompt before you generate.").format(
            placeholder=", ".join("{" + name + "}" for name in placeholders)
        )

    def show(self, text: str, error: bool = False, placeholders: Sequence[str] = ()) -> None:
        panel = self._panel
        panel.show_message(text, error=error)
        self._shown = panel.message_label.text()
        self._waiting = tuple(placeholders)
        self._prompt = panel.prompt_edit.toPlainText()
        self._choices = panel.choices()

    def is_showing(self) -> bool:
        label = self._panel.message_label
        return self._shown is not None and not label.isHidden() and label.text() == self._shown

    def _moved_on(self) -> None:
        panel = self._panel
        if not self.is_showing():
            self._shown = None
            return
        prompt = panel.prompt_edit.toPlainText()
        if prompt == self._prompt and panel.choices() == self._choices:
            return  # a signal without a change (the same text set again, a clamp to the same)
        left = [name for name in self._waiting if "{" + name + "}" in prompt]
        if left:
            if (text := self.reminder(left)) != self._shown:
                self.show(text, placeholders=left)
            else:
                self._prompt, self._choices = prompt, panel.choices()
            return
        panel.clear_message()
        self._shown = None
