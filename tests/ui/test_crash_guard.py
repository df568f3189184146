"""No silent death: exceptions escaping slots and coroutines are logged (masked), reported
and shown without a modal dialog, the app keeps working, and the next start offers the report."""

from __future__ import annotations

import subprocess
import sys
import textwrap

import pytest
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication

from desktop.emulator import DEMO_CLIENT_SECRET
from desktop.services.crash_reports import CrashReports
from desktop.ui.common.message_bar import MessageBar
from desktop.ui.shell.crash_guard import CrashGuard, attach_to_app, offer_previous_reports
from tests.ui.app_harness import wait_until

PROBLEM = "Something went wrong inside the app"


@pytest.fixture
def guarded(signed_in, tmp_path):
    """The signed-in app with the crash guard wired exactly as run_app wires it."""
    loop, components = signed_in
    guard = CrashGuard(CrashReports(tmp_path / "crash-reports"))
    guard.install()
    guard.watch_loop(loop)
    window = components.window
    attach_to_app(guard, components.logging.redactor.redact, window.messages.show_error)
    yield loop, components, guard
    guard.uninstall()


def reports(guard: CrashGuard) -> list[str]:
    return [p.read_text() for p in sorted(guard.reports.folder.glob("crash-*.txt"))]


@pytest.mark.qt_no_exception_capture
def test_an_exception_in_a_slot_is_shown_reported_masked_and_the_app_keeps_working(
    guarded, emulator
):
    loop, components, guard = guarded
    window = components.window
    action = QAction("broken", window)

    def broken_slot() -> None:
        raise RuntimeError(f"bug while holding secret {DEMO_CLIENT_SECRET}")

    action.triggered.connect(broken_slot)
    action.trigger()
    wait_until(loop, lambda: PROBLEM in window.messages.text())
    assert window.messages.retry_button.isVisible()
    assert window.messages.retry_button.text() == "Open report"
    assert window.isVisible()
    assert QApplication.activeModalWidget() is None  # a message in the window, no dialog
    [report] = reports(guard)
    assert "RuntimeError: bug while holding secret ***" in report
    assert "broken_slot" in report
    log_text = components.logging.log_file.read_text()
    assert "Unhandled exception" in log_text
    assert DEMO_CLIENT_SECRET not in log_text + report

    # The app still works: a refresh reaches the server and the panels update.
    before = sum(emulator.state.request_counts.snapshot().values())
    window.refresh_action.trigger()  # F5
    wait_until(loop, lambda: sum(emulator.state.request_counts.snapshot().values()) > before)


@pytest.mark.qt_no_exception_capture
def test_an_exception_in_a_coroutine_is_not_silent(guarded):
    loop, components, guard = guarded
    window = components.window

    async def broken_coroutine() -> None:
        raise ValueError("a coroutine that nobody awaits failed")

    components.session.spawn(broken_coroutine())
    wait_until(loop, lambda: PROBLEM in window.messages.text())
    assert any("ValueError: a coroutine that nobody awaits failed" in r for r in reports(guard))


def test_the_next_start_offers_the_report_once(qtbot, tmp_path):
    folder = tmp_path / "crash-reports"
    CrashReports(folder).write("Traceback: something broke")
    bar = MessageBar()
    qtbot.addWidget(bar)
    bar.show()
    assert offer_previous_reports(CrashReports(folder), bar.show_error)
    assert "ran into a problem last time" in bar.text()
    assert bar.retry_button.text() == "Open report"
    bar.dismiss()
    assert not offer_previous_reports(CrashReports(folder), bar.show_error)  # only once


def test_a_hard_crash_leaves_a_masked_report_for_the_next_start(tmp_path):
    folder = tmp_path / "crash-reports"
    crash = textwrap.dedent(f"""
        import faulthandler
        from desktop.services.crash_reports import CrashReports
        CrashReports({str(folder)!r}).watch_fatal()
        faulthandler._sigsegv()
    """)
    finished = subprocess.run([sys.executable, "-c", crash], capture_output=True, timeout=60)
    assert finished.returncode != 0
    from desktop.services.log_setup import SecretRedactor

    redactor = SecretRedactor()
    redactor.add("crash_reports")  # stands in for a secret that might be in the stack
    [report] = CrashReports(folder, redactor.redact).take_unoffered()
    text = report.read_text()
    assert "hard crash" in text
    assert "Segmentation fault" in text or "access violation" in text  # Windows' words
    assert "crash_reports" not in text
    assert not list(folder.glob("fatal-*.txt"))


def test_a_clean_exit_leaves_nothing_to_offer(tmp_path):
    folder = tmp_path / "crash-reports"
    clean = textwrap.dedent(f"""
        from desktop.services.crash_reports import CrashReports
        reports = CrashReports({str(folder)!r})
        reports.watch_fatal()
        reports.close()
    """)
    subprocess.run([sys.executable, "-c", clean], check=True, timeout=60)
    assert CrashReports(folder).take_unoffered() == []
