"""Whether a message names days or times ("weekends if you're open", "por las mañanas"), and the
new time in a change ("change the time to afternoons"): the booking request's preferred-time
answers, which the NLU may read as a question about opening hours."""

from __future__ import annotations

import re

from clinic.text.gibberish import words

_TIME_WORDS = frozenset(
    {
        # English
        "morning",
        "mornings",
        "afternoon",
        "afternoons",
        "evening",
        "evenings",
        "night",
        "nights",
        "noon",
        "lunch",
        "lunchtime",
        "weekday",
        "weekdays",
        "weekend",
        "weekends",
        "monday",
        "mondays",
        "tuesday",
        "tuesdays",
        "wednesday",
        "wednesdays",
        "thursday",
        "thursdays",
        "friday",
        "fridays",
        "saturday",
        "saturdays",
        "sunday",
        "sundays",
        "tues",
        "thurs",
        "anytime",
        # "Whenever, I'm flexible": any day or time suits.
        "whenever",
        "flexible",
        # "Asap", "earliest possible": the first time there is.
        "asap",
        "earliest",
        "soonest",
        # Spanish
        "mañana",
        "mañanas",
        "tarde",
        "tardes",
        "noche",
        "noches",
        "mediodía",
        "lunes",
        "martes",
        "miércoles",
        "miercoles",
        "jueves",
        "viernes",
        "sábado",
        "sábados",
        "sabado",
        "sabados",
        "domingo",
        "domingos",
        "semana",
    }
)
_TIME_PHRASES = ("fin de semana", "any time", "any day")
# "5pm", "8:30", "after 4", "before 8".
_CLOCK = re.compile(r"\b\d{1,2}(:\d{2})?\s*(am|pm|a\.m\.|p\.m\.)|\b\d{1,2}:\d{2}\b")
_AROUND_HOUR = re.compile(r"\b(after|before|by|from|until|till|antes de las|después de las)\s+\d")
# "Between 9 and 2", "around 12 30", "after school like 4": an hour, not a count ("around 3
# weeks", "like 3 kids").
_ABOUT_HOUR = re.compile(
    r"\b(?:between|around|like)\s+\d{1,2}(?:[: ]\d{2})?\b"
    r"(?!\s*(?:weeks?|months?|years?|days?|sessions?|times?|kids?|hours?|minutes?|mins?|%|lbs?))"
)
# A question, not an answer: "are you open on weekends?", "what hours do you have saturday".
_QUESTION_START = frozenset(
    {
        "what",
        "when",
        "which",
        "where",
        "who",
        "why",
        "how",
        "are",
        "is",
        "do",
        "does",
        "can",
        "could",
        "will",
        "qué",
        "cuándo",
        "cuál",
        "cómo",
        "dónde",
        "están",
        "abren",
        "tienen",
    }
)
_CLAUSE_BREAK = re.compile(r"[,;.?!]|\bbut\b|\bpero\b")
_TO_NEW = re.compile(r"\b(?:to|a)\s+(.+)$")
# Words of the change itself, not of the new time ("I put the wrong time").
_TRAILING = re.compile(r"\s+(instead|please|por favor)$")
_CHANGE_WORDS = frozenset({"change", "wrong", "switch", "cambiar", "equivoqué", "mal"})


def names_a_time(text: str) -> bool:
    """Whether `text` names days or times of day."""
    lowered = text.lower()
    if _CLOCK.search(lowered) or _AROUND_HOUR.search(lowered) or _ABOUT_HOUR.search(lowered):
        return True
    return any(word in _TIME_WORDS for word in words(lowered)) or any(
        phrase in lowered for phrase in _TIME_PHRASES
    )


def is_question(text: str) -> bool:
    """Whether `text` reads as a question rather than an answer."""
    found = words(text)
    return "?" in text or "¿" in text or bool(found and found[0] in _QUESTION_START)


def time_answer(text: str) -> bool:
    """An answer to "which days and times suit you?", whatever intent the NLU gave it."""
    return names_a_time(text) and not is_question(text)


def new_time_in(text: str) -> str | None:
    """The new days or times a change names ("change the time to afternoons" -> "afternoons",
    "wait, I put the wrong time, evenings are better for me" -> "evenings are better for me"),
    None when it names none."""
    clauses = [clause.strip() for clause in _CLAUSE_BREAK.split(text) if clause.strip()]
    for clause in clauses:
        after = _TO_NEW.search(clause)
        if after and names_a_time(after.group(1)):
            return _TRAILING.sub("", after.group(1)).strip()
    for clause in clauses:
        if names_a_time(clause) and not _CHANGE_WORDS & set(words(clause)):
            return clause
    return None
