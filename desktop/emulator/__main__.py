"""CLI: run the built-in server for demos or manual testing until Ctrl+C."""

from __future__ import annotations

import argparse
import time

from desktop.emulator.config import EmulatorConfig
from desktop.emulator.demo_data import DEMO_CLIENT_ID, DEMO_CLIENT_SECRET
from desktop.emulator.faults import FAULT_KINDS
from desktop.emulator.server import start_server


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    p = argparse.ArgumentParser(
        prog="python -m desktop.emulator", description="neuroflash-compatible built-in server"
    )
    p.add_argument("--host", default="127.0.0.1")
    p.add_argument("--port", type=int, default=8765)
    p.add_argument("--latency-ms", type=float, default=0.0)
    p.add_argument("--token-lifetime", type=int, default=14399)
    p.add_argument("--history-size", type=int, default=24)
    p.add_argument("--rate-limit", type=int, default=30, help="calls/minute; 0 disables")
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--fault-share", type=float, default=0.0)
    p.add_argument("--fault-kinds", default="", help=f"comma list of {','.join(FAULT_KINDS)}")
    p.add_argument("--timeout-fault-s", type=float, default=30.0)
    p.add_argument(
        "--async-tasks",
        action="store_true",
        help="image-service tasks answer 202 with pending images",
    )
    p.add_argument(
        "--task-delay", type=float, default=1.0, help="seconds an async task's images stay pending"
    )
    p.add_argument(
        "--photo-images",
        action="store_true",
        help="photographic-like images sized like the real service's "
        "(PNG 1-2 MB, JPEG 150-400 KB, WebP 100-300 KB)",
    )
    p.add_argument(
        "--bandwidth-mbps",
        type=float,
        default=0.0,
        help="throttle everything sent to N Mbit/s in total; 0: unlimited",
    )
    return p.parse_args(argv)


def main(argv: list[str] | None = None) -> None:
    args = parse_args(argv)
    kinds = tuple(k.strip() for k in args.fault_kinds.split(",") if k.strip())
    config = EmulatorConfig(
        latency_s=args.latency_ms / 1000,
        token_lifetime_s=args.token_lifetime,
        history_size=args.history_size,
        rate_limit_per_minute=args.rate_limit,
        seed=args.seed,
        timeout_fault_s=args.timeout_fault_s,
        fault_share=args.fault_share,
        fault_kinds=kinds,
        async_tasks=args.async_tasks,
        task_delay_s=args.task_delay,
        photo_images=args.photo_images,
        bandwidth_mbps=args.bandwidth_mbps,
    )
    server = start_server(config, host=args.host, port=args.port, log_level="info")
    print(f"API URL:       {server.api_url}")
    print(f"Token URL:     {server.token_url}")
    print(f"Client id:     {DEMO_CLIENT_ID}")
    print(f"Client secret: {DEMO_CLIENT_SECRET}")
    print("Press Ctrl+C to stop.", flush=True)
    try:
        while True:
            time.sleep(1)
    except KeyboardInterrupt:
        pass
    finally:
        server.stop()


if __name__ == "__main__":
    main()
