"""Render docs/reliability.md from tests/reliability/fault_matrix.json and soak_results.json
(written by the matrix and soak tests with NF_WRITE_MATRIX=1).
Run: python -m tests.reliability.render_doc"""

from __future__ import annotations

import json

from tests.reliability.hostile import HOSTILE
from tests.reliability.matrix import (
    DOC,
    ENDPOINTS,
    FAULTS,
    RESULTS,
    SERVICE_ENDPOINTS,
    SERVICE_RESULTS,
    SOAK_RESULTS,
)

_SHOWN = {
    "ok": "absorbed, no message",
    "error": "message",
    "note": "note (not an error)",
    "sign-in": "sign-in dialog",
}


_ALSO_TESTED = [
    "## Bad input, files and secrets",
    "",
    "- `tests/reliability/test_bad_input.py`: an empty or over-long prompt keeps Generate "
    "disabled and says",
    "  why; emoji, Arabic, Hebrew and CJK prompts come back from the server as sent (control",
    "  characters dropped); markup in a prompt shows literally in the tooltip; a model's limits",
    "  (images, ratios, formats) can't be exceeded in the panel, and the server's 422 reads "
    "plainly.",
    "- `tests/reliability/test_files.py`: a full disk or a folder without permission says so "
    "and leaves no",
    "  partial file; Save As confirms overwrites; dragged files never collide; an interrupted",
    "  download leaves only complete images in the caches.",
    "- `tests/api/test_wire_safety.py`, `tests/reliability/test_insecure_address.py`, "
    "`test_secrets.py`: the",
    "  client secret goes only to the token URL, no secret or token reaches another host (not "
    "even by a",
    "  redirect), odd image ids stay one path segment, plain http to another computer is "
    "refused, and",
    "  a whole session leaves no secret or token on disk.",
    "- `tests/api/test_parsing_properties.py`: every response parser reads numbers sent as "
    "strings,",
    "  nulls, extra and missing fields.",
    "",
]


def _soak_lines() -> list[str]:
    """The soak test's figures (soak_results.json, written with NF_WRITE_MATRIX=1)."""
    soak = json.loads(SOAK_RESULTS.read_text())
    kinds = ", ".join(f"`{k}`" for k in soak["fault_kinds"])
    return [
        "## Soak",
        "",
        f"`tests/reliability/test_soak.py`, {soak['rounds']} rounds in {soak['seconds']} s on "
        "loopback. Each round downloads",
        f"{soak['downloads_per_round']} full-size images at once while the grid loads "
        "thumbnails, and generates, edits, deletes",
        f"and refreshes; {soak['fault_share']:.0%} of all requests fail ({kinds}).",
        "At the end the test checks: nothing still running and no progress shown, the grid "
        "equals the",
        "server's history, and resident memory over the second half of the rounds grew less "
        "than 64 MB.",
        "",
        f"- Requests made: **{soak['requests']}**",
        f"- Faults injected: **{soak['faults_injected']}**",
        f"- Images made: **{soak['images_made']}**, deleted: **{soak['images_deleted']}**",
        f"- Images lost: **{soak['images_lost']}**",
        f"- Credits double-spent: **{soak['credits_double_spent']}**",
        f"- Memory (RSS) growth over the second half: **{soak['rss_growth_second_half_mb']} MB**"
        f" (from {soak['rss_start_mb']} MB)",
        "",
    ]


def _hostile_lines() -> list[str]:
    """The hostile-server cases (tests/reliability/hostile.py) and what the app does."""
    return [
        "## A hostile server",
        "",
        "A deliberately misbehaving server on loopback (`tests/reliability/"
        "test_hostile_server.py` over real",
        "HTTP, and `test_hostile_app.py`: the real window behind a front that spoils one "
        "endpoint of the",
        "built-in server). Each case has a test that failed before the fix.",
        "",
        "| Case | The server | The app |",
        "|---|---|---|",
        *(f"| `{name}` | {server} | {result} |" for name, (server, result) in HOSTILE.items()),
        "",
    ]


