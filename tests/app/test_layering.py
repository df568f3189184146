"""The application layer stays below the UI: importing it must not pull in widgets or desktop.ui."""

from __future__ import annotations

import pkgutil
import subprocess
import sys

import desktop.app


def test_app_layer_imports_no_widgets_and_no_ui():
    modules = sorted(m.name for m in pkgutil.iter_modules(desktop.app.__path__))
    assert "session" in modules  # the layer is really there
    imports = "; ".join(f"import desktop.app.{m}" for m in modules)
    code = (
        f"import sys; {imports}; "
        "bad = [m for m in sys.modules if m in ('PySide6.QtWidgets', 'PySide6.QtGui') "
        "or m.startswith('desktop.ui')]; "
        "print(bad); sys.exit(1 if bad else 0)"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
