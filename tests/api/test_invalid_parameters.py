"""Parameters a model lacks: the UI can't choose them (tests/reliability/test_bad_input.py), and
if a request carries them anyway the server answers 422 and the client raises
InvalidRequestError with a sentence naming what was wrong. Nothing is charged."""

from __future__ import annotations

import pytest

from desktop.api import GenerationRequest
from desktop.api.errors import InvalidRequestError
from desktop.emulator import demo_data

STUDIO = demo_data.STUDIO_WORKSPACE_ID
TEXT_ONLY = demo_data.TEXT_ONLY_MODEL_ID  # max 2 images, no 21:9, no webp


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"num_images": 3}, "num_images"),
        ({"num_images": 0}, "num_images"),
        ({"aspect_ratio": "21:9"}, "aspect_ratio"),
        ({"aspect_ratio": "7:5"}, "aspect_ratio"),
        ({"output_format": "webp"}, "output_format"),
        ({"output_format": "tiff"}, "output_format"),
    ],
)
def test_parameters_the_model_lacks_are_refused_readably(server, client, changes, field):
    used = server.state.quota(STUDIO)["usedAmount"]
    ids = server.state.history_ids(STUDIO)
    request = GenerationRequest(**{"prompt": "x", "model": TEXT_ONLY, **changes})
    with pytest.raises(InvalidRequestError) as caught:
        client.generate(STUDIO, request)
    error = caught.value
    assert error.status == 422
    assert error.message.startswith("neuroflash did not accept this request: ")
    assert field in error.message and error.message.endswith(".")
    assert "{" not in error.message and "Traceback" not in error.message
    assert server.state.quota(STUDIO)["usedAmount"] == used
    assert server.state.history_ids(STUDIO) == ids
