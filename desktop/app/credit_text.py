"""The one line that says what a job costs and what will be left after it, shared by the
Create panel and the masked-edit window so the same state reads the same in both.

"Left" is what remains once this job and the jobs already queued here are charged, and it
names the limit that runs out first: today's, or the billing cycle's.
"""

from __future__ import annotations

from PySide6.QtCore import QObject

from desktop.api import ImageQuota
from desktop.app.i18n import fix_plural, number


def credits_left_now(quota: ImageQuota, pending: int = 0) -> int:
    """Credits a new job can still use: the tighter of today's and the cycle's, less what
    queued and running jobs here will still charge."""
    return max(0, quota.remaining - pending)


class CreditText(QObject):
    """The texts (context "CreditText"); a QObject for ``tr`` and its plural forms."""

    def cost(self, cost: int, quota: ImageQuota | None, pending: int = 0) -> str:
        credits = fix_plural(self.tr("%n credit(s)", "", cost), cost)
        if quota is None:
            return self.tr("Uses {credits}.").format(credits=credits)
        now = credits_left_now(quota, pending)
        if cost > now:  # the queue's own words for it
            if pending:
                text = self.tr(
                    "Not enough credits for this and the queued jobs: {left} left, {needed} needed."
                )
                return text.format(left=number(quota.remaining), needed=number(pending + cost))
            text = self.tr("Not enough credits: {left} left, {needed} needed.")
            return text.format(left=number(quota.remaining), needed=number(cost))
        if quota.remaining_today < quota.available:  # today's limit runs out first
            text = self.tr("Uses {credits} · then {left} left today")
        else:
            text = self.tr("Uses {credits} · then {left} left this billing cycle")
        return text.format(credits=credits, left=number(now - cost))


def cost_text(cost: int, quota: ImageQuota | None, pending: int = 0) -> str:
    """'Uses 1 credit · then 96 left today' (or 'this billing cycle' when the cycle runs out
    first); without a quota just what it uses; when there isn't room, the queue's words."""
    return CreditText().cost(cost, quota, pending)
