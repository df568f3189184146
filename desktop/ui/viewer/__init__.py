"""The full-size viewer window: zoomable image view, before/after comparison and synced panning."""
