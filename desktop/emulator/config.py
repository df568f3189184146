"""Knobs of the built-in server, so tests and demo mode can shape its behaviour."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class EmulatorConfig:
    """Everything that varies between a demo run and a test run.

    rate_limit_per_minute <= 0 disables the rate limit; fault_share > 0 injects random faults;
    async_tasks makes image-service tasks answer pending images that settle after task_delay_s.
    """

    latency_s: float = 0.0
    token_lifetime_s: int = 14399
    history_size: int = 6
    rate_limit_per_minute: int = 30
    seed: int = 1
    timeout_fault_s: float = 30.0
    oversized_fault_bytes: int = 80 * 1024 * 1024
    fault_share: float = 0.0
    fault_kinds: tuple[str, ...] = ()
    image_cache_items: int = 256
    async_tasks: bool = False  # image-service tasks answer 202 with pending images
    task_delay_s: float = 1.0  # how long an async task's images stay pending
    photo_images: bool = False  # photographic-like images, sized like the real service's
    bandwidth_mbps: float = 0.0  # > 0: everything sent shares one link of this rate
