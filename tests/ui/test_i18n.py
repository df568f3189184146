"""English and German through Qt's translation system: the German window, localised numbers
and dates, the catalog's completeness, and the Settings dialog's language choice."""

from __future__ import annotations

import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from datetime import UTC, datetime
from pathlib import Path

import pytest
from PySide6.QtCore import QDate, QLocale
from PySide6.QtWidgets import QApplication

from desktop.app.i18n import Translations, compiled_catalog, resolve_language, translate_message
from desktop.emulator import DEMO_CLIENT_ID, DEMO_CLIENT_SECRET
from desktop.resources import resource
from desktop.services.settings import AppSettings
from tests.ui.app_harness import close_components, make_components, make_loop, wait_until

ROOT = Path(__file__).resolve().parents[2]
CATALOG = resource("translations", "neuroflash_de.ts")
LUPDATE = Path(sys.executable).parent / "pyside6-lupdate"


def _messages(ts: Path) -> dict[tuple[str, str], ET.Element]:
    root = ET.parse(ts).getroot()
    return {
        (context.findtext("name") or "", message.findtext("source") or ""): message
        for context in root.iter("context")
        for message in context.iter("message")
    }


@pytest.fixture
def german(qapp, tmp_path):
    """German for one test, English again afterwards (later tests read English texts)."""
    translations = Translations(tmp_path / "cache")
    assert translations.apply("de") == "de"
    try:
        yield translations
    finally:
        translations.apply("en")


@pytest.fixture
def german_app(qapp, emulator, tmp_path, monkeypatch):
    monkeypatch.setenv("NEUROFLASH_CLIENT_ID", DEMO_CLIENT_ID)
    monkeypatch.setenv("NEUROFLASH_CLIENT_SECRET", DEMO_CLIENT_SECRET)
    loop = make_loop(qapp)
    components = make_components(
        emulator.api_url, emulator.token_url, tmp_path / "profile", language="de"
    )
    components.window.show()
    components.session.spawn(components.flow.start(demo=False))
    window = components.window
    try:
        wait_until(loop, lambda: window.history_model.rowCount() > 0)
        wait_until(loop, lambda: window.quota_panel.quota is not None)
        yield loop, components
    finally:
        close_components(components, loop)
        components.translations.apply("en")
        loop.close()


def test_catalog_compiles(tmp_path):
    catalog = compiled_catalog("de", tmp_path)
    assert catalog is not None and catalog.stat().st_size > 1000


def test_german_window(german_app):
    _loop, components = german_app
    window = components.window
    assert components.translations.language == "de"
    assert window.generate_panel.generate_button.text() == "Generieren"
    menus = [action.text() for action in window.menuBar().actions()]
    assert menus == ["&Datei", "&Bild", "&Ansicht", "&Hilfe"]
    headings = {label.text() for label in window.findChildren(type(window.account_label))}
    assert {"Verlauf", "Arbeitsbereiche", "Bild-Credits", "Erstellen"} <= headings
    assert window.account_label.text().startswith("Angemeldet: ")
    quota = window.quota_panel.quota
    assert window.quota_panel.available_label.text() == (
        f"{QLocale().toString(quota.available)} übrig"
    )
    assert "von" in window.quota_panel.cycle_label.text()
    assert window.generate_panel.prompt_counter.text() == "0 / 10.000"
    assert window.settings_action.text() == "Einstellungen…"


def test_numbers_and_dates_follow_the_language(german):
    assert QLocale().toString(1234) == "1.234"
    assert QLocale().toString(QDate(2024, 3, 5), QLocale.FormatType.ShortFormat) == "05.03.24"
    from desktop.ui.history.history_groups import day_label

    assert (
        day_label(datetime(2023, 3, 5, tzinfo=UTC).date(), QDate.currentDate().toPython())
        == "5. März 2023"
    )


