"""The red-flag list in Spanish: the categories of red_flags.py, as Spanish speakers write them.

Text is lower-cased and its accents dropped before matching ("año" is "ano", "daño" "dano"), since
visitors often leave accents out. As in English, a rule matches inside one clause, and a match is
dropped when a negation stands just before it ("no tengo dolor en el pecho") or the clause dates it
("tuve un infarto hace años"). A crisis finding is dropped only by an explicit denial ("no quiero
hacerme daño"): "ya no quiero vivir" is a crisis. Signs that need two parts (fever with a stiff
neck) use together(), within the clause or across the message when nothing in it denies or dates.

Plain Python with no Rasa import.
"""

from __future__ import annotations

import re
import unicodedata

from clinic.triage.red_flags import Finding, Rule, _rule, together
from clinic.triage.tiers import CRISIS, EMERGENCY, URGENT_CARE

NOW = r"(?:de repente|de golpe|ahorita|ahora mismo|ahora|hoy|esta manana|hace (?:un )?rato)"
NUMB = (
    r"(?:dormid[oa]s?|duerme[n]?|adormecid[oa]s?|adormec\w*|entumid[oa]s?|entumecid[oa]s?"
    r"|entumec\w*|hormigue\w*|no siento|sin sensibilidad|sin sentir)"
)
GROIN = (
    r"(?:entrepierna|ingle|zona intima|partes intimas|genitales|nalgas|gluteos|alrededor del ano"
    r"|perine\w*|cuando me limpio)"
)
CHEST_SIGN = r"(?:dolor|duele|presion|opresion|apret\w*|aprieta\w*|pesadez|ardor|punzada|elefante)"
LEGS = r"(?:(?:las |mis )?(?:dos|ambas) piernas|las piernas|mis piernas|ambos lados)"
INJURY = (
    r"(?:me cai|se cayo|caida|choque|chocaron|accidente|atropell\w*|me golpee|volcadura"
    r"|me tire de)"
)
INJURY_SIGN = (
    rf"(?:{NUMB}|debil\w*|no puedo mover|no puedo sentir|duele (?:mucho |horrible )?el cuello"
    r"|dolor de cuello|no puedo caminar)"
)

