"""The Create panel's settings: model (with its description), number of images, aspect ratio
and format, filled from a workspace's models.

It keeps each list to what the chosen model offers, remembers nothing itself (see
remembered_choices.py), and chooses what a remembered choice, a style preset or an image's
"Use these settings" asks for where this workspace allows it.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QResizeEvent, QStandardItemModel
from PySide6.QtWidgets import QComboBox, QFormLayout, QLabel, QSpinBox, QWidget

from desktop.api import HistoryItem, ImageModel
from desktop.api.texts import QT_TRANSLATE_NOOP
from desktop.ui.common.wheel_guard import guard_wheel
from desktop.ui.generate.ratio_labels import Sizes, ratio_label

NOT_ALLOWED_REASON = QT_TRANSLATE_NOOP("GeneratePanel", "Not included in this workspace's plan")


class ParameterForm(QWidget):
    """Model, Images, Aspect ratio and Format; ``modelChanged`` after the lists are refilled,
    ``noted`` with a sentence for the designer (the count went down to the model's maximum)."""

    modelChanged = Signal()
    noted = Signal(str)

    def __init__(self, wheel_owner: QWidget, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.models: list[ImageModel] = []
        self._sizes: Sizes = {}

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
            wheel_owner,
            self.model_combo,
            self.aspect_ratio_combo,
            self.output_format_combo,
            self.num_images_spin,
        )
        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        form.setSpacing(8)  # the panel's spacing, which the form inherited when it was nested
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.DontWrapRows)  # see resizeEvent
        self._form = form
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow(self.tr("Model"), self.model_combo)
        form.addRow("", self.model_description)
        form.addRow(self.tr("Images"), self.num_images_spin)
        form.addRow(self.tr("Aspect ratio"), self.aspect_ratio_combo)
        form.addRow(self.tr("Format"), self.output_format_combo)
        self.model_combo.currentIndexChanged.connect(self._on_model_changed)

    # -- the workspace's models --------------------------------------------------------------

    def set_models(self, models: list[ImageModel]) -> None:
        """Fill the model list in ``order``; models not allowed stay visible but disabled."""
        previous = self.current_model()
        self.models = sorted(models, key=lambda m: m.order)
        self.model_combo.blockSignals(True)
        self.model_combo.clear()
        item_model = self.model_combo.model()
        first_allowed = -1
        reason = QCoreApplication.translate("GeneratePanel", NOT_ALLOWED_REASON)
        for row, model in enumerate(self.models):
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
                for row, m in enumerate(self.models)
                if previous and m.id == previous.id and m.allowed
            ),
            first_allowed,
        )
        self.model_combo.setCurrentIndex(max(keep, 0) if self.models else -1)
        self.model_combo.blockSignals(False)
        self._on_model_changed()

    def current_model(self) -> ImageModel | None:
        row = self.model_combo.currentIndex()
        return self.models[row] if 0 <= row < len(self.models) else None

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
            self.noted.emit(
                self.tr(
                    "{model} makes at most {count} images at a time, so Images is now {count}."
                ).format(model=model.name, count=self.num_images_spin.value())
            )
        self.model_description.setText(model.description if model else "")
        self.model_description.setVisible(bool(model and model.description))
        self.modelChanged.emit()

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
        fit_longest_choice(combo)

    def set_known_sizes(self, sizes: Sizes) -> None:
        """Pixel sizes seen in the history, for the aspect-ratio labels."""
        self._sizes = sizes
        model = self.current_model()
        for row in range(self.aspect_ratio_combo.count()):
            ratio = self.aspect_ratio_combo.itemData(row)
            self.aspect_ratio_combo.setItemText(
                row, ratio_label(ratio, model.id if model else "", sizes)
            )
        fit_longest_choice(self.aspect_ratio_combo)

    def resizeEvent(self, event: QResizeEvent) -> None:  # Qt override
        """Labels beside the fields while every field gets its minimum, above them when the
        column is narrower: Qt's WrapLongRows squeezed the ratio box below its minimum
        instead ("1:1 · 1024×102" in German at 900x600)."""
        super().resizeEvent(event)
        form = self._form
        labels = fields = 0
        for row in range(form.rowCount()):
            label = form.itemAt(row, QFormLayout.ItemRole.LabelRole)
            field = form.itemAt(row, QFormLayout.ItemRole.FieldRole)
            text = label.widget() if label is not None else None
            if isinstance(text, QLabel) and text.text():
                labels = max(labels, text.sizeHint().width())
            if field is not None and field.widget() is not None:
                fields = max(fields, field.minimumSize().width())
        margins = form.contentsMargins()
        beside = labels + form.horizontalSpacing() + fields + margins.left() + margins.right()
        wanted = (
            QFormLayout.RowWrapPolicy.DontWrapRows
            if event.size().width() >= beside
            else QFormLayout.RowWrapPolicy.WrapAllRows
        )
        if form.rowWrapPolicy() != wanted:
            form.setRowWrapPolicy(wanted)

    # -- choices -----------------------------------------------------------------------------

    def choices(self) -> dict[str, str]:
        """What is chosen now, as kept per workspace (desktop.services.settings)."""
        model = self.current_model()
        return {
            "model": model.id if model else "",
            "images": str(self.num_images_spin.value()),
            "aspect_ratio": str(self.aspect_ratio_combo.currentData() or ""),
            "output_format": str(self.output_format_combo.currentData() or ""),
        }

    def _allowed_row(self, model_id: object) -> int:
        return next((r for r, m in enumerate(self.models) if m.id == model_id and m.allowed), -1)

    def restore_choices(self, choices: dict[str, str]) -> None:
        """Choose a remembered model, ratio, format and count where this workspace still
        offers them (and the model is allowed); anything else stays as it is."""
        if (row := self._allowed_row(choices.get("model"))) >= 0:
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

    def apply_item(self, item: HistoryItem) -> None:
        """An image's model, ratio and format (when the model is still offered and allowed)."""
        if (row := self._allowed_row(item.model)) >= 0:
            self.model_combo.setCurrentIndex(row)
        if item.aspect_ratio:
            index = self.aspect_ratio_combo.findData(item.aspect_ratio)
            if index >= 0:
                self.aspect_ratio_combo.setCurrentIndex(index)
        fmt = "jpeg" if item.output_format in ("jpg", "jpeg") else item.output_format
        if fmt and (index := self.output_format_combo.findData(fmt)) >= 0:
            self.output_format_combo.setCurrentIndex(index)

    def apply_parameters(self, parameters: Mapping[str, object]) -> list[str]:
        """A style preset's model, ratio, format and count, where this workspace offers them
        (the model also where its plan allows it); returns a sentence for each it can't."""
        missed: list[str] = []
        if not self.models:  # signed out or still loading: nothing to choose from yet
            if any(parameters.get(k) for k in ("model", "aspect_ratio", "output_format")):
                missed.append(self.tr("The models aren't loaded yet, so only the prompt changed."))
            return missed
        wanted_model = str(parameters.get("model") or "")
        if wanted_model:
            row = next((r for r, m in enumerate(self.models) if m.id == wanted_model), -1)
            current = self.current_model()
            keep = current.name if current else ""
            if row < 0:
                missed.append(
                    self.tr("The model {model} isn't offered here; {current} stays.").format(
                        model=wanted_model, current=keep
                    )
                )
            elif not self.models[row].allowed:
                missed.append(
                    self.tr(
                        "{model} isn't included in this workspace's plan; {current} stays."
                    ).format(model=self.models[row].name, current=keep)
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


def fit_longest_choice(combo: QComboBox) -> None:
    """Short choices ("16:9 · 1024×576", "webp") must show whole: the box is never narrower
    than its longest one, so a narrow column moves the label above it instead of cutting
    the pixel size off (German at 900x600 read "1:1 · 1024×102")."""
    longest = max(
        (combo.fontMetrics().horizontalAdvance(combo.itemText(i)) for i in range(combo.count())),
        default=0,
    )
    average = max(1, combo.fontMetrics().horizontalAdvance("x"))
    combo.setMinimumContentsLength(max(8, -(-longest // average)))
