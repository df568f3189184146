"""Atomic file replacement: a full disk or a crash never leaves a half-written file behind.

Its own small module (stdlib only) so the history cache can import it at start-up without
pulling in export's XMP code, which loads xml.sax, urllib and email.

The app's own data stays private (0600). Files made for the designer (Save As, export,
drag-out) pass ``private=False`` and get the permissions any other app's files get: 0666 less
the umask (0644 under umask 022), so colleagues can open a file dropped into a shared folder.
"""

from __future__ import annotations

import contextlib
import os
import secrets
import tempfile
from pathlib import Path

__all__ = ["fsync_dir", "write_atomic", "write_temp"]


_TEMP_PREFIX, _TEMP_SUFFIX = ".neuroflash-", ".part"


def _open_shared_temp(directory: Path) -> tuple[int, str]:
    """Like mkstemp, but created 0666 so the kernel applies the umask as for any new file."""
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
    for _ in range(100):
        tmp = os.path.join(directory, f"{_TEMP_PREFIX}{secrets.token_hex(6)}{_TEMP_SUFFIX}")
        try:
            return os.open(tmp, flags, 0o666), tmp
        except FileExistsError:
            continue
    raise FileExistsError(f"No free temporary name in {directory}")


def write_temp(directory: Path, data: bytes, *, private: bool = True) -> str:
    """A fully written, fsynced temp file in directory (removed again if anything fails);
    0600 when ``private``, else what the umask allows."""
    if private:
        fd, tmp = tempfile.mkstemp(prefix=_TEMP_PREFIX, suffix=_TEMP_SUFFIX, dir=directory)
    else:
        fd, tmp = _open_shared_temp(directory)
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


def write_atomic(path: Path, data: bytes, *, private: bool = True) -> None:
    """Replace path with data in one step; OSError (ENOSPC, EACCES…) propagates to the caller.
    ``private=False`` for files made for the designer (see the module docstring)."""
    path = Path(path)
    tmp = write_temp(path.parent, data, private=private)
    try:
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
    fsync_dir(path.parent)
