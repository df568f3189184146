"""URL safety rules, view paths, and the public value types."""

from __future__ import annotations

import subprocess
import sys

import pytest

from desktop.api import ApiSettings, Credentials, NeuroflashClient, view_path
from desktop.api.errors import InsecureSettingsError, InvalidRequestError
from desktop.api.imagebytes import sniff_image_type
from desktop.api.urls import edit_source_path, is_allowed_url, quote_segment


def test_view_path_quotes_ids():
    assert view_path("abc") == "/api/ds-prototypes/image_generation/abc/view"
    assert view_path("../x") == "/api/ds-prototypes/image_generation/..%2Fx/view"


def test_secret_not_in_repr():
    assert "s3cret" not in repr(Credentials("id", "s3cret"))
    assert "s3cret" not in str(Credentials("id", "s3cret"))


@pytest.mark.parametrize(
    "url",
    [
        "https://app.neuroflash.com/api",
        "http://127.0.0.1:9/api",
        "http://localhost:8/api",
        "http://[::1]:8/api",
    ],
)
def test_allowed_urls(url):
    assert is_allowed_url(url)


@pytest.mark.parametrize(
    "url",
    [
        "http://app.neuroflash.com/api",
        "ftp://x/",
        "file:///etc",
        "http://127.0.0.1.evil.com/api",
        "javascript:alert(1)",
    ],
)
def test_refused_urls(url):
    assert not is_allowed_url(url)


def test_plain_http_refused_at_construction():
    with pytest.raises(InsecureSettingsError):
        NeuroflashClient(Credentials("a", "b"), ApiSettings(base_url="http://example.com/api"))
    with pytest.raises(ValueError):
        NeuroflashClient(Credentials("a", "b"), ApiSettings(token_url="http://example.com/t"))


def test_quote_segment_never_traverses():
    assert quote_segment("a/b") == "a%2Fb"
    assert quote_segment("a?b#c") == "a%3Fb%23c"
    for bad in ("..", ".", "", "  "):
        with pytest.raises(InvalidRequestError):
            quote_segment(bad)


def test_edit_source_paths():
    rel = "/api/ds-prototypes/image_generation/x/view"
    assert edit_source_path(rel) == rel
    assert edit_source_path("https://app.neuroflash.com" + rel) == rel
    assert edit_source_path("http://127.0.0.1:5" + rel + "?v=1") == rel + "?v=1"
    assert edit_source_path("x") == rel


def test_sniff():
    assert sniff_image_type(b"\x89PNG\r\n\x1a\n....") == "image/png"
    assert sniff_image_type(b"\xff\xd8\xff\xe0") == "image/jpeg"
    assert sniff_image_type(b"RIFF\x00\x00\x00\x00WEBPVP8 ") == "image/webp"
    assert sniff_image_type(b"<html>") is None


def test_importing_the_client_loads_no_qt():
    code = (
        "import sys, desktop.api, desktop.api.client\n"
        "bad = [m for m in sys.modules if m.split('.')[0] in "
        "('PySide6', 'qasync', 'shiboken6') or m.startswith(('desktop.ui', 'desktop.services',"
        " 'desktop.emulator'))]\n"
        "print(','.join(bad))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("http://127.0.0.1:8000/api/x", ("http", "127.0.0.1", 8000)),
        ("HTTP://LOCALHOST/x", ("http", "localhost", 80)),
        ("https://app.neuroflash.com:443/x", ("https", "app.neuroflash.com", 443)),
        ("https://app.neuroflash.com/x", ("https", "app.neuroflash.com", 443)),
        ("http://[::1]:8000/x", ("http", "[::1]", 8000)),
        ("https://bücher.example/x", ("https", "xn--bcher-kva.example", 443)),
        # Ambiguous: urlsplit and urllib3 disagree, or the host is disguised. No origin at all.
        ("http://127.0.0.1:1111\\@127.0.0.1:2222/x", ("", "", None)),
        ("http://u:p@127.0.0.1:2222/x", ("", "", None)),
        ("http://%31%32%37.0.0.1:2222/x", ("", "", None)),
        ("//127.0.0.1:2222/x", ("", "", None)),
        ("http://a.com\t.evil/x", ("", "", None)),
    ],
)
def test_origin_is_where_the_request_really_goes(url, expected):
    from desktop.api.urls import origin

    assert origin(url) == expected
    assert is_allowed_url(url) == (expected[0] != "")
