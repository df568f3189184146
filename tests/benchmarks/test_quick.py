"""Smoke test of the benchmark runner: ``python -m benchmarks --quick`` runs end to end and
its last line is the JSON of every figure. No timing thresholds: CI machines vary too much;
the full run (by hand) is where the figures are judged (benchmarks/README.md)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from benchmarks.__main__ import FIGURES

ROOT = Path(__file__).resolve().parents[2]
INTEGER_FIGURES = {"thumbs_requested", "cached_image_requests", "sync_requests_unchanged"}


def test_quick_run_prints_every_figure_as_json():
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    out = subprocess.run(
        [sys.executable, "-m", "benchmarks", "--quick"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=240,
    )
    assert out.returncode == 0, out.stderr[-3000:]
    figures = json.loads(out.stdout.strip().splitlines()[-1])
    assert set(FIGURES) <= figures.keys()
    for name in FIGURES:
        value = figures[name]
        assert isinstance(value, int | float) and not isinstance(value, bool), (name, value)
        assert value >= 0, (name, value)
        if name in INTEGER_FIGURES:
            assert isinstance(value, int), (name, value)
    assert "| stall_max_ms |" in out.stdout  # the human-readable table came first
