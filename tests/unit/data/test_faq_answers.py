"""The FAQ answers carry the facts the conversation contract lists for each topic, in English and
in Spanish, in the assistant's own words: no answer repeats a run of the article's words long
enough to be one of its sentences."""

import re
from pathlib import Path

import pytest

from testkit.domain import load_domain

ROOT = Path(__file__).resolve().parents[3]
ARTICLE = ROOT / "docs" / "source" / "art-neck-back-pain-article.txt"
# Names such as "ProClinix Sport Physical Therapy & Chiropractic" share five words with the
# article; a copied sentence shares far more.
LONGEST_SHARED_RUN = 6

# Per topic, phrases the answer must contain (lower case): shared/spec/conversation-contract.md.
REQUIRED_FACTS = {
    "what_is_art": ["hands-on", "movement", "muscles", "tendons", "ligaments", "fascia", "nerves"],
    "how_art_works": ["tension", "fibrosis", "press", "move", "adhesions", "mobility"],
    "art_vs_massage": ["massage", "passive stretching", "precise", "targeted", "each structure"],
    "adhesions": ["shortened", "fibrotic", "headaches", "nerves", "joints", "pain"],
    "neck_pain": ["adhesions", "range of motion", "nerves", "headaches", "series of sessions"],
    "neck_pain_causes": [
        "upper trapezius",
        "levator scapulae",
        "scalene",
        "suboccipital",
        "cervical spine",
        "screen",
        "desk",
    ],
    "headaches": ["trigger points", "headaches", "less frequent"],
    "whiplash": ["whiplash", "series of art sessions"],
    "lower_back_pain": [
        "flexibility",
        "mobility",
        "compensation",
        "circulation",
        "healing",
        "nerves",
        "immediate relief",
    ],
    "lower_back_causes": [
        "muscle imbalances",
        "repetitive strain",
        "lifting",
        "hips",
        "iliopsoas",
        "quadratus lumborum",
        "gluteals",
        "piriformis",
        "thoracolumbar fascia",
    ],
    "desk_posture": ["desk", "sitting", "screen", "posture", "postural retraining", "office"],
    "athletes": ["athletes", "perform", "faster", "strain or overuse", "training"],
    "benefits": ["stiffness", "mobility", "pain", "athletic performance", "recovery"],
    "why_effective": ["specificity", "each structure", "tailored", "root cause", "faster"],
    "sessions_results": ["series of sessions", "relief", "practitioner", "evaluat"],
    "candidacy": [
        "neck",
        "lower back",
        "stretching",
        "traditional treatments",
        "office workers",
        "athletes",
        "chronic tension",
    ],
    "where_offered": ["proclinix", "armonk", "chiropractic treatment services"],
    "combined_care": [
        "evidence-based chiropractic care",
        "corrective exercise",
        "postural retraining",
        "lasting relief",
    ],
    "nerve_symptoms": ["irritate", "compression", "numbness", "weakness", "clinician", "911"],
    "not_in_article": ["prices", "insurance", "callback"],
    "ask_practitioner_first": ["ask a practitioner before", "evaluation"],
}

# The same facts in the Spanish variations (condition language: es).
REQUIRED_FACTS_ES = {
    "what_is_art": [
        "manual",
        "movimiento",
        "músculos",
        "tendones",
        "ligamentos",
        "fascia",
        "nervios",
    ],
    "how_art_works": ["tensión", "fibrosis", "presión", "mueve", "adherencias", "movilidad"],
    "art_vs_massage": ["masaje", "estiramientos pasivos", "preciso", "dirigido", "cada estructura"],
    "adhesions": [
        "acortan",
        "fibróticos",
        "dolores de cabeza",
        "nervios",
        "articulaciones",
        "dolor",
    ],
    "neck_pain": [
        "adherencias",
        "rango de movimiento",
        "nervios",
        "dolores de cabeza",
        "serie de sesiones",
    ],
    "neck_pain_causes": [
        "trapecio superior",
        "elevador de la escápula",
        "escalenos",
        "suboccipitales",
        "columna cervical",
        "pantallas",
        "escritorio",
    ],
    "headaches": ["puntos gatillo", "dolores de cabeza", "menos frecuentes"],
    "whiplash": ["latigazo cervical", "serie de sesiones de art"],
    "lower_back_pain": [
        "flexibilidad",
        "movilidad",
        "compensación",
        "circulación",
        "curación",
        "nervios",
        "alivio inmediato",
    ],
    "lower_back_causes": [
        "desequilibrios musculares",
        "esfuerzos repetitivos",
        "levantar",
        "caderas",
        "iliopsoas",
        "cuadrado lumbar",
        "glúteos",
        "piriforme",
        "fascia toracolumbar",
    ],
    "desk_posture": [
        "escritorio",
        "sentados",
        "pantallas",
        "postura",
        "reeducación postural",
        "oficinistas",
    ],
    "athletes": ["deportistas", "rendimiento", "más rápida", "sobrecarga", "entrenamiento"],
    "benefits": ["rigidez", "movilidad", "dolor", "rendimiento deportivo", "recuperación"],
    "why_effective": ["especificidad", "cada estructura", "adapta", "causa de fondo", "más rápido"],
    "sessions_results": ["serie de sesiones", "alivio", "profesional", "evalua"],
    "candidacy": [
        "cuello",
        "espalda baja",
        "estiramientos",
        "tratamientos tradicionales",
        "oficinistas",
        "deportistas",
        "tensión crónica",
    ],
    "where_offered": ["proclinix", "armonk", "servicios de tratamiento quiropráctico"],
    "combined_care": [
        "atención quiropráctica basada en la evidencia",
        "ejercicio correctivo",
        "reeducación postural",
        "alivio duradero",
    ],
    "nerve_symptoms": [
        "irritar",
        "compresión",
        "entumecimiento",
        "debilidad",
        "profesional",
        "911",
    ],
    "not_in_article": ["precios", "seguros", "pedir que me llamen"],
    "ask_practitioner_first": ["consulte a un profesional antes", "evaluación"],
}


