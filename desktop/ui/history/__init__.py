"""The history grid: model, filter, view, delegate, toolbar, drag-out and actions on images."""
