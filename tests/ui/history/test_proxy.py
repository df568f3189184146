"""Find and group: filtering by prompt words and grouping by day or batch, over 10,000 images."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QAbstractItemModelTester

from desktop.api import HistoryItem, view_path
from desktop.services.catalog.fts_query import words as prompt_words
from desktop.ui.history.history_groups import Grouping
from desktop.ui.history.model import HistoryModel
from desktop.ui.history.proxy import HeaderRole, HistoryProxyModel
from tests.ui.app_harness import wait_until

NOW = datetime(2026, 11, 26, 12, 0, tzinfo=UTC)


def item(n: int, prompt: str, days_ago: int = 0, batch: str | None = None) -> HistoryItem:
    return HistoryItem(
        image_id=f"img-{n}",
        image_url=view_path(f"img-{n}"),
        batch_id=batch or f"batch-{n}",
        prompt=prompt,
        created_at=NOW - timedelta(days=days_ago, minutes=n),
    )


@pytest.fixture
def models(qapp):
    source = HistoryModel()
    proxy = HistoryProxyModel(today=lambda: NOW.astimezone().date())
    proxy.setSourceModel(source)
    tester = QAbstractItemModelTester(proxy, QAbstractItemModelTester.FailureReportingMode.Fatal)
    yield source, proxy
    del tester


def shown(proxy: HistoryProxyModel) -> list[str]:
    rows = []
    for row in range(proxy.rowCount()):
        index = proxy.index(row, 0)
        if index.data(HeaderRole):
            rows.append(f"# {index.data()}")
        else:
            rows.append(index.data(Qt.ItemDataRole.UserRole))
    return rows


def test_filter_keeps_only_prompts_with_every_word(models):
    source, proxy = models
    source.set_items([item(1, "Red fox in snow"), item(2, "Blue fox"), item(3, "red CAR")])
    proxy.set_filter_text("  RED  ")
    assert shown(proxy) == ["img-1", "img-3"]
    proxy.set_filter_text("red fox")
    assert shown(proxy) == ["img-1"]
    proxy.set_filter_text("")
    assert shown(proxy) == ["img-1", "img-2", "img-3"]


def test_words_the_catalogue_answers_are_remembered_and_its_ids_kept(models):
    """With the catalogue the proxy does not match the words itself (100,000 prompts per
    keystroke on the GUI thread); the ids it answers decide, in the grid's own order."""
    from desktop.app.catalog_find import FoundIds

    source, proxy = models
    source.set_items([item(1, "Red fox in snow"), item(2, "Blue fox"), item(3, "red CAR")])
    proxy.set_text_search_elsewhere(True)
    proxy.set_filter_text("fox")
    assert shown(proxy) == ["img-1", "img-2", "img-3"]  # until the catalogue answers
    assert proxy.filter_text() == "fox"  # the words typed, for the empty-grid text
    answer = FoundIds(["img-2", "img-1"])
    answer.newest_first = ("img-2", "img-1")  # not the grid's order: the grid's order wins
    proxy.set_id_filter(answer)
    assert shown(proxy) == ["img-1", "img-2"]
    assert proxy.row_of("img-2") == 1 and proxy.row_of("img-3") == -1
    proxy.set_id_filter(None)
    assert shown(proxy) == ["img-1", "img-2", "img-3"]

    proxy.set_text_search_elsewhere(False)  # the catalogue failed: the words in memory
    assert shown(proxy) == ["img-1", "img-2"]


def test_older_images_appended_below_a_filtered_grid_pass_the_same_filter(models):
    """The saved history arrives a slice at a time; a filter set meanwhile applies to the
    slices that come after it."""
    source, proxy = models
    source.set_items([item(n, f"prompt {n}") for n in range(1, 5)])
    proxy.set_text_search_elsewhere(True)
    proxy.set_id_filter(frozenset({"img-2", "img-6", "img-8"}))
    inserted: list[tuple[int, int]] = []
    proxy.rowsInserted.connect(lambda _p, first, last: inserted.append((first, last)))
    source.extend([item(n, f"prompt {n}") for n in range(5, 10)])
    assert shown(proxy) == ["img-2", "img-6", "img-8"]
    assert inserted == [(1, 2)]
    assert proxy.row_of("img-8") == 2 and proxy.image_count() == 3
    proxy.set_id_filter(None)
    source.extend([item(n, f"prompt {n}") for n in range(10, 12)])  # unfiltered: mirrored
    assert shown(proxy) == [f"img-{n}" for n in range(1, 12)]
    assert proxy.row_of("img-11") == 10


