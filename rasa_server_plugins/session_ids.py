"""Signed socket.io session ids: the server's own, told apart from any a client makes up.

An id is 16 random bytes and the first 16 bytes of their HMAC-SHA256 under the secret from env
SESSION_ID_SECRET (at least MIN_SECRET_LENGTH characters), 64 hex characters in all: the same
format as before, so the widget keeps it as it did. Only an id this server (or another instance
with the same secret) issued is accepted back; a client that makes one up, or changes one, gets a
new id. `make run` and `scripts/production.sh` create the secret in var/session_id_secret
(`python -m clinic.web.secret_key PATH`); changing it starts every visitor's chat afresh.
"""

from __future__ import annotations

import hashlib
import hmac
import os
import re
import secrets
from collections.abc import Mapping

SESSION_SECRET_ENV = "SESSION_ID_SECRET"
MIN_SECRET_LENGTH = 32
RANDOM_BYTES = 16
SIGNATURE_BYTES = 16
SESSION_ID_FORMAT = re.compile(rf"[0-9a-f]{{{(RANDOM_BYTES + SIGNATURE_BYTES) * 2}}}")


class SessionSecretError(RuntimeError):
    """No usable session id secret is configured."""


class SessionIdSigner:
    def __init__(self, secret: str) -> None:
        if len(secret) < MIN_SECRET_LENGTH:
            raise SessionSecretError(
                f"{SESSION_SECRET_ENV} is shorter than {MIN_SECRET_LENGTH} characters"
            )
        self._key = secret.encode("utf-8")

    def new(self) -> str:
        """A fresh signed id."""
        random_part = secrets.token_bytes(RANDOM_BYTES)
        return (random_part + self._signature(random_part)).hex()

    def issued(self, session_id: object) -> bool:
        """True when `session_id` is an id signed with this secret."""
        if not isinstance(session_id, str) or not SESSION_ID_FORMAT.fullmatch(session_id):
            return False
        raw = bytes.fromhex(session_id)
        random_part, signature = raw[:RANDOM_BYTES], raw[RANDOM_BYTES:]
        return hmac.compare_digest(signature, self._signature(random_part))

    def accepted(self, requested: object) -> str:
        """The requested id when this server issued it, else a new one."""
        return requested if isinstance(requested, str) and self.issued(requested) else self.new()

    def _signature(self, random_part: bytes) -> bytes:
        return hmac.new(self._key, random_part, hashlib.sha256).digest()[:SIGNATURE_BYTES]


def signer_from_env(environ: Mapping[str, str] = os.environ) -> SessionIdSigner:
    """The signer for env SESSION_ID_SECRET; raises SessionSecretError when it is unset or short."""
    secret = environ.get(SESSION_SECRET_ENV, "").strip()
    if not secret:
        raise SessionSecretError(
            f"set {SESSION_SECRET_ENV} to the secret that signs socket.io session ids (create one "
            "with: python -m clinic.web.secret_key var/session_id_secret)"
        )
    return SessionIdSigner(secret)
