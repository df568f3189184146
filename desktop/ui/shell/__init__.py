"""The window around everything: start-up, main window, theme, settings, help and window size."""
