"""Search as you type without chips goes to the catalogue (issue 15): each typed word finds
the prompts with a word that starts with it, the grid follows the newest question only,
clearing the text shows everything at once, and the saved history is on screen while
sign-in is still waiting for neuroflash."""

from __future__ import annotations

import socket
import time

import pytest

import desktop.app.catalog_find as catalog_find
from desktop.emulator import EmulatorConfig, start_server
from desktop.services.catalog.fts_query import words as prompt_words
from tests.reliability.harness import STUDIO, RunningApp


@pytest.fixture
def server():
    server = start_server(EmulatorConfig(history_size=80))
    yield server
    server.stop()


@pytest.fixture
def app(qapp, env_login, server, tmp_path):
    running = RunningApp(qapp, server.api_url, server.token_url, tmp_path / "p").start()
    running.wait(lambda: len(running.grid_ids()) == 80)
    yield running
    running.close()


def _shown(app: RunningApp) -> list[str]:
    return [item.image_id for item in app.window.history_proxy.visible_items()]


def _items(app: RunningApp):
    model = app.window.history_model
    return [model.item(row) for row in range(model.rowCount())]


def _matching(items, text: str) -> list[str]:
    """What the catalogue finds: every typed word starts a word of the prompt."""
    typed = [w.casefold() for w in prompt_words(text)]
    return [
        i.image_id
        for i in items
        if all(any(w.casefold().startswith(t) for w in prompt_words(i.prompt)) for t in typed)
    ]


def _type(app: RunningApp, text: str) -> None:
    edit = app.window.history_toolbar.filter_edit
    for n in range(1, len(text) + 1):
        edit.setText(text[:n])
        app.sleep(0.02)


def test_typing_without_chips_finds_word_prefixes_through_the_catalogue(app):
    items = _items(app)
    # a piece from inside a word: the old in-memory filter matched it anywhere in the text,
    # the catalogue's index only at the start of a word
    word = next(w for i in items for w in prompt_words(i.prompt) if len(w) >= 6 and w.isalpha())
    inside = word[2:5].casefold()
    anywhere = [i.image_id for i in items if inside in i.prompt.casefold()]
    assert _matching(items, inside) != anywhere  # the test can tell them apart
    _type(app, inside)
    app.wait(lambda: _shown(app) == _matching(items, inside))
    assert app.window.history_proxy.filter_text() == inside  # the words typed, as before

    # two word prefixes of one prompt: the images whose prompt has both
    target = next(i for i in items if len(prompt_words(i.prompt)) >= 3)
    first, last = prompt_words(target.prompt)[0], prompt_words(target.prompt)[-1]
    text = f"{first[:4].upper()} {last[:3]}"
    app.window.history_toolbar.filter_edit.clear()
    _type(app, text)
    expected = _matching(items, text)
    assert target.image_id in expected
    app.wait(lambda: _shown(app) == expected)
    assert app.window.history_toolbar.count_label.text() == f"{len(expected)} of {len(items)}"


def test_clearing_the_text_without_chips_shows_everything_at_once(app):
    items = _items(app)
    word = next(
        w for i in items for w in prompt_words(i.prompt) if 0 < len(_matching(items, w)) < 80
    )
    _type(app, word)
    expected = _matching(items, word)
    app.wait(lambda: _shown(app) == expected)
    app.window.history_toolbar.filter_edit.clear()
    assert _shown(app) == [i.image_id for i in items]  # no waiting for a search
    app.sleep(0.4)  # the debounced filter and any late answer: still everything
    assert _shown(app) == [i.image_id for i in items]


def test_a_slow_answer_never_replaces_a_newer_one(app, monkeypatch):
    """The first question's answer arrives last: the grid keeps the newest question's."""
    items = _items(app)
    slow_word = prompt_words(items[0].prompt)[0]
    fast_word = next(
        w
        for i in items
        for w in prompt_words(i.prompt)
        if _matching(items, w) != _matching(items, slow_word)
    )
    original = catalog_find._ids

    def answer(store, query):
        if query.text == slow_word:
            time.sleep(0.6)  # on a worker: the newer question is answered first
        return original(store, query)

    monkeypatch.setattr(catalog_find, "_ids", answer)
    find = app.window.catalog_find
    edit = app.window.history_toolbar.filter_edit
    edit.setText(slow_word)
    find.ask()
    edit.setText(fast_word)
    find.ask()
    app.wait(lambda: _shown(app) == _matching(items, fast_word))
    app.sleep(0.9)  # the slow answer has come and gone
    assert _shown(app) == _matching(items, fast_word)

    edit.setText(slow_word)
    find.ask()
    edit.clear()  # asked, then cleared before the answer came
    app.sleep(0.9)
    assert _shown(app) == [i.image_id for i in items]


def test_the_saved_history_shows_while_sign_in_still_waits(qapp, env_login, server, tmp_path):
    """A second launch whose neuroflash does not answer: the images are there at once, not
    only after sign-in gives up."""
    profile = tmp_path / "p"
    first = RunningApp(qapp, server.api_url, server.token_url, profile).start()
    expected = server.state.history_ids(STUDIO)
    first.wait(lambda: first.grid_ids() == expected)
    first.settle()
    first.close()

    silent = socket.socket()  # accepts connections (the kernel does) and never answers
    silent.bind(("127.0.0.1", 0))
    silent.listen(16)
    url = f"http://127.0.0.1:{silent.getsockname()[1]}"
    app = RunningApp(qapp, url + "/api", url + "/oauth/v2/token", profile, read_timeout=6.0)
    try:
        app.start(wait_for_history=False)
        app.wait(lambda: app.grid_ids() == expected)
        assert not app.session.offline  # still signing in
    finally:
        app.close()
        silent.close()
