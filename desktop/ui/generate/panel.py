"""The Create panel: prompt, settings, cost, Generate and Cancel, put together.

It validates what the designer typed against the chosen model and the credits left, and
explains why Generate is disabled; running the request is the window's job. Its parts each
have one job: the settings (parameter_form.py), the footer with Generate, cost, progress and
messages (generate_footer.py), and the check of whether Generate can run (generate_check.py).
The widgets stay reachable under the names they always had (``panel.model_combo``, ...).
"""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from desktop.api import GenerationRequest, HistoryItem, ImageModel, ImageQuota
from desktop.app.cooldown import Cooldown, cooldown_prefix, cooldown_text
from desktop.app.i18n import number
from desktop.services.prompt_text import MAX_PROMPT_CHARS, clean_prompt
from desktop.ui.generate.generate_check import GenerateCheck, Request
from desktop.ui.generate.generate_footer import GenerateFooter, generate_keys
from desktop.ui.generate.parameter_form import NOT_ALLOWED_REASON, ParameterForm
from desktop.ui.generate.prompt_edit import PromptEdit
from desktop.ui.generate.ratio_labels import Sizes

__all__ = ["NOT_ALLOWED_REASON", "GeneratePanel", "generate_keys"]

PROMPT_MIN_LINES = 3