def words(text):
    return re.findall(r"[a-z0-9']+", text.lower().replace("\u2019", "'"))


def runs(word_list, length):
    return {tuple(word_list[i : i + length]) for i in range(len(word_list) - length + 1)}


def shared_runs(text, article_runs):
    return runs(words(text), LONGEST_SHARED_RUN + 1) & article_runs


@pytest.fixture(scope="module")
def article_runs():
    return runs(words(ARTICLE.read_text(encoding="utf-8")), LONGEST_SHARED_RUN + 1)


@pytest.fixture(scope="module")
def responses():
    return load_domain()["responses"]


def is_spanish(variant):
    return {"type": "slot", "name": "language", "value": "es"} in (variant.get("condition") or [])


def answer_texts(responses, topic, spanish=False):
    return [
        variant["text"]
        for variant in responses[f"utter_faq/{topic}"]
        if is_spanish(variant) is spanish
    ]


FACTS_BY_LANGUAGE = {"en": REQUIRED_FACTS, "es": REQUIRED_FACTS_ES}


@pytest.mark.parametrize(
    ("language", "topic"),
    [(language, topic) for language, facts in FACTS_BY_LANGUAGE.items() for topic in sorted(facts)],
)
def test_answer_carries_the_topics_facts(language, topic, responses):
    texts = answer_texts(responses, topic, spanish=language == "es")
    assert texts, topic
    for text in texts:
        missing = [fact for fact in FACTS_BY_LANGUAGE[language][topic] if fact not in text.lower()]
        assert missing == [], text


def test_no_response_copies_a_run_of_the_articles_words(responses, article_runs):
    copied = {
        name: " ".join(run)
        for name, variants in responses.items()
        for variant in variants
        for run in shared_runs(variant.get("text", ""), article_runs)
    }
    assert copied == {}


def test_the_check_finds_a_copied_sentence(article_runs):
    sentence = "ART is a hands-on, movement-based soft tissue therapy designed to identify"
    assert shared_runs(sentence, article_runs)


def test_emergency_answer_sends_to_911_and_offers_no_booking(responses):
    english, spanish = (
        [
            variant
            for variant in responses["utter_emergency"]
            if bool(variant.get("condition")) is es
        ]
        for es in (False, True)
    )
    assert len(english) == len(spanish) == 1
    assert "911" in english[0]["text"]
    assert "Llame al 911" in spanish[0]["text"]
    assert spanish[0]["condition"] == [{"type": "slot", "name": "language", "value": "es"}]
    assert not any("buttons" in variant for variant in (*english, *spanish))


def test_crisis_answer_names_the_988_lifelines_spanish_option(responses):
    (spanish,) = [variant for variant in responses["utter_crisis"] if variant.get("condition")]
    assert "988" in spanish["text"]
    assert "marque 2" in spanish["text"]
    assert "AYUDA" in spanish["text"]
    assert "911" in spanish["text"]


def sentences(text):
    return [part for part in re.split(r"(?<=[.:;])\s+|\n", text.lower()) if part]


def all_answer_texts(responses, spanish=False):
    return [
        (name, variant["text"])
        for name, variants in responses.items()
        if name.startswith("utter_faq/")
        for variant in variants
        if is_spanish(variant) is spanish
    ]


