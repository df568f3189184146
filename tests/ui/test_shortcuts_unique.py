"""Every key combination in the window does one thing: Qt ignores a shortcut that two actions
share ("Ambiguous shortcut overload"), so a designer's key press would silently do nothing."""

from __future__ import annotations

from collections import Counter

from PySide6.QtGui import QAction


def test_no_two_actions_share_a_shortcut(signed_in):
    _loop, components = signed_in
    window = components.window
    keys = Counter(
        sequence.toString()
        for action in window.findChildren(QAction)
        for sequence in action.shortcuts()
        if not sequence.isEmpty() and action.shortcutContext().name != "WidgetShortcut"
    )
    shared = sorted(key for key, count in keys.items() if count > 1)
    assert not shared, f"shortcuts used by more than one action: {shared}"
