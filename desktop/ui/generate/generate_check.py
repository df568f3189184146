"""Whether Generate can run now, and what it costs, in the designer's words.

It knows the workspace's credits (the quota and what queued jobs will still use) and reads
the rest from the panel's prompt and settings when asked; the panel shows the answer.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QObject

from desktop.api import ImageModel, ImageQuota
from desktop.app.cooldown import cooldown_text
from desktop.app.credit_text import cost_text, credits_left_now
from desktop.app.i18n import number
from desktop.services.prompt_text import MAX_PROMPT_CHARS
from desktop.ui.generate.credit_way_out import daily_renewal_time


@dataclass(frozen=True)
class Request:
    """What the panel holds now, as far as whether it can be generated goes."""

    models: list[ImageModel]
    model: ImageModel | None
    count: int
    typed: str  # the prompt box as it is
    prompt: str  # the prompt as it would be sent
    cooldown_left: int


class GenerateCheck(QObject):
    """Credits of the workspace, and the reason Generate can't run (None when it can)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.quota: ImageQuota | None = None
        self.quota_known = False
        self.signed_out = False
        self.pending = 0  # credits that queued and running jobs here will still use

    def left(self) -> int:
        """Credits left for a new request (0 without a quota)."""
        if self.quota is None:
            return 0
        return credits_left_now(self.quota, self.pending)

    def loading_text(self) -> str:
        return self.tr("Loading this workspace's image models…")

    def write_first_text(self) -> str:
        return self.tr("Write a prompt first.")

    def reason(self, ask: Request) -> str | None:
        """Why Generate can't run now, in the designer's words; None when it can."""
        quota = self.quota
        if ask.cooldown_left > 0:
            return cooldown_text(ask.cooldown_left)
        if self.signed_out:
            return self.tr("Sign in to generate images.")
        if self.quota_known and quota is None:
            return self.tr("This workspace's plan doesn't include image generation.")
        if not ask.models and not self.quota_known:  # still loading: no orange warning
            return self.loading_text()
        if not ask.models:
            return self.tr("No image models are available in this workspace.")
        if ask.model is None or not ask.model.allowed:
            return self.tr("Choose a model included in this workspace's plan.")
        if quota is not None and quota.remaining <= 0:
            if quota.exhausted_scope == "daily":
                return self.tr(
                    "You have used today's image credits. They renew at midnight UTC "
                    "({time} your time)."
                ).format(time=daily_renewal_time())
            return self.tr(
                "No image credits left in this billing cycle. They renew when the next cycle "
                "starts."
            )
        if quota is not None and ask.count > self.left():
            # The same words the queue would refuse it with: one message, not two.
            if self.pending:
                text = self.tr(
                    "Not enough credits for this and the queued jobs: {left} left, {needed} needed."
                )
                needed = self.pending + ask.count
            else:
                text = self.tr("Not enough credits: {left} left, {needed} needed.")
                needed = ask.count
            return text.format(left=number(quota.remaining), needed=number(needed))
        if not ask.prompt and ask.typed:
            return self.tr(
                "The prompt has only spaces, line breaks or invisible characters: write a few "
                "words."
            )
        if not ask.prompt:
            return self.write_first_text()
        if len(ask.prompt) > MAX_PROMPT_CHARS:
            return self.tr("The prompt is too long: {count} of {limit} characters.").format(
                count=number(len(ask.prompt)), limit=number(MAX_PROMPT_CHARS)
            )
        return None

    def cost(self, reason: str | None, count: int) -> tuple[str, str]:
        """The cost line and its role: the reason itself when that is more than "write a
        prompt" (orange), else what it uses and what is left afterwards."""
        if reason == self.loading_text():
            return reason, "secondary"
        if reason and reason != self.write_first_text():
            return reason, "warning"
        return cost_text(count, self.quota, self.pending), "secondary"
