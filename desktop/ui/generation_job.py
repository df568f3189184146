"""One generation at a time: progress and elapsed time while it runs, Cancel that only stops
waiting (the images still land in history when the server finishes), errors next to the prompt.

A generate POST is never repeated automatically: it costs credits.
"""

from __future__ import annotations

import asyncio
import logging

from PySide6.QtCore import QObject, Signal

from desktop.api import GenerationRequest, GenerationResult
from desktop.api.errors import NeuroflashError, RateLimitedError
from desktop.ui.generate_panel import GeneratePanel
from desktop.ui.message_bar import MessageBar
from desktop.ui.session import Session

log = logging.getLogger(__name__)
DEFAULT_COOLDOWN_S = 10.0  # a 429 without Retry-After


class GenerationJob(QObject):
    """Runs the panel's requests through the session; emits ``finished(result or None)``."""

    finished = Signal(object)

    def __init__(
        self, session: Session, panel: GeneratePanel, messages: MessageBar, parent: QObject
    ) -> None:
        super().__init__(parent)
        self._session = session
        self._panel = panel
        self._messages = messages
        self._waiting: asyncio.Task[None] | None = None
        panel.generateRequested.connect(self.start)
        panel.cancelRequested.connect(self.cancel)

    @property
    def running(self) -> bool:
        return self._waiting is not None and not self._waiting.done()

    def start(self, request: GenerationRequest) -> None:
        if self.running:
            return
        self._panel.set_running(
            True,
            "Generating" if request.num_images == 1 else f"Generating {request.num_images} images",
        )
        self._waiting = self._session.spawn(self._run(request))

    def cancel(self) -> None:
        """Stop waiting. The request already reached the server, so its images will still
        appear: the session refreshes history when the answer arrives."""
        if not self.running or self._waiting is None:
            return
        self._cancelled = True
        self._panel.set_running(False)
        self._messages.show_note(
            "Stopped waiting. The images will still appear in your history when they are ready.",
            seconds=10,
        )

    async def _run(self, request: GenerationRequest) -> None:
        self._cancelled = False
        result: GenerationResult | None = None
        try:
            result = await self._session.generate(request)
        except NeuroflashError as error:
            if not self._cancelled:
                self._show_error(error)
        except asyncio.CancelledError:
            raise
        except Exception:
            log.exception("Generation failed unexpectedly")
            if not self._cancelled:
                self._panel.show_message("Something went wrong while generating. Try again.")
        finally:
            if not self._cancelled:
                self._panel.set_running(False)
        if result is not None:
            self._report(request, result)
        self.finished.emit(result)

    def _report(self, request: GenerationRequest, result: GenerationResult) -> None:
        made = len(result.images)
        if result.partial or made < request.num_images:
            self._panel.show_message(
                result.detail or f"Only {made} of {request.num_images} images were generated.",
                error=False,
            )
        elif self._cancelled:
            word = "image is" if made == 1 else "images are"
            self._messages.show_note(f"The {made} {word} now in your history.")

    def _show_error(self, error: NeuroflashError) -> None:
        if isinstance(error, RateLimitedError):
            # The server said how long to wait (or we assume a short pause): count it down.
            self._panel.start_cooldown(error.retry_after or DEFAULT_COOLDOWN_S)
            return
        self._panel.show_message(error.message)
