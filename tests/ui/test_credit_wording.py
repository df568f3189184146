"""The same credit state reads the same in the Create panel and the masked-edit window:
what the job uses, what will be left after it (queued jobs counted), and whether that is
today's limit or the billing cycle's."""

from __future__ import annotations

from desktop.api import ImageQuota
from desktop.app.credit_text import cost_text
from desktop.ui.mask.dialog import MaskEditDialog
from tests.ui.app_harness import wait_until


def test_mask_edit_and_create_say_the_same_about_credits(signed_in):
    loop, components = signed_in
    window = components.window
    panel = window.generate_panel
    panel.num_images_spin.setValue(1)
    quota = components.session.quota
    assert quota is not None and quota.remaining_today < quota.available  # the demo: today binds
    window.byo.open_mask_editor(window.history_model.item(0))
    wait_until(loop, lambda: window.byo.mask_dialog is not None)
    dialog = window.byo.mask_dialog
    after = quota.remaining - 1
    expected = f"Uses 1 credit · then {after} left today"
    assert dialog.cost_label.text() == panel.cost_label.text(), "two wordings for one state"
    assert panel.cost_label.text() == expected
    dialog.reject()


def test_the_limit_that_runs_out_first_is_named():
    cycle_binds = ImageQuota(available=5, used=495, limit=500, used_daily=3, limit_daily=100)
    assert cost_text(1, cycle_binds) == "Uses 1 credit · then 4 left this billing cycle"
    day_binds = ImageQuota(available=450, used=50, limit=500, used_daily=98, limit_daily=100)
    assert cost_text(2, day_binds) == "Uses 2 credits · then 0 left today"
    assert cost_text(1, day_binds, pending=1) == "Uses 1 credit · then 0 left today"
    assert cost_text(2, day_binds, pending=1) == (
        "Not enough credits for this and the queued jobs: 2 left, 3 needed."
    )


def test_the_masked_edit_counts_queued_jobs_as_create_does(qtbot):
    from PySide6.QtGui import QImage

    image = QImage(64, 64, QImage.Format.Format_RGB32)
    quota = ImageQuota(available=450, used=50, limit=500, used_daily=90, limit_daily=100)
    dialog = MaskEditDialog(image, quota=quota, pending=3)
    qtbot.addWidget(dialog)
    dialog.prompt_edit.setText("a red flower")
    assert dialog.cost_label.text() == "Uses 1 credit · then 6 left today"
