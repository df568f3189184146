"""The masked-edit window: paint where the image may change, say how, see the cost, send.

Opened with ``open()`` (never ``exec()`` inside a coroutine). ``submitted`` carries the mask
as PNG bytes (white where the image may change) and the prompt; the owner queues the job and
keeps the mask for this image, so a retry or a new prompt needs no repainting.
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QImage, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSlider,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from desktop.api import ImageQuota
from desktop.app.credit_text import cost_text, credits_left_now
from desktop.ui.common.screen_fit import open_size
from desktop.ui.mask.canvas import MaskCanvas, mask_png


class MaskEditDialog(QDialog):
    submitted = Signal(bytes, str)  # mask PNG, prompt
    maskChanged = Signal(bytes)  # the mask as it stands, to keep in the profile

    def __init__(
        self,
        image: QImage,
        mask: QImage | None = None,
        prompt: str = "",
        cost: int = 1,
        quota: ImageQuota | None = None,
        pending: int = 0,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("maskEditDialog")
        self.setWindowTitle(self.tr("Edit Part of the Image"))
        self.canvas = MaskCanvas(image, mask, self)

        self.brush_button = self._tool(
            self.tr("Brush"), self.tr("Paint where the image may change (B)")
        )
        self.eraser_button = self._tool(self.tr("Eraser"), self.tr("Take paint away (E)"))
        self.brush_button.setChecked(True)
        group = QButtonGroup(self)
        group.addButton(self.brush_button)
        group.addButton(self.eraser_button)
        self.brush_button.toggled.connect(lambda on: setattr(self.canvas, "erasing", not on))

        largest = max(image.width(), image.height(), 400)
        self.size_slider = self._slider(2, max(400, largest // 2), self.canvas.brush_size)
        self.size_slider.valueChanged.connect(self.canvas.set_brush_size)
        self.canvas.changed.connect(self._sync)
        self.hardness_slider = self._slider(0, 100, int(self.canvas.hardness * 100))
        self.hardness_slider.valueChanged.connect(
            lambda v: setattr(self.canvas, "hardness", v / 100)
        )
        self.opacity_slider = self._slider(10, 100, int(self.canvas.opacity * 100))
        self.opacity_slider.valueChanged.connect(lambda v: self.canvas.set_opacity(v / 100))

        self.undo_button = self._button(self.tr("Undo"), self.canvas.undo)
        self.redo_button = self._button(self.tr("Redo"), self.canvas.redo)
        self.invert_button = self._button(self.tr("Invert"), self.canvas.invert)
        self.clear_button = self._button(self.tr("Clear"), self.canvas.clear)
        self.fit_button = self._button(self.tr("Fit"), self.canvas.fit)

        tools = QHBoxLayout()
        for widget in (self.brush_button, self.eraser_button):
            tools.addWidget(widget)
        tools.addSpacing(8)
        for label, slider in (
            (self.tr("Size"), self.size_slider),
            (self.tr("Hardness"), self.hardness_slider),
            (self.tr("Overlay"), self.opacity_slider),
        ):
            tools.addWidget(QLabel(label))
            tools.addWidget(slider, 1)
        actions = QHBoxLayout()
        for button in (
            self.undo_button,
            self.redo_button,
            self.invert_button,
            self.clear_button,
            self.fit_button,
        ):
            actions.addWidget(button)
        actions.addStretch(1)
        self.hint = QLabel(
            self.tr(
                "[ and ] change the brush size; Space + drag or the middle "
                "button moves the image; the wheel zooms."
            )
        )
        self.hint.setProperty("role", "secondary")
        self.hint.setWordWrap(True)
        actions.addWidget(self.hint, 3)

        self.prompt_edit = QLineEdit(prompt)
        self.prompt_edit.setPlaceholderText(self.tr("What should change in the painted area?"))
        self.prompt_edit.setAccessibleName(self.tr("Instruction for the painted area"))
        self.prompt_edit.textChanged.connect(self._sync)
        self.cost_label = QLabel()
        self.cost_label.setObjectName("maskCostLabel")
        self.cost = cost
        self.quota = quota
        self.pending = pending  # what jobs queued here will still charge
        self.credits_left = None if quota is None else credits_left_now(quota, pending)
        self.send_button = QPushButton(self.tr("Edit"))
        self.send_button.setDefault(True)
        self.send_button.clicked.connect(self._send)
        cancel = QPushButton(self.tr("Cancel"))
        cancel.clicked.connect(self.reject)
        bottom = QHBoxLayout()
        bottom.addWidget(self.prompt_edit, 1)
        bottom.addWidget(self.cost_label)
        bottom.addWidget(cancel)
        bottom.addWidget(self.send_button)

        layout = QVBoxLayout(self)
        layout.addLayout(tools)
        layout.addLayout(actions)
        layout.addWidget(self.canvas, 1)
        layout.addLayout(bottom)
        open_size(self, QSize(900, 640), parent)  # never taller than a 600 px screen

        keys = (
            ("[", lambda: self._resize_brush(1 / 1.25)),
            ("]", lambda: self._resize_brush(1.25)),
            (QKeySequence.StandardKey.Undo, self.canvas.undo),
            ("Ctrl+Shift+Z", self.canvas.redo),
            (QKeySequence.StandardKey.Redo, self.canvas.redo),
            ("B", lambda: self.brush_button.setChecked(True)),
            ("E", lambda: self.eraser_button.setChecked(True)),
            ("X", self.canvas.invert),
        )
        for key, slot in keys:
            shortcut = QShortcut(QKeySequence(key), self)
            shortcut.setContext(Qt.ShortcutContext.WindowShortcut)
            shortcut.activated.connect(slot)
        # Kept once when the window closes (sent or not), not on every stroke.
        self.finished.connect(self._keep)
        self._sync()
        self.canvas.setFocus()

    def _tool(self, text: str, tip: str) -> QToolButton:
        button = QToolButton()
        button.setText(text)
        button.setToolTip(tip)
        button.setCheckable(True)
        return button

    def _button(self, text: str, slot: object) -> QToolButton:
        button = QToolButton()
        button.setText(text)
        button.clicked.connect(slot)
        return button

    def _slider(self, low: int, high: int, value: int) -> QSlider:
        slider = QSlider(Qt.Orientation.Horizontal)
        slider.setRange(low, high)
        slider.setValue(value)
        slider.setMinimumWidth(60)
        return slider

    def _resize_brush(self, factor: float) -> None:
        self.size_slider.setValue(max(2, round(self.canvas.brush_size * factor)))

    def _sync(self, *_args: object) -> None:
        canvas = self.canvas
        self.undo_button.setEnabled(canvas.can_undo())
        self.redo_button.setEnabled(canvas.can_redo())
        if self.size_slider.value() != canvas.brush_size:
            self.size_slider.blockSignals(True)
            self.size_slider.setValue(canvas.brush_size)
            self.size_slider.blockSignals(False)
        self.cost_label.setText(cost_text(self.cost, self.quota, self.pending))
        problem = self.problem()
        self.send_button.setEnabled(problem is None)
        self.send_button.setToolTip(problem or "")

    def problem(self) -> str | None:
        if self.canvas.is_empty():
            return self.tr("Paint the area that may change first.")
        if not self.prompt_edit.text().strip():
            return self.tr("Say what should change.")
        if self.credits_left is not None and self.credits_left < self.cost:
            return self.tr("Not enough credits.")
        return None

    def mask_png(self) -> bytes:
        return mask_png(self.canvas.mask_image)

    def _keep(self, _result: int) -> None:
        if self.canvas.can_undo():
            self.maskChanged.emit(self.mask_png())

    def _send(self) -> None:
        if self.problem() is not None:
            return
        self.submitted.emit(self.mask_png(), self.prompt_edit.text().strip())
        self.accept()
