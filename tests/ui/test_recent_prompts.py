"""Recent prompts: remembered with a cap, offered as you type, and can be cleared."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from desktop.services.recent_prompts import RecentPrompts
from desktop.services.settings import AppSettings
from desktop.ui.generate.prompt_edit import PromptEdit


def store(tmp_path, cap: int = 50) -> RecentPrompts:
    return RecentPrompts(AppSettings(tmp_path / "s.ini"), cap)


def test_newest_first_unique_and_capped(tmp_path):
    settings = AppSettings(tmp_path / "s.ini")
    recent = RecentPrompts(settings, cap=3)
    for prompt in ["a fox", "a lake", "a fox", "a city", "a robot", "  "]:
        recent.add(prompt)
    assert recent.items() == ["a robot", "a city", "a fox"]
    settings.sync()  # as quitting does
    assert store(tmp_path, cap=3).items() == ["a robot", "a city", "a fox"], "kept across launches"
    recent.clear()
    assert recent.items() == []


def test_typing_offers_matching_prompts_and_enter_takes_one(tmp_path, qtbot):
    recent = store(tmp_path)
    for prompt in ["A red fox in snow", "A blue lake at dawn", "Fox logo, flat vector"]:
        recent.add(prompt)
    edit = PromptEdit()
    edit.set_recent_prompts(recent)
    qtbot.addWidget(edit)
    edit.show()
    edit.setFocus()
    QTest.keyClicks(edit, "fox")
    assert edit.suggestions() == ["Fox logo, flat vector", "A red fox in snow"]
    assert edit.completer.popup().isVisible()
    popup = edit.completer.popup()
    popup.setCurrentIndex(edit.completer.completionModel().index(1, 0))
    QTest.keyClick(popup, Qt.Key.Key_Return)
    assert edit.toPlainText() == "A red fox in snow"
    assert not popup.isVisible()


def test_nothing_offered_without_history_or_for_one_letter(tmp_path, qtbot):
    edit = PromptEdit()
    qtbot.addWidget(edit)
    edit.show()
    QTest.keyClicks(edit, "fox")
    assert not edit.completer.popup().isVisible()
    edit.set_recent_prompts(store(tmp_path))
    edit.clear()
    QTest.keyClicks(edit, "f")
    assert not edit.completer.popup().isVisible()
