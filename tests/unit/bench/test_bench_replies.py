"""The mid-chat replies bench: which dialogue turns it measures and how it sums them up."""

from pathlib import Path

import pytest

from bench.bench_replies import dialogue_files, plain_replies, summary
from clinic.triage.tiers import TRIAGE_KEY

CONVERSATIONS = """
conversations:
  - id: "x1"
    turns:
      - user: "book me in please"
        expect: ask_name
      - user: "Robin Hale"
        expect: ask_contact
      - user: "crushing chest pain right now"
        expect: ask_contact
      - user: "i think i might need help"
        expect: [symptom_check, emergency]
      - user: "Robin Hale"
        expect: ask_contact
"""


def test_the_plain_replies_leave_out_turns_that_expect_a_tier_or_name_a_sign(tmp_path: Path):
    path = tmp_path / "set.yml"
    path.write_text(CONVERSATIONS, encoding="utf-8")
    assert plain_replies([path]) == ["book me in please", "Robin Hale"]


def test_the_dialogue_files_are_every_set_but_the_held_out_one(tmp_path: Path):
    for folder in ("dev2", "dev5", "heldout"):
        (tmp_path / folder).mkdir()
    for path in (
        "suite.yml", "dev.yml", "dev2/b.yml", "dev2/a.yml", "dev5/c.yml", "heldout/h.yml"
    ):  # fmt: skip
        (tmp_path / path).write_text(CONVERSATIONS, encoding="utf-8")
    names = [path.relative_to(tmp_path).as_posix() for path in dialogue_files(tmp_path)]
    assert names == ["dev.yml", "dev2/a.yml", "dev2/b.yml", "dev5/c.yml", "suite.yml"]


def test_the_summary_counts_tiers_and_gives_the_risk_percentiles():
    parsed = [
        {"text": f"reply {index}", TRIAGE_KEY: {"tier": tier, "risk": risk}}
        for index, (tier, risk) in enumerate(
            [("routine", 0.0), ("routine", 0.1), ("symptom_check", 0.4), ("crisis", 0.9)]
        )
    ]
    row = summary("replies_dev everyday", parsed)
    assert row["tiers"]["routine"] == 2
    assert row["tiers"]["crisis"] == 1
    assert row["risk"]["max"] == pytest.approx(0.9)
    assert row["risk"]["p50"] == pytest.approx(0.25)
    assert [entry["text"] for entry in row["shown"]][:2] == ["reply 3", "reply 2"]
