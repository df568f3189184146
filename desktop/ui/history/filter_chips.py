"""Structured filters for the history as removable chips: model, ratio, format, kind, date,
favourites, minimum rating and collection. Every chip narrows the grid (AND); two chips of
the same kind widen each other (OR), as in ``CatalogQuery``.

The "Filter" button's menu offers the choices the catalogue counted (facets); each chosen
value shows as a chip "Model: Flux ✕" that a click removes. The widget only holds the state
and says ``changed``; the catalogue query runs elsewhere, on a worker.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta
from typing import Any, cast

from PySide6.QtCore import Signal
from PySide6.QtGui import QActionGroup
from PySide6.QtWidgets import QHBoxLayout, QMenu, QToolButton, QWidget

from desktop.services.catalog import CatalogQuery, Collection, Facets
from desktop.ui.common.formatting import kind_label, menu_label

DATE_RANGES = ("today", "week", "month", "year")


@dataclass(frozen=True)
class FilterState:
    models: tuple[str, ...] = ()
    aspect_ratios: tuple[str, ...] = ()
    output_formats: tuple[str, ...] = ()
    kinds: tuple[str, ...] = ()
    date_range: str | None = None  # one of DATE_RANGES
    favourites_only: bool = False
    min_rating: int = 0
    collection: Collection | None = None

    def is_empty(self) -> bool:
        return self == FilterState()

    def query(self, workspace_id: str, text: str = "", now: datetime | None = None) -> CatalogQuery:
        return CatalogQuery(
            workspace_id,
            text=text,
            models=self.models,
            aspect_ratios=self.aspect_ratios,
            output_formats=self.output_formats,
            kinds=self.kinds,
            created_from=range_start(self.date_range, now),
            favourites_only=self.favourites_only,
            min_rating=self.min_rating,
            collection_id=self.collection.id if self.collection is not None else None,
        )


def range_start(key: str | None, now: datetime | None = None) -> datetime | None:
    """The first moment of a date range chip (local days), or None."""
    if key is None:
        return None
    local = (now or datetime.now(UTC)).astimezone()
    midnight = local.replace(hour=0, minute=0, second=0, microsecond=0)
    starts = {
        "today": midnight,
        "week": midnight - timedelta(days=6),
        "month": midnight - timedelta(days=29),
        "year": midnight.replace(month=1, day=1),
    }
    return starts[key]


def _toggled(values: tuple[str, ...], value: str) -> tuple[str, ...]:
    return tuple(v for v in values if v != value) if value in values else (*values, value)


class FilterChips(QWidget):
    """The chip row (hidden while no filter is set) and its "Filter" menu button."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("filterChips")
        self.state = FilterState()
        self.model_names: dict[str, str] = {}
        self._facets = Facets()
        self._collections: list[Collection] = []
        self.menu_button = QToolButton()
        self.menu_button.setObjectName("filterMenuButton")
        self.menu_button.setText(menu_label(self.tr("Filter")))
        self.menu_button.setToolTip(
            self.tr("Filter by model, ratio, format, kind, date, favourites, rating or collection")
        )
        self.menu_button.setAccessibleName(self.tr("Add a filter"))
        self.menu_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.menu = QMenu(self.menu_button)
        self.menu.aboutToShow.connect(self._fill_menu)
        self.menu_button.setMenu(self.menu)
        self._layout = QHBoxLayout(self)
        self._layout.setContentsMargins(4, 0, 0, 0)
        self._layout.setSpacing(6)
        self._layout.addStretch(1)
        self.chips: list[QToolButton] = []
        self.setVisible(False)

    # -- choices -------------------------------------------------------------------------------

    def set_facets(self, facets: Facets) -> None:
        self._facets = facets

    def set_collections(self, collections: list[Collection]) -> None:
        self._collections = collections
        chosen = self.state.collection
        if chosen is not None:
            same = next((c for c in collections if c.id == chosen.id), None)
            self.set_state(replace(self.state, collection=same))

    # -- state ---------------------------------------------------------------------------------

    def set_state(self, state: FilterState) -> None:
        if state == self.state:
            return
        self.state = state
        self._rebuild_chips()
        self.changed.emit()

    def clear(self) -> None:
        self.set_state(FilterState())

    def show_collection(self, collection: Collection | None) -> None:
        """Filter by one collection (the sidebar's click), replacing another one."""
        self.set_state(replace(self.state, collection=collection))

    # -- the menu ------------------------------------------------------------------------------

    def _fill_menu(self) -> None:
        menu, state, facets = self.menu, self.state, self._facets
        menu.clear()
        favourites = menu.addAction(self.tr("Favourites only"))
        favourites.setCheckable(True)
        favourites.setChecked(state.favourites_only)
        favourites.toggled.connect(
            lambda on: self.set_state(replace(self.state, favourites_only=on))
        )
        rating = menu.addMenu(self.tr("Minimum rating"))
        one_of = _one_of(rating)  # one minimum at a time: radio marks, not check boxes
        for stars in range(1, 6):
            action = rating.addAction(self.tr("{stars} and up").format(stars="★" * stars))
            one_of.addAction(action)
            action.setCheckable(True)
            action.setChecked(state.min_rating == stars)
            action.triggered.connect(
                lambda _c=False, n=stars: self.set_state(
                    replace(self.state, min_rating=0 if self.state.min_rating == n else n)
                )
            )
        self._value_menu(self.tr("Model"), facets.models, "models", self.model_label)
        self._value_menu(self.tr("Aspect ratio"), facets.aspect_ratios, "aspect_ratios", str)
        self._value_menu(
            self.tr("Format"), facets.output_formats, "output_formats", lambda v: v.upper()
        )
        self._value_menu(self.tr("Kind"), facets.kinds, "kinds", self.kind_label)
        dates = menu.addMenu(self.tr("Date"))
        one_date = _one_of(dates)
        for key in DATE_RANGES:
            action = dates.addAction(self.date_label(key))
            one_date.addAction(action)
            action.setCheckable(True)
            action.setChecked(state.date_range == key)
            action.triggered.connect(
                lambda _c=False, k=key: self.set_state(
                    replace(self.state, date_range=None if self.state.date_range == k else k)
                )
            )
        collections = menu.addMenu(self.tr("Collection"))
        if not self._collections:  # say why there is nothing to choose, not just grey it out
            hint = collections.addAction(self.tr("No collections yet: press + in the sidebar"))
            hint.setEnabled(False)
        for collection in self._collections:
            action = collections.addAction(f"{collection.name} ({collection.count})")
            action.setCheckable(True)
            action.setChecked(state.collection is not None and state.collection.id == collection.id)
            action.triggered.connect(
                lambda _c=False, c=collection: self.show_collection(
                    None
                    if self.state.collection is not None and self.state.collection.id == c.id
                    else c
                )
            )
        if not state.is_empty():
            menu.addSeparator()
            menu.addAction(self.tr("Clear all filters"), self.clear)

    def _value_menu(
        self, title: str, counts: dict[str, int], attribute: str, label: object
    ) -> None:
        sub = self.menu.addMenu(title)
        sub.setEnabled(bool(counts))
        chosen: tuple[str, ...] = getattr(self.state, attribute)
        for value, count in sorted(counts.items(), key=lambda vc: -vc[1]):
            action = sub.addAction(f"{label(value)} ({count})")  # type: ignore[operator]
            action.setCheckable(True)
            action.setChecked(value in chosen)
            action.triggered.connect(
                lambda _c=False, v=value: self.set_state(
                    replace(
                        self.state,
                        **cast(
                            "dict[str, Any]",
                            {attribute: _toggled(getattr(self.state, attribute), v)},
                        ),
                    )
                )
            )

    # -- labels --------------------------------------------------------------------------------

    def model_label(self, model_id: str) -> str:
        return self.model_names.get(model_id, model_id)

    def kind_label(self, kind: str) -> str:
        return kind_label(kind)

    def date_label(self, key: str) -> str:
        return {
            "today": self.tr("Today"),
            "week": self.tr("Last 7 days"),
            "month": self.tr("Last 30 days"),
            "year": self.tr("This year"),
        }[key]

    # -- the chips -----------------------------------------------------------------------------

    def chip_texts(self) -> list[str]:
        return [chip.text() for chip in self.chips]

    def _rebuild_chips(self) -> None:
        for chip in self.chips:
            self._layout.removeWidget(chip)
            chip.deleteLater()
        self.chips = []
        state = self.state
        specs: list[tuple[str, FilterState]] = []
        for value in state.models:
            specs.append(
                (
                    self.tr("Model: {0}").format(self.model_label(value)),
                    replace(state, models=_toggled(state.models, value)),
                )
            )
        for value in state.aspect_ratios:
            specs.append(
                (
                    self.tr("Ratio: {0}").format(value),
                    replace(state, aspect_ratios=_toggled(state.aspect_ratios, value)),
                )
            )
        for value in state.output_formats:
            specs.append(
                (
                    self.tr("Format: {0}").format(value.upper()),
                    replace(state, output_formats=_toggled(state.output_formats, value)),
                )
            )
        for value in state.kinds:
            specs.append(
                (self.kind_label(value), replace(state, kinds=_toggled(state.kinds, value)))
            )
        if state.date_range is not None:
            specs.append((self.date_label(state.date_range), replace(state, date_range=None)))
        if state.favourites_only:
            specs.append((self.tr("★ Favourites"), replace(state, favourites_only=False)))
        if state.min_rating:
            specs.append(
                (
                    self.tr("Rating ≥ {0}").format("★" * state.min_rating),
                    replace(state, min_rating=0),
                )
            )
        if state.collection is not None:
            specs.append(
                (
                    self.tr("Collection: {0}").format(state.collection.name),
                    replace(state, collection=None),
                )
            )
        for text, without in specs:
            chip = QToolButton()
            chip.setObjectName("filterChip")
            chip.setText(f"{text}  ✕")
            chip.setToolTip(self.tr("Remove this filter"))
            chip.setAccessibleName(self.tr("Remove filter {0}").format(text))
            chip.clicked.connect(lambda _c=False, s=without: self.set_state(s))
            self._layout.insertWidget(len(self.chips), chip)
            self.chips.append(chip)
        self.setVisible(bool(specs))


def _one_of(menu: QMenu) -> QActionGroup:
    """A group for a menu's choices of which at most one applies (clicking the chosen one
    again lifts it): the style draws radio marks, so the menu says "one of these"."""
    group = QActionGroup(menu)
    group.setExclusionPolicy(QActionGroup.ExclusionPolicy.ExclusiveOptional)
    return group
