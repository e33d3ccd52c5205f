"""Command-line entry shared by the web apps: parse --host/--port and serve with waitress."""

from __future__ import annotations

import argparse
from collections.abc import Callable, Sequence

import waitress
from flask import Flask


def serve_from_command_line(
    make_app: Callable[[], Flask],
    *,
    prog: str,
    description: str,
    default_port: int,
    config_errors: tuple[type[Exception], ...],
    app_checks_proxy_headers: bool = False,
    argv: Sequence[str] | None = None,
) -> None:
    """Serve the app from `make_app`; a `config_errors` exception ends the program with its
    message instead of a traceback.

    Waitress drops X-Forwarded-* headers from every request unless told otherwise; an app that
    decides itself which proxies to trust (`app_checks_proxy_headers`) gets them unchanged."""
    parser = argparse.ArgumentParser(prog=prog, description=description)
    parser.add_argument(
        "--host", default="127.0.0.1", help="interface to bind (default: 127.0.0.1)"
    )
    parser.add_argument("--port", type=int, default=default_port)
    parser.add_argument("--threads", type=int, default=4)
    args = parser.parse_args(argv)
    try:
        app = make_app()
    except config_errors as error:
        parser.exit(2, f"{parser.prog}: configuration error: {error}\n")
    waitress.serve(
        app,
        host=args.host,
        port=args.port,
        threads=args.threads,
        clear_untrusted_proxy_headers=not app_checks_proxy_headers,
    )
