"""A short content hash of training or held-out data, to tie bench figures to a data version."""

from __future__ import annotations

import hashlib
from pathlib import Path

FINGERPRINT_LENGTH = 12


def fingerprint(*paths: Path) -> str:
    """Hash of the given files and of every file under the given folders, with their names.

    Names are taken relative to the folder given, so a copy elsewhere hashes the same.
    """
    digest = hashlib.sha256()
    for path in paths:
        files = [path] if path.is_file() else sorted(f for f in path.rglob("*") if f.is_file())
        for file in files:
            name = file.name if file == path else file.relative_to(path).as_posix()
            digest.update(name.encode() + b"\0")
            digest.update(file.read_bytes())
    return digest.hexdigest()[:FINGERPRINT_LENGTH]
