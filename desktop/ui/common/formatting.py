"""How an image is described in words wherever it is shown: elided prompts, size, date, model.

Shared by the history grid, the viewer and the edit dialog, so each detail reads the same.
"""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QDate, QDateTime, QLocale, QObject, QTime

from desktop.app.i18n import fix_plural
from desktop.services.catalog import Kind

translate = QCoreApplication.translate  # the name lupdate looks for

if TYPE_CHECKING:
    from desktop.api import HistoryItem

__all__ = ["describe", "elide", "format_date", "format_size", "image_count", "model_name"]


def elide(text: str, limit: int) -> str:
    """Cut ``text`` to ``limit`` characters with an ellipsis, collapsing whitespace first."""
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def format_size(item: HistoryItem) -> str:
    """'1024 × 576', or '' when the API did not report dimensions."""
    if item.width and item.height:
        return f"{item.width} × {item.height}"
    return ""


def file_bytes(count: int) -> str:
    """'39 KB', '1.6 MB' in the current locale: a small image is not '0.0 MB'."""
    from PySide6.QtCore import QLocale

    return QLocale().formattedDataSize(count, 1, QLocale.DataSizeFormat.DataSizeSIFormat)


def format_date(when: datetime | None) -> str:
    """Local, human-readable time; naive datetimes are taken as UTC like the API sends them."""
    if when is None:
        return ""
    if when.tzinfo is None:
        from datetime import UTC

        when = when.replace(tzinfo=UTC)
    local = when.astimezone()
    moment = QDateTime(QDate(local.year, local.month, local.day), QTime(local.hour, local.minute))
    # The pattern itself is translatable ("d. MMM yyyy, HH:mm" in German); month names come
    # from the current locale.
    return QLocale().toString(moment, translate("HistoryModel", "d MMM yyyy, HH:mm"))


def model_name(item: HistoryItem, names: dict[str, str] | None = None) -> str:
    """The model's name as the model list shows it ("Imagen 4 Fast"), else its id."""
    return (names or {}).get(item.model or "", item.model or "")


def describe(item: HistoryItem, names: dict[str, str] | None = None) -> str:
    """'model · size · date' — the one-line summary shared by tooltips and the preview."""
    parts = [model_name(item, names), format_size(item), format_date(item.created_at)]
    return " · ".join(p for p in parts if p)


class Counts(QObject):
    """Counted nouns, written once for every place that shows them (context "Counts")."""

    def images(self, count: int) -> str:
        return fix_plural(self.tr("%n image(s)", "", count), count)


_counts: Counts | None = None


def image_count(count: int) -> str:
    """ "1 image" / "3 images" in the current language."""
    global _counts
    if _counts is None:  # made on first use, on the GUI thread, after the app exists
        _counts = Counts()
    return _counts.images(count)


def kind_label(kind: str) -> str:
    """How an image came to be (the catalogue's ``Kind``), in the designer's language; the
    filter chips and the Details panel say it the same way."""
    labels = {
        Kind.GENERATED: translate("ImageKinds", "Generated"),
        Kind.EDITED: translate("ImageKinds", "Edited"),
        Kind.IMPORTED: translate("ImageKinds", "Imported"),
        Kind.UPSCALED: translate("ImageKinds", "Upscaled"),
    }
    return labels.get(kind, kind)  # type: ignore[call-overload]  # a Kind is its str


def menu_label(text: str) -> str:
    """A button that opens a menu: its label with a ▾ after a space. Qt's own indicator
    (hidden in app.qss for these buttons) sat on the label's last letter in Fusion."""
    return f"{text} ▾"
