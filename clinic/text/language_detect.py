"""The language of one message, English or Spanish, or None when the message does not tell.

A short or ambiguous message ("ok", "no", a name, a phone number, "ART") says nothing about the
language: `detect` returns None and the conversation keeps its language (`resolve`). Short
messages are read by two small word lists, since a character model has too little to go on;
longer ones by py3langid restricted to English and Spanish, with the word lists deciding when it
is unsure (Spanglish).

Plain Python with no Rasa import.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Literal

from py3langid.langid import MODEL_FILE, LanguageIdentifier

Language = Literal["en", "es"]
ENGLISH: Language = "en"
SPANISH: Language = "es"
LANGUAGES: tuple[Language, ...] = (ENGLISH, SPANISH)

# Up to this many words, a message is read by the word lists alone.
SHORT_WORDS = 3
# py3langid's normalised probability (between English and Spanish) it must reach to decide.
CONFIDENT = 0.9

# Words that, in this assistant's conversations, belong to one language only. Words both
# languages use ("no", "ok", "me", "a", "art", "hospital", "doctor", names) are in neither list.
SPANISH_WORDS = frozenset(
    """
    hola buenas buenos dias tardes noches gracias muchas si sí claro vale bueno perfecto listo
    adios adiós chao hasta luego quiero quisiera necesito tengo tiene tienen tienes duele
    duelen dolor dolores espalda cuello cabeza pierna piernas brazo brazos pecho baja cita citas
    consulta hacer pedir reservar agendar puedo puede pueden podria podría ayuda ayudar que qué
    como cómo cuando cuándo donde dónde cuanto cuánto cuesta precio por favor usted ustedes
    hablan habla hablas español espanol ingles inglés mi mis mucho muy desde hace semana semanas
    mañana manana tarde lunes martes miércoles miercoles jueves viernes sábado sabado domingo
    paciente nuevo nueva ya soy estoy es son está esta esto eso para pero tambien también con
    sin el la los las una uno unos del al y o de en lo le se su sus yo nombre llamo llamar
    correo teléfono telefono numero número señor señora entiendo vez veces nada todo todos
    terapia tratamiento quiropráctico quiropractico masaje sirve funciona ciática ciatica aceptan
    seguro médico medico clínica clinica
    entumecimiento hormigueo respirar pecho mareo
    """.split()
)
ENGLISH_WORDS = frozenset(
    """
    hi hello hey thanks thank you yes yeah yep nope sure please bye goodbye want need have has
    had my i im i'm it its is are was were the an of to in on at for with and or but
    what how when where why who which can could would should do does did back neck pain hurts
    hurt hurting ache aching head leg legs arm arms chest lower upper appointment book booking
    schedule call callback help much cost price speak english spanish morning afternoon evening
    tomorrow today week weeks monday tuesday wednesday thursday friday saturday sunday patient
    new already name phone email number this that there here good great fine okay cool got
    treatment therapy massage work works chiropractor sciatica numb numbness tingling breathe
    clinic insurance right
    """.split()
)
KNOWN_WORDS = SPANISH_WORDS | ENGLISH_WORDS
# Small words inside names ("Maria de la Cruz", "Van der Berg", "Fatima Al-Sayed", "Omar El
# Amrani", "Ali bin Hamad"), not read as Spanish there: "al" and "el" are Spanish words too.
NAME_PARTICLES = frozenset("de del la las los y da dos van von der al el bin ibn".split())
# Letters only Spanish writes; inverted question and exclamation marks.
SPANISH_MARKS = re.compile(r"[ñáéíóú¿¡]")
WORD = re.compile(r"[^\W\d_]+(?:'[^\W\d_]+)?")
# Email and web addresses tell nothing of the language ("maria.lopez@gmail.com" is no Spanish).
ADDRESS = re.compile(r"\S+@\S+|\bhttps?://\S+|\bwww\.\S+", re.IGNORECASE)


@lru_cache(maxsize=1)
def _identifier() -> LanguageIdentifier:
    identifier = LanguageIdentifier.from_pickled_model(MODEL_FILE, norm_probs=True)
    identifier.set_languages(list(LANGUAGES))
    return identifier


def prepare() -> None:
    """Load py3langid's model now (about 0.7 s), not while answering the first message of
    more than a few words."""
    _identifier()


def words(text: str) -> list[str]:
    return WORD.findall(text.lower().replace("\u2019", "'"))


def _title(token: str) -> bool:
    """Capitalised as a name is ("Cruz", "José"), not shouted ("MY BACK", "ART")."""
    return token[0].isupper() and (len(token) == 1 or not token.isupper())


def _name_particles(text: str) -> set[int]:
    """The positions of particles inside a name ("Maria de la Cruz"): a particle followed by a
    capitalised word or by another such particle, or joined to the next word by a hyphen
    ("al-sayed", however it is capitalised: Spanish never hyphenates these words)."""
    found = list(WORD.finditer(text))
    inside: set[int] = set()
    for index in range(len(found) - 2, -1, -1):
        particle, following = found[index], found[index + 1]
        hyphenated = text[particle.end() : following.start()] == "-"
        if particle.group().lower() in NAME_PARTICLES and (
            _title(following.group()) or index + 1 in inside or hyphenated
        ):
            inside.add(index)
    return inside


def _is_name(text: str) -> bool:
    """Only capitalised words and name particles ("Juan Carlos de los Santos")."""
    return all(_title(token) or token in NAME_PARTICLES for token in WORD.findall(text))


def _by_words(text: str) -> Language | None:
    """The language with more of its own words; Spanish letters count for Spanish, except in
    capitalised words a list does not know (names: "José Hernández"), and the particles of a
    name ("de la Cruz") count for neither."""
    text = text.replace("\u2019", "'")
    found = WORD.findall(text)
    in_names = _name_particles(text)
    tokens = [token for index, token in enumerate(found) if index not in in_names]
    known = [token for token in tokens if token.lower() in KNOWN_WORDS]
    plain = [token for token in tokens if not token[0].isupper()]
    spanish = sum(token.lower() in SPANISH_WORDS for token in tokens) + sum(
        len(SPANISH_MARKS.findall(token.lower())) for token in {*known, *plain}
    )
    english = sum(token.lower() in ENGLISH_WORDS for token in tokens)
    if spanish > english:
        return SPANISH
    if english > spanish:
        return ENGLISH
    return None


def _mostly_known(tokens: list[str], also_known: frozenset[str] = frozenset()) -> bool:
    """Whether a message has at least as many words the lists (or `also_known`) know as words
    they do not."""
    known = sum(token in KNOWN_WORDS or token in also_known for token in tokens)
    return known >= len(tokens) - known


def detect(text: str) -> Language | None:
    """The message's language, or None when it does not tell (too short, a name, a number, an
    email address)."""
    text = ADDRESS.sub(" ", text)
    tokens = words(text)
    if not tokens:
        return None
    # Capitalised words with as many the lists do not know as they know are a name, even where
    # one is also a Spanish word ("Dolores Ruiz", "Hola Maria" aside): a name tells nothing.
    known = sum(token in KNOWN_WORDS for token in tokens)
    if _is_name(text) and known <= len(tokens) - known:
        return None
    by_words = _by_words(text)
    short = len(tokens) <= SHORT_WORDS
    # One list word among words the lists do not know ("lorem ipsum dolor", "kiero una sita")
    # is too little: the character model decides.
    if short and (by_words is None or _mostly_known(tokens)):
        return by_words
    if not short and (by_words is not None or _is_name(text)):
        return by_words
    language, probability = _identifier().classify(" ".join(tokens))
    return language if float(probability) >= CONFIDENT and language in LANGUAGES else None


def lists_lean_spanish(text: str, also_known: frozenset[str] = frozenset()) -> bool:
    """Whether a short message has more Spanish list words than English ones, whatever the
    character model made of it, and, as `detect` asks of a short message, at least as many
    known words as unknown ones, counting `also_known` (the scope classifier's Spanish-only
    training words) as known: "dolor cervical cronico" ("cronico" a training word) leans
    Spanish, "lorem ipsum dolor" (one list word among unknown ones) does not."""
    tokens = words(ADDRESS.sub(" ", text))
    return (
        len(tokens) <= SHORT_WORDS
        and _by_words(text) == SPANISH
        and _mostly_known(tokens, also_known)
    )


def has_spanish(text: str) -> bool:
    """Whether the message has any Spanish in it: written in Spanish, or a Spanish word or
    letter inside English ("where are you? donde queda la oficina"), as Spanglish has."""
    language = detect(text)
    if language == SPANISH or SPANISH_MARKS.search(text.lower()) is not None:
        return True
    tokens = words(text)
    # A short message that the character model read as English, the lists knowing too few of
    # its words ("lorem ipsum dolor"), has no Spanish in it for one list word.
    if language == ENGLISH and len(tokens) <= SHORT_WORDS and not _mostly_known(tokens):
        return False
    return any(token in SPANISH_WORDS for token in tokens)


def resolve(text: str, previous: Language | None) -> Language:
    """The conversation's language after this message: the message's own, else the previous
    one, else English."""
    return detect(text) or previous or ENGLISH
