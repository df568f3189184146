"""The desktop UI: windows, widgets, item models and dialogs, one package per screen area.

``shell`` starts the app and holds the main window; ``history``, ``generate``, ``viewer`` and
``sign_in`` are the screen areas, independent of each other; ``common`` holds the widgets and
helpers they share. State that is not a widget lives below, in ``desktop.app``. The only
package that imports QtWidgets; the GUI thread never blocks and workers never touch widgets.
"""
