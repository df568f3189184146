"""Signing in: the dialog and the flow that checks credentials and starts a session."""