class GeneratePanel(QFrame):
    """Emits ``generateRequested`` with a valid request, and ``cancelRequested``."""

    generateRequested = Signal(object)
    cancelRequested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("generatePanel")
        self.setAccessibleName(self.tr("Generate images"))
        self.cooldown = Cooldown(self)
        self.check = GenerateCheck(self)

        self.prompt_edit = PromptEdit()
        self.prompt_edit.setObjectName("promptEdit")
        self.prompt_edit.setAccessibleName(self.tr("Prompt"))
        self.prompt_edit.setPlaceholderText(
            self.tr("Describe the image you want… ({keys} generates)").format(keys=generate_keys())
        )
        self.prompt_edit.setTabChangesFocus(True)
        # gives up height first in a short window, down to three lines: with the job list
        # showing at 900x600 that kept the whole form in sight (72 px made it scroll)
        edit = self.prompt_edit
        edit.setMinimumHeight(
            PROMPT_MIN_LINES * edit.fontMetrics().lineSpacing()
            + 2 * (edit.frameWidth() + round(edit.document().documentMargin()))
        )
        self.prompt_counter = QLabel()
        self.prompt_counter.setObjectName("promptCounter")
        self.prompt_counter.setProperty("role", "secondary")
        self.prompt_counter.setAlignment(Qt.AlignmentFlag.AlignRight)

        self.parameters = ParameterForm(self)
        self.model_combo = self.parameters.model_combo
        self.model_description = self.parameters.model_description
        self.num_images_spin = self.parameters.num_images_spin
        self.aspect_ratio_combo = self.parameters.aspect_ratio_combo
        self.output_format_combo = self.parameters.output_format_combo

        # Cost, Generate, progress and messages form a footer: the window puts it below the
        # panel's scroll area (take_footer), so Generate never scrolls out of a short window.
        self.footer = GenerateFooter()
        self.cost_label = self.footer.cost_label
        self.way_out = self.footer.way_out
        self.generate_button = self.footer.generate_button
        self.cancel_button = self.footer.cancel_button
        self.progress = self.footer.progress
        self.progress_label = self.footer.progress_label
        self.message_label = self.footer.message_label
        self.way_out.countChosen.connect(self.num_images_spin.setValue)

        title = QLabel(self.tr("Create"))
        title.setProperty("role", "heading")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 12, 12, 12)
        layout.setSpacing(8)
        # the heading row also holds the Styles button (style_menu.py), right-aligned
        self.heading_row = QHBoxLayout()
        self.heading_row.setContentsMargins(0, 0, 0, 0)
        self.heading_row.addWidget(title)
        self.heading_row.addStretch(1)
        layout.addLayout(self.heading_row)
        layout.addWidget(self.prompt_edit, 2)
        layout.addWidget(self.prompt_counter)
        layout.addWidget(self.parameters)
        layout.addWidget(self.footer)
        layout.addStretch(1)

        self.cooldown.tick.connect(self._update_cooldown)
        self.parameters.modelChanged.connect(self._update_state)
        self.parameters.noted.connect(lambda text: self.show_message(text, error=False))
        self.prompt_edit.textChanged.connect(self._update_state)
        self.num_images_spin.valueChanged.connect(self._update_state)
        self.generate_button.clicked.connect(self.request_generate)
        self.cancel_button.clicked.connect(self.cancelRequested)
        self._update_state()

    def take_footer(self) -> QWidget:
        """The footer (cost, Generate, progress, messages) out of the panel's own layout, for
        the window to place where it always shows; the margins match the panel's."""
        if (layout := self.layout()) is None:
            return self.footer
        layout.removeWidget(self.footer)
        if (last := layout.itemAt(layout.count() - 1)) is not None and last.spacerItem():
            layout.removeItem(last)  # spare height goes to the prompt, not under Format
        margins = layout.contentsMargins()
        self.footer.setContentsMargins(margins.left(), 0, margins.right(), margins.bottom())
        layout.setContentsMargins(margins.left(), margins.top(), margins.right(), 0)
        return self.footer

    # -- inputs from the session ---------------------------------------------------------------

    def set_models(self, models: list[ImageModel]) -> None:
        """Fill the model list in ``order``; models not allowed stay visible but disabled."""
        self.check.signed_out = self.check.signed_out and not models
        self.parameters.set_models(models)

    def set_signed_out(self) -> None:
        """No account: say so, rather than "no models in this workspace"."""
        self.set_models([])
        self.check.signed_out = True
        self._update_state()

    def set_pending_credits(self, pending: int) -> None:
        """Credits the queued and running jobs of this workspace will still use: the panel
        counts them as the queue does, so it never calls fine what the queue then refuses."""
        if pending != self.check.pending:
            self.check.pending = pending
            self._update_state()

    def set_quota(self, quota: ImageQuota | None, known: bool = True) -> None:
        self.check.quota = quota
        self.check.quota_known = known
        self._update_state()

    def set_known_sizes(self, sizes: Sizes) -> None:
        """Pixel sizes seen in the history, for the aspect-ratio labels."""
        self.parameters.set_known_sizes(sizes)

    # -- state ---------------------------------------------------------------------------------

    @property
    def models(self) -> list[ImageModel]:
        """This workspace's models in the order the model list shows them."""
        return self.parameters.models

    def current_model(self) -> ImageModel | None:
        return self.parameters.current_model()

    def prompt(self) -> str:
        return clean_prompt(self.prompt_edit.toPlainText())

    def blocking_reason(self) -> str | None:
        """Why Generate can't run now, in the designer's words; None when it can."""
        return self.check.reason(
            Request(
                models=self.parameters.models,
                model=self.current_model(),
                count=self.num_images_spin.value(),
                typed=self.prompt_edit.toPlainText(),
                prompt=self.prompt(),
                cooldown_left=self.cooldown.left(),
            )
        )

    def _update_state(self) -> None:
        count = len(self.prompt())
        self.prompt_counter.setText(f"{number(count)} / {number(MAX_PROMPT_CHARS)}")
        self.prompt_counter.setProperty("state", "over" if count > MAX_PROMPT_CHARS else "")
        self.prompt_counter.style().polish(self.prompt_counter)
        reason = self.blocking_reason()
        wanted = self.num_images_spin.value()
        self.footer.show_readiness(reason, *self.check.cost(reason, wanted))
        left = self.check.left()
        self.way_out.offer_count(left if 0 < left < wanted else None)

    # -- running -------------------------------------------------------------------------------

    def request_generate(self) -> None:
        self.prompt_edit.close_suggestions()
        self._update_state()
        reason = self.blocking_reason()
        model = self.current_model()
        if reason is not None or model is None:
            if reason:
                self.show_message(reason)
            return
        self.clear_message()
        self.generateRequested.emit(
            GenerationRequest(
                prompt=self.prompt(),
                model=model.id,
                num_images=self.num_images_spin.value(),
                aspect_ratio=self.aspect_ratio_combo.currentData() or None,
                output_format=self.output_format_combo.currentData() or None,
            )
        )

    def set_running(self, running: bool, what: str = "", started: float | None = None) -> None:
        """Show progress while jobs run; Generate stays available (more jobs queue up).

        ``started`` (time.monotonic) is when the oldest running job began, so the elapsed
        time doesn't restart when the summary text changes. Calling again with the same
        values changes nothing."""
        self.footer.set_running(running, what, started)
        self._update_state()

    def start_cooldown(self, seconds: float) -> None:
        """After a 429: Generate stays disabled, and the message counts down to zero."""
        self.cooldown.start(seconds)

    def _update_cooldown(self, left: int) -> None:
        if left > 0:
            self.show_message(cooldown_text(left))
        elif self.message_label.text().startswith(cooldown_prefix()):
            self.clear_message()
        self._update_state()

    def show_message(self, text: str, error: bool = True) -> None:
        self.footer.show_message(text, error)

    def clear_message(self) -> None:
        self.footer.clear_message()

    def clear_error(self) -> None:
        """Hide an error message (not a note, not the cool-down count)."""
        if self.message_label.property("role") == "error" and self.cooldown.left() <= 0:
            self.clear_message()

    # -- choices -------------------------------------------------------------------------------

    def choices(self) -> dict[str, str]:
        """What is chosen now, as kept per workspace (desktop.services.settings)."""
        return self.parameters.choices()

    def restore_choices(self, choices: dict[str, str]) -> None:
        """Choose a remembered model, ratio, format and count where this workspace still
        offers them (and the model is allowed); anything else stays as it is."""
        self.parameters.restore_choices(choices)

    def apply_parameters(self, parameters: Mapping[str, object]) -> list[str]:
        """A style preset's model, ratio, format and count, where this workspace offers them;
        returns a sentence for each it can't (ParameterForm.apply_parameters)."""
        return self.parameters.apply_parameters(parameters)

    def apply_settings(self, item: HistoryItem) -> None:
        """ "Use these settings": the image's prompt, model, ratio and format (when the model
        is still offered here and allowed)."""
        self.prompt_edit.setPlainText(item.prompt)
        self.parameters.apply_item(item)
        self.focus_prompt()

    def focus_prompt(self) -> None:
        self.prompt_edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.prompt_edit.selectAll()
