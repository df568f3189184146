"""The vocabulary of a grouped history: how it is grouped, a group's header, and its label.

Kept apart from the proxy that builds the rows so the toolbar (the "Group by" choice), the
grid's model contract and the tests can name these without the proxy's row bookkeeping. The
labels are translated in the "HistoryGroups" context; the QLocale date formats are
translatable too, so German gets its own.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from enum import Enum

from PySide6.QtCore import QCoreApplication, QDate, QLocale

from desktop.api import HistoryItem
from desktop.ui.common.formatting import elide

translate = QCoreApplication.translate  # the name lupdate looks for


class Grouping(Enum):
    NONE = "none"
    DAY = "day"
    BATCH = "batch"


@dataclass(frozen=True)
class Header:
    key: str
    label: str
    count: int
    collapsed: bool = False


Entry = Header | str  # a header, or the image id of a source row


def day_label(day: date, today: date) -> str:
    """A group heading; the QLocale date formats are translatable, so German gets its own."""
    if day == today:
        return translate("HistoryGroups", "Today")
    if day == today - timedelta(days=1):
        return translate("HistoryGroups", "Yesterday")
    qdate = QDate(day.year, day.month, day.day)
    if day.year == today.year:
        return QLocale().toString(qdate, translate("HistoryGroups", "ddd d MMM"))
    return QLocale().toString(qdate, translate("HistoryGroups", "d MMM yyyy"))


def group_label(grouping: Grouping, key: str, item: HistoryItem, today: date) -> str:
    """The header text of the group ``key`` whose first image is ``item``."""
    if grouping is Grouping.BATCH:
        return elide(item.prompt or translate("HistoryGroups", "Untitled"), 48)
    if not key:
        return translate("HistoryGroups", "Undated")
    return day_label(date.fromisoformat(key), today)
