"""Services: credentials, settings, paths, disk caches, export and logging for the desktop app.

May import the stdlib, keyring, Pillow, PySide6.QtCore and desktop.api; never QtWidgets/desktop.ui.
"""
