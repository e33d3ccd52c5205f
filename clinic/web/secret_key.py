"""The key that signs the staff page's session cookies.

The staff app reads it from env STAFF_SECRET_KEY, or from the file named by STAFF_SECRET_KEY_FILE.
`python -m clinic.web.secret_key [PATH]` creates such a file (owner-only) when it is missing, which
is what `make run` does with var/staff_secret_key.
"""

from __future__ import annotations

import argparse
import os
import secrets
from collections.abc import Mapping, Sequence
from pathlib import Path

from clinic.paths import VAR_DIR

SECRET_KEY_ENV = "STAFF_SECRET_KEY"
SECRET_KEY_FILE_ENV = "STAFF_SECRET_KEY_FILE"
DEFAULT_KEY_FILE = VAR_DIR / "staff_secret_key"
MIN_KEY_LENGTH = 32


class SecretKeyError(RuntimeError):
    """No usable secret key is configured."""


def ensure_key_file(path: Path) -> bool:
    """Create `path` with a fresh random key unless it exists; True when a key was written."""
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        return False
    with os.fdopen(descriptor, "w", encoding="ascii") as key_file:
        key_file.write(secrets.token_hex(32) + "\n")
    return True


def load_secret_key(environ: Mapping[str, str] = os.environ) -> str:
    key = environ.get(SECRET_KEY_ENV)
    source = SECRET_KEY_ENV
    if not key and environ.get(SECRET_KEY_FILE_ENV):
        key_path = Path(environ[SECRET_KEY_FILE_ENV])
        source = str(key_path)
        try:
            key = key_path.read_text(encoding="utf-8").strip()
        except OSError as error:
            raise SecretKeyError(
                f"cannot read the staff secret key from {key_path}: {error}"
            ) from error
    if not key:
        raise SecretKeyError(
            f"set {SECRET_KEY_ENV}, or {SECRET_KEY_FILE_ENV} to a file holding the key "
            f"(create one with: python -m clinic.web.secret_key {DEFAULT_KEY_FILE})"
        )
    if len(key) < MIN_KEY_LENGTH:
        raise SecretKeyError(
            f"the staff secret key from {source} is shorter than {MIN_KEY_LENGTH} characters"
        )
    return key


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(
        description="Create the staff page's secret key file if it does not exist yet."
    )
    parser.add_argument("path", nargs="?", type=Path, default=DEFAULT_KEY_FILE)
    args = parser.parse_args(argv)
    created = ensure_key_file(args.path)
    print(f"{'created' if created else 'kept'} {args.path}")


if __name__ == "__main__":
    main()
