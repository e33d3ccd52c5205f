"""Command-line entry shared by the web apps: parse --host/--port and serve with waitress."""

from __future__ import annotations

import argparse
from collections.abc import Callable, Sequence

import waitress
from flask import Flask


def serve_from_command_line(
    make_app: Callable[[], Flask],
    *,
    description: str,
    default_port: int,
    argv: Sequence[str] | None = None,
) -> None:
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument(
        "--host", default="127.0.0.1", help="interface to bind (default: 127.0.0.1)"
    )
    parser.add_argument("--port", type=int, default=default_port)
    parser.add_argument("--threads", type=int, default=4)
    args = parser.parse_args(argv)
    waitress.serve(make_app(), host=args.host, port=args.port, threads=args.threads)
