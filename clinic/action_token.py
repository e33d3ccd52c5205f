"""The shared secret between the Rasa server and the action server.

Rasa sends it in the X-Action-Token header of every call (endpoints.yml reads it from env
ACTION_SERVER_TOKEN); the action server refuses any call without it. `python -m
clinic.action_token [PATH]` creates an owner-only file holding a fresh token when it is missing,
which is what `make run` does with var/action_server_token before exporting the variable.
"""

from __future__ import annotations

import argparse
import hmac
import os
from collections.abc import Mapping, Sequence
from pathlib import Path

from clinic.paths import VAR_DIR
from clinic.web.secret_key import ensure_key_file

ACTION_TOKEN_ENV = "ACTION_SERVER_TOKEN"
ACTION_TOKEN_HEADER = "X-Action-Token"
DEFAULT_TOKEN_FILE = VAR_DIR / "action_server_token"
MIN_TOKEN_LENGTH = 32


class ActionTokenError(RuntimeError):
    """No usable shared secret is configured."""


def load_action_token(environ: Mapping[str, str] = os.environ) -> str:
    token = environ.get(ACTION_TOKEN_ENV, "").strip()
    if not token:
        raise ActionTokenError(
            f"set {ACTION_TOKEN_ENV} to the secret the Rasa server sends in its "
            f"{ACTION_TOKEN_HEADER} header (create one with: python -m clinic.action_token "
            f"{DEFAULT_TOKEN_FILE})"
        )
    if len(token) < MIN_TOKEN_LENGTH:
        raise ActionTokenError(f"{ACTION_TOKEN_ENV} is shorter than {MIN_TOKEN_LENGTH} characters")
    return token


def token_matches(expected: str, offered: str | None) -> bool:
    """Constant-time comparison, so the answer's timing does not reveal the token.

    Sanic keeps a header's bytes that are not UTF-8 as lone surrogates (surrogateescape): they
    are compared as the bytes that were sent, a mismatch like any other."""
    return offered is not None and hmac.compare_digest(
        expected.encode("utf-8"), offered.encode("utf-8", "surrogateescape")
    )


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(
        description="Create the action server's shared secret file if it does not exist yet."
    )
    parser.add_argument("path", nargs="?", type=Path, default=DEFAULT_TOKEN_FILE)
    args = parser.parse_args(argv)
    created = ensure_key_file(args.path)
    print(f"{'created' if created else 'kept'} {args.path}")


if __name__ == "__main__":
    main()
