"""The log file helps support without ever containing the secret or a token."""

from __future__ import annotations

import logging

import pytest

from desktop.services.log_setup import SecretRedactor, configure_logging, setup_logging

SECRET = "cs-9f8e7d6c5b4a"
TOKEN = "eyJhbGciOiJIUzI1NiJ9.payload.sig"


@pytest.fixture
def logged(tmp_path):
    logger = logging.getLogger("test.services.redaction")
    logger.propagate = False
    setup = setup_logging(tmp_path, logger=logger, stderr=False)
    yield logger, setup
    setup.close()


def test_secrets_and_tokens_never_reach_the_file(logged):
    logger, setup = logged
    setup.redactor.add(SECRET)
    logger.info("Saving credentials %s for client %s", SECRET, "client-1")
    logger.info("GET /images Authorization: Bearer %s", TOKEN)
    logger.info('token response {"access_token": "%s", "expires_in": 3600}', "tok-abcdef")
    logger.warning("POST body grant_type=client_credentials&client_secret=%s&x=1", "other-secret")
    logger.info("Bearer header given as arg: %s", {"Authorization": f"Bearer {TOKEN}"})
    logger.info("422: echoed ?auth=Bearer%%20%s and X-Token: %s", "tok%2Fpct", "tok-xtoken")
    try:
        raise RuntimeError(f"auth failed for {SECRET}")
    except RuntimeError:
        logger.exception("Login failed")
    for handler in setup.handlers:
        handler.flush()
    text = setup.log_file.read_text(encoding="utf-8")
    for leaked in (SECRET, TOKEN, "tok-abcdef", "other-secret", "tok%2Fpct", "tok-xtoken"):
        assert leaked not in text
    assert text.count("***") >= 6
    assert "client-1" in text and "Login failed" in text and "RuntimeError" in text


def test_secret_registered_later_is_still_redacted(logged):
    logger, setup = logged
    logger.info("before: nothing registered")
    setup.redactor.add("late-token-123")
    logger.info("token is late-token-123")
    setup.handlers[0].flush()
    assert "late-token-123" not in setup.log_file.read_text(encoding="utf-8")


def test_short_values_are_not_registered():
    redactor = SecretRedactor()
    redactor.add("a")
    redactor.add("")
    redactor.add(None)
    assert redactor.redact("a cat") == "a cat"


def test_each_setup_has_its_own_redactor(tmp_path):
    a = setup_logging(tmp_path / "a", logger=logging.getLogger("t.a"), stderr=False)
    b = setup_logging(tmp_path / "b", logger=logging.getLogger("t.b"), stderr=False)
    try:
        assert a.redactor is not b.redactor
    finally:
        a.close()
        b.close()


def test_configure_logging_on_root_with_a_redactor(tmp_path):
    root = logging.getLogger()
    before, level = list(root.handlers), root.level
    redactor = SecretRedactor()
    redactor.add(SECRET)
    try:
        path = configure_logging(tmp_path / "logs", logging.DEBUG, redactor=redactor)
        logging.getLogger("desktop.api.client").debug("secret=%s", SECRET)
        for h in root.handlers:
            h.flush()
        text = path.read_text(encoding="utf-8")
        assert path.parent == tmp_path / "logs"
        assert "secret=***" in text and SECRET not in text
    finally:
        for h in [h for h in root.handlers if h not in before]:
            root.removeHandler(h)
            h.close()
        root.setLevel(level)
