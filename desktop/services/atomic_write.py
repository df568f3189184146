"""Atomic file replacement: a full disk or a crash never leaves a half-written file behind.

Its own small module (stdlib only) so the history cache can import it at start-up without
pulling in export's XMP code, which loads xml.sax, urllib and email.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path

__all__ = ["fsync_dir", "write_atomic", "write_temp"]


def write_temp(directory: Path, data: bytes) -> str:
    """A fully written, fsynced temp file in directory (removed again if anything fails)."""
    fd, tmp = tempfile.mkstemp(prefix=".neuroflash-", suffix=".part", dir=directory)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
    return tmp


def fsync_dir(directory: Path) -> None:
    """Make a rename inside ``directory`` durable (POSIX; elsewhere a no-op)."""
    if os.name == "posix":
        with contextlib.suppress(OSError):
            fd = os.open(directory, os.O_RDONLY)
            try:
                os.fsync(fd)
            finally:
                os.close(fd)


def write_atomic(path: Path, data: bytes) -> None:
    """Replace path with data in one step; OSError (ENOSPC, EACCES…) propagates to the caller."""
    path = Path(path)
    tmp = write_temp(path.parent, data)
    try:
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
    fsync_dir(path.parent)
