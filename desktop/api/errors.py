"""Typed errors with a message a designer can act on, plus technical detail for the log."""

from __future__ import annotations

from typing import ClassVar, TypedDict, Unpack

from desktop.api.texts import QT_TRANSLATE_NOOP, Message


class ErrorDetails(TypedDict, total=False):
    """The technical keyword arguments every error takes (subclasses pass them on)."""

    status: int | None
    code: str | None
    detail: str | None


class NeuroflashError(Exception):
    """Base of every error the client raises; `str(err)` is the user-facing message."""

    default_message = QT_TRANSLATE_NOOP(
        "Errors", "Something went wrong while talking to neuroflash."
    )
    # True when a request that creates something (and may spend credits) may have been carried
    # out although this error was raised: never offer to send it again, offer a refresh.
    maybe_delivered = False

    def __init__(
        self,
        message: str | None = None,
        *,
        status: int | None = None,
        code: str | None = None,
        detail: str | None = None,
    ) -> None:
        self.message = message or self.default_message
        self.status = status
        self.code = code
        self.detail = detail
        super().__init__(self.message)

    def __str__(self) -> str:
        return self.message

    def __repr__(self) -> str:
        return (
            f"{type(self).__name__}(message={self.message!r}, status={self.status!r}, "
            f"code={self.code!r}, detail={self.detail!r})"
        )


class AuthenticationError(NeuroflashError):
    default_message = QT_TRANSLATE_NOOP(
        "Errors",
        "The client ID or secret is not right. Check them in neuroflash under Service Accounts.",
    )


class NoCreditsError(NeuroflashError):
    """No image credits left; `scope` says whether today's or the cycle's ran out."""

    _MESSAGES: ClassVar[dict[str, str]] = {
        "daily": QT_TRANSLATE_NOOP(
            "Errors", "You have used today's image credits. They renew at midnight UTC."
        ),
        "cycle": QT_TRANSLATE_NOOP(
            "Errors",
            "You have used all image credits for this billing cycle. They renew when the next "
            "cycle starts, or you can upgrade your plan.",
        ),
    }

    def __init__(
        self, message: str | None = None, *, scope: str = "cycle", **kwargs: Unpack[ErrorDetails]
    ) -> None:
        self.scope = scope if scope in self._MESSAGES else "cycle"
        super().__init__(message or self._MESSAGES[self.scope], **kwargs)


class ModelNotAllowedError(NeuroflashError):
    default_message = QT_TRANSLATE_NOOP(
        "Errors", "This workspace's plan does not include that image model. Pick another model."
    )


class RateLimitedError(NeuroflashError):
    """Too many requests; `retry_after` is the wait in seconds when the server said it."""

    def __init__(
        self,
        message: str | None = None,
        *,
        retry_after: float | None = None,
        **kwargs: Unpack[ErrorDetails],
    ) -> None:
        self.retry_after = retry_after
        if message is None:
            if retry_after is not None and retry_after > 0:
                secs = max(1, round(retry_after))
                message = (
                    QT_TRANSLATE_NOOP("Errors", "Too many requests at once. Try again in 1 second.")
                    if secs == 1
                    else Message(
                        QT_TRANSLATE_NOOP(
                            "Errors", "Too many requests at once. Try again in {seconds} seconds."
                        ),
                        seconds=secs,
                    )
                )
            else:
                message = QT_TRANSLATE_NOOP(
                    "Errors", "Too many requests at once. Wait a moment and try again."
                )
        super().__init__(message, **kwargs)


class PermissionDeniedError(NeuroflashError):
    default_message = QT_TRANSLATE_NOOP(
        "Errors", "Your service account may not do this in this workspace. Ask a workspace admin."
    )


class NotFoundError(NeuroflashError):
    default_message = QT_TRANSLATE_NOOP(
        "Errors", "neuroflash could not find that. It may have been deleted."
    )


class InvalidRequestError(NeuroflashError):
    default_message = QT_TRANSLATE_NOOP("Errors", "neuroflash did not accept this request.")


class ServiceError(NeuroflashError):
    default_message = QT_TRANSLATE_NOOP(
        "Errors", "neuroflash is having trouble right now. Try again in a moment."
    )


class NetworkError(NeuroflashError):
    """``connect_failure``: the request surely never left (refused, DNS): we are offline.
    ``maybe_delivered``: a credit-spending request may have reached the server."""

    default_message = QT_TRANSLATE_NOOP(
        "Errors", "Can't reach neuroflash. Check your internet connection."
    )
    connect_failure = False
    maybe_delivered = False


class UnexpectedResponseError(NeuroflashError):
    default_message = QT_TRANSLATE_NOOP(
        "Errors", "neuroflash sent an answer the app could not read. Try again, or update the app."
    )


class InsecureSettingsError(NeuroflashError, ValueError):
    """Raised at construction when a URL would send secrets without TLS."""

    default_message = QT_TRANSLATE_NOOP(
        "Errors",
        "The neuroflash address must start with https:// (plain http is only allowed to this "
        "computer).",
    )


class ImageTooLargeError(NeuroflashError, ValueError):
    """The picture declares more pixels than any real one: it is never decoded (a 420 KB PNG
    of 12000×12000 pixels cost 1.2 GB of memory once decoded)."""

    default_message = QT_TRANSLATE_NOOP(
        "Errors", "This image is far larger than any real one, so the app did not open it."
    )


class UploadRefusedError(InvalidRequestError):
    """A local file was refused before anything was sent: not an image, too big, or a format
    the service does not take. `reason` is one of not-image, too-big, format, pixels,
    incomplete, unreadable (for the UI's own wording, if it wants one)."""

    def __init__(self, message: str, *, reason: str, **kwargs: Unpack[ErrorDetails]) -> None:
        self.reason = reason
        super().__init__(message, **kwargs)


class TaskPendingError(NeuroflashError):
    """A task's images were not all ready when the wait ended. The task was sent and charged;
    its images keep being made and will show in the history: never submit it again.
    `ready` holds the images that are done (ServiceImage), `pending_ids` the others."""

    default_message = QT_TRANSLATE_NOOP(
        "Errors", "neuroflash is still working on your images. They will appear when ready."
    )

    def __init__(
        self,
        message: str | None = None,
        *,
        ready: tuple[object, ...] = (),
        pending_ids: tuple[str, ...] = (),
        **kwargs: Unpack[ErrorDetails],
    ) -> None:
        self.ready = ready
        self.pending_ids = pending_ids
        super().__init__(message, **kwargs)


class TaskCancelledError(TaskPendingError):
    default_message = QT_TRANSLATE_NOOP(
        "Errors",
        "Stopped waiting. The credits are spent and your images will appear when they are ready.",
    )


class TaskTimedOutError(TaskPendingError):
    default_message = QT_TRANSLATE_NOOP(
        "Errors",
        "neuroflash is taking longer than usual. Your images will appear when they are ready: "
        "refresh in a while.",
    )


class DownloadCancelledError(NeuroflashError):
    """The caller stopped wanting the bytes (a thumbnail scrolled far away) and the download
    was stopped mid-way; never shown to anyone, so it has no words of its own."""