def test_messages_from_below_the_ui_are_translated(german):
    from desktop.api.errors import AuthenticationError, RateLimitedError
    from desktop.app.job_queue import Job

    assert translate_message(AuthenticationError().message).startswith("Client-ID oder Secret")
    assert "5 Sekunden" in translate_message(RateLimitedError(retry_after=5).message)
    assert "1 Sekunde " in translate_message(RateLimitedError(retry_after=1).message)
    assert translate_message("A server's own words.") == "A server's own words."
    assert Job(1, "p", 3).title() == "#1 Generierung · 3 Bilder"


def test_a_message_with_values_is_translated_by_its_id_not_by_parsing_english(german):
    """The sentence a designer reads is the translated template with the values filled in; a
    plain string that merely looks like that English sentence is a server's own words."""
    import errno

    from desktop.api.errors import RateLimitedError
    from desktop.services.export import describe_os_error

    failure = describe_os_error(OSError(errno.EIO, "Input/output error"))
    assert translate_message(failure) == (
        "Das Bild konnte nicht gespeichert werden (Input/output error)."
    )
    assert "7 Sekunden" in translate_message(RateLimitedError(retry_after=7).message)
    looks_alike = "Too many requests at once. Try again in 7 seconds."
    assert translate_message(looks_alike) == looks_alike


def test_english_keeps_its_texts(qapp, tmp_path):
    assert Translations(tmp_path).apply("en") == "en"
    assert QLocale().toString(1234) == "1,234"
    from desktop.app.job_queue import Job
    from desktop.ui.generate.panel import GeneratePanel

    panel = GeneratePanel()
    assert panel.generate_button.text() == "Generate"
    assert Job(1, "p", 1).title() == "#1 Generate · 1 image"
    from desktop.api.errors import RateLimitedError

    assert translate_message(RateLimitedError(retry_after=3).message).endswith("3 seconds.")
    panel.deleteLater()


def test_language_choice_resolves():
    assert resolve_language("de") == "de"
    assert resolve_language("en") == "en"
    assert resolve_language("fr") in ("en", "de")  # not shipped: the system's, else English


def test_every_message_is_translated():
    unfinished = [
        key
        for key, message in _messages(CATALOG).items()
        if (translation := message.find("translation")) is None
        or translation.get("type") in ("unfinished", "vanished", "obsolete")
        or not (
            (translation.text or "").strip()
            or (
                all((form.text or "").strip() for form in translation.iter("numerusform"))
                and list(translation.iter("numerusform"))
            )
        )
    ]
    assert unfinished == []


def test_german_ellipses_are_written_one_way():
    """The Image menu read "Bearbeiten…" above "Auswahl in Ordner exportieren …": a third of
    the German texts had a space before the ellipsis, the rest none."""
    spaced = [
        text
        for message in _messages(CATALOG).values()
        if (text := message.findtext("translation") or "").endswith(" …")
    ]
    assert spaced == []


@pytest.mark.skipif(not LUPDATE.exists(), reason="pyside6-lupdate not installed")
def test_catalog_holds_every_string_in_the_code(tmp_path):
    """lupdate over desktop/ into a fresh file must find nothing the catalog lacks: a new
    tr()/translate() string means running lupdate and translating it."""
    sources = sorted(str(p) for p in (ROOT / "desktop").rglob("*.py"))
    fresh = tmp_path / "fresh.ts"
    subprocess.run(
        [str(LUPDATE), *sources, "-ts", str(fresh), "-no-obsolete", "-locations", "none"],
        check=True,
        capture_output=True,
    )
    missing = sorted(set(_messages(fresh)) - set(_messages(CATALOG)))
    assert missing == [], f"run lupdate and translate: {missing}"


