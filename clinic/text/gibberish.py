"""Whether a message is made only of words the assistant has never seen ("blorp", "qpwoei
rutyal", "???"): such a message cannot be placed, whatever intent a classifier gives it."""

from __future__ import annotations

import re
from collections.abc import Iterable

_WORD = re.compile(r"[^\W\d_]+")
_ONLY_PUNCTUATION = re.compile(r"^[\s?!.,;:¿¡…'\"-]+$")
# Sounds that say nothing: "hmm flibber wobble" is no more placeable than "flibber wobble",
# though a reply in the training data opens with "hmm".
_INTERJECTIONS = frozenset({"hm", "hmm", "hmmm", "um", "umm", "uh", "erm", "mmhmm", "blah"})
# A lone letter says nothing ("x"), but for the short ok, yes and no.
_LETTERS_THAT_REPLY = frozenset({"k", "y", "n"})
# Signs that say yes or ok; any other run of symbols or emoji ("🙃🙃🙃") says nothing.
_SIGNS_THAT_REPLY = frozenset("👍👌")


def words(text: str) -> list[str]:
    """The lower-cased words of `text` (letters only)."""
    return _WORD.findall(text.lower())


def vocabulary(texts: Iterable[str]) -> frozenset[str]:
    """Every word of the training examples."""
    return frozenset(word for text in texts for word in words(text))


def _looks_like_a_name(text: str) -> bool:
    """Two or more words, each capitalised ("Dana Reyes", "María José Fernández")."""
    found = _WORD.findall(text)
    return len(found) >= 2 and all(word[0].isupper() for word in found)


def is_gibberish(text: str, known: frozenset[str]) -> bool:
    """Punctuation, symbols or emoji only (but a thumbs-up), a lone letter (but "k", "y", "n"),
    or words none of which is known; a message with a digit (a phone number, a time) or that
    looks like a name never is."""
    if any(character.isdigit() for character in text) or _looks_like_a_name(text):
        return False
    if _ONLY_PUNCTUATION.match(text):
        return True
    found = words(text)
    if not found:
        return not _SIGNS_THAT_REPLY.intersection(text)
    if len(found) == 1 and len(found[0]) == 1 and found[0] not in _LETTERS_THAT_REPLY:
        return True
    return bool(found) and not any(word in known for word in found if word not in _INTERJECTIONS)
