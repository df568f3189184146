"""Command line entry point: ``neuroflash-desktop`` and ``python -m desktop``.

Keeps imports lazy so the window paints as early as possible.
"""

from __future__ import annotations

import argparse
import sys


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="neuroflash-desktop",
        description="Generate, browse, edit and drag out images with the neuroflash API.",
    )
    parser.add_argument(
        "--demo",
        action="store_true",
        help="start the built-in neuroflash-compatible server and sign in to its demo account",
    )
    parser.add_argument("--api-url", help="API base URL (default: the real neuroflash service)")
    parser.add_argument("--token-url", help="OAuth2 token URL (default: the real service)")
    parser.add_argument(
        "--profile",
        help="keep settings and caches under this folder instead of the system locations",
    )
    parser.add_argument(
        "--language",
        choices=["en", "de"],
        help="use this language instead of the one from settings or the system",
    )
    parser.add_argument("--version", action="store_true", help="print the version and exit")
    parser.add_argument(
        "--self-test",
        action="store_true",
        help="check offscreen that this install has everything it needs, then exit",
    )
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    if args.version:
        from desktop import __version__

        print(f"neuroflash Desktop {__version__}")
        return 0
    if args.self_test:
        from desktop.self_test import run_self_test

        return run_self_test()
    from desktop.ui.shell.app import run_app

    return run_app(args)


if __name__ == "__main__":
    sys.exit(main())
