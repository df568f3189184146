"""Crash report files: written with secrets masked, offered once at the next start.

Two kinds end up here. An exception that escaped a slot or a coroutine is written as it
happens (the app keeps running). A hard crash (segfault, abort) cannot run Python: the
faulthandler writes its stack into ``fatal-<pid>.txt``, opened at start; a clean exit removes
that file, and the next start turns a leftover one into a report (masked like the others).
Reports are ``crash-<time>.txt``; once offered they become ``crash-<time>.offered.txt``, and
only the newest few are kept.
"""

from __future__ import annotations

import faulthandler
import os
import time
import traceback
from collections.abc import Callable
from pathlib import Path
from types import TracebackType
from typing import IO

KEEP_REPORTS = 10
MAX_REPORTS_PER_SESSION = 5  # a failure in a loop must not fill the disk
OFFERED = ".offered"


def format_report(
    exc_type: type[BaseException],
    exc: BaseException,
    tb: TracebackType | None,
    where: str,
    version: str,
) -> str:
    stack = "".join(traceback.format_exception(exc_type, exc, tb))
    when = time.strftime("%Y-%m-%d %H:%M:%S %z")
    return f"neuroflash Desktop {version}\nTime: {when}\nWhere: {where}\n\n{stack}"


class CrashReports:
    """The report folder; ``redact`` masks secrets in everything written."""

    def __init__(self, folder: Path, redact: Callable[[str], str] = lambda text: text) -> None:
        self.folder = Path(folder)
        self.redact = redact
        self._written = 0
        self._fatal_file: IO[str] | None = None
        self._fatal_path: Path | None = None

    def write(self, text: str) -> Path | None:
        """Write one report (masked); None once this session wrote its share, or on failure."""
        if self._written >= MAX_REPORTS_PER_SESSION:
            return None
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            stamp = time.strftime("%Y%m%d-%H%M%S")
            path = self.folder / f"crash-{stamp}-{os.getpid()}-{self._written}.txt"
            path.write_text(self.redact(text), encoding="utf-8")
        except OSError:
            return None
        self._written += 1
        self._prune()
        return path

    def take_unoffered(self) -> list[Path]:
        """Reports of earlier runs not offered yet (hard crashes included), marked offered;
        the paths returned are the renamed files, newest first."""
        self._adopt_fatal_leftovers()
        if not self.folder.is_dir():
            return []
        taken: list[Path] = []
        for path in sorted(self.folder.glob("crash-*.txt"), reverse=True):
            if path.name.endswith(OFFERED + ".txt"):
                continue
            target = path.with_name(path.stem + OFFERED + ".txt")
            try:
                path.rename(target)
            except OSError:
                continue
            taken.append(target)
        return taken

    def watch_fatal(self) -> None:
        """Let the faulthandler write a hard crash's stack to a file of this process."""
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            self._fatal_path = self.folder / f"fatal-{os.getpid()}.txt"
            self._fatal_file = open(self._fatal_path, "w", encoding="utf-8")  # noqa: SIM115
            faulthandler.enable(self._fatal_file)
        except OSError:
            self._fatal_file = None

    def close(self) -> None:
        """A clean exit: stop watching and remove this run's empty fatal file."""
        if self._fatal_file is None:
            return
        faulthandler.disable()
        self._fatal_file.close()
        self._fatal_file = None
        if self._fatal_path is not None:
            self._fatal_path.unlink(missing_ok=True)

    def _adopt_fatal_leftovers(self) -> None:
        if not self.folder.is_dir():
            return
        for path in self.folder.glob("fatal-*.txt"):
            if path == self._fatal_path:
                continue
            try:
                text = path.read_text(encoding="utf-8", errors="replace")
                if text.strip():
                    stamp = time.strftime("%Y%m%d-%H%M%S", time.localtime(path.stat().st_mtime))
                    report = self.folder / f"crash-{stamp}-{path.stem}.txt"
                    report.write_text(
                        self.redact(
                            "neuroflash Desktop stopped unexpectedly (hard crash).\n\n" + text
                        ),
                        encoding="utf-8",
                    )
                path.unlink()
            except OSError:
                continue

    def _prune(self) -> None:
        reports = sorted(self.folder.glob("crash-*.txt"), key=lambda p: p.stat().st_mtime)
        for old in reports[:-KEEP_REPORTS]:
            old.unlink(missing_ok=True)
