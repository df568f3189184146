"""What the main window gains when the session has a catalogue: searching it, curation
(stars, tags), collections, the details panel, exporting a selection and style presets.

Built together because each needs the catalogue and takes a place in the window's sidebar,
right column or menus; without a catalogue (the old JSON copy) none of them exists.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from desktop.app.background import BackgroundRunner
    from desktop.app.catalog_session import CatalogSession
    from desktop.app.session import Session
    from desktop.ui.shell.main_window import MainWindow


def add_catalog_features(
    window: MainWindow, session: Session, runner: BackgroundRunner, catalog: CatalogSession
) -> None:
    """Build the catalogue's panels into ``window`` (once, from ``MainWindow.build``)."""
    from desktop.ui.shell.catalog_find import CatalogFind

    window.catalog_find = CatalogFind(
        session, runner, window.filter_chips, window.history_toolbar, window.history_proxy, window
    )
    from desktop.ui.shell.curation import Curation

    window.curation = Curation(
        session, runner, window.history_view, window.history_model, window.catalog_find.ask, window
    )
    window.curation.marked.connect(window.catalog_find.kept.keep)  # not gone at once
    window.catalog_find.kept.follow(window.history_view)
    if (undone := session.undoable_deletes) is not None:  # back, and selected
        from desktop.ui.history.reselect import select_ids

        undone.restored.connect(lambda ids: select_ids(window.history_view, ids))
    window.image_menu.addSeparator()
    window.image_menu.addActions(window.curation.menu_actions())
    from desktop.ui.shell.collections_panel import CollectionsPanel

    window.collections_panel = CollectionsPanel(
        session, window.history_view, window.filter_chips, window.catalog_find.load_choices
    )
    window.catalog_find.finder.collectionsReady.connect(window.collections_panel.set_collections)
    # under the workspaces, taking the spare height; the workspaces fit their rows
    window.sidebar_layout.insertWidget(2, window.collections_panel, 1)
    window.sidebar_layout.setStretchFactor(window.workspace_list, 0)
    from PySide6.QtWidgets import QSizePolicy

    window.workspace_list.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
    window.workspace_list.setMinimumHeight(56)
    window.image_menu.addMenu(window.collections_panel.add_menu)
    from desktop.ui.shell.details_panel import DetailsPanel

    window.details_panel = DetailsPanel(
        session, runner, window.history_view, window.history_model, window
    )
    window.right_splitter.insertWidget(1, window.details_panel)  # under Create, hidden
    from desktop.ui.shell.right_column import RightColumnSizer

    window.right_column = RightColumnSizer(  # Create keeps its form in sight
        window.right_splitter,
        window.generate_panel,
        window.generate_panel.footer,  # under the form (take_footer)
        window.details_panel,
        window.job_panel,
    )
    window.view_menu.addAction(window.details_panel.toggle_action)
    from desktop.ui.shell.selection_export import SelectionExport

    window.selection_export = SelectionExport(
        session, runner, window.history_view, window.messages, window
    )
    window.image_menu.addActions(window.selection_export.actions())
    from desktop.app.style_presets import PresetLibrary
    from desktop.ui.generate.style_menu import StyleMenu

    library = PresetLibrary(catalog, runner)  # style presets (issue 15)
    window.style_menu = StyleMenu(window.generate_panel, library, session.spawn, window)
