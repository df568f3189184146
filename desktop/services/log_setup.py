"""Logging to a rotating file in the platform log folder and to stderr, with secrets redacted.

The redactor lives on a LoggingSetup object the app creates (no module-level singleton), so
the app can register the client secret and each new access token as it learns them.
"""

from __future__ import annotations

import logging
import logging.handlers
import re
import sys
import threading
from dataclasses import dataclass
from pathlib import Path

LOG_FILE_NAME = "neuroflash-desktop.log"
MASK = "***"
_MIN_SECRET_LENGTH = 4  # masking "a" would shred every message

_PATTERNS = [
    re.compile(r"(?i)(\bBearer\s+)[A-Za-z0-9\-._~+/]+=*"),
    # Percent-encoded (an error body echoing a query string or a header it got).
    re.compile(r"(?i)(\bBearer(?:%20|\+))[A-Za-z0-9\-._~%]+"),
    re.compile(r"(?i)(\bx-token\s*[:=]\s*)[^\s\"',;]+"),
    re.compile(r"(?i)(\bBasic\s+)[A-Za-z0-9+/]+=*"),
    re.compile(
        r"""(?i)(["']?\b(?:client_secret|access_token|refresh_token|id_token|password)\b["']?"""
        r"""\s*[:=]\s*["']?)[^"'&\s,;}]+"""
    ),
]


class SecretRedactor(logging.Filter):
    """Replaces registered secrets and token-looking patterns with *** in every record."""

    def __init__(self) -> None:
        super().__init__()
        self._secrets: set[str] = set()
        self._lock = threading.Lock()

    def add(self, secret: str | None) -> None:
        if secret and len(secret) >= _MIN_SECRET_LENGTH:
            with self._lock:
                self._secrets.add(secret)

    def discard(self, secret: str) -> None:
        with self._lock:
            self._secrets.discard(secret)

    def redact(self, text: str) -> str:
        with self._lock:
            secrets = sorted(self._secrets, key=len, reverse=True)
        for secret in secrets:
            text = text.replace(secret, MASK)
        for pattern in _PATTERNS:
            text = pattern.sub(lambda m: m.group(1) + MASK, text)
        return text

    def filter(self, record: logging.LogRecord) -> bool:
        """Render the message once, redact it, and drop args so nothing leaks later."""
        try:
            message = record.getMessage()
        except Exception:  # a bad format string must not kill logging
            message = f"{record.msg!r} {record.args!r}"
        record.msg = self.redact(message)
        record.args = None
        if record.exc_info and not record.exc_text:
            record.exc_text = logging.Formatter().formatException(record.exc_info)
        if record.exc_text:
            record.exc_text = self.redact(record.exc_text)
        if record.stack_info:
            record.stack_info = self.redact(record.stack_info)
        return True


@dataclass
class LoggingSetup:
    """What configure_logging installed, so the app can add secrets and tests can undo it."""

    log_file: Path
    redactor: SecretRedactor
    handlers: list[logging.Handler]
    logger: logging.Logger

    def close(self) -> None:
        for handler in self.handlers:
            self.logger.removeHandler(handler)
            handler.close()


def setup_logging(
    log_dir: Path,
    level: int = logging.INFO,
    *,
    logger: logging.Logger | None = None,
    stderr: bool = True,
    max_bytes: int = 2_000_000,
    backups: int = 3,
) -> LoggingSetup:
    """Install file (+ stderr) handlers on logger (root by default); returns the set-up."""
    log_dir = Path(log_dir)
    log_dir.mkdir(parents=True, exist_ok=True)
    target = logger if logger is not None else logging.getLogger()
    redactor = SecretRedactor()
    formatter = logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s")
    log_file = log_dir / LOG_FILE_NAME
    handlers: list[logging.Handler] = [
        logging.handlers.RotatingFileHandler(
            log_file, maxBytes=max_bytes, backupCount=backups, encoding="utf-8"
        )
    ]
    if stderr:
        handlers.append(logging.StreamHandler(sys.stderr))
    for handler in handlers:
        # Filters on handlers (not the logger) also see records propagated from child loggers.
        handler.addFilter(redactor)
        handler.setFormatter(formatter)
        target.addHandler(handler)
    target.setLevel(level)
    return LoggingSetup(log_file=log_file, redactor=redactor, handlers=handlers, logger=target)


def configure_logging(
    log_dir: Path, level: int = logging.INFO, redactor: SecretRedactor | None = None
) -> Path:
    """The brief's signature: returns the log file path. Pass a redactor you hold to add
    secrets later; use setup_logging() to also get the handlers back."""
    setup = setup_logging(log_dir, level)
    if redactor is not None:
        for handler in setup.handlers:
            handler.removeFilter(setup.redactor)
            handler.addFilter(redactor)
    return setup.log_file
