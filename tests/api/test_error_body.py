"""The one error-body reader: every documented shape, and it never raises on anything."""

from __future__ import annotations

import json

from hypothesis import given, settings
from hypothesis import strategies as st

from desktop.api.error_body import ErrorBody, describe, parse_error_body

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=30),
    lambda inner: (
        st.lists(inner, max_size=4)
        | st.dictionaries(
            st.sampled_from(
                [
                    "detail",
                    "error",
                    "error_description",
                    "code",
                    "errors",
                    "message",
                    "msg",
                    "loc",
                    "field",
                    "x",
                ]
            ),
            inner,
            max_size=5,
        )
    ),
    max_leaves=20,
)


@settings(max_examples=300, deadline=None)
@given(json_values)
def test_never_raises_on_json(value):
    info = parse_error_body(json.dumps(value).encode(), "application/json")
    assert isinstance(info, ErrorBody)
    assert isinstance(info.text, str)
    assert all(isinstance(f, str) for f in info.fields)
    assert info.code is None or isinstance(info.code, str)
    assert isinstance(describe(value), str)


@settings(max_examples=300, deadline=None)
@given(
    st.binary(max_size=200) | st.text(max_size=200),
    st.sampled_from([None, "", "text/html", "application/json", "text/plain"]),
)
def test_never_raises_on_garbage(body, content_type):
    info = parse_error_body(body, content_type)
    assert isinstance(info.text, str)
    assert len(info.text) <= 500


def test_fastapi_detail_string():
    assert parse_error_body(b'{"detail": "Image not found"}').text == "Image not found"


def test_fastapi_validation_list():
    body = {"detail": [{"loc": ["body", "prompt"], "msg": "Field required", "type": "missing"}]}
    info = parse_error_body(json.dumps(body))
    assert info.fields == ("prompt: Field required",)


def test_detail_object_with_code():
    info = parse_error_body('{"detail": {"message": "nope", "code": "X"}}')
    assert (info.text, info.code) == ("nope", "X")


def test_oauth_error():
    info = parse_error_body('{"error": "invalid_client", "error_description": "bad secret"}')
    assert (info.text, info.code) == ("bad secret", "invalid_client")


def test_neuroflash_error_and_code():
    info = parse_error_body('{"error": "Quota exceeded", "code": "IMAGE_QUOTA_EXCEEDED"}')
    assert (info.text, info.code) == ("Quota exceeded", "IMAGE_QUOTA_EXCEEDED")


def test_errors_array():
    info = parse_error_body('{"errors": [{"field": "name", "message": "too short"}]}')
    assert info.fields == ("name: too short",)


def test_message_plain_and_html():
    assert parse_error_body('{"message": "hi"}').text == "hi"
    assert parse_error_body(b"Internal Server Error", "text/plain").text == "Internal Server Error"
    page = b"<html><head><title>502 Bad Gateway</title></head><body><h1>x</h1></body></html>"
    assert parse_error_body(page, "text/html").text == "502 Bad Gateway"
    assert parse_error_body(b"<p>Down &amp; out</p>", "text/html").text == "Down & out"
    assert parse_error_body(None).text == ""
