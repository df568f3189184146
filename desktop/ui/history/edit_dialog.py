"""Edit dialog: an instruction that re-generates a history image from itself (image-to-image),
with the source image large enough to judge, where it came from, and the choices the edit
API takes (model, number of images, aspect ratio, format)."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QImage, QKeySequence, QPixmap, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from desktop.api import EditRequest, HistoryItem, ImageModel
from desktop.app.i18n import fix_plural, number
from desktop.services.prompt_text import MAX_PROMPT_CHARS, clean_prompt
from desktop.ui.common.formatting import elide
from desktop.ui.common.ratio_labels import ratio_label

PREVIEW_SIZE = 240  # logical pixels; the original is decoded to this (× the screen's ratio)


def edit_models(models: Sequence[ImageModel]) -> list[ImageModel]:
    """The models this workspace may edit with."""
    return [m for m in models if m.supports_edit and m.allowed]


def _format_key(fmt: str | None) -> str | None:
    return "jpeg" if fmt in ("jpg", "jpeg") else fmt


class EditDialog(QDialog):
    """Asks how to change an image; emits ``editRequested(item, prompt, options)`` where
    options is an EditRequest with the chosen model, count, ratio and format. Ctrl+Enter sends."""

    editRequested = Signal(object, str, object)

    def __init__(
        self,
        item: HistoryItem,
        thumbnail: QPixmap | None,
        parent: QWidget | None = None,
        models: Sequence[ImageModel] = (),
        chain: Sequence[str] = (),
    ):
        super().__init__(parent)
        self.item = item
        self._models = edit_models(models)
        self.setObjectName("editDialog")
        self.setWindowTitle(self.tr("Edit image"))
        self.setAccessibleName(self.tr("Edit image"))
        self.setMinimumWidth(560)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

        self.preview = QLabel()
        self.preview.setObjectName("editPreview")
        self.preview.setAccessibleName(self.tr("The image to edit"))
        self.preview.setFixedSize(PREVIEW_SIZE, PREVIEW_SIZE)
        self.preview.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignHCenter)
        self.preview.setProperty("role", "secondary")
        if thumbnail is not None and not thumbnail.isNull():
            self._show_pixmap(thumbnail)  # soft until the original arrives
        else:
            self.preview.setText(self.tr("Loading the image…"))
        self.source_label = QLabel(self._source_text(item, chain))
        self.source_label.setObjectName("editSource")
        self.source_label.setWordWrap(True)
        self.source_label.setTextFormat(Qt.TextFormat.RichText)
        self.source_label.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.source_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        top = QHBoxLayout()
        top.addWidget(self.preview, 0, Qt.AlignmentFlag.AlignTop)
        top.addWidget(self.source_label, 1)

        self.prompt_edit = QPlainTextEdit()
        self.prompt_edit.setObjectName("editPromptEdit")
        self.prompt_edit.setAccessibleName(self.tr("How should the image change?"))
        self.prompt_edit.setPlaceholderText(
            self.tr("How should it change? e.g. Make the sky a deep sunset orange")
            + " "
            + self.tr("({keys} sends, {enter} adds a line)").format(
                keys=QKeySequence("Ctrl+Return").toString(QKeySequence.SequenceFormat.NativeText),
                enter=QKeySequence("Return").toString(QKeySequence.SequenceFormat.NativeText),
            )
        )
        self.prompt_edit.setTabChangesFocus(True)
        self.prompt_edit.setMinimumHeight(64)
        self.prompt_edit.setMaximumHeight(110)

        self.model_combo = QComboBox()
        self.model_combo.setObjectName("editModelCombo")
        for model in self._models:
            self.model_combo.addItem(model.name or model.id, model.id)
        self.count_spin = QSpinBox()
        self.count_spin.setObjectName("editCountSpin")
        self.count_spin.setRange(1, 1)
        self.ratio_combo = QComboBox()
        self.ratio_combo.setObjectName("editRatioCombo")
        self.format_combo = QComboBox()
        self.format_combo.setObjectName("editFormatCombo")
        self.options = QFormLayout()
        self.options.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.options.addRow(self.tr("Model"), self.model_combo)
        size_row = QHBoxLayout()
        size_row.addWidget(self.count_spin)
        ratio_label = QLabel(self.tr("Aspect ratio"))
        ratio_label.setBuddy(self.ratio_combo)
        size_row.addSpacing(12)
        size_row.addWidget(ratio_label)
        size_row.addWidget(self.ratio_combo, 1)
        format_label = QLabel(self.tr("Format"))
        format_label.setBuddy(self.format_combo)
        size_row.addSpacing(12)
        size_row.addWidget(format_label)
        size_row.addWidget(self.format_combo, 1)
        self.options.addRow(self.tr("Images"), size_row)
        if not self._models:  # models not loaded (or none can edit): neuroflash's defaults
            self.model_combo.addItem(self.tr("neuroflash's default"), None)
            for widget in (self.model_combo, self.ratio_combo, self.format_combo):
                widget.setEnabled(False)

        self.reason_label = QLabel()
        self.reason_label.setWordWrap(True)
        self.reason_label.setProperty("role", "secondary")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.edit_button = self.buttons.addButton(
            self.tr("Edit"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.edit_button.setObjectName("editButton")
        self.edit_button.setDefault(True)
        self.buttons.accepted.connect(self._submit)
        self.buttons.rejected.connect(self.reject)
        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            QShortcut(QKeySequence(keys), self).activated.connect(self._submit)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.prompt_edit)
        layout.addLayout(self.options)
        layout.addWidget(self.reason_label)
        layout.addWidget(self.buttons)

        start = next((r for r, m in enumerate(self._models) if m.id == item.model), 0)
        self.model_combo.setCurrentIndex(start)
        self._on_model(start)
        self.model_combo.currentIndexChanged.connect(self._on_model)
        self.count_spin.valueChanged.connect(self._update)
        self.prompt_edit.textChanged.connect(self._update)
        self._update()
        self.prompt_edit.setFocus()

    # -- content --------------------------------------------------------------------------------

    def _source_text(self, item: HistoryItem, chain: Sequence[str]) -> str:
        steps = [s for s in chain if s] or [item.prompt or self.tr("Untitled image")]
        heading = self.tr("Source")
        lines = [f"<b>{_escape(heading)}</b>", _escape(elide(steps[0], 300))]
        for step in steps[1:]:
            lines.append(
                _escape(self.tr("Edit: {instruction}").format(instruction=elide(step, 160)))
            )
        details = " · ".join(
            part
            for part in (
                item.aspect_ratio,
                f"{item.width}×{item.height}" if item.width and item.height else "",
            )
            if part
        )
        if details:
            lines.append(f"<span style='color: palette(placeholder-text)'>{details}</span>")
        return "<br>".join(lines)

    def set_preview(self, image: QImage) -> None:
        """Show the full-size original (decoded to the preview's size on a worker)."""
        if not image.isNull():
            self._show_pixmap(QPixmap.fromImage(image))

    def _show_pixmap(self, pixmap: QPixmap) -> None:
        ratio = self.devicePixelRatioF() or 1.0
        side = round(PREVIEW_SIZE * ratio)
        scaled = pixmap.scaled(
            side,
            side,
            Qt.AspectRatioMode.KeepAspectRatio,
            Qt.TransformationMode.SmoothTransformation,
        )
        scaled.setDevicePixelRatio(ratio)
        # as tall as the picture: a wide image leaves no empty band above the instruction
        height = max(PREVIEW_SIZE // 2, round(scaled.height() / ratio))
        changed = height != self.preview.height()
        self.preview.setFixedSize(PREVIEW_SIZE, height)
        self.preview.setPixmap(scaled)
        if changed and self.isVisible():
            self.adjustSize()  # the picture arrived after the dialog opened: no empty band

    def _on_model(self, row: int) -> None:
        model = self._models[row] if 0 <= row < len(self._models) else None
        self.count_spin.setMaximum(max(1, model.max_images) if model else 1)
        self._fill(self.ratio_combo, model.aspect_ratios if model else (), self.item.aspect_ratio)
        for index in range(self.ratio_combo.count()):  # "1:1 · 1024×1024", as in Create
            if ratio := self.ratio_combo.itemData(index):
                self.ratio_combo.setItemText(index, ratio_label(ratio, model.id if model else ""))
        formats = tuple(_format_key(f) or "" for f in model.output_formats) if model else ()
        self._fill(self.format_combo, formats, _format_key(self.item.output_format))
        self._update()

    def _fill(self, combo: QComboBox, values: Sequence[str], preferred: str | None) -> None:
        """The model's values, the source's own preselected; "Same as the source" when the
        model offers no list (neuroflash then keeps the source's)."""
        current = combo.currentData()
        combo.clear()
        if not values:
            combo.addItem(self.tr("Same as the source"), None)
            return
        for value in values:
            combo.addItem(value, value)
        for wanted in (current, preferred):
            if wanted and (index := combo.findData(wanted)) >= 0:
                combo.setCurrentIndex(index)
                return

    def options_request(self) -> EditRequest:
        """What the dialog would send now."""
        return EditRequest(
            prompt=clean_prompt(self.prompt_edit.toPlainText()),
            image_urls=(self.item.image_url,),
            num_images=self.count_spin.value(),
            model=self.model_combo.currentData(),
            aspect_ratio=self.ratio_combo.currentData(),
            output_format=self.format_combo.currentData(),
        )

    def _update(self) -> None:
        prompt = clean_prompt(self.prompt_edit.toPlainText())
        ok = bool(prompt) and len(prompt) <= MAX_PROMPT_CHARS
        self.edit_button.setEnabled(ok)
        if len(prompt) > MAX_PROMPT_CHARS:
            self.reason_label.setText(
                self.tr("Too long: {count} of {limit} characters.").format(
                    count=number(len(prompt)), limit=number(MAX_PROMPT_CHARS)
                )
            )
        else:
            count = self.count_spin.value()
            self.reason_label.setText(fix_plural(self.tr("Uses %n credit(s).", "", count), count))

    def _submit(self) -> None:
        if not self.edit_button.isEnabled():
            return
        options = self.options_request()
        self.editRequested.emit(self.item, options.prompt, options)
        self.accept()


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
