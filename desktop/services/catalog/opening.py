"""Opens the catalogue file: WAL, migrations, and a damaged file set aside for a fresh one.

A catalogue is a cache of the server's history plus the designer's own marks; losing the marks
is bad, losing the app is worse. So a file SQLite cannot read is renamed (kept for support,
``catalog.damaged-<UTC time>.sqlite3``) and a new one is created, and the store reports that
so the UI can say the history is being fetched again.
"""

from __future__ import annotations

import contextlib
import logging
import sqlite3
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from desktop.api.texts import QT_TRANSLATE_NOOP
from desktop.services.catalog.schema import migrate

log = logging.getLogger(__name__)

CATALOG_CONTEXT = "Catalog"
DAMAGED_MESSAGE = QT_TRANSLATE_NOOP(  # the context spelt out: lupdate reads literals only
    "Catalog", "The image catalogue was damaged and is being rebuilt from neuroflash."
)
DAMAGED_NOW_MESSAGE = QT_TRANSLATE_NOOP(
    "Catalog",
    "The image catalogue is damaged. It will be rebuilt from neuroflash at the next start.",
)
_SIDE_FILES = ("-wal", "-shm", "-journal")
_MARKER = ".damaged"  # next to the file: found damaged while running, set aside at next open
_CORRUPT_CODES = (11, 26)  # SQLITE_CORRUPT, SQLITE_NOTADB


def is_corruption(err: BaseException) -> bool:
    """True for "the file is damaged", not for a busy file, a full disk or a bad statement."""
    if not isinstance(err, sqlite3.DatabaseError):
        return False
    code = getattr(err, "sqlite_errorcode", None)
    if code is not None:
        return int(code) & 0xFF in _CORRUPT_CODES
    text = str(err).lower()
    return "malformed" in text or "not a database" in text


def mark_damaged(path: Path, reason: str) -> None:
    """Remember that ``path`` went bad while open, so the next start replaces it."""
    try:
        path.with_name(path.name + _MARKER).write_text(reason, "utf-8")
    except OSError as err:
        log.error("Could not mark the damaged catalogue: %s", err)


@dataclass(frozen=True)
class DamageReport:
    """Why the last catalogue could not be used and where it was put."""

    reason: str  # technical, for the log and a crash report
    set_aside_as: Path | None  # None when the file could not even be renamed
    message: str = DAMAGED_MESSAGE  # for the designer; translate with context CATALOG_CONTEXT


def connect(path: Path, *, read_only: bool = False) -> sqlite3.Connection:
    """A connection in autocommit mode (transactions are explicit), usable from any one
    thread at a time."""
    conn = sqlite3.connect(path, isolation_level=None, check_same_thread=False, timeout=10.0)
    conn.execute("PRAGMA busy_timeout = 10000")
    conn.execute("PRAGMA foreign_keys = ON")
    conn.execute("PRAGMA cache_size = -16000")  # 16 MB per connection
    if read_only:
        conn.execute("PRAGMA query_only = ON")
    return conn


def _prepare(path: Path) -> sqlite3.Connection:
    conn = connect(path)
    try:
        mode = conn.execute("PRAGMA journal_mode = WAL").fetchone()[0]
        if str(mode).lower() != "wal":
            log.info("Catalogue journal mode is %s, not WAL", mode)
        conn.execute("PRAGMA synchronous = NORMAL")  # WAL + NORMAL: durable across app crashes
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        check = conn.execute("PRAGMA quick_check(1)").fetchone()[0]
        if check != "ok":
            raise sqlite3.DatabaseError(f"quick_check: {check}")
        migrate(conn)
    except BaseException:
        conn.close()
        raise
    return conn


def _set_aside(path: Path) -> Path | None:
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%fZ")
    target = path.with_name(f"{path.stem}.damaged-{stamp}{path.suffix}")
    try:
        path.rename(target)
    except OSError as err:
        log.error("Could not set the damaged catalogue aside: %s", err)
        with contextlib.suppress(OSError):
            path.unlink()
        target_or_none = None
    else:
        target_or_none = target
    for suffix in _SIDE_FILES:
        side = path.with_name(path.name + suffix)
        try:
            if target_or_none is not None:
                side.rename(target.with_name(target.name + suffix))
            else:
                side.unlink()
        except FileNotFoundError:
            pass
        except OSError as err:
            log.warning("Could not move %s: %s", side.name, err)
    return target_or_none


def open_writer(path: Path) -> tuple[sqlite3.Connection, DamageReport | None]:
    """The writer connection of ``path``, migrated; a damaged file is replaced."""
    path.parent.mkdir(parents=True, exist_ok=True)
    marker = path.with_name(path.name + _MARKER)
    try:
        if marker.exists():
            reason = "found damaged while in use: " + marker.read_text("utf-8", "replace")
            marker.unlink()
            raise sqlite3.DatabaseError(reason)
        return _prepare(path), None
    except sqlite3.DatabaseError as err:  # "file is not a database", malformed, newer schema
        reason = f"{type(err).__name__}: {err}"
    log.error("The image catalogue %s is damaged (%s); starting a new one", path, reason)
    aside = _set_aside(path)
    return _prepare(path), DamageReport(reason=reason, set_aside_as=aside)
