import importlib.util
from pathlib import Path

import pytest
from rasa.shared.nlu.training_data.loading import load_data

ROOT = Path(__file__).resolve().parents[3]
spec = importlib.util.spec_from_file_location(
    "import_clinc150", ROOT / "scripts/import_clinc150.py"
)
clinc = importlib.util.module_from_spec(spec)
spec.loader.exec_module(clinc)

QUERIES = [
    ("what's my balance", "balance"),
    ("how much money do i have", "balance"),
    ("show my balance please", "balance"),
    ("hello there", "greeting"),
    ("is my plan covering this", "insurance"),
    ("set a [timer]", "timer"),
    ("tell me a joke", "oos"),
    ("why is the sky blue", "oos"),
]


def test_training_negatives_take_a_few_per_intent_and_every_out_of_scope_query():
    negatives = clinc.training_negatives(QUERIES, per_intent=2)
    assert len([text for text in negatives if "balance" in text or "money" in text]) == 2
    assert {"tell me a joke", "why is the sky blue"} <= set(negatives)
    # Intents the assistant has itself, insurance, and entity-like markup are left out.
    assert not {"hello there", "is my plan covering this", "set a [timer]"} & set(negatives)
    assert negatives == clinc.training_negatives(list(reversed(QUERIES)), per_intent=2)


def test_held_out_queries_leave_out_the_project_training_examples():
    heldout = clinc.heldout_queries(QUERIES, {clinc.normalised("Tell me a joke!")})
    assert "tell me a joke" not in heldout
    assert "why is the sky blue" in heldout
    assert "hello there" not in heldout


def test_written_files_load_as_out_of_scope_examples(tmp_path):
    path = tmp_path / "negatives.yml"
    path.write_text(clinc.nlu_yaml(["what's my balance", "tell me a joke"], "training"))
    messages = load_data(str(path)).intent_examples
    assert [(m.get("text"), m.get("intent")) for m in messages] == [
        ("what's my balance", "out_of_scope"),
        ("tell me a joke", "out_of_scope"),
    ]


def test_the_committed_files_are_what_the_script_writes_from_the_shared_corpus():
    source = ROOT.parent / "shared" / "data" / "clinc150"
    if not source.is_dir():
        pytest.skip("the shared CLINC150 splits are not beside this checkout")
    train = clinc.read_queries(source / "train.jsonl") + clinc.read_queries(
        source / "oos_train.jsonl"
    )
    expected = clinc.nlu_yaml(clinc.training_negatives(train, clinc.PER_INTENT), "training")
    assert clinc.TRAINING_OUTPUT.read_text(encoding="utf-8") == expected
