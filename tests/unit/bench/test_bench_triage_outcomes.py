from bench.bench_triage import outcome_rows
from bench.triage_figures import Outcome
from bench.triage_sets import TriageExample

EXAMPLES = [TriageExample("my neck is stiff", "neck"), TriageExample("chest pain now", "chest")]
OUTCOMES = [Outcome("routine", "faq/neck_pain"), Outcome("emergency", None)]


def test_a_development_sets_outcomes_carry_their_texts_for_reading_the_misses():
    rows = outcome_rows(EXAMPLES, OUTCOMES, with_text=True)
    assert rows == [
        {"text": "my neck is stiff", "label": "neck", "tier": "routine", "answer": "faq/neck_pain"},
        {"text": "chest pain now", "label": "chest", "tier": "emergency", "answer": None},
    ]


def test_held_out_outcomes_are_written_without_their_texts():
    rows = outcome_rows(EXAMPLES, OUTCOMES, with_text=False)
    assert rows == [
        {"label": "neck", "tier": "routine", "answer": "faq/neck_pain"},
        {"label": "chest", "tier": "emergency", "answer": None},
    ]
