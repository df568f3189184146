"""The guide's own Python and Node.js code runs unchanged against the built-in server."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from desktop.emulator import DEMO_CLIENT_ID, DEMO_CLIENT_SECRET
from desktop.emulator.demo_data import STUDIO_WORKSPACE_ID
from desktop.emulator.server import EmulatorServer

HERE = Path(__file__).parent
PROMPT = "A professional hero image for a blog post about sustainable technology."


def _localised(name: str, server: EmulatorServer, tmp_path: Path) -> Path:
    """The snippet with only the base URL, token URL and credentials swapped in."""
    text = (HERE / name).read_text(encoding="utf-8")
    for real, ours in [
        ("https://app.neuroflash.com/api", server.api_url),
        ("https://id.neuroflash.com/oauth/v2/token", server.token_url),
        ("YOUR_CLIENT_ID", DEMO_CLIENT_ID),
        ("YOUR_CLIENT_SECRET", DEMO_CLIENT_SECRET),
    ]:
        assert real in text
        text = text.replace(real, ours)
    target = tmp_path / name
    target.write_text(text, encoding="utf-8")
    return target


def _run_and_check(cmd: list[str], server: EmulatorServer) -> None:
    state = server.state
    before = state.quota(STUDIO_WORKSPACE_ID)["availableAmount"]
    ids_before = set(state.history_ids(STUDIO_WORKSPACE_ID))
    done = subprocess.run(cmd, capture_output=True, text=True, timeout=90)
    assert done.returncode == 0, done.stderr
    assert "Using workspace: " + STUDIO_WORKSPACE_ID in done.stdout
    assert "Size: 1024x576" in done.stdout
    # Generate + edit: two credits.
    assert state.quota(STUDIO_WORKSPACE_ID)["availableAmount"] == before - 2
    new = [state.records[i] for i in state.history_ids(STUDIO_WORKSPACE_ID) if i not in ids_before]
    # The generated image was edited, then deleted: only the edit remains.
    assert [r.kind for r in new] == ["image2image"]
    edit = new[0]
    assert edit.spec.prompt == "Make the sky a deep sunset orange"
    assert edit.spec.source is not None and edit.spec.source.prompt.startswith(PROMPT)
    source_id = edit.input_image_urls[0].split("/")[-2]
    assert source_id not in state.records


def test_python_snippet(emulator: EmulatorServer, tmp_path: Path) -> None:
    script = _localised("guide_snippet.py", emulator, tmp_path)
    _run_and_check([sys.executable, str(script)], emulator)


@pytest.mark.skipif(shutil.which("node") is None, reason="node is not installed")
def test_node_snippet(emulator: EmulatorServer, tmp_path: Path) -> None:
    script = _localised("guide_snippet.mjs", emulator, tmp_path)
    _run_and_check(["node", str(script)], emulator)
