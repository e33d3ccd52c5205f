import shutil
from pathlib import Path

from bench.data_fingerprint import fingerprint


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_fingerprint_follows_content_and_names_not_location(tmp_path: Path):
    data = tmp_path / "one" / "data"
    write(data / "nlu" / "faq.yml", "nlu: []\n")
    original = fingerprint(data)
    shutil.copytree(data, tmp_path / "two" / "data")

    assert len(original) == 12
    assert fingerprint(tmp_path / "two" / "data") == original

    write(data / "nlu" / "faq.yml", "nlu: [changed]\n")
    changed_content = fingerprint(data)
    (data / "nlu" / "faq.yml").rename(data / "nlu" / "topics.yml")

    assert len({original, changed_content, fingerprint(data)}) == 3


def test_fingerprint_covers_single_files(tmp_path: Path):
    heldout = write(tmp_path / "heldout.yml", "nlu: []\n")
    data = tmp_path / "data"
    write(data / "nlu.yml", "nlu: []\n")
    before = fingerprint(data, heldout)

    write(heldout, "nlu: [more]\n")

    assert fingerprint(data, heldout) != before
