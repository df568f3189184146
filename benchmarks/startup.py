"""Start-up: process start → first painted main window, the app (demo mode, warm caches)
against a bare PySide6 QMainWindow, alternated in fresh processes of the same run."""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time


def _env() -> dict[str, str]:
    env = dict(os.environ)
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    env.pop("PYTHONDONTWRITEBYTECODE", None)  # warm: compiled bytecode is kept, as installed
    env["NEUROFLASH_BENCHMARK_FIRST_PAINT"] = "1"
    for name in ("NEUROFLASH_CLIENT_ID", "NEUROFLASH_CLIENT_SECRET"):
        env.pop(name, None)
    return env


def time_to_first_paint(command: list[str], env: dict[str, str]) -> float:
    """Seconds from just before the process starts to the line its first paint printed."""
    start = time.time()
    out = subprocess.run(command, env=env, capture_output=True, text=True, timeout=120)
    for line in out.stdout.splitlines():
        if line.startswith("first-paint "):
            return float(line.split()[1]) - start
    raise RuntimeError(f"no first paint from {command}: {out.stderr[-2000:]}")


def measure(rounds: int = 5) -> dict[str, float]:
    env = _env()
    profile = tempfile.mkdtemp(prefix="nf-startup-")
    app = [sys.executable, "-m", "desktop", "--demo", "--profile", profile]
    bare = [sys.executable, "-m", "benchmarks.bare_window"]
    time_to_first_paint(app, env)  # warm: bytecode, font cache, profile folders
    time_to_first_paint(bare, env)
    app_s, bare_s = [], []
    for _ in range(rounds):
        bare_s.append(time_to_first_paint(bare, env))
        app_s.append(time_to_first_paint(app, env))
    app_m, bare_m = statistics.median(app_s), statistics.median(bare_s)
    return {
        "startup_app_s": round(app_m, 3),
        "startup_bare_s": round(bare_m, 3),
        "startup_ratio": round(app_m / bare_m, 2),
    }


if __name__ == "__main__":
    print(measure())