def test_group_by_day_puts_a_header_before_each_day(models):
    source, proxy = models
    source.set_items(
        [item(1, "a"), item(2, "b"), item(3, "c", days_ago=1), item(4, "d", days_ago=9)]
    )
    proxy.set_grouping(Grouping.DAY)
    rows = shown(proxy)
    assert rows[0] == "# Today" and rows[3] == "# Yesterday"
    assert rows[1:3] == ["img-1", "img-2"] and rows[4] == "img-3"
    assert rows[5].startswith("# ") and rows[6] == "img-4"
    header = proxy.index(0, 0)
    assert not header.flags() & Qt.ItemFlag.ItemIsSelectable
    assert "2 images" in header.data(Qt.ItemDataRole.ToolTipRole)


def test_group_by_batch_keeps_a_generation_together(models):
    source, proxy = models
    source.set_items(
        [item(1, "kite", batch="b1"), item(2, "kite", batch="b1"), item(3, "lake", batch="b2")]
    )
    proxy.set_grouping(Grouping.BATCH)
    assert shown(proxy) == ["# kite", "img-1", "img-2", "# lake", "img-3"]


def test_new_results_and_deletions_flow_through_grouped_and_filtered(models):
    source, proxy = models
    source.set_items([item(5, "old fox", days_ago=1), item(6, "old cat", days_ago=1)])
    proxy.set_grouping(Grouping.DAY)
    proxy.set_filter_text("fox")
    assert shown(proxy) == ["# Yesterday", "img-5"]
    counts_seen = []
    proxy.rowsInserted.connect(lambda *_: counts_seen.append(proxy.image_count()))
    source.prepend([item(1, "new fox"), item(2, "new dog")])
    assert shown(proxy) == ["# Today", "img-1", "# Yesterday", "img-5"]
    assert counts_seen[-1] == 2, "the image count must be current when rowsInserted arrives"
    source.remove_ids(["img-5"])
    assert shown(proxy) == ["# Today", "img-1"]
    source.prepend([item(0, "newest fox")])
    assert shown(proxy) == ["# Today", "img-0", "img-1"]
    assert "2 images" in proxy.index(0, 0).data(Qt.ItemDataRole.ToolTipRole)


def test_maps_rows_both_ways_and_forwards_thumbnail_changes(models, qtbot):
    source, proxy = models
    source.set_items([item(1, "x"), item(2, "y"), item(3, "x")])
    proxy.set_filter_text("x")
    assert proxy.mapToSource(proxy.index(1, 0)).row() == 2
    assert proxy.mapFromSource(source.index(1, 0)).isValid() is False
    assert proxy.row_of("img-3") == 1
    from PySide6.QtGui import QImage

    image = QImage(8, 8, QImage.Format.Format_RGB32)
    with qtbot.waitSignal(proxy.dataChanged) as changed:
        source.set_thumbnail("img-3", image)
    assert changed.args[0].row() == 1


