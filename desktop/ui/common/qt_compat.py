"""Work-around for a PySide6 reference-count bug that aborts the app after many signal emits.

Measured with PySide6 6.12 on CPython 3.11: every ``SignalInstance.emit()`` called from Python
returns ``True`` without taking a new reference, so each emit drops one reference to ``True``.
After a few thousand emits (a thumbnail grid emits one per image) the interpreter aborts with
"Fatal Python error: bool_dealloc". CPython 3.12+ makes ``True``/``False`` immortal, which hides
the bug; here we do the same by raising their reference counts out of reach. Call
``guard_signal_emit_refcount()`` once at start-up (idempotent, a no-op where not needed).
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QObject, Signal

_PINNED = 1 << 40  # more emits than an app could make in years
_state = {"checked": False, "applied": False}


class _Probe(QObject):
    ping = Signal()


def emit_leaks_true() -> bool:
    """True if emitting a signal from Python drops a reference to ``True`` (the bug)."""
    probe = _Probe()
    before = sys.getrefcount(True)
    for _ in range(10):
        probe.ping.emit()
    leaked = sys.getrefcount(True) < before
    if leaked:  # give back what the probe took
        _add_refs(True, before - sys.getrefcount(True))
    probe.deleteLater()
    return leaked


def _add_refs(obj: object, count: int) -> None:
    """CPython < 3.12 only: ``ob_refcnt`` is the first field of every object."""
    import ctypes  # only where the bug is present; not worth its import time otherwise

    ctypes.c_ssize_t.from_address(id(obj)).value += count


def guard_signal_emit_refcount() -> bool:
    """Make True/False effectively immortal if this PySide6/CPython combination needs it."""
    if _state["checked"]:
        return _state["applied"]
    _state["checked"] = True
    if sys.version_info >= (3, 12) or sys.implementation.name != "cpython":
        return False
    if emit_leaks_true():
        _add_refs(True, _PINNED)
        _add_refs(False, _PINNED)
        _state["applied"] = True
    return _state["applied"]
