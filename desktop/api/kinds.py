"""What made an image: generated, edited, imported or upscaled, from whatever word a server
uses for it (the ds-prototypes history's `type`, or the image service's `parameters.kind`)."""

from __future__ import annotations

GENERATED = "generated"
EDITED = "edited"
IMPORTED = "imported"
UPSCALED = "upscaled"
KINDS = (GENERATED, EDITED, IMPORTED, UPSCALED)

# Lower-case wire words -> kind. The built-in server's history says text2image, image2image,
# upload and upscale (docs/api-contract.md); the rest are likely spellings of the real service.
_WORDS = {
    "text2image": GENERATED,
    "generation": GENERATED,
    "generate": GENERATED,
    GENERATED: GENERATED,
    "image2image": EDITED,
    "edit": EDITED,
    "inpainting": EDITED,
    "inpaint": EDITED,
    EDITED: EDITED,
    "upload": IMPORTED,
    "import": IMPORTED,
    "uploaded": IMPORTED,
    IMPORTED: IMPORTED,
    "upscale": UPSCALED,
    UPSCALED: UPSCALED,
}


def kind_of(word: str | None, has_inputs: bool = False) -> str:
    """The kind for a wire word; an unknown word is an edit when the image has inputs."""
    kind = _WORDS.get((word or "").strip().lower())
    if kind is not None:
        return kind
    return EDITED if has_inputs else GENERATED