def test_filtering_ten_thousand_images(models):
    source, proxy = models
    words = ["fox", "lake", "city", "robot", "forest"]
    source.set_items(
        [item(n, f"a {words[n % 5]} number {n}", days_ago=n // 500) for n in range(10_000)]
    )
    proxy.set_grouping(Grouping.DAY)
    proxy.set_filter_text("robot")
    assert proxy.image_count() == 2_000
    assert all("robot" in i.prompt for i in proxy.items_in_rows(0, proxy.rowCount()))
    proxy.set_filter_text("robot number 9")
    found = {i.image_id for i in proxy.items_in_rows(0, proxy.rowCount())}
    assert {"img-93", "img-9998"} <= found and "img-3" not in found and "img-9" not in found


def _starts_a_word(prefix: str, prompt: str) -> bool:
    return any(w.casefold().startswith(prefix) for w in prompt_words(prompt))


def test_the_window_filters_groups_and_reuses_settings(signed_in):
    """Find, group and "Use these settings" in the real window against the built-in server.
    The typed words are answered by the catalogue's full-text index: each one a word prefix."""
    loop, components = signed_in
    window = components.window
    toolbar, proxy, view = window.history_toolbar, window.history_proxy, window.history_view
    everything = window.history_model.items()
    words = {w.casefold() for i in everything for w in prompt_words(i.prompt) if len(w) > 3}
    word = next(
        w
        for w in sorted(words)
        if 0 < sum(_starts_a_word(w, i.prompt) for i in everything) < len(everything)
    )
    toolbar.filter_edit.setText(word.upper())
    toolbar.apply_filter()
    expected = [i.image_id for i in everything if _starts_a_word(word, i.prompt)]
    wait_until(loop, lambda: [i.image_id for i in proxy.visible_items()] == expected)
    assert toolbar.count_label.text() == f"{len(expected)} of {len(everything)}"

    toolbar.filter_edit.clear()
    toolbar.apply_filter()
    assert len(proxy.visible_items()) == len(everything)  # at once: nothing to wait for
    toolbar.set_grouping(Grouping.DAY)
    assert proxy.index(0, 0).data(HeaderRole) is True
    view.focus_newest()
    assert view.selected_items()[0].image_id == everything[0].image_id

    source = everything[-1]
    window.generate_panel.prompt_edit.setPlainText("something else")
    view.select_image(source.image_id)
    view.use_settings_action.trigger()
    panel = window.generate_panel
    assert panel.prompt_edit.toPlainText() == source.prompt
    assert panel.aspect_ratio_combo.currentData() == source.aspect_ratio
    fmt = "jpeg" if source.output_format in ("jpg", "jpeg") else source.output_format
    assert panel.output_format_combo.currentData() == fmt


def test_unfiltered_grid_follows_new_and_deleted_images_row_for_row(models):
    """Without a filter or grouping the proxy mirrors the source directly (the fast path
    for new images on top of a long history): every row, lookup and signal must still fit."""
    source, proxy = models
    source.set_items([item(n, f"prompt {n}") for n in range(10, 20)])
    inserted: list[tuple[int, int]] = []
    removed: list[tuple[int, int]] = []
    proxy.rowsInserted.connect(lambda _p, first, last: inserted.append((first, last)))
    proxy.rowsRemoved.connect(lambda _p, first, last: removed.append((first, last)))

    source.prepend([item(n, "new") for n in (1, 2, 3)])
    assert inserted == [(0, 2)]
    assert shown(proxy) == [i.image_id for i in source.items()]
    assert proxy.row_of("img-3") == 2 and proxy.row_of("img-10") == 3

    source.remove_ids(["img-12", "img-13", "img-19"])
    assert removed == [(12, 12), (5, 6)]  # bottom up, one signal per run
    assert shown(proxy) == [i.image_id for i in source.items()]
    assert proxy.row_of("img-14") == 5 and proxy.row_of("img-13") == -1
    assert proxy.image_count() == source.rowCount() == 10


def test_the_proxy_still_reports_its_owner_as_parent(qapp):
    """parent() with no index is QObject.parent(): the item-model override took it over and
    answered an empty QModelIndex, so code asking a proxy for its owner got garbage."""
    from PySide6.QtCore import QModelIndex, QObject

    owner = QObject()
    proxy = HistoryProxyModel(owner)
    assert proxy.parent() is owner
    assert proxy.parent(QModelIndex()) == QModelIndex()


def test_marks_of_a_whole_workspace_repaint_the_grid_once(models):
    """Favourites and ratings arrive for every image after a history load: the grid must be
    told once, not once per image (10,000 single-row repaints froze the window ~200 ms)."""
    source, proxy = models
    source.set_items([item(n, "x" if n % 2 else "y") for n in range(5_000)])
    proxy.set_filter_text("x")
    changes: list[tuple[int, int]] = []
    proxy.dataChanged.connect(lambda a, b, _roles=(): changes.append((a.row(), b.row())))
    source.set_marks({"img-3": (True, 4)})
    assert changes == [(0, proxy.rowCount() - 1)]
    assert source.marks_of("img-3") == (True, 4)
    changes.clear()
    source.update_marks(["img-5"], favourite=True)  # one image: only its own cell
    assert changes == [(proxy.row_of("img-5"),) * 2]
