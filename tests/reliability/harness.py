"""The real app against the built-in server (optionally through a Gate), with short timeouts,
and the checks every reliability test makes: nothing lost on screen, in the grid or on disk."""

from __future__ import annotations

import argparse
import asyncio
from pathlib import Path
from typing import Any

from desktop.emulator.demo_data import STUDIO_WORKSPACE_ID
from desktop.ui.shell.app import Components
from tests.ui.app_harness import close_components, make_loop, wait_until

STUDIO = STUDIO_WORKSPACE_ID
# Short waits so faults show quickly; the oversized fault (9 MB) exceeds both limits.
FAST = dict(
    connect_timeout=1.0,
    read_timeout=1.0,
    generate_timeout=1.0,
    retry_base_delay=0.01,
    retry_max_delay=0.05,
    max_json_bytes=1 << 20,
    max_image_bytes=8 << 20,
)


class RunningApp:
    """One app instance: loop, components, and helpers to act and to wait like a designer."""

    def __init__(self, qapp: Any, api_url: str, token_url: str, profile: Path, **over: Any):
        self.loop = make_loop(qapp)
        args = argparse.Namespace(
            demo=False,
            api_url=api_url,
            token_url=token_url,
            profile=str(profile),
            api_overrides={**FAST, **over},
        )
        self.components = Components(args)
        self.window = self.components.window
        self.session = self.components.session
        self.panel = self.window.generate_panel
        self.messages = self.window.messages
        self.profile = profile
        self.window.show()

    def start(self, wait_for_history: bool = True) -> RunningApp:
        self.session.spawn(self.components.flow.start(demo=False))
        if wait_for_history:
            self.wait(lambda: self.window.history_model.rowCount() > 0)
            self.wait(lambda: self.panel.model_combo.count() > 0 and self.session.quota)
        return self

    def wait(self, predicate: Any, timeout: float = 20) -> None:
        wait_until(self.loop, predicate, timeout)

    def run(self, coro: Any) -> Any:
        return self.loop.run_until_complete(self.session.spawn(coro))

    def sleep(self, seconds: float) -> None:
        self.loop.run_until_complete(asyncio.sleep(seconds))

    def settle(self, timeout: float = 20) -> None:
        """Until nothing runs: no session task, no generation, no thumbnail in flight."""
        self.wait(
            lambda: (
                not self.session._tasks
                and not self.window.job.running
                and self.window.loader.pending_count() == 0
            ),
            timeout,
        )

    def grid_ids(self) -> list[str]:
        model = self.window.history_model
        return [model.item(row).image_id for row in range(model.rowCount())]

    def shown_message(self) -> tuple[str, str]:
        """What the designer sees now: ("sign-in" | "error" | "note" | "ok", text)."""
        dialog = self.components.flow.dialog
        if dialog is not None:
            return "sign-in", dialog.message_label.text()
        if self.panel.message_label.isVisible():
            role = self.panel.message_label.property("role")
            return ("error" if role == "error" else "note"), self.panel.message_label.text()
        if self.messages.isVisible() and self.messages.property("kind") == "error":
            return "error", self.messages.text()
        return "ok", self.messages.text()

    def close(self) -> None:
        close_components(self.components, self.loop)
        self.loop.close()


def stray_partial_files(*roots: Path) -> list[Path]:
    """Temp files an interrupted write would leave behind (cache: .tmp-*, export: *.part)."""
    return [
        p
        for root in roots
        if root.exists()
        for p in root.rglob("*")
        if p.is_file() and (p.name.startswith(".tmp-") or p.name.endswith(".part"))
    ]
