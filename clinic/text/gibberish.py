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
# Drawn-out sounds ("uhhh", "ughhh", "hmmmm") and the articles, which say nothing on their own
# ("blorp the wibble uhh" is no more placeable than "blorp wibble").
_SAYS_NOTHING = re.compile(r"^(?:u+h+|u+g+h+|h+m+|u+m+|e+r+m+|m+h*m+|the|a|an)$")
# A run along one keyboard row ("asdfgh", "qwerty") or one or two letters hit over and over
# ("jjjjjj"): a hand on the keys, though the training data may hold it as an example.
_KEYBOARD_ROWS = ("qwertyuiop", "asdfghjkl", "zxcvbnm")
_MASH_LENGTH = 4
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


def _says_nothing(word: str) -> bool:
    return word in _INTERJECTIONS or bool(_SAYS_NOTHING.match(word))


def _is_keyboard_mash(word: str) -> bool:
    if len(word) < _MASH_LENGTH:
        return False
    return any(word in row for row in _KEYBOARD_ROWS) or (
        len(word) > _MASH_LENGTH and len(set(word)) <= 2
    )


def is_gibberish(text: str, known: frozenset[str]) -> bool:
    """Punctuation, symbols or emoji only (but a thumbs-up), a lone letter (but "k", "y", "n"),
    or words none of which is known (a keyboard mash never is); a message with a digit (a phone
    number, a time) or that looks like a name never is."""
    if any(character.isdigit() for character in text) or _looks_like_a_name(text):
        return False
    if _ONLY_PUNCTUATION.match(text):
        return True
    found = words(text)
    if not found:
        return not _SIGNS_THAT_REPLY.intersection(text)
    if len(found) == 1 and len(found[0]) == 1 and found[0] not in _LETTERS_THAT_REPLY:
        return True
    return not any(
        word in known and not _is_keyboard_mash(word) for word in found if not _says_nothing(word)
    )
