"""Services stay below the UI: importing them must not pull in widgets or desktop.ui."""

from __future__ import annotations

import subprocess
import sys

MODULES = [
    "credentials",
    "settings",
    "paths",
    "disk_cache",
    "filenames",
    "xmp",
    "image_metadata",
    "export",
    "log_setup",
]


def test_services_import_no_widgets_and_no_ui():
    imports = "; ".join(f"import desktop.services.{m}" for m in MODULES)
    code = (
        f"import sys; {imports}; "
        "bad = [m for m in sys.modules if m == 'PySide6.QtWidgets' "
        "or m.startswith(('desktop.ui', 'desktop.app'))]; "
        "print(bad); sys.exit(1 if bad else 0)"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