def test_settings_dialog_stores_the_language_and_offers_a_restart(qtbot, tmp_path):
    from desktop.ui.shell.settings_dialog import SettingsDialog

    settings = AppSettings(tmp_path / "settings.ini")
    restarts: list[bool] = []
    dialog = SettingsDialog(settings, "en", restart=lambda: restarts.append(True) or True)
    qtbot.addWidget(dialog)
    dialog.open()
    combo = dialog.language_combo
    assert [combo.itemText(i) for i in range(combo.count())] == [
        "System default",
        "English",
        "Deutsch",
    ]
    assert combo.currentData() == ""
    assert dialog.restart_button.isHidden()
    combo.setCurrentIndex(combo.findData("de"))
    assert AppSettings(tmp_path / "settings.ini").language == "de"
    assert not dialog.restart_button.isHidden()
    assert "restart" in dialog.restart_label.text()
    combo.setCurrentIndex(combo.findData("en"))
    assert dialog.restart_button.isHidden(), "back to the language in effect: nothing to do"
    combo.setCurrentIndex(combo.findData("de"))
    dialog.restart_button.click()
    assert restarts == [True]


def test_settings_menu_opens_one_dialog(german_app):
    _loop, components = german_app
    window = components.window
    assert window.settings_action.shortcut().toString() == "Ctrl+,"
    window.settings_action.trigger()
    dialog = window.settings_dialog
    assert dialog is not None and dialog.isVisible()
    assert dialog.windowTitle() == "Einstellungen"
    window.settings_action.trigger()
    assert window.settings_dialog is dialog
    dialog.reject()


def test_restart_command_drops_the_language_flag(monkeypatch):
    from desktop.ui.shell.settings_dialog import restart_command

    monkeypatch.setattr(sys, "frozen", True, raising=False)
    program, args = restart_command(["app", "--demo", "--language", "de", "--profile", "/p"])
    assert program == sys.executable and args == ["--demo", "--profile", "/p"]
    monkeypatch.setattr(sys, "frozen", False)
    _program, args = restart_command(["/venv/bin/neuroflash-desktop", "--language=de"])
    assert args[-1] != "--language=de"


def test_relaunch_starts_the_same_command(monkeypatch):
    from desktop.ui.shell import settings_dialog

    started: list[tuple[str, list[str]]] = []
    monkeypatch.setattr(
        settings_dialog.QProcess,
        "startDetached",
        staticmethod(lambda program, args: started.append((program, args)) or (True, 1)),
    )
    monkeypatch.setattr(settings_dialog.QApplication, "quit", staticmethod(lambda: None))
    monkeypatch.setattr(settings_dialog.QApplication, "closeAllWindows", staticmethod(lambda: None))
    assert settings_dialog.relaunch()
    assert started and started[0][0] == sys.executable


def test_no_lrelease_means_english(monkeypatch, tmp_path):
    from desktop.app import i18n

    monkeypatch.setattr(i18n, "_lrelease", lambda: None)
    monkeypatch.setattr(shutil, "which", lambda _name: None)
    assert compiled_catalog("de", tmp_path / "empty") is None or (
        resource("translations", "neuroflash_de.qm").exists()
    )
    assert QApplication.instance() is not None


def test_english_rate_limit_wording_is_untouched(qapp, tmp_path):
    from desktop.api.errors import RateLimitedError

    Translations(tmp_path).apply("en")
    for seconds in (1, 7):
        message = RateLimitedError(retry_after=seconds).message
        assert translate_message(message) == message


def test_the_generate_keys_read_the_same_in_menu_and_hint(german_app):
    """Issue 11, item 12: the menu said "Strg+Return", the hint "Strg+Eingabe"."""
    from PySide6.QtGui import QKeySequence

    _loop, components = german_app
    window = components.window
    menu_text = next(
        action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
        for action in window.menuBar().actions()[1].menu().actions()
        if action.text() == "Generieren"
    )
    panel = window.generate_panel
    assert f"({menu_text} generiert)" in panel.prompt_edit.placeholderText()
    assert menu_text in panel.generate_button.toolTip() or not panel.generate_button.isEnabled()
