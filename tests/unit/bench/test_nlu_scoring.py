from pathlib import Path

import pytest

from bench.nlu_heldout import HeldOutExample, also_in_training, load_heldout
from bench.nlu_report import format_table
from bench.nlu_scoring import Prediction, prediction_from_parse, score, score_boundary


def faq(text: str, key: str) -> HeldOutExample:
    return HeldOutExample(text, "faq", f"faq/{key}", in_scope=True)


def intent(text: str, name: str) -> HeldOutExample:
    return HeldOutExample(text, name, None, in_scope=True)


def out_of_scope(text: str) -> HeldOutExample:
    return HeldOutExample(text, "out_of_scope", None, in_scope=False)


def test_faq_message_is_right_only_with_intent_and_topic_right():
    examples = [faq("how does ART work", "how_art_works")] * 3
    predictions = [
        Prediction("faq", {"faq": "faq/how_art_works"}),
        Prediction("faq", {"faq": "faq/neck_pain"}),
        Prediction("book_appointment", {"faq": "faq/how_art_works"}),
    ]

    scores = score(examples, predictions)

    assert scores.accuracy == pytest.approx(1 / 3)
    assert scores.intent_accuracy == pytest.approx(2 / 3)
    assert scores.faq_topic_accuracy == pytest.approx(2 / 3)
    assert [(m.expected, m.predicted) for m in scores.misses] == [
        ("faq/how_art_works", "faq/neck_pain"),
        ("faq/how_art_works", "book_appointment"),
    ]


def test_out_of_scope_rejection_counts_out_of_scope_and_fallback():
    examples = [out_of_scope("weather?"), out_of_scope("stocks?"), out_of_scope("pizza?")]
    predictions = [Prediction("out_of_scope"), Prediction("nlu_fallback"), Prediction("faq")]

    scores = score(examples, predictions)

    assert scores.out_of_scope_rejection == pytest.approx(2 / 3)
    assert scores.accuracy is None
    assert scores.in_scope_count == 0
    assert [m.text for m in scores.misses] == ["pizza?"]


def test_false_rejection_is_share_of_in_scope_messages_rejected():
    examples = [intent("hi", "greet"), intent("bye", "goodbye"), out_of_scope("weather?")]
    predictions = [Prediction("nlu_fallback"), Prediction("goodbye"), Prediction("out_of_scope")]

    scores = score(examples, predictions)

    assert scores.false_rejection == pytest.approx(1 / 2)
    assert scores.accuracy == pytest.approx(1 / 2)
    assert scores.faq_topic_accuracy is None
    assert scores.out_of_scope_count == 1


def test_selector_without_retrieval_intent_answers_under_default():
    prediction = Prediction("faq", {"default": "faq/adhesions"})

    assert score([faq("adhesions?", "adhesions")], [prediction]).accuracy == 1.0


def test_mismatched_lengths_are_rejected():
    with pytest.raises(ValueError, match="1 held-out examples but 0 predictions"):
        score([intent("hi", "greet")], [])


def test_prediction_from_parse_reads_intent_and_selector_keys():
    parsed = {
        "text": "what are adhesions",
        "intent": {"name": "faq", "confidence": 0.9},
        "response_selector": {
            "all_retrieval_intents": ["faq"],
            "faq": {"response": {"intent_response_key": "faq/adhesions"}, "ranking": []},
        },
    }

    assert prediction_from_parse(parsed) == Prediction("faq", {"faq": "faq/adhesions"})
    assert prediction_from_parse({"text": "", "intent": None}) == Prediction(None, {})


def test_load_heldout_labels_retrieval_keys_and_scope(tmp_path: Path):
    path = tmp_path / "heldout.yml"
    path.write_text(
        'version: "3.1"\n'
        "nlu:\n"
        "- intent: faq/neck_pain\n  examples: |\n    - does ART help a stiff neck\n"
        "- intent: greet\n  examples: |\n    - hello there\n"
        "- intent: out_of_scope\n  examples: |\n    - what's the weather\n",
        encoding="utf-8",
    )

    examples = load_heldout(path)

    assert examples == [
        HeldOutExample("does ART help a stiff neck", "faq", "faq/neck_pain", in_scope=True),
        HeldOutExample("hello there", "greet", None, in_scope=True),
        HeldOutExample("what's the weather", "out_of_scope", None, in_scope=False),
    ]
    assert not any(example.in_scope for example in load_heldout(path, all_out_of_scope=True))


