"""A download whose image is no longer wanted stops mid-way: the connection closes and the
server sends no more of it (on a real line, a thumbnail scrolled past is megabytes saved)."""

from __future__ import annotations

import time

import pytest

from desktop.api import Credentials, NeuroflashClient
from desktop.api.errors import DownloadCancelledError
from desktop.emulator import DEMO_CLIENT_ID, DEMO_CLIENT_SECRET
from tests.api.conftest import settings_for


def test_a_cancelled_download_stops_reading(make_server) -> None:
    server = make_server(history_size=30, photo_images=True, bandwidth_mbps=16.0)
    with NeuroflashClient(
        Credentials(DEMO_CLIENT_ID, DEMO_CLIENT_SECRET), settings_for(server)
    ) as client:
        workspace = client.workspaces()[0].id
        png = next(
            i
            for i in client.history(workspace)
            if i.image_url
            and "png" in str(server.state.record(workspace, i.image_id).output_format)
        )
        whole = len(client.download_image(workspace, png.image_url).content)  # ~1.3 s
        link = server.state.link
        before = link.bytes_sent
        started = time.monotonic()
        with pytest.raises(DownloadCancelledError):
            client.download_image(
                workspace, png.image_url, cancelled=lambda: time.monotonic() - started > 0.25
            )
        time.sleep(1.5)  # long enough for the rest to have been sent, had it been read
        sent = link.bytes_sent - before
        assert sent < whole * 0.6, (sent, whole)
        # the client still works afterwards (a fresh connection)
        assert len(client.download_image(workspace, png.image_url).content) == whole
