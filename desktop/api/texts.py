"""Marks fixed English messages for translation without importing Qt.

The API and services layers must stay Qt-free, yet their messages reach the designer. Wrapping a
literal in ``QT_TRANSLATE_NOOP("Errors", "...")`` changes nothing at run time; it only lets
``pyside6-lupdate`` find the text. The UI translates it where it is shown, with
``QCoreApplication.translate(context, text)``, which leaves text it does not know (a server's
own words) unchanged.
"""

from __future__ import annotations

ERRORS = "Errors"  # the context of every message raised below the UI


class Message(str):
    """A message with values in it ("Try again in {seconds} seconds.").

    It reads as the English sentence (logs, ``str()``, tests) and keeps its ``template`` (the
    message id, marked with QT_TRANSLATE_NOOP where it is made) and ``params``, so the UI
    translates the template and then fills in the values; nothing parses English back.
    """

    template: str
    params: dict[str, object]

    def __new__(cls, template: str, **params: object) -> Message:
        message = super().__new__(cls, template.format(**params))
        message.template = template
        message.params = params
        return message


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # the name lupdate knows
    """Return ``text`` unchanged; ``context`` is for lupdate only."""
    return text
