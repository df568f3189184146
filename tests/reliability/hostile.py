"""The hostile-server cases (issue 13): what a misbehaving server on loopback does, and what
the app does about it. test_hostile_server.py proves each; render_doc.py lists them in
docs/reliability.md, so the doc and the tests name the same cases."""

from __future__ import annotations

# name: (what the server does, what happens)
HOSTILE: dict[str, tuple[str, str]] = {
    "backslash-location": (
        "image view redirects to `//127.0.0.1:OTHER\\@127.0.0.1:API/x.png`",
        'not followed; the other port sees nothing, "could not read" message',
    ),
    "backslash-history-url": (
        "history item URL `//127.0.0.1:OTHER\\@…` or `//host/…`",
        "rebuilt as the API's own view path; the token goes only to the API",
    ),
    "ambiguous-download-url": (
        "image URL with backslash, userinfo or a percent-encoded host",
        'refused before sending: "address is not secure"',
    ),
    "decompression-bomb": (
        "a 12000×12000 PNG (a few KB on the wire)",
        'refused from its header before decoding: "far larger than any real one"',
    ),
    "huge-html-error": (
        "502 with a 2 MB hostile HTML page (`<script>` × 250,000)",
        'only the first 32 KB read, parsed in linear time; "having trouble" message',
    ),
    "nested-json": (
        "token answer nested 100,000 deep",
        '"could not read" message, shown in the sign-in dialog (was RecursionError, and the '
        'dialog stuck on "Signing in…")',
    ),
    "huge-expires-in": (
        "`expires_in` of 400 digits",
        "signed in; lifetime capped at a year (was OverflowError)",
    ),
    "retry-after-inf": (
        "429 with `Retry-After: inf` or 10^12",
        '"try again in 900 seconds" at most (was OverflowError / a 30-year countdown)',
    ),
    "non-latin1-token": (
        "an access token that is not Latin-1",
        '"could not read" message (was UnicodeEncodeError)',
    ),
    "non-latin1-workspace": (
        "a workspace id that is not Latin-1",
        '"That workspace can\'t be used" (was UnicodeEncodeError)',
    ),
    "trickle-body": (
        "headers, then one byte every 0.1 s forever",
        '"took too long" at the call\'s total deadline',
    ),
    "trickle-headers": (
        "status line and headers one byte every 0.02 s (each byte inside the read timeout), "
        "also over TLS, and a proxy's answer to CONNECT",
        '"took too long" at the deadline, while the headers are still coming (test_deadline.py; '
        "was: as long as the server liked); a POST that creates images is not sent again",
    ),
    "stall-after-headers": (
        "headers and half the body, then silence",
        '"took too long" (was "Can\'t reach neuroflash")',
    ),
    "endless-history": (
        "every history page full of new items, forever",
        "stops at 20,000 items",
    ),
    "huge-numbers": (
        "`limitAmount` 2^40, `availableAmount` 10^30, `max_images` 10^12",
        "clamped at the parser to what Qt holds; the quota panel shows them",
    ),
    "token-in-error-body": (
        "a 422 that echoes the token (`token …`, `Bearer%20…`, `X-Token: …`)",
        "the token is masked (`***`) in the message, the detail and the log",
    ),
    "html-in-server-text": (
        "a prompt, a model description and error messages containing HTML",
        "shown literally (plain text) in the viewer caption, the message bar, the model "
        "description and the Create panel's message",
    ),
    "output-format-exe": (
        "`output_format: exe` on a PNG",
        "Save As suggests `.png`: the bytes decide",
    ),
}