def test_load_heldout_names_a_missing_file(tmp_path: Path):
    with pytest.raises(FileNotFoundError, match="missing.yml"):
        load_heldout(tmp_path / "missing.yml")


def test_table_aligns_figures_and_lists_failures():
    row = {
        "pipeline": "minilm",
        "accuracy": 0.955,
        "false_rejection": 0.01,
        "rejected: own out-of-scope": 1.0,
        "rejected: CLINC150 validation": 0.9712,
        "boundary_safe": None,
        "boundary_dedicated": 0.85,
        "median_ms": 18.04,
        "p95_ms": 25.5,
        "train_seconds": 201.0,
        "model_mb": 12.25,
    }

    lines = format_table([row, {"pipeline": "broken", "error": "RuntimeError: no data"}]).split(
        "\n"
    )

    assert lines[0].split() == [
        "pipeline", "in-scope", "acc", "wrongly", "rejected", "own", "OOS", "rejected",
        "CLINC150", "val", "rejected", "boundary", "safe", "boundary", "dedicated", "median",
        "ms", "p95", "ms", "train", "s", "model", "MB",
    ]  # fmt: skip
    assert lines[2].split() == [
        "minilm", "95.5%", "1.0%", "100.0%", "97.1%", "n/a", "85.0%", "18.0", "25.5", "201.0",
        "12.2",
    ]  # fmt: skip
    assert len({len(line) for line in lines[:3]}) == 1
    assert lines[3] == "broken: FAILED: RuntimeError: no data"


def test_also_in_training_finds_held_out_texts_in_nlu_files_only(tmp_path: Path):
    data = tmp_path / "data"
    data.mkdir()
    (data / "nlu.yml").write_text(
        'version: "3.1"\nnlu:\n- intent: greet\n  examples: |\n    - Hello  There\n',
        encoding="utf-8",
    )
    (data / "rules.yml").write_text(
        'version: "3.1"\nrules:\n- rule: greet\n  steps:\n  - intent: greet\n'
        "  - action: utter_greet\n",
        encoding="utf-8",
    )
    examples = [intent("hello there", "greet"), intent("good morning", "greet")]

    assert also_in_training(examples, data) == ["hello there"]


def boundary(text: str, label: str) -> HeldOutExample:
    intent, _, _ = label.partition("/")
    return HeldOutExample(text, intent, label if "/" in label else None, in_scope=True)


def test_boundary_safe_counts_any_answer_that_claims_nothing_about_art():
    examples = [
        boundary("advil?", "ask_medication"),
        boundary("my bunion?", "other_condition"),
        boundary("hsa card?", "faq/not_in_article"),
        boundary("tip the therapist?", "faq/not_in_article"),
    ]
    predictions = [
        Prediction("ask_medication", {"faq": "faq/neck_pain"}),
        Prediction("out_of_scope"),
        Prediction("faq", {"faq": "faq/not_in_article"}),
        Prediction("faq", {"faq": "faq/how_art_works"}),
    ]

    scores = score_boundary(examples, predictions)

    assert scores.safe == pytest.approx(3 / 4)
    assert scores.dedicated == pytest.approx(2 / 4)
    assert [(m.expected, m.predicted) for m in scores.misses] == [
        ("other_condition", "out_of_scope"),
        ("faq/not_in_article", "faq/how_art_works"),
    ]


def test_prediction_label_is_the_topic_only_for_the_retrieval_intent():
    assert Prediction("faq", {"faq": "faq/neck_pain"}).label == "faq/neck_pain"
    assert Prediction("faq", {"default": "faq/neck_pain"}).label == "faq/neck_pain"
    assert Prediction("greet", {"faq": "faq/neck_pain"}).label == "greet"
    assert Prediction(None).label == "<none>"


def test_a_safety_question_answered_ask_a_practitioner_first_is_safe():
    examples = [
        boundary("is art ok with a pacemaker", "faq/not_in_article"),
        boundary("pregnant, can i get art", "faq/not_in_article"),
    ]
    predictions = [
        Prediction("faq", {"faq": "faq/ask_practitioner_first"}),
        Prediction("faq", {"faq": "faq/neck_pain"}),
    ]

    assert score_boundary(examples, predictions).safe == pytest.approx(1 / 2)
