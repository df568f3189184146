"""Demo credentials, workspaces, models and seeded history: what a demo user sees first."""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

DEMO_CLIENT_ID = "demo-client-id"
DEMO_CLIENT_SECRET = "demo-client-secret"

STUDIO_WORKSPACE_ID = "7f3c2a10-5b1e-4c8d-9a01-000000000001"
NEARLY_EMPTY_WORKSPACE_ID = "7f3c2a10-5b1e-4c8d-9a01-000000000002"
TEXT_ONLY_WORKSPACE_ID = "7f3c2a10-5b1e-4c8d-9a01-000000000003"

NANO_BANANA_MODEL_ID = "nano-banana-2"
TEXT_ONLY_MODEL_ID = "imagen-4-fast"
NOT_ALLOWED_MODEL_ID = "seedream-4-pro"
DEFAULT_MODEL_ID = NANO_BANANA_MODEL_ID

ALL_RATIOS = ["21:9", "16:9", "3:2", "4:3", "5:4", "1:1", "4:5", "3:4", "2:3", "9:16"]

# Snake_case, exactly the guide's shape; nano-banana-2 is the guide's own example.
MODELS: list[dict[str, Any]] = [
    {
        "id": NANO_BANANA_MODEL_ID,
        "name": "Nano Banana 2",
        "provider": "fal.ai",
        "description": "Fast and efficient image generation model",
        "capabilities": ["text2image", "image2image", "inpainting", "upscale-2x", "upscale-4x"],
        "max_images": 4,
        "aspect_ratios": list(ALL_RATIOS),
        "output_formats": ["jpeg", "png", "webp"],
        "allowed": True,
        "order": 1,
    },
    {
        "id": TEXT_ONLY_MODEL_ID,
        "name": "Imagen 4 Fast",
        "provider": "fal.ai",
        "description": "Quick text-to-image drafts",
        "capabilities": ["text2image"],
        "max_images": 2,
        "aspect_ratios": ["16:9", "4:3", "1:1", "3:4", "9:16"],
        "output_formats": ["png", "jpeg"],
        "allowed": True,
        "order": 2,
    },
    {
        "id": NOT_ALLOWED_MODEL_ID,
        "name": "Seedream 4 Pro",
        "provider": "fal.ai",
        "description": "High-detail model for premium plans",
        "capabilities": ["text2image", "image2image"],
        "max_images": 4,
        "aspect_ratios": list(ALL_RATIOS),
        "output_formats": ["jpeg", "png", "webp"],
        "allowed": False,
        "order": 3,
    },
]


@dataclass
class WorkspaceSeed:
    """A workspace and its image quota (None: the plan has no image access)."""

    id: str
    name: str
    created_at: str
    quota: dict[str, int] | None


WORKSPACES: list[WorkspaceSeed] = [
    WorkspaceSeed(
        STUDIO_WORKSPACE_ID,
        "Studio",
        "2024-01-15T09:30:00Z",
        {
            "limit": 500,
            "used": 120,
            "bonus": 50,
            "spillover": 20,
            "limit_daily": 100,
            "used_daily": 3,
        },
    ),
    WorkspaceSeed(
        NEARLY_EMPTY_WORKSPACE_ID,
        "Side Project",
        "2024-03-02T14:00:00Z",
        {"limit": 50, "used": 48, "bonus": 0, "spillover": 0, "limit_daily": 20, "used_daily": 1},
    ),
    WorkspaceSeed(TEXT_ONLY_WORKSPACE_ID, "Copywriting", "2024-05-20T08:15:00Z", None),
]

_SUBJECTS = [
    "a lighthouse on a rocky coast",
    "a cup of coffee on a wooden desk",
    "a fox in a snowy forest",
    "a futuristic city skyline",
    "a bowl of ramen",
    "a vintage bicycle against a brick wall",
    "a mountain lake at dawn",
    "a robot watering plants",
    "a cosy reading corner",
    "a hot air balloon festival",
    "a minimalist product shot of headphones",
    "a koi pond",
]
_STYLES = [
    "watercolour",
    "isometric 3D render",
    "35mm film photo",
    "flat vector illustration",
    "oil painting",
    "neon cyberpunk",
    "soft pastel",
    "studio photography",
]
_FORMATS = ["png", "jpeg", "webp"]


def _uuid4(rng: random.Random) -> str:
    """A reproducible version-4 UUID string, formatted by hand because uuid.UUID is slow."""
    h = f"{rng.getrandbits(128) & ~(0xF << 76) & ~(0x3 << 62) | (4 << 76) | (2 << 62):032x}"
    return f"{h[:8]}-{h[8:12]}-{h[12:16]}-{h[16:20]}-{h[20:]}"


@dataclass
class SeedItem:
    """Metadata of one seeded history image (pixels are rendered lazily on first request)."""

    image_id: str
    batch_id: str
    prompt: str
    aspect_ratio: str
    output_format: str
    created_at: datetime
    index: int


def seed_history(count: int, seed: int, workspace_id: str, now: datetime) -> list[SeedItem]:
    """`count` items, oldest first, spread over past days; metadata only so 10,000 is instant."""
    rng = random.Random(f"{seed}:{workspace_id}")
    items: list[SeedItem] = []
    span = timedelta(days=max(3, min(90, count // 5 + 3)))
    start = now - span
    step = span / max(count, 1)
    batch_id, left = "", 0
    for n in range(count):
        if left == 0:
            batch_id = _uuid4(rng)
            left = rng.choice((1, 1, 2, 4))
            prompt = f"{rng.choice(_SUBJECTS).capitalize()}, {rng.choice(_STYLES)}"
            ratio = rng.choice(ALL_RATIOS)
            fmt = rng.choice(_FORMATS)
            index = 0
        items.append(
            SeedItem(
                image_id=_uuid4(rng),
                batch_id=batch_id,
                prompt=prompt,
                aspect_ratio=ratio,
                output_format=fmt,
                created_at=start + step * n,
                index=index,
            )
        )
        index += 1
        left -= 1
    return items
