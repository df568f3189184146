"""The Filter menu's one-of choices (minimum rating, date) read as such: radio marks and
"★★★ and up", not five check boxes labelled only with stars (first-hour QA: a designer
ticked ★★ and ★★★★ and could not tell which applied)."""

from __future__ import annotations

from PySide6.QtGui import QActionGroup
from PySide6.QtWidgets import QMenu

from desktop.ui.history.filter_chips import FilterChips


def _submenu(chips: FilterChips, title: str) -> QMenu:
    chips._fill_menu()  # as the menu does when it opens
    action = next(a for a in chips.menu.actions() if a.text() == title)
    menu = action.menu()
    assert isinstance(menu, QMenu)
    return menu


def test_minimum_rating_is_one_choice_that_says_and_up(qtbot):
    chips = FilterChips()
    qtbot.addWidget(chips)
    rating = _submenu(chips, "Minimum rating")
    assert [a.text() for a in rating.actions()] == [
        "★ and up",
        "★★ and up",
        "★★★ and up",
        "★★★★ and up",
        "★★★★★ and up",
    ]
    group = rating.actions()[0].actionGroup()
    assert group is not None, "check boxes: several minimums seem possible"
    assert group.exclusionPolicy() is not QActionGroup.ExclusionPolicy.None_
    rating.actions()[2].trigger()
    assert chips.state.min_rating == 3
    _submenu(chips, "Minimum rating").actions()[2].trigger()  # the chosen one again: lifted
    assert chips.state.min_rating == 0


def test_the_date_ranges_are_one_choice(qtbot):
    chips = FilterChips()
    qtbot.addWidget(chips)
    dates = _submenu(chips, "Date")
    assert all(a.actionGroup() is not None for a in dates.actions())


def test_the_filter_button_says_it_opens_a_menu_with_its_own_arrow(qtbot):
    """Fusion drew its tiny menu arrow on the label's last letter ("Filter" read "Filte_r");
    the label carries a ▾ after a space instead, and app.qss hides Qt's indicator."""
    chips = FilterChips()
    qtbot.addWidget(chips)
    assert chips.menu_button.text() == "Filter ▾"
    assert chips.menu_button.accessibleName() == "Add a filter"  # read aloud without the arrow
