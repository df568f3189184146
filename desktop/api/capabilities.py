"""What a workspace can do with images, read from its model catalogue's `capabilities`, so the
UI hides or disables an action with the reason instead of offering it to fail.

Capability words (ours, docs/api-contract.md): `image2image` (edit a whole image),
`inpainting` (edit where a mask allows), `upscale-2x` and `upscale-4x` (a bare `upscale`
means both). Only models the workspace is allowed to use count."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from desktop.api.models import ImageModel
from desktop.api.texts import QT_TRANSLATE_NOOP

SCALES = (2, 4)
NO_IMAGES = QT_TRANSLATE_NOOP("Errors", "This workspace's plan does not include images.")
NO_INPUT = QT_TRANSLATE_NOOP(
    "Errors",
    "No image model in this workspace works from an image, so there is nothing to import for.",
)
NO_MASKED_EDIT = QT_TRANSLATE_NOOP(
    "Errors", "No image model in this workspace can edit part of an image."
)
NO_UPSCALE = QT_TRANSLATE_NOOP("Errors", "This workspace's plan does not include upscaling.")
NO_UPSCALE_4X = QT_TRANSLATE_NOOP("Errors", "This workspace can upscale 2×, not 4×.")
NO_UPSCALE_2X = QT_TRANSLATE_NOOP("Errors", "This workspace can upscale 4×, not 2×.")


def _scales(capabilities: Iterable[str]) -> set[int]:
    words = {c.strip().lower() for c in capabilities}
    if "upscale" in words:
        return set(SCALES)
    return {s for s in SCALES if {f"upscale-{s}x", f"upscale{s}x", f"upscale:{s}"} & words}


@dataclass(frozen=True)
class WorkspaceCapabilities:
    """Built with from_models(); every `*_reason` is None when the action is available."""

    edit_models: tuple[str, ...] = ()  # model ids for a whole-image edit (image2image)
    masked_edit_models: tuple[str, ...] = ()  # model ids for a masked edit (inpainting)
    upscale_models: tuple[tuple[int, str], ...] = ()  # (scale, model id), best first
    any_allowed: bool = False

    @classmethod
    def from_models(cls, models: Iterable[ImageModel]) -> WorkspaceCapabilities:
        allowed = [m for m in models if m.allowed]
        upscale = [(s, m.id) for m in allowed for s in sorted(_scales(m.capabilities))]
        return cls(
            edit_models=tuple(m.id for m in allowed if "image2image" in m.capabilities),
            masked_edit_models=tuple(m.id for m in allowed if "inpainting" in m.capabilities),
            upscale_models=tuple(upscale),
            any_allowed=bool(allowed),
        )

    @property
    def upscale_scales(self) -> tuple[int, ...]:
        return tuple(sorted({s for s, _ in self.upscale_models}))

    @property
    def can_upload(self) -> bool:
        """Importing is only worth it when something can use an imported image."""
        return bool(self.edit_models or self.masked_edit_models or self.upscale_models)

    @property
    def can_edit_masked(self) -> bool:
        return bool(self.masked_edit_models)

    def can_upscale(self, scale: int | None = None) -> bool:
        """Any upscale at all (scale None), or that scale."""
        return bool(self.upscale_models) if scale is None else scale in self.upscale_scales

    def upscale_model(self, scale: int) -> str | None:
        return next((m for s, m in self.upscale_models if s == scale), None)

    @property
    def upload_reason(self) -> str | None:
        if self.can_upload:
            return None
        return NO_IMAGES if not self.any_allowed else NO_INPUT

    @property
    def masked_edit_reason(self) -> str | None:
        if self.can_edit_masked:
            return None
        return NO_IMAGES if not self.any_allowed else NO_MASKED_EDIT

    def upscale_reason(self, scale: int | None = None) -> str | None:
        if self.can_upscale(scale):
            return None
        if not self.any_allowed:
            return NO_IMAGES
        if not self.upscale_models or scale not in SCALES:
            return NO_UPSCALE
        return NO_UPSCALE_4X if scale == 4 else NO_UPSCALE_2X
