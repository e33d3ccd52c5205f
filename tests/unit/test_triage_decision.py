"""The triage decision: rules and model together, the most serious tier wins; unsure asks."""

import pytest

from clinic.triage.decision import OperatingPoint, decide
from clinic.triage.tiers import CRISIS, EMERGENCY, ROUTINE, SYMPTOM_CHECK, URGENT_CARE

POINT = OperatingPoint(emergency=0.6, crisis=0.5, urgent_care=0.7, check=0.3, overrule=0.95)


def probabilities(emergency=0.0, crisis=0.0, urgent=0.0):
    return {
        "emergency": emergency,
        "crisis": crisis,
        "urgent_care": urgent,
        "routine": 1.0 - emergency - crisis - urgent,
    }


def test_a_rule_decides_even_when_the_model_sees_nothing():
    decision = decide("i can't breathe", probabilities(), POINT)
    assert (decision.tier, decision.source, decision.category) == (EMERGENCY, "rule", "breathing")


def test_the_model_decides_above_its_threshold():
    assert decide("a plain message", probabilities(emergency=0.65), POINT).tier is EMERGENCY
    text = "a plain message of more than a few words"
    assert decide(text, probabilities(crisis=0.55), POINT).tier is CRISIS
    assert decide("a plain message", probabilities(urgent=0.75), POINT).tier is URGENT_CARE


def test_the_more_serious_of_rule_and_model_wins():
    decision = decide("back pain with a fever", probabilities(emergency=0.65), POINT)
    assert (decision.tier, decision.source) == (EMERGENCY, "model")


def test_some_risk_below_every_threshold_asks_first():
    text = "a plain message of more than a few words"
    decision = decide(text, probabilities(emergency=0.2, urgent=0.15), POINT)
    assert decision.tier is SYMPTOM_CHECK
    assert decision.risk == pytest.approx(0.35)


def test_little_risk_is_routine():
    assert decide("my back hurts", probabilities(emergency=0.1), POINT).tier is ROUTINE


def test_rules_alone_and_model_alone():
    assert decide("i can't breathe", None, POINT).tier is EMERGENCY
    assert decide("i can't breathe", probabilities(), POINT, rules=False).tier is ROUTINE


@pytest.mark.parametrize("bad", [0.0, 1.5, -0.1])
def test_thresholds_must_be_probabilities(bad):
    with pytest.raises(ValueError, match="triage threshold"):
        OperatingPoint(emergency=bad, crisis=0.5, urgent_care=0.5, check=0.3, overrule=0.95)


def test_the_model_alone_asks_first_about_a_crisis_the_rules_saw_denied():
    point = OperatingPoint(emergency=0.5, crisis=0.5, urgent_care=0.5, check=0.3, overrule=0.95)
    crisis_alone = {"routine": 0.1, "crisis": 0.9}
    denied = decide("no self harm thoughts here, just a sore back", crisis_alone, point)
    assert denied.tier is SYMPTOM_CHECK
    unnamed = decide("everything feels so pointless lately, every single day", crisis_alone, point)
    assert unnamed.tier is CRISIS


def test_the_model_alone_asks_first_about_a_red_flag_the_rules_saw_denied_unless_nearly_sure():
    denied = "no chest pain, i think i just pulled my pec at the gym"
    assert decide(denied, probabilities(emergency=0.8), POINT).tier is SYMPTOM_CHECK
    assert decide(denied, probabilities(emergency=0.97), POINT).tier is EMERGENCY
    unnamed = "something feels very wrong and i am scared"
    assert decide(unnamed, probabilities(emergency=0.8), POINT).tier is EMERGENCY


@pytest.mark.parametrize(
    "text",
    [
        "my boss is going to kill me if i miss another day for this back",
        "my kids will be the death of me, carrying them wrecked my back",
        "i'd rather die than sit through another 6 hour drive with this back",
        "el lumbago me dolió tanto que pensé que me iba a morir, hoy ya camino",
        "me duele a morir la espalda desde el lunes",
    ],
)
def test_the_model_alone_asks_first_about_a_crisis_in_a_figure_of_speech(text):
    point = OperatingPoint(emergency=0.5, crisis=0.5, urgent_care=0.5, check=0.3, overrule=0.95)
    assert decide(text, {"routine": 0.05, "crisis": 0.95}, point).tier is SYMPTOM_CHECK


def test_a_spanish_red_flag_decides_even_when_the_model_sees_nothing():
    decision = decide("tengo un dolor muy fuerte en el pecho", probabilities(), POINT)
    assert (decision.tier, decision.source, decision.category) == (EMERGENCY, "rule", "chest_pain")
    assert decide("ya no quiero vivir", probabilities(), POINT).tier is CRISIS
    assert decide("me duele la espalda", probabilities(), POINT).tier is ROUTINE


def test_the_model_alone_asks_first_about_an_emergency_in_a_figure_of_speech():
    point = OperatingPoint(emergency=0.5, crisis=0.5, urgent_care=0.5, check=0.3, overrule=0.95)
    text = "i'm going to strangle my teenager, he left his skateboard on the stairs"
    assert decide(text, {"routine": 0.25, "emergency": 0.75}, point).tier is SYMPTOM_CHECK
    assert decide(text, {"routine": 0.01, "emergency": 0.99}, point).tier is EMERGENCY


@pytest.mark.parametrize(
    "text",
    [
        "is it normal to sometimes get chest pain along with my neck stiffness?",
        "is it normal to get numbness in my groin after deadlifts?",
        "does it mean anything if my face droops a bit when i smile",
    ],
)
def test_a_red_flag_asked_about_as_the_visitors_own_asks_first(text):
    decision = decide(text, probabilities(), POINT)
    assert (decision.tier, decision.source) == (SYMPTOM_CHECK, "rule")


