"""API overhead: the client's generate round trip against the guide's raw ``requests`` calls,
same server, zero latency, alternating so both see the same machine load."""

from __future__ import annotations

import statistics
import time

PROMPT = "A professional hero image for a blog post about sustainable technology."
BODY = {
    "prompt": PROMPT,
    "model": "nano-banana-2",
    "num_images": 1,
    "aspect_ratio": "16:9",
    "output_format": "png",
}


def measure(api_url: str, token_url: str, rounds: int = 40) -> dict[str, float]:
    import requests

    from desktop.api import ApiSettings, Credentials, GenerationRequest, NeuroflashClient

    client = NeuroflashClient(
        Credentials("demo-client-id", "demo-client-secret"),
        ApiSettings(base_url=api_url, token_url=token_url),
    )
    workspace = client.workspaces()[0].id
    request = GenerationRequest(PROMPT, "nano-banana-2", 1, "16:9", "png")
    token = requests.post(
        token_url,
        data={
            "grant_type": "client_credentials",
            "client_id": "demo-client-id",
            "client_secret": "demo-client-secret",
            "scope": "openid",
        },
    ).json()["access_token"]
    headers = {"Authorization": f"Bearer {token}", "x-workspace-id": workspace}

    def guide() -> None:
        result = requests.post(
            f"{api_url}/ds-prototypes/image_generation/", headers=headers, json=BODY
        ).json()
        assert result["images"], result

    def ours() -> None:
        assert client.generate(workspace, request).images

    for fn in (guide, ours, guide, ours):  # warm: connections, the server's render cache
        fn()
    guide_s: list[float] = []
    ours_s: list[float] = []
    for _ in range(rounds):
        for fn, times in ((guide, guide_s), (ours, ours_s)):
            start = time.perf_counter()
            fn()
            times.append(time.perf_counter() - start)
    client.close()
    guide_m, ours_m = statistics.median(guide_s), statistics.median(ours_s)
    return {
        "api_guide_ms": round(guide_m * 1000, 2),
        "api_client_ms": round(ours_m * 1000, 2),
        "api_overhead_ratio": round(ours_m / guide_m, 3),
    }


if __name__ == "__main__":
    from benchmarks.server import start

    server = start(0, 24)
    try:
        print(measure(server.api_url, server.token_url))
    finally:
        server.stop()
