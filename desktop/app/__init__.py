"""The application layer: what the app knows and does, without a single widget.

Session and workspace state, image operations, the job queue, offline/reconnect, history
saving, cooldowns, language and the background runner live here. QtCore at most (signals,
timers, translation); windows in ``desktop.ui`` observe and drive it.
"""
