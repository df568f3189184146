"""Model and parameter panel: prompt, model, count, ratio, format, cost, Generate and Cancel.

It validates what the designer typed against the chosen model and the credits left, and
explains why Generate is disabled. Running the request is the window's job.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Mapping

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QStandardItemModel
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from desktop.api import GenerationRequest, HistoryItem, ImageModel, ImageQuota
from desktop.api.texts import QT_TRANSLATE_NOOP
from desktop.app.cooldown import Cooldown, cooldown_prefix, cooldown_text
from desktop.app.i18n import fix_plural, number, translate_message
from desktop.services.prompt_text import MAX_PROMPT_CHARS, clean_prompt
from desktop.ui.common.wheel_guard import guard_wheel
from desktop.ui.generate.credit_way_out import CreditWayOut, daily_renewal_time
from desktop.ui.generate.prompt_edit import PromptEdit
from desktop.ui.generate.ratio_labels import Sizes, ratio_label

NOT_ALLOWED_REASON = QT_TRANSLATE_NOOP("GeneratePanel", "Not included in this workspace's plan")


def generate_keys() -> str:
    """Ctrl+Enter as the Image menu spells it, so hint and menu agree in every language (Qt
    says "Strg+Return" in German, the catalogue said "Strg+Eingabe")."""
    return QKeySequence("Ctrl+Return").toString(QKeySequence.SequenceFormat.NativeText)


class GeneratePanel(QFrame):
    """Emits ``generateRequested`` with a valid request, and ``cancelRequested``."""

    generateRequested = Signal(object)
    cancelRequested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("generatePanel")
        self.setAccessibleName(self.tr("Generate images"))
        self._models: list[ImageModel] = []
        self._quota: ImageQuota | None = None
        self._quota_known = False
        self._signed_out = False
        self._sizes: Sizes = {}
        self._pending = 0  # credits that queued and running jobs here will still use
        self._started = 0.0
        self._what = ""
        self.cooldown = Cooldown(self)

        self.prompt_edit = PromptEdit()
        self.prompt_edit.setObjectName("promptEdit")
        self.prompt_edit.setAccessibleName(self.tr("Prompt"))
        self.prompt_edit.setPlaceholderText(
            self.tr("Describe the image you want… ({keys} generates)").format(keys=generate_keys())
        )
        self.prompt_edit.setTabChangesFocus(True)
        self.prompt_edit.setMinimumHeight(72)  # gives up height first in a short window
        self.prompt_counter = QLabel()
        self.prompt_counter.setObjectName("promptCounter")
        self.prompt_counter.setProperty("role", "secondary")
        self.prompt_counter.setAlignment(Qt.AlignmentFlag.AlignRight)

        self.model_combo = QComboBox()
        self.model_combo.setObjectName("modelCombo")
        self.model_combo.setAccessibleName(self.tr("Model"))
        self.model_description = QLabel()
        self.model_description.setObjectName("modelDescription")
        self.model_description.setTextFormat(Qt.TextFormat.PlainText)  # server text
        self.model_description.setProperty("role", "secondary")
        self.model_description.setWordWrap(True)
        self.num_images_spin = QSpinBox()
        self.num_images_spin.setObjectName("numImagesSpin")
        self.num_images_spin.setAccessibleName(self.tr("Number of images"))
        self.num_images_spin.setRange(1, 1)
        self.aspect_ratio_combo = QComboBox()
        self.aspect_ratio_combo.setObjectName("aspectRatioCombo")
        self.aspect_ratio_combo.setAccessibleName(self.tr("Aspect ratio"))
        self.output_format_combo = QComboBox()
        self.output_format_combo.setObjectName("outputFormatCombo")
        self.output_format_combo.setAccessibleName(self.tr("Output format"))

        for combo in (self.model_combo, self.aspect_ratio_combo, self.output_format_combo):
            # long entries ("… — not included in this workspace's plan") must not make the
            # panel wider than a small window has room for (issue 11, item 7)
            combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
            combo.setMinimumContentsLength(8)
        # the wheel scrolls the panel; it changes a setting only once that has focus
        guard_wheel(
            self,
            self.model_combo,
            self.aspect_ratio_combo,
            self.output_format_combo,
            self.num_images_spin,
        )
        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow(self.tr("Model"), self.model_combo)
        form.addRow("", self.model_description)
        form.addRow(self.tr("Images"), self.num_images_spin)
        form.addRow(self.tr("Aspect ratio"), self.aspect_ratio_combo)
        form.addRow(self.tr("Format"), self.output_format_combo)

        self.cost_label = QLabel()
        self.cost_label.setObjectName("costLabel")
        self.cost_label.setWordWrap(True)
        self.cost_label.setAccessibleName(self.tr("Cost of this generation"))
        self.way_out = CreditWayOut()
        self.way_out.countChosen.connect(self.num_images_spin.setValue)
        self.generate_button = QPushButton(self.tr("Generate"))
        self.generate_button.setObjectName("generateButton")
        self.generate_button.setAccessibleName(self.tr("Generate"))
        self.generate_button.setProperty("role", "primary")
        self.generate_button.setToolTip(self._generate_tip())
        self.generate_button.setMinimumHeight(36)
        # Sent requests can't be called back: the button says what it does (issue 11.2).
        self.cancel_button = QPushButton(self.tr("Stop waiting"))
        self.cancel_button.setObjectName("cancelButton")
        self.cancel_button.setAccessibleName(self.tr("Stop waiting"))
        self.cancel_button.setToolTip(
            self.tr(
                "Images already requested will still arrive in your history and are charged; "
                "jobs not sent yet are cancelled at no cost."
            )
        )
        self.cancel_button.hide()
        button_row = QWidget()
        buttons = QHBoxLayout(button_row)
        buttons.setContentsMargins(0, 0, 0, 0)
        buttons.addWidget(self.generate_button, 1)
        buttons.addWidget(self.cancel_button)
        # room for "Stop waiting" from the start: the column must not widen when a job starts
        button_row.setMinimumWidth(
            self.generate_button.sizeHint().width()
            + buttons.spacing()
            + self.cancel_button.sizeHint().width()
        )
        self.progress = QProgressBar()
        self.progress.setObjectName("generateProgress")
        self.progress.setAccessibleName(self.tr("Generating"))
        self.progress.setRange(0, 0)
        self.progress.setTextVisible(False)
        self.progress.setFixedHeight(6)
        self.progress.hide()
        self.progress_label = QLabel()
        self.progress_label.setObjectName("generateProgressLabel")
        self.progress_label.setProperty("role", "secondary")
        self.progress_label.setWordWrap(True)  # a long summary wraps, the column keeps its width
        self.progress_label.hide()
        self.message_label = QLabel()
        self.message_label.setObjectName("generateMessage")
        self.message_label.setTextFormat(Qt.TextFormat.PlainText)  # server text
        self.message_label.setWordWrap(True)
        self.message_label.setProperty("role", "error")
        self.message_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.message_label.hide()

        title = QLabel(self.tr("Create"))
        title.setProperty("role", "heading")
        # Cost, Generate, progress and messages form a footer: the window puts it below the
        # panel's scroll area (take_footer), so Generate never scrolls out of a short window.
        self.footer = QWidget()
        self.footer.setObjectName("generateFooter")
        footer = QVBoxLayout(self.footer)
        footer.setContentsMargins(0, 0, 0, 0)
        footer.setSpacing(8)
        footer.addWidget(self.cost_label)
        footer.addWidget(self.way_out)
        footer.addWidget(button_row)
        footer.addWidget(self.progress)
        footer.addWidget(self.progress_label)
        footer.addWidget(self.message_label)
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
        layout.addLayout(form)
        layout.addWidget(self.footer)
        layout.addStretch(1)

        self._tick = QTimer(self)
        self._tick.setInterval(250)
        self._tick.timeout.connect(self._update_elapsed)
        self.cooldown.tick.connect(self._update_cooldown)
        self.model_combo.currentIndexChanged.connect(self._on_model_changed)
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
        margins = layout.contentsMargins()
        self.footer.setContentsMargins(margins.left(), 0, margins.right(), margins.bottom())
        layout.setContentsMargins(margins.left(), margins.top(), margins.right(), 0)
        return self.footer

    def _loading_text(self) -> str:
        return self.tr("Loading this workspace's image models…")

    def _generate_tip(self) -> str:
        return self.tr("Generate ({keys})").format(keys=generate_keys())

    # -- inputs from the session ---------------------------------------------------------------

    def set_models(self, models: list[ImageModel]) -> None:
        """Fill the model list in ``order``; models not allowed stay visible but disabled."""
        previous = self.current_model()
        self._signed_out = self._signed_out and not models
        self._models = sorted(models, key=lambda m: m.order)
        self.model_combo.blockSignals(True)
        self.model_combo.clear()
        item_model = self.model_combo.model()
        first_allowed = -1
        for row, model in enumerate(self._models):
            reason = self.tr(NOT_ALLOWED_REASON)
            label = model.name if model.allowed else f"{model.name} — {reason.lower()}"
            self.model_combo.addItem(label, model.id)
            self.model_combo.setItemData(
                row, model.description or model.name, Qt.ItemDataRole.ToolTipRole
            )
            if isinstance(item_model, QStandardItemModel) and not model.allowed:
                item = item_model.item(row)
                item.setEnabled(False)
                item.setToolTip(reason)
            if model.allowed and first_allowed < 0:
                first_allowed = row
        keep = next(
            (
                row
                for row, m in enumerate(self._models)
                if previous and m.id == previous.id and m.allowed
            ),
            first_allowed,
        )
        self.model_combo.setCurrentIndex(max(keep, 0) if self._models else -1)
        self.model_combo.blockSignals(False)
        self._on_model_changed()

    def set_signed_out(self) -> None:
        """No account: say so, rather than "no models in this workspace"."""
        self.set_models([])
        self._signed_out = True
        self._update_state()

    def set_pending_credits(self, pending: int) -> None:
        """Credits the queued and running jobs of this workspace will still use: the panel
        counts them as the queue does, so it never calls fine what the queue then refuses."""
        if pending != self._pending:
            self._pending = pending
            self._update_state()

    def _left(self) -> int:
        """Credits left for a new request (0 without a quota)."""
        if self._quota is None:
            return 0
        return max(0, self._quota.remaining - self._pending)

    def set_quota(self, quota: ImageQuota | None, known: bool = True) -> None:
        self._quota = quota
        self._quota_known = known
        self._update_state()

    # -- state ---------------------------------------------------------------------------------

    @property
    def models(self) -> list[ImageModel]:
        """This workspace's models in the order the model list shows them."""
        return self._models

    def current_model(self) -> ImageModel | None:
        row = self.model_combo.currentIndex()
        return self._models[row] if 0 <= row < len(self._models) else None

    def prompt(self) -> str:
        return clean_prompt(self.prompt_edit.toPlainText())

    def _on_model_changed(self) -> None:
        model = self.current_model()
        self._fill_combo(
            self.aspect_ratio_combo,
            model.aspect_ratios if model else (),
            "1:1",
            lambda ratio: ratio_label(ratio, model.id if model else "", self._sizes),
        )
        self._fill_combo(self.output_format_combo, model.output_formats if model else (), "png")
        wanted = self.num_images_spin.value()
        self.num_images_spin.setRange(1, max(1, model.max_images if model else 1))
        if model and wanted > self.num_images_spin.value():  # say why the count went down
            self.show_message(
                self.tr(
                    "{model} makes at most {count} images at a time, so Images is now {count}."
                ).format(model=model.name, count=self.num_images_spin.value()),
                error=False,
            )
        self.model_description.setText(model.description if model else "")
        self.model_description.setVisible(bool(model and model.description))
        self._update_state()

    @staticmethod
    def _fill_combo(
        combo: QComboBox,
        values: tuple[str, ...],
        preferred: str,
        label: Callable[[str], str] = str,
    ) -> None:
        """Items show ``label(value)`` and carry the value itself (what the API takes)."""
        previous = combo.currentData()
        combo.clear()
        for value in values:
            combo.addItem(label(value), value)
        for wanted in (previous, preferred):
            if wanted in values:
                combo.setCurrentIndex(combo.findData(wanted))
                break
        combo.setEnabled(bool(values))

    def set_known_sizes(self, sizes: Sizes) -> None:
        """Pixel sizes seen in the history, for the aspect-ratio labels."""
        self._sizes = sizes
        model = self.current_model()
        for row in range(self.aspect_ratio_combo.count()):
            ratio = self.aspect_ratio_combo.itemData(row)
            self.aspect_ratio_combo.setItemText(
                row, ratio_label(ratio, model.id if model else "", sizes)
            )

    def blocking_reason(self) -> str | None:
        """Why Generate can't run now, in the designer's words; None when it can."""
        model = self.current_model()
        prompt = self.prompt()
        if self.cooldown.left() > 0:
            return cooldown_text(self.cooldown.left())
        if self._signed_out:
            return self.tr("Sign in to generate images.")
        if self._quota_known and self._quota is None:
            return self.tr("This workspace's plan doesn't include image generation.")
        if not self._models and not self._quota_known:  # still loading: no orange warning
            return self._loading_text()
        if not self._models:
            return self.tr("No image models are available in this workspace.")
        if model is None or not model.allowed:
            return self.tr("Choose a model included in this workspace's plan.")
        if self._quota is not None and self._quota.remaining <= 0:
            if self._quota.exhausted_scope == "daily":
                return self.tr(
                    "You have used today's image credits. They renew at midnight UTC "
                    "({time} your time)."
                ).format(time=daily_renewal_time())
            return self.tr(
                "No image credits left in this billing cycle. They renew when the next cycle "
                "starts."
            )
        wanted = self.num_images_spin.value()
        if self._quota is not None and wanted > self._left():
            # The same words the queue would refuse it with: one message, not two.
            if self._pending:
                text = self.tr(
                    "Not enough credits for this and the queued jobs: {left} left, {needed} needed."
                )
                needed = self._pending + wanted
            else:
                text = self.tr("Not enough credits: {left} left, {needed} needed.")
                needed = wanted
            return text.format(left=number(self._quota.remaining), needed=number(needed))
        if not prompt and self.prompt_edit.toPlainText():
            return self.tr(
                "The prompt has only spaces, line breaks or invisible characters: write a few "
                "words."
            )
        if not prompt:
            return self.tr("Write a prompt first.")
        if len(prompt) > MAX_PROMPT_CHARS:
            return self.tr("The prompt is too long: {count} of {limit} characters.").format(
                count=number(len(prompt)), limit=number(MAX_PROMPT_CHARS)
            )
        return None

    def _update_state(self) -> None:
        count = len(self.prompt())
        self.prompt_counter.setText(f"{number(count)} / {number(MAX_PROMPT_CHARS)}")
        self.prompt_counter.setProperty("state", "over" if count > MAX_PROMPT_CHARS else "")
        self.prompt_counter.style().polish(self.prompt_counter)
        reason = self.blocking_reason()
        self.generate_button.setEnabled(reason is None)
        self.generate_button.setToolTip(reason or self._generate_tip())
        self.cost_label.setText(self._cost_text(reason))
        left = self._left()
        wanted = self.num_images_spin.value()
        self.way_out.offer_count(left if 0 < left < wanted else None)
        self.cost_label.style().unpolish(self.cost_label)
        self.cost_label.style().polish(self.cost_label)

    def _cost_text(self, reason: str | None) -> str:
        wanted = self.num_images_spin.value()
        credits = fix_plural(self.tr("%n credit(s)", "", wanted), wanted)
        if reason == self._loading_text():
            self.cost_label.setProperty("role", "secondary")
            return reason
        if reason and reason != self.tr("Write a prompt first."):
            self.cost_label.setProperty("role", "warning")
            return reason
        self.cost_label.setProperty("role", "secondary")
        if self._quota is None:
            return self.tr("Uses {credits}.").format(credits=credits)
        left = self._left()
        return self.tr("Uses {credits} · {left} left today afterwards").format(
            credits=credits, left=number(left - wanted)
        )

    # -- running -------------------------------------------------------------------------------

    def request_generate(self) -> None:
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
        what = what or self.tr("Generating")
        started = started if started is not None else time.monotonic()
        if running and self.progress.isVisible() and (what, started) == (self._what, self._started):
            return
        self._what, self._started = what, started
        self.progress.setVisible(running)
        self.progress_label.setVisible(running)
        self.cancel_button.setVisible(running)
        if running:
            self._update_elapsed()
            self._tick.start()
        else:
            self._tick.stop()
        self._update_state()

    def _update_elapsed(self) -> None:
        seconds = int(time.monotonic() - self._started)
        self.progress_label.setText(
            self.tr("{what}… {seconds} s").format(what=self._what, seconds=seconds)
        )

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
        self.message_label.setProperty("role", "error" if error else "secondary")
        self.message_label.style().polish(self.message_label)
        self.message_label.setText(translate_message(text))
        self.message_label.show()

    def clear_message(self) -> None:
        self.message_label.hide()

    def clear_error(self) -> None:
        """Hide an error message (not a note, not the cool-down count)."""
        if self.message_label.property("role") == "error" and self.cooldown.left() <= 0:
            self.clear_message()

    def choices(self) -> dict[str, str]:
        """What is chosen now, as kept per workspace (desktop.services.settings)."""
        model = self.current_model()
        return {
            "model": model.id if model else "",
            "images": str(self.num_images_spin.value()),
            "aspect_ratio": str(self.aspect_ratio_combo.currentData() or ""),
            "output_format": str(self.output_format_combo.currentData() or ""),
        }

    def restore_choices(self, choices: dict[str, str]) -> None:
        """Choose a remembered model, ratio, format and count where this workspace still
        offers them (and the model is allowed); anything else stays as it is."""
        row = next(
            (r for r, m in enumerate(self._models) if m.id == choices.get("model") and m.allowed),
            -1,
        )
        if row >= 0:
            self.model_combo.setCurrentIndex(row)
        for combo, key in (
            (self.aspect_ratio_combo, "aspect_ratio"),
            (self.output_format_combo, "output_format"),
        ):
            if (index := combo.findData(choices.get(key))) >= 0:
                combo.setCurrentIndex(index)
        images = choices.get("images", "")
        if images.isdigit():
            self.num_images_spin.setValue(int(images))  # clamped to the model's maximum

    def apply_parameters(self, parameters: Mapping[str, object]) -> list[str]:
        """A style preset's model, ratio, format and count, where this workspace offers them
        (the model also where its plan allows it); returns a sentence for each it can't."""
        missed: list[str] = []
        if not self._models:  # signed out or still loading: nothing to choose from yet
            if any(parameters.get(k) for k in ("model", "aspect_ratio", "output_format")):
                missed.append(self.tr("The models aren't loaded yet, so only the prompt changed."))
            return missed
        wanted_model = str(parameters.get("model") or "")
        if wanted_model:
            row = next((r for r, m in enumerate(self._models) if m.id == wanted_model), -1)
            current = self.current_model()
            keep = current.name if current else ""
            if row < 0:
                missed.append(
                    self.tr("The model {model} isn't offered here; {current} stays.").format(
                        model=wanted_model, current=keep
                    )
                )
            elif not self._models[row].allowed:
                missed.append(
                    self.tr(
                        "{model} isn't included in this workspace's plan; {current} stays."
                    ).format(model=self._models[row].name, current=keep)
                )
            else:
                self.model_combo.setCurrentIndex(row)
        for combo, key, text in (
            (
                self.aspect_ratio_combo,
                "aspect_ratio",
                self.tr("{model} has no aspect ratio {value}; {current} stays."),
            ),
            (
                self.output_format_combo,
                "output_format",
                self.tr("{model} can't make {value} files; {current} stays."),
            ),
        ):
            value = str(parameters.get(key) or "")
            if not value:
                continue
            if (index := combo.findData(value)) >= 0:
                combo.setCurrentIndex(index)
            else:
                model = self.current_model()
                missed.append(
                    text.format(
                        model=model.name if model else "",
                        value=value,
                        current=combo.currentText(),
                    )
                )
        images = str(parameters.get("images") or "")
        if images.isdigit() and int(images) > 0:
            self.num_images_spin.setValue(int(images))  # clamped to the model's maximum
            if self.num_images_spin.value() < int(images):
                missed.append(
                    self.tr("{model} makes at most {count} images at a time.").format(
                        model=self.model_combo.currentText(), count=self.num_images_spin.value()
                    )
                )
        return missed

    def apply_settings(self, item: HistoryItem) -> None:
        """ "Use these settings": the image's prompt, model, ratio and format (when the model
        is still offered here and allowed)."""
        self.prompt_edit.setPlainText(item.prompt)
        row = next((r for r, m in enumerate(self._models) if m.id == item.model and m.allowed), -1)
        if row >= 0:
            self.model_combo.setCurrentIndex(row)
        if item.aspect_ratio:
            index = self.aspect_ratio_combo.findData(item.aspect_ratio)
            if index >= 0:
                self.aspect_ratio_combo.setCurrentIndex(index)
        fmt = "jpeg" if item.output_format in ("jpg", "jpeg") else item.output_format
        if fmt and (index := self.output_format_combo.findData(fmt)) >= 0:
            self.output_format_combo.setCurrentIndex(index)
        self.focus_prompt()

    def focus_prompt(self) -> None:
        self.prompt_edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.prompt_edit.selectAll()
