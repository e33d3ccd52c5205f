from dataclasses import replace
from pathlib import Path

import pytest

from bench.nlu_evaluate import evaluate, headline, language_rows, load_sets
from bench.nlu_heldout import (
    BOUNDARY,
    ENGLISH_HELDOUT_SETS,
    HELDOUT_SETS,
    IN_SCOPE,
    OUT_OF_SCOPE,
    ROOT,
    SPANISH,
    SPANISH_HELDOUT_SETS,
    HeldOutExample,
    HeldOutSet,
    present,
)
from bench.nlu_report import format_language_table
from bench.nlu_scoring import Prediction
from bench.peers import TfidfPeer, prediction_for


def test_prediction_for_a_topic_carries_it_in_the_selector():
    assert prediction_for("faq/neck_pain").label == "faq/neck_pain"
    assert prediction_for("faq/neck_pain").intent == "faq"
    assert prediction_for("greet") == Prediction("greet")


def test_tfidf_peer_answers_what_it_learned_and_rejects_below_its_threshold():
    texts = ["what is active release", "what is ART", "can i take advil", "advil ok"] * 3
    labels = ["faq/what_is_art", "faq/what_is_art", "ask_medication", "ask_medication"] * 3

    sure = TfidfPeer(threshold=0.1).fit(texts, labels)
    unsure = TfidfPeer(threshold=0.99).fit(texts, labels)

    [(prediction, milliseconds)] = sure.parse(["what is active release exactly"])
    assert prediction.label == "faq/what_is_art"
    assert milliseconds >= 0
    assert unsure.parse(["zebra crossing"])[0][0].label == "nlu_fallback"


def test_evaluate_scores_each_set_by_its_kind():
    sets = {
        HeldOutSet("in-scope", Path("a.yml"), IN_SCOPE): [
            HeldOutExample("hi", "greet", None, True),
            HeldOutExample("what is ART", "faq", "faq/what_is_art", True),
        ],
        HeldOutSet("weather", Path("b.yml"), OUT_OF_SCOPE): [
            HeldOutExample("rain?", "out_of_scope", None, False)
        ],
        HeldOutSet("boundary", Path("c.yml"), BOUNDARY): [
            HeldOutExample("advil?", "ask_medication", None, True),
            HeldOutExample("bunion?", "other_condition", None, True),
        ],
    }
    answers = {
        "hi": "greet",
        "what is ART": "faq/what_is_art",
        "rain?": "faq/neck_pain",
        "advil?": "ask_medication",
        "bunion?": "out_of_scope",
    }

    def parse(texts):
        return [(prediction_for(answers[text]), 2.0) for text in texts]

    flat = headline(evaluate(sets, parse))

    assert flat == {
        "accuracy": 1.0,
        "false_rejection": 0.0,
        "rejected: weather": 0.0,
        "boundary_safe": 1.0,
        "boundary_dedicated": pytest.approx(0.5),
    }


def write_nlu(path: Path, intent: str, texts: list[str]) -> Path:
    lines = "".join(f"    - {text}\n" for text in texts)
    path.write_text(f'version: "3.1"\nnlu:\n- intent: {intent}\n  examples: |\n{lines}')
    return path


def test_spanish_held_out_sets_are_the_agreed_files_scored_where_they_exist(tmp_path):
    names = {heldout.name: heldout for heldout in SPANISH_HELDOUT_SETS}
    assert {name: (h.path.relative_to(ROOT).as_posix(), h.kind) for name, h in names.items()} == {
        "Spanish in-scope": ("tests/nlu/es/heldout.yml", IN_SCOPE),
        "Spanish boundary": ("tests/nlu/es/boundary_heldout.yml", BOUNDARY),
        "Spanish out-of-scope": ("tests/nlu/es/out_of_scope_heldout.yml", OUT_OF_SCOPE),
    }
    assert all(heldout.language == SPANISH for heldout in SPANISH_HELDOUT_SETS)
    assert ENGLISH_HELDOUT_SETS + present(SPANISH_HELDOUT_SETS) == HELDOUT_SETS

    write_nlu(tmp_path / "heldout.yml", "greet", ["hola"])
    here = [replace(heldout, path=tmp_path / heldout.path.name) for heldout in SPANISH_HELDOUT_SETS]
    assert [heldout.name for heldout in present(tuple(here))] == ["Spanish in-scope"]


def test_spanish_sets_get_rows_of_their_own_and_leave_the_english_columns_alone(tmp_path):
    english = HeldOutSet("in-scope", write_nlu(tmp_path / "en.yml", "greet", ["hi"]), IN_SCOPE)
    in_scope, boundary, off_topic = (
        replace(heldout, path=tmp_path / heldout.path.name) for heldout in SPANISH_HELDOUT_SETS
    )
    write_nlu(in_scope.path, "greet", ["hola", "buenas"])
    write_nlu(boundary.path, "ask_medication", ["puedo tomar advil", "y el tylenol"])
    write_nlu(off_topic.path, "out_of_scope", ["va a llover"])
    answers = {
        "hi": "greet",
        "hola": "greet",
        "buenas": "out_of_scope",
        "puedo tomar advil": "ask_medication",
        "y el tylenol": "faq/neck_pain",
        "va a llover": "out_of_scope",
    }

    def parse(texts):
        return [(prediction_for(answers[text]), 1.0) for text in texts]

    figures = evaluate(load_sets([english, in_scope, boundary, off_topic]), parse)

    assert headline(figures) == {"accuracy": 1.0, "false_rejection": 0.0}
    assert language_rows(figures) == [
        {"set": "Spanish in-scope", "messages": 2, "accuracy": 0.5, "false_rejection": 0.5},
        {"set": "Spanish boundary", "messages": 2, "boundary_safe": 0.5, "boundary_dedicated": 0.5},
        {"set": "Spanish out-of-scope", "messages": 1, "rejected": 1.0},
    ]
    table = format_language_table([("project", row) for row in language_rows(figures)])
    assert [line.split()[:4] for line in table.split("\n")[2:]] == [
        ["project", "Spanish", "in-scope", "2"],
        ["project", "Spanish", "boundary", "2"],
        ["project", "Spanish", "out-of-scope", "1"],
    ]
    assert table.split("\n")[2].split()[4:] == ["50.0%", "50.0%", "-", "-", "-"]