@pytest.mark.parametrize(
    "text",
    [
        "if i ever get chest pain on the table is that serious?",
        "what if my face droops after treatment, does that mean a stroke? just want to know",
        "is it normal for my neck to feel stiff after sleeping wrong?",
        "is chest pain ever caused by a stiff neck?",
    ],
)
def test_an_imagined_or_ordinary_sign_asked_about_stays_routine(text):
    assert decide(text, probabilities(), POINT).tier is ROUTINE


@pytest.mark.parametrize("text", ["i've been before", "no I can feel everything"])
def test_a_short_reply_the_model_alone_reads_as_a_crisis_asks_first(text):
    decision = decide(text, probabilities(crisis=0.8), POINT)
    assert (decision.tier, decision.category) == (SYMPTOM_CHECK, "crisis")


def test_a_short_reply_the_model_is_nearly_sure_of_is_a_crisis():
    assert decide("going tonight, goodbye", probabilities(crisis=0.97), POINT).tier is CRISIS


def test_a_longer_message_the_model_alone_reads_as_a_crisis_is_a_crisis():
    text = "ive been looking at high buildings and thinking about it"
    assert decide(text, probabilities(crisis=0.8), POINT).tier is CRISIS


def test_a_short_reply_naming_no_sign_is_not_interrupted_by_a_risk_below_every_tier():
    some_risk = probabilities(emergency=0.2, crisis=0.3)
    assert decide("yes thats everything", some_risk, POINT).tier is ROUTINE
    assert decide("yes my chest hurts", some_risk, POINT).tier is EMERGENCY
    longer = "yes thats everything i wanted to tell you about it today"
    assert decide(longer, some_risk, POINT).tier is SYMPTOM_CHECK


@pytest.mark.parametrize(
    "text",
    [
        "I don't want to book right now",
        "I don\u2019t want to book right now",
        "nah dont wanna come in yet, thanks",
        "i do not want to make an appointment today",
        "ok i dont need to book, just looking",
        "i dont want to do this anymore, cancel please",
        "never mind, i dont want any of this now",
        "forget it, im done with all of this",
    ],
)
def test_a_visit_turned_down_that_the_model_alone_reads_as_a_crisis_asks_first(text):
    decision = decide(text, probabilities(crisis=0.8), POINT)
    assert (decision.tier, decision.category) == (SYMPTOM_CHECK, "crisis")


@pytest.mark.parametrize(
    "text",
    [
        "i dont want to do this anymore, cancel please, ive decided to end my life",
        "I just want it all to stop for good",
        "never mind, i cant do this anymore",
        "I don't want to book anything, I've written letters to my kids and won't be here long",
    ],
)
def test_despair_in_a_long_message_or_with_a_sign_the_rules_see_stays_a_crisis(text):
    assert decide(text, probabilities(crisis=0.8), POINT).tier is CRISIS


def test_a_visit_turned_down_with_a_crisis_the_rules_see_is_a_crisis():
    text = "i don't want to book, i want to kill myself"
    assert decide(text, probabilities(crisis=0.8), POINT).tier is CRISIS


@pytest.mark.parametrize(
    "text",
    [
        "the table saw caught my hand and blood is spurting everywhere",
        "chainsaw kicked back into my thigh, it's gushing blood",
    ],
)
def test_an_accidents_wound_the_rules_send_to_911_is_no_crisis(text):
    decision = decide(text, probabilities(crisis=0.8), POINT)
    assert (decision.tier, decision.source) == (EMERGENCY, "rule")


def test_a_wound_made_on_purpose_stays_a_crisis():
    text = "i cut my arm with the axe on purpose and it's gushing blood"
    assert decide(text, probabilities(crisis=0.8), POINT).tier is CRISIS


@pytest.mark.parametrize(
    "text",
    [
        "nicked my thumb with the scissors, it stopped bleeding",
        "had a tummy bug at the weekend, feeling much better today",
    ],
)
def test_a_trouble_told_as_settled_that_only_the_model_sends_to_911_asks_first(text):
    assert decide(text, probabilities(emergency=0.8), POINT).tier is SYMPTOM_CHECK
    assert decide(text, probabilities(emergency=0.97), POINT).tier is EMERGENCY


def test_bleeding_that_has_not_stopped_is_not_settled():
    text = "my cut hasn't stopped bleeding for an hour and i'm on blood thinners"
    assert decide(text, probabilities(emergency=0.8), POINT).tier is EMERGENCY


@pytest.mark.parametrize(
    "text",
    [
        "Thank you for your patience. Goodbye.",
        "ok thanks for the help, bye now",
        "thank you so much for your time, have a good day",
    ],
)
def test_a_sign_off_thanking_the_assistant_is_no_crisis(text):
    assert decide(text, probabilities(crisis=0.8), POINT).tier is ROUTINE


@pytest.mark.parametrize(
    "text",
    [
        "thank you for everything. goodbye.",
        "thanks for your help, goodbye forever",
        "thank you for your patience, i won't be around much longer",
        "thanks for the help, i want to kill myself",
    ],
)
def test_a_goodbye_that_is_more_than_a_sign_off_stays_a_crisis_or_asks(text):
    decision = decide(text, probabilities(crisis=0.8), POINT)
    assert decision.tier is CRISIS or (decision.tier, decision.category) == (
        SYMPTOM_CHECK,
        "crisis",
    )