RULES_ES: tuple[Rule, ...] = (
    *_rule(
        "crisis",
        CRISIS,
        r"\b(?:matarme|suicid(?:arme|arse|ar|io|as?)\b|quitarme la vida|acabar con mi vida"
        r"|me quiero (?:morir|matar)"
        r"|quiero morir\w*|quiero estar muert[oa]|mejor (?:estar|estaria) muert[oa]"
        r"|no quiero (?:seguir )?vivir|sentido (?:a|de) seguir viviendo|hacerme dano"
        r"|lastimarme|me lastimo a proposito|me corto\b|cortarme|carta de despedida"
        r"|todas las pastillas|mejor sin mi|no despertar nunca|se (?:va|quiere) (?:a )?matar"
        r"|quiero que todo termine|desaparecer para siempre|usarla conmigo)",
    ),
    *_rule(
        "chest_pain",
        EMERGENCY,
        rf"\bpecho\b.{{0,30}}{CHEST_SIGN}",
        rf"{CHEST_SIGN}.{{0,30}}\b(?:en|del|de) (?:el |mi )?pecho\b",
        rf"\b{CHEST_SIGN}\b.{{0,20}}\bpecho\b",
        r"\b(?:infarto|ataque al corazon|ataque cardiaco)\b",
        r"\b(?:dolor|presion)\b.{0,30}\b(?:baja|va|corre|pasa|sube)\b.{0,15}"
        r"\b(?:brazo izquierdo|mandibula)\b",
    ),
    *_rule(
        "breathing",
        EMERGENCY,
        r"\bno (?:puedo|puede|podia) respirar\b",
        r"\b(?:me|le) (?:falta|faltaba) (?:el )?aire\b|\bfalta de aire\b",
        r"\bno (?:me|le) entra (?:el )?aire\b",
        r"\b(?:me|se) (?:esta |estoy )?(?:ahog\w*|asfixi\w*)|\bme asfixio\b",
        r"\b(?:dificultad|problemas?) para respirar\b|\b(?:me|le) cuesta (?:mucho )?respirar\b",
        r"\blabios (?:morados|azules)\b|\b(?:morados|azules) los labios\b",
    ),
    *_rule(
        "stroke",
        EMERGENCY,
        r"\b(?:cara|boca) (?:caida|torcida|chueca)\b|\bse (?:me|le) (?:cayo|cae) (?:un lado de )?la"
        r" cara\b|\bun lado de la cara\b",
        r"\b(?:derrame cerebral|embolia|ictus)\b",
        r"\bhabl\w* (?:raro|enredado|arrastrando)\b|\barrastr\w* las palabras\b",
        rf"\b{NOW}\b.{{0,30}}\bno (?:puedo|puede) (?:hablar|mover el brazo|mover la mano)\b",
        r"\bno (?:puedo|puede) mover (?:el brazo|la mano)\b.{0,30}\b(?:de repente|de golpe)\b",
        r"\b(?:lado (?:izquierdo|derecho) del cuerpo|un lado del cuerpo)\b",
        r"\bperd\w* la vista\b|\bno mueve la mano\b",
    ),
    *_rule(
        "cauda_equina",
        EMERGENCY,
        rf"{NUMB}.{{0,30}}\b{GROIN}\b",
        rf"\b{GROIN}\b.{{0,30}}{NUMB}",
        rf"\b{GROIN}\b.{{0,20}}\btodo entumid[oa]",
        r"\bno (?:puedo|he podido|pude) (?:orinar|hacer pipi|controlar (?:la vejiga|el intestino"
        r"|la orina|los esfinteres))",
        r"\bme (?:orine|hice pipi|hice popo) encima\b",
        r"\bperd\w* el control de (?:la vejiga|el intestino|los esfinteres|la orina)",
        r"\bincontinencia\b",
        rf"\b(?:dos|ambas) piernas\b.{{0,30}}(?:{NUMB}|debil\w*|sin fuerza)",
        rf"(?:{NUMB}|debil\w*)\b.{{0,30}}\b(?:dos|ambas) piernas\b",
        r"\bciatica (?:en|de) (?:ambos lados|las dos piernas|ambas piernas)\b",
        r"\bcola de caballo\b",
    ),
    *_rule(
        "thunderclap_headache",
        EMERGENCY,
        r"\bpeor dolor de cabeza\b",
        r"\bdolor de cabeza (?:\w+ )?(?:repentino|subito|de golpe|explosivo|como un trueno)",
        together(r"dolor de cabeza|duele la cabeza", r"de repente|de golpe", r"peor|mas fuerte"),
    ),
    *_rule(
        "meningitis",
        EMERGENCY,
        together(
            r"fiebre|calentura",
            r"cuello (?:muy |tan )?(?:tieso|rigido|duro)|rigidez (?:en el|del|de|en) cuello"
            r"|no (?:puedo|puede) (?:doblar|bajar) el cuello",
        ),
        together(r"fiebre|calentura", r"manchas moradas"),
    ),
    *_rule(
        "major_trauma",
        EMERGENCY,
        together(INJURY, INJURY_SIGN),
    ),
    *_rule(
        "head_injury",
        EMERGENCY,
        together(
            r"(?:golpe\w*|pegue) (?:fuerte )?(?:en )?la cabeza|golpe (?:fuerte )?en la cabeza",
            r"vomit\w*|confundid[oa]|somnolient[oa]|perd\w* el conocimiento|desmay\w*",
        ),
    ),
    *_rule(
        "tearing_pain",
        EMERGENCY,
        r"\b(?:desgarr\w*|rasgara|rasgando)\b.{0,50}\b(?:espalda|pecho|omoplatos)\b",
        r"\b(?:espalda|pecho)\b.{0,30}\b(?:desgarr\w*)\b",
    ),
    *_rule(
        "anaphylaxis",
        EMERGENCY,
        r"\b(?:cerrando|cerrada|hinchada) la garganta\b|\bgarganta (?:cerrada|hinchada)\b",
        r"\blengua hinchada\b|\bse (?:me|le) (?:hincho|hincharon|esta hinchando) (?:la cara y )?"
        r"(?:la lengua|los labios|la garganta)",
        together(r"ronchas|urticaria", r"respirar|aire|garganta"),
    ),
    *_rule(
        "sudden_paralysis",
        EMERGENCY,
        rf"\bno (?:puedo|puede) (?:mover|sentir) {LEGS}",
        rf"\bno siento {LEGS}",
        r"\bse (?:me|le) paraliz\w* (?:las piernas|el cuerpo)",
        r"\bno (?:puedo|puede) caminar\b.{0,30}\b(?:de repente|no me responden)|\bde repente no"
        r" (?:puedo|puede) caminar\b|\blas piernas no me responden\b",
    ),
    *_rule(
        "neck_artery",
        EMERGENCY,
        r"\b(?:veo doble|vision doble)\b",
        together(
            r"ajuste|tronaron|manipul\w*|masaje|quiropract\w*",
            r"cuello",
            r"mareo horrible|muy mareado|no puedo tragar|me cai de repente",
        ),
    ),
    *_rule(
        "other_emergency",
        EMERGENCY,
        r"\b(?:vomit\w*|tos\w*) sangre\b",
        r"\b(?:convulsionando|convulsiones|una convulsion)\b",
        r"\bse desmayo\b.{0,30}\bno (?:despierta|reacciona)\b",
        together(r"embarazada", r"sangr\w*"),
    ),
    *_rule(
        "urgent_care",
        URGENT_CARE,
        together(r"fiebre|calentura", r"espalda"),
        together(r"cancer", r"espalda"),
        together(r"cirugia|operacion|inyeccion", r"columna|espalda", r"semana|dias|reciente"),
        r"\b(?:baje|perdi|bajando|perdiendo) (?:mucho )?(?:de )?peso sin\b",
    ),
)

