"""The triage-only training sets: labels by file, complaints marked, a digest that follows them."""

from pathlib import Path

from clinic.triage.training_sets import FILE_LABELS, load_training_sets, set_files, sets_digest

ROOT = Path(__file__).resolve().parents[2]


def write_set(directory: Path, stem: str, *texts: str) -> None:
    directory.mkdir(parents=True, exist_ok=True)
    lines = ["examples:"] + [f'  - text: "{text}"\n    category: x' for text in texts]
    (directory / f"{stem}.yml").write_text("\n".join(lines) + "\n", encoding="utf-8")


def test_each_file_gives_its_label_and_only_everyday_complaints_are_complaints(tmp_path):
    write_set(tmp_path / "round1", "red_flags", "crushing chest pain now")
    write_set(tmp_path / "round1", "everyday", "my back hurts")
    write_set(tmp_path / "round2", "crisis_negated", "this commute is killing me")
    write_set(tmp_path / "round2", "notes", "not a set file")

    examples = load_training_sets(tmp_path)

    assert [(e.text, e.label, e.complaint) for e in examples] == [
        ("my back hurts", "routine", True),
        ("crushing chest pain now", "emergency", False),
        ("this commute is killing me", "routine", False),
    ]


def test_the_digest_changes_with_a_set_and_a_missing_folder_has_no_sets(tmp_path):
    write_set(tmp_path / "round1", "crisis", "i want to end it")
    before = sets_digest(tmp_path)
    write_set(tmp_path / "round1", "crisis", "i want to end it tonight")

    assert sets_digest(tmp_path) != before
    assert set_files(tmp_path / "missing") == []


def test_the_projects_sets_load_with_every_label():
    examples = load_training_sets(ROOT / "data" / "triage")

    assert {example.label for example in examples} == set(FILE_LABELS.values())
    assert all(example.text.strip() for example in examples)


def test_messages_in_spanish_are_left_out(tmp_path):
    write_set(tmp_path / "round1", "crisis", "ya no quiero vivir, tengo un plan para matarme")
    write_set(tmp_path / "round1", "red_flags", "crushing chest pain and my left arm is numb")

    assert [example.text for example in load_training_sets(tmp_path)] == [
        "crushing chest pain and my left arm is numb"
    ]
