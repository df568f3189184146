"""docs/reliability.md is generated from the matrix results and must not go stale."""

from __future__ import annotations

import json

from tests.reliability.matrix import (
    DOC,
    ENDPOINTS,
    FAULTS,
    RESULTS,
    SERVICE_ENDPOINTS,
    SERVICE_RESULTS,
    SOAK_RESULTS,
)
from tests.reliability.render_doc import render


def test_every_cell_of_the_matrix_is_recorded():
    cases = json.loads(RESULTS.read_text())["cases"]
    missing = [f"{e}/{f}" for e in ENDPOINTS for f in FAULTS if f"{e}/{f}" not in cases]
    assert missing == []


def test_no_image_lost_and_no_credit_spent_twice():
    summary = json.loads(RESULTS.read_text())["summary"]
    assert summary["images_lost"] == 0 and summary["credits_double_spent"] == 0


def test_every_image_service_cell_is_recorded_and_nothing_was_spent_twice():
    data = json.loads(SERVICE_RESULTS.read_text())
    missing = [
        f"{e}/{f}" for e in SERVICE_ENDPOINTS for f in FAULTS if f"{e}/{f}" not in data["cases"]
    ]
    assert missing == []
    summary = data["summary"]
    assert summary["images_lost"] == summary["credits_double_spent"] == 0
    assert summary["sent_twice"] == 0
    for fault in ("drop", "malformed", "truncated", "timeout"):
        for task in ("generation-task", "edit-task", "upscale-task"):
            case = data["cases"][f"{task}/{fault}"]
            assert case["credits_spent"] <= 1 and "Try again" not in case["message"]


def test_soak_lost_nothing_and_spent_no_credit_twice():
    soak = json.loads(SOAK_RESULTS.read_text())
    assert soak["images_lost"] == 0 and soak["credits_double_spent"] == 0
    assert soak["downloads_per_round"] >= 50 and soak["faults_injected"] > 0


def test_doc_is_rendered_from_the_results():
    assert DOC.read_text() == render(), "stale: run python -m tests.reliability.render_doc"
