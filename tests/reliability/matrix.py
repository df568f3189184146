"""The fault matrix: every API call the app makes × every way it can fail, and where the
results live (fault_matrix.json, rendered into docs/reliability.md by render_doc.py)."""

from __future__ import annotations

from pathlib import Path

HERE = Path(__file__).resolve().parent
RESULTS = HERE / "fault_matrix.json"
DOC = HERE.parents[1] / "docs" / "reliability.md"

# name: (path regex the fault is injected on, HTTP method or None, what the designer does)
ENDPOINTS: dict[str, tuple[str, str | None, str]] = {
    "token": (r"/oauth/v2/token$", None, "F5 with an expired token"),
    "workspaces": (r"/workspace-service/v1/workspaces$", None, "F5"),
    "quotas": (r"/quotas$", None, "F5"),
    "models": (r"/image_generation/models$", None, "F5"),
    "history": (r"/ds-prototypes/history$", None, "F5"),
    "generate": (r"/ds-prototypes/image_generation/$", "POST", "Generate"),
    "edit": (r"/ds-prototypes/edit$", "POST", "Edit"),
    "delete": (r"/ds-prototypes/history/[^/]+$", "DELETE", "Delete"),
    "download": (r"/image_generation/[^/]+/view$", None, "Save As (image not cached)"),
}

# name: what it is (for the doc). "refused" is the Gate refusing connections, the rest are
# the built-in server's injected faults (desktop/emulator/faults.py).
FAULTS: dict[str, str] = {
    "timeout": "no answer within the timeout",
    "refused": "connection refused (network down)",
    "drop": "connection reset mid-body, after the server did the work",
    "401": "401: the access token expired",
    "403": "403 Forbidden",
    "404": "404 Not Found",
    "429": "429 with Retry-After",
    "429-bare": "429 without Retry-After",
    "500": "500 (plain-text body)",
    "502": "502 Bad Gateway",
    "503": "503 Service Unavailable",
    "504": "504 Gateway Timeout",
    "malformed": "200 with malformed JSON",
    "html": "502 HTML error page",
    "wrong-type": "right body, wrong Content-Type",
    "truncated": "body cut in half (complete HTTP message)",
    "oversized": "9 MB body (over the client's limit)",
}

# The soak test's figures (tests/reliability/test_soak.py), also rendered into the doc.
SOAK_RESULTS = HERE / "soak_results.json"

# The image service's calls (family B), failed at the API level (the import, masked-edit and
# upscale UI is not built yet): tests/reliability/test_image_service_faults.py, results in
# image_service_matrix.json, rendered into the same doc. Same FAULTS.
SERVICE_RESULTS = HERE / "image_service_matrix.json"
SERVICE_ENDPOINTS: dict[str, tuple[str, str | None, str]] = {
    "upload": (r"/images$", "POST", "upload_image"),
    "list": (r"/images$", "GET", "service_images_page"),
    "get": (r"/images/[^/]+$", "GET", "service_image"),
    "content": (r"/images/[^/]+/content$", "GET", "download_image(content_url)"),
    "delete": (r"/images/[^/]+$", "DELETE", "delete_service_image"),
    "generation-task": (r"/image-generation-tasks$", "POST", "generate_images"),
    "edit-task": (r"/image-edit-tasks$", "POST", "edit_image (masked)"),
    "upscale-task": (r"/image-upscale-tasks$", "POST", "upscale_image"),
    "task-poll": (r"/images/[^/]+$", "GET", "finish_task on a pending (async) task"),
}