def test_immediate_relief_is_said_only_of_the_articles_lower_back_cases(responses):
    """The article says "immediate relief and long-term improvement" only of lower back pain in
    people who sit for long periods, athletes with overuse or people with earlier back injuries."""
    unsupported = [
        sentence
        for _, text in all_answer_texts(responses)
        for sentence in sentences(text)
        if "immediate relief" in sentence
        and not ("sit" in sentence and ("overuse" in sentence or "injur" in sentence))
        and not ("lower back" in sentence and "sitting" in sentence)
        and not ("lower back" in sentence and "overuse" in sentence)
    ]
    assert unsupported == []


def test_spanish_immediate_relief_is_said_only_of_the_articles_lower_back_cases(responses):
    unsupported = [
        sentence
        for _, text in all_answer_texts(responses, spanish=True)
        for sentence in sentences(text)
        if "alivio inmediato" in sentence
        and not ("sentad" in sentence and ("sobrecarga" in sentence or "lesi" in sentence))
        and not ("espalda baja" in sentence and ("sentad" in sentence or "sobrecarga" in sentence))
    ]
    assert unsupported == []


# Per language: the words of "a series of sessions" and of the two cases the article says it of.
SERIES_WORDS = {"en": ("series of", "neck", "whiplash"), "es": ("serie de", "cuello", "latigazo")}


@pytest.mark.parametrize("language", sorted(SERIES_WORDS))
def test_the_series_of_sessions_is_said_only_of_chronic_neck_pain(language, responses):
    series, neck, whiplash = SERIES_WORDS[language]
    unsupported = [
        sentence
        for _, text in all_answer_texts(responses, spanish=language == "es")
        for sentence in sentences(text)
        if series in sentence and neck not in sentence and whiplash not in sentence
    ]
    assert unsupported == []


def test_the_adhesions_answer_gives_no_definition_the_article_lacks(responses):
    (text,) = answer_texts(responses, "adhesions")
    assert "doesn't explain what adhesions are" in text
    definition = text.lower().replace("what adhesions are", "")
    assert "adhesions are" not in definition
    assert "scar" not in definition


def test_the_spanish_adhesions_answer_gives_no_definition_the_article_lacks(responses):
    (text,) = answer_texts(responses, "adhesions", spanish=True)
    assert "no explica qué son las adherencias" in text
    definition = text.lower().replace("qué son las adherencias", "")
    assert "las adherencias son" not in definition
    assert "cicatri" not in definition


def test_the_athletes_answer_keeps_to_the_neck_and_lower_back(responses):
    (text,) = answer_texts(responses, "athletes")
    assert "neck and lower back pain only" in text
    assert "other parts of the body" in text
    (spanish,) = answer_texts(responses, "athletes", spanish=True)
    assert "solo el dolor de cuello y de espalda baja" in spanish
    assert "otras partes del cuerpo" in spanish


def variants_by_language(responses, name):
    english = [variant for variant in responses[name] if not is_spanish(variant)]
    spanish = [variant for variant in responses[name] if is_spanish(variant)]
    return english, spanish


def test_the_nerve_answer_claims_no_help_for_limbs_and_offers_an_evaluation(responses):
    (english,), (spanish,) = variants_by_language(responses, "utter_faq/nerve_symptoms")
    assert "doesn't say that ART helps" in english["text"]
    assert "No dice que ART ayude" in spanish["text"]
    for variant in (english, spanish):
        assert [button["payload"] for button in variant["buttons"]] == ["/book_appointment"]


def test_capabilities_speak_only_of_neck_related_headaches(responses):
    (english,), (spanish,) = variants_by_language(responses, "utter_capabilities")
    text = english["text"].lower()
    assert text.count("headaches") == text.count("neck-related headaches") == 1
    text = spanish["text"].lower()
    assert text.count("dolores de cabeza") == 1
    assert "dolores de cabeza relacionados con el cuello" in text


def test_not_in_article_never_denies_what_it_then_lists(responses):
    for variant in responses["utter_faq/not_in_article"]:
        lists_details = "{clinic_details" in variant["text"]
        denies = "don't have that information" in variant["text"] or (
            "no tengo esa información" in variant["text"]
        )
        assert denies is not lists_details


def test_a_safety_question_is_told_to_ask_a_practitioner_and_offered_an_evaluation(responses):
    (english,), (spanish,) = variants_by_language(responses, "utter_faq/ask_practitioner_first")
    assert "won't guess" in english["text"]
    assert "no voy a hacer suposiciones" in spanish["text"]
    for variant in (english, spanish):
        assert "/book_appointment" in [button["payload"] for button in variant["buttons"]]
