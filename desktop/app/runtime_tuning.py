"""Interpreter settings that keep the GUI thread responsive while workers run Python.

Every Qt call made from Python releases the GIL and must take it back afterwards. With the
default 5 ms switch interval a busy worker thread (HTTP parsing, disk cache) can keep the GUI
thread waiting up to 5 ms per call, and one paint of the grid makes dozens of such calls, so
frames stretched past 16 ms. A 1 ms interval bounds that wait at a small throughput cost.

Large, long-lived object graphs (a 10,000-image history) make each full garbage collection
rescan them; ``freeze_long_lived`` moves what exists now out of the collector's sight so gen-2
collections stay short: once at start-up, and again by ``freeze_large_history`` after a large
history has arrived (a 40 ms pause on the GUI thread otherwise). Objects freed by reference
counting are still freed at once.
"""

from __future__ import annotations

import gc
import sys
from collections.abc import Sized

SWITCH_INTERVAL_S = 0.001
LARGE_HISTORY = 1000  # items; from here on a full collection's rescan is felt


def tune_for_gui() -> None:
    """Call once at start-up, before worker threads exist."""
    sys.setswitchinterval(SWITCH_INTERVAL_S)


def freeze_long_lived() -> None:
    """Exclude everything alive now from future collections (cheap: no scan)."""
    gc.freeze()


def freeze_large_history(items: Sized) -> None:
    """Connected after the grid's model to the session's ``historyReset``: a large history
    (and the model's rows for it) lives until the next reset, so freeze it."""
    if len(items) >= LARGE_HISTORY:
        freeze_long_lived()