def _service_lines() -> list[str]:
    """The image service's calls × the same faults, at the API level."""
    data = json.loads(SERVICE_RESULTS.read_text())
    cases, summary = data["cases"], data["summary"]
    lines = [
        "## Image service calls (upload, generate, masked edit, upscale)",
        "",
        "The family-B calls the import, masked-edit and upscale features use, failed in every "
        "way above at the",
        "API level over real HTTP (`tests/reliability/test_image_service_faults.py`; their UI "
        "comes later). For",
        "every cell the test checks: the message is plain words, a task or an upload reached "
        "the server at",
        "most once (a second time only after a 401, which did nothing), each image made was "
        "charged once, every",
        "image the server made is listed, and the next call works as soon as the fault is gone. "
        "**A dropped",
        "task submit is never charged twice**: the task is not sent again, its image is made and "
        "charged once,",
        'and the message says it may still arrive (`maybe_delivered`), never "try again".',
        "",
        f"- Faults tried: **{summary['faults_tried']}** "
        f"({len(SERVICE_ENDPOINTS)} calls × {len(FAULTS)} faults)",
        f"- Images lost: **{summary['images_lost']}**",
        f"- Credits double-spent: **{summary['credits_double_spent']}**",
        f"- Tasks or uploads carried out twice: **{summary['sent_twice']}**",
        "",
    ]
    for endpoint, (_path, _method, action) in SERVICE_ENDPOINTS.items():
        lines += [
            f"### {endpoint} (`{action}`)",
            "",
            "| Fault | Outcome | Message | Images made | Credits |",
            "|---|---|---|---|---|",
        ]
        for fault in FAULTS:
            case = cases.get(f"{endpoint}/{fault}")
            if case is None:
                lines.append(f"| `{fault}` | **not covered** | | | |")
                continue
            shown = "message" if case["shown"] == "error" else f"absorbed ({case['note']})"
            lines.append(
                f"| `{fault}` | {shown} | {case['message']} | {case['images_made']} | "
                f"{case['credits_spent']} |"
            )
        lines.append("")
    return lines


def render() -> str:
    data = json.loads(RESULTS.read_text())
    cases, summary = data["cases"], data["summary"]
    lines = [
        "# Reliability: faults, bad input and secrets",
        "",
        "<!-- GENERATED by tests/reliability/render_doc.py from fault_matrix.json and",
        "     soak_results.json. Do not edit: NF_WRITE_MATRIX=1 pytest",
        "     tests/reliability/test_fault_matrix.py tests/reliability/test_soak.py, then",
        "     python -m tests.reliability.render_doc. test_reliability_doc.py fails if stale. -->",
        "",
        "Every call the app makes was failed in every way below, through the real window against",
        "the built-in server (`tests/reliability/test_fault_matrix.py`). For every cell the test",
        "checks: the message is plain words (no codes, markup or exception names), the prompt and",
        "every image on screen survive, the saved file on disk is untouched and no partial file",
        "is left, and after the fault is gone one refresh makes the grid equal the server's",
        "history.",
        "",
        "## Figures",
        "",
        f"- Faults tried: **{summary['faults_tried']}** "
        f"({len(ENDPOINTS)} calls × {len(FAULTS)} faults)",
        f"- Requests made to the server during the matrix run: **{summary['requests']}**",
        f"- Images lost: **{summary['images_lost']}**",
        f"- Credits double-spent: **{summary['credits_double_spent']}**",
        "",
        *_soak_lines(),
        *_ALSO_TESTED,
        *_hostile_lines(),
        "## Faults",
        "",
        "| Fault | What happens on the wire |",
        "|---|---|",
        *(f"| `{k}` | {v} |" for k, v in FAULTS.items()),
        "",
        "## The matrix",
        "",
        'What the designer sees. "absorbed" means the app recovered by itself (token renewed,',
        "wrong Content-Type ignored); images made = images the server produced despite the fault,",
        "all of which appeared in the grid, each charged once.",
        "",
    ]
    for endpoint, (_path, _method, action) in ENDPOINTS.items():
        lines += [
            f"### {endpoint} ({action})",
            "",
            "| Fault | Shown | Message | Images made |",
            "|---|---|---|---|",
        ]
        for fault in FAULTS:
            case = cases.get(f"{endpoint}/{fault}")
            if case is None:
                lines.append(f"| `{fault}` | **not covered** | | |")
                continue
            lines.append(
                f"| `{fault}` | {_SHOWN[case['shown']]} | {case['message']} | "
                f"{case['images_made']} |"
            )
        lines.append("")
    lines += _service_lines()
    return "\n".join(lines)


if __name__ == "__main__":
    DOC.write_text(render())
    print(f"wrote {DOC}")
