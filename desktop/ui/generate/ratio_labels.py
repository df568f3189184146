"""Kept for the Create panel's imports: the labels live in desktop.ui.common.ratio_labels, so
the edit dialog (history) can use the same "1:1 · 1024×1024" labels."""

from desktop.ui.common.ratio_labels import (
    LONG_SIDE,
    Sizes,
    default_size,
    observed_sizes,
    ratio_label,
)

__all__ = ["LONG_SIDE", "Sizes", "default_size", "observed_sizes", "ratio_label"]
