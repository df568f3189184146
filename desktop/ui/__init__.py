"""The desktop UI: windows, widgets, item models and dialogs.

The only package that imports QtWidgets. It awaits API calls through ``BackgroundRunner`` and
never blocks the GUI thread; worker threads never touch widgets.
"""
