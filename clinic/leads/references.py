"""Short public references such as PCX-7K3M9Q, read out to visitors and typed by staff."""

import re
import secrets

# Crockford's base32 alphabet: digits and capitals without I, L, O and U.
ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
PREFIX = "PCX-"
LENGTH = 6
_PATTERN = re.compile(rf"^{PREFIX}[{ALPHABET}]{{{LENGTH}}}$")


def new_reference() -> str:
    return PREFIX + "".join(secrets.choice(ALPHABET) for _ in range(LENGTH))


def is_reference(text: str) -> bool:
    return bool(_PATTERN.fullmatch(text))


def normalize_reference(text: str) -> str:
    """A reference as staff may type it: any case, without the prefix, O for 0, I or L for 1."""
    compact = text.strip().upper().replace(" ", "")
    if compact.startswith(PREFIX):
        compact = compact[len(PREFIX) :]
    elif compact.startswith("PCX"):
        compact = compact[3:]
    return PREFIX + compact.translate(str.maketrans("OIL", "011"))
