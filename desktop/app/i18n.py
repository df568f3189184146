"""Languages: English (the source strings) and German, through Qt's translation system.

The .ts sources live in resources/translations/. They are compiled to .qm at build time
(packaging runs lrelease); a source checkout compiles them on first use into the cache, so
nobody has to remember a step. The language follows the system unless the designer picked
one in settings; Qt's own dialogs (buttons like Cancel) follow via qtbase's translations.

Conventions: QObject subclasses use ``self.tr("...")`` (context = the class name), with named
``{placeholders}`` filled by ``.format()`` so German can reorder them and ``%n`` for plurals;
module-level code uses ``QCoreApplication.translate("<Context>", "...")``. Messages made below
the UI (desktop/api, desktop/services) are marked with ``desktop.api.texts.QT_TRANSLATE_NOOP``
in the context "Errors" and translated where they are shown, through ``translate_message``.
Numbers and dates go through ``QLocale()``, whose default ``Translations.apply`` sets.

Refresh the catalog after changing strings (then translate what lupdate marks unfinished):

    .venv/bin/pyside6-lupdate $(git ls-files 'desktop/*.py') \
        -ts resources/translations/neuroflash_de.ts -no-obsolete -locations none
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from desktop.resources import resource

log = logging.getLogger(__name__)
LANGUAGES = {"en": "English", "de": "Deutsch"}
APP_CATALOG = "neuroflash"


ERRORS_CONTEXT = "Errors"


def translate_message(text: str) -> str:
    """A message from the API or services layer, in the current language.

    Fixed messages are looked up in the "Errors" context; a ``Message`` (one with values in
    it) by its template, then filled in; anything else (a server's own words) is shown as it
    came.
    """
    # Duck-typed: importing desktop.api here would load the client before the first paint.
    template: str | None = getattr(text, "template", None)
    if template is not None:
        params: dict[str, object] = getattr(text, "params", {})
        return QCoreApplication.translate(ERRORS_CONTEXT, template).format(**params)
    return QCoreApplication.translate(ERRORS_CONTEXT, text)


def system_language() -> str:
    name = QLocale.system().name().split("_")[0]
    return name if name in LANGUAGES else "en"


def language_in_effect() -> str:
    """The language the UI was started in: ``Translations.apply`` sets QLocale's default."""
    name = QLocale().name().split("_")[0]
    return name if name in LANGUAGES else "en"


def resolve_language(chosen: str | None) -> str:
    """The setting if it names a language we ship, else the system's, else English."""
    return chosen if chosen in LANGUAGES else system_language()


def _lrelease() -> str | None:
    import shutil

    from PySide6 import __file__ as pyside_init

    for candidate in (
        shutil.which("pyside6-lrelease"),
        str(Path(pyside_init).parent / "lrelease"),
        shutil.which("lrelease"),
    ):
        if candidate and Path(candidate).exists():
            return candidate
    return None


def compiled_catalog(language: str, cache_dir: Path) -> Path | None:
    """The .qm for ``language``: shipped beside the .ts (bundles), or compiled into the cache."""
    source = resource("translations", f"{APP_CATALOG}_{language}.ts")
    shipped = source.with_suffix(".qm")
    if shipped.exists() and (
        not source.exists() or shipped.stat().st_mtime >= source.stat().st_mtime
    ):
        return shipped
    if not source.exists():
        return None
    target = cache_dir / shipped.name
    if target.exists() and target.stat().st_mtime >= source.stat().st_mtime:
        return target
    tool = _lrelease()
    if tool is None:
        log.warning("No lrelease found; the UI stays in English")
        return None
    import subprocess

    cache_dir.mkdir(parents=True, exist_ok=True)
    result = subprocess.run(
        [tool, "-silent", str(source), "-qm", str(target)], capture_output=True, text=True
    )
    if result.returncode != 0 or not target.exists():
        log.warning("lrelease failed for %s: %s", source.name, result.stderr.strip())
        return None
    return target


class Translations:
    """Installs the translators for one language and swaps them when the language changes."""

    def __init__(self, cache_dir: Path) -> None:
        self._cache_dir = cache_dir
        self._installed: list[QTranslator] = []
        self.language = "en"

    def apply(self, language: str) -> str:
        """Switch to ``language`` (already resolved); returns the language now in effect."""
        app = QCoreApplication.instance()
        for translator in self._installed:
            if app is not None:  # translators are only ever installed into a running app
                app.removeTranslator(translator)
        self._installed.clear()
        self.language = "en"
        QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
        if language == "en":
            return self.language
        catalog = compiled_catalog(language, self._cache_dir)
        if catalog is None or app is None:
            return self.language
        app_translator = QTranslator(app)
        if not app_translator.load(str(catalog)):
            log.warning("Could not load %s", catalog)
            return self.language
        qt_translator = QTranslator(app)
        qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        if qt_translator.load(f"qtbase_{language}", qt_dir):
            app.installTranslator(qt_translator)
            self._installed.append(qt_translator)
        app.installTranslator(app_translator)
        self._installed.append(app_translator)
        QLocale.setDefault(QLocale(language))
        self.language = language
        return language


def fix_plural(text: str, n: int) -> str:
    """Source strings spell plurals as ``"%n image(s)"`` (German has numerus forms in the
    catalog); English has no catalog, so pick its form here when "(s)" is still there."""
    return text.replace("(s)", "" if n == 1 else "s")


def number(n: int) -> str:
    """An integer with the current language's digit grouping ("1,234" / "1.234")."""
    return QLocale().toString(int(n))