# A negation shortly before a sign ("no tengo dolor en el pecho", "sin fiebre").
NEGATION = re.compile(r"\b(?:no|sin|nunca|ni|tampoco|ningun[oa]?|nada de)\b")
NEGATION_REACH = 24
# The whole clause denies a sign that needs two parts ("no tengo fiebre, solo el cuello tieso").
NEGATED_PART = re.compile(
    r"\b(?:no tengo|sin|ni) (?:fiebre|calentura|adormecimiento|entumecimiento|hormigueo)"
)
PAST = re.compile(
    r"(?<!desde )\bhace (?:\d+|un|una|dos|tres|cuatro|cinco|diez|varios|varias|muchos|muchas"
    r"|unos|unas)? ?(?:anos?|meses)\b|\b(?:el|hace un) ano pasado\b|\bde (?:nino|nina|joven)\b"
    r"|\ben (?:19|20)\d\d\b|\bdesde entonces\b|\bdesde el accidente\b|\bnunca quedo igual\b"
)
CRISIS_DENIAL = re.compile(
    r"\bno (?:estoy pensando en|pienso en|voy a|quiero) (?:matarme|suicidarme|hacerme dano"
    r"|lastimarme|morir\w*|quitarme la vida)|\bno (?:tengo|he tenido) (?:pensamientos|ideas)"
    r" (?:suicidas|de)|\bno soy suicida\b"
)
# Words that tell the sign as something else: laughter, sore muscles after exercise or a cough.
FIGURATIVE = re.compile(
    r"\b(?:de (?:tanto )?reir|de risa|jaja\w*|muscular|lagartijas|de tanto toser)"
)
CLAUSE_BREAK = re.compile(r"[.;!?\n]+|,\s*(?:pero|solo)\b|\bpero\b")
SPACES = re.compile(r"\s+")


def normalize(text: str) -> str:
    plain = "".join(
        char
        for char in unicodedata.normalize("NFKD", text.lower())
        if not unicodedata.combining(char)
    )
    return SPACES.sub(" ", plain.replace("\u2019", "'")).strip()


def clauses(text: str) -> list[str]:
    return [part.strip() for part in CLAUSE_BREAK.split(normalize(text)) if part.strip()]


def _counts(rule: Rule, clause: str, match: re.Match[str]) -> bool:
    if rule.tier is CRISIS:
        return not CRISIS_DENIAL.search(clause)
    if FIGURATIVE.search(clause):
        return False
    if rule.across_sentences and NEGATED_PART.search(clause):
        return False
    before = clause[: match.start()]
    if match.end() > 0 and NEGATION.search(before[-NEGATION_REACH:]):
        return False
    return not PAST.search(clause)


def find_red_flags_es(text: str) -> list[Finding]:
    """Every Spanish rule that matches in a clause that neither negates nor dates it, at most one
    finding per category; two-part signs also across the whole message when nothing in it
    negates or dates."""
    found: dict[str, Finding] = {}
    parts = clauses(text)
    for clause in parts:
        for rule in RULES_ES:
            match = rule.pattern.search(clause)
            if rule.category not in found and match and _counts(rule, clause, match):
                found[rule.category] = Finding(rule.tier, rule.category, match.group(0))
    whole = " ".join(parts)
    if not (NEGATION.search(whole) or PAST.search(whole) or FIGURATIVE.search(whole)):
        for rule in RULES_ES:
            if rule.category not in found and rule.across_sentences and rule.pattern.search(whole):
                found[rule.category] = Finding(rule.tier, rule.category, "")
    return list(found.values())
