"""Triage of replies typed in the middle of a conversation: how often an ordinary reply gets a tier.

Usage: .venv/bin/python -m bench.bench_replies [--model PATH] [--short-reply-words N]

1. Every visitor turn of the dialogue sets under tests/dialogue/ (the suite and every development
   set; never tests/dialogue/heldout/) that expects no tier and in which the red-flag rules find
   no sign: booking answers, yes and no, names, phones, times, thanks.
2. The short-reply development set (tests/triage/replies_dev/): everyday replies, and replies that
   do name a red flag, a crisis or an urgent-care sign.

Each message is parsed by the trained model (`make train` builds it), as bench/bench_triage.py
does. For each group: the count of each tier and the model's risk (emergency + crisis + urgent
care) at the median, the 90th percentile and the maximum, and the highest-risk messages.
`--short-reply-words 0` measures the decision without its short-reply checks (decision.py).
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import sys
from collections import Counter
from pathlib import Path
from typing import Any

import numpy as np

from bench.nlu_heldout import ROOT
from bench.triage_sets import load_sets
from clinic.triage import decision
from clinic.triage.red_flags_es import find_all_red_flags
from clinic.triage.tiers import TIER_INTENTS, TRIAGE_KEY
from testkit.dialogue import load_conversations

DIALOGUE_DIR = ROOT / "tests" / "dialogue"
# The dialogue set whose turns are never read.
HELD_OUT = "heldout"
REPLIES_DIR = ROOT / "tests" / "triage" / "replies_dev"
TIER_ORDER = ("routine", "symptom_check", "urgent_care", "emergency", "crisis")
SHOWN = 8
DIALOGUE_GROUP = "dialogue replies"
PLAIN_GROUPS = (DIALOGUE_GROUP, "replies_dev everyday")


def dialogue_files(directory: Path = DIALOGUE_DIR) -> list[Path]:
    """Every dialogue set's files but the held-out set's: a new development set counts as it
    comes."""
    return sorted(
        path
        for path in directory.rglob("*.yml")
        if HELD_OUT not in path.relative_to(directory).parts
    )


def plain_replies(files: list[Path]) -> list[str]:
    """The visitor turns that expect no tier and name no sign the rules find, each once."""
    seen: dict[str, None] = {}
    for path in files:
        for conversation in load_conversations(path):
            for turn in conversation.turns:
                text = turn.user.strip()
                if text and not turn.expected & set(TIER_INTENTS) and not find_all_red_flags(text):
                    seen.setdefault(text, None)
    return list(seen)


def summary(name: str, parsed: list[dict[str, Any]]) -> dict[str, Any]:
    tiers = Counter(str(result[TRIAGE_KEY]["tier"]) for result in parsed)
    risks = np.array([float(result[TRIAGE_KEY]["risk"]) for result in parsed])
    # Everyday replies: the highest risks; replies with a sign: those left routine or checked.
    if name in PLAIN_GROUPS:
        shown = sorted(parsed, key=lambda result: -float(result[TRIAGE_KEY]["risk"]))[:SHOWN]
    else:
        shown = [r for r in parsed if r[TRIAGE_KEY]["tier"] in ("routine", "symptom_check")]
    return {
        "group": name,
        "messages": len(parsed),
        "tiers": {tier: tiers.get(tier, 0) for tier in TIER_ORDER},
        "risk": {
            "p50": float(np.percentile(risks, 50)),
            "p90": float(np.percentile(risks, 90)),
            "max": float(risks.max()),
        },
        "shown": [{"text": result["text"], **result[TRIAGE_KEY]} for result in shown],
    }


def _print(row: dict[str, Any]) -> None:
    tiers = ", ".join(f"{tier} {count}" for tier, count in row["tiers"].items())
    risk = row["risk"]
    print(
        f"{row['group']}: {row['messages']} messages; {tiers}; "
        f"risk p50 {risk['p50']:.2f}, p90 {risk['p90']:.2f}, max {risk['max']:.2f}"
    )
    for entry in row["shown"]:
        print(f"    {entry['risk']:.2f} {entry['tier']:<13} {entry['text']}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--model", type=Path, default=ROOT / "models" / "proclinix.tar.gz")
    parser.add_argument("--output", type=Path, default=ROOT / "results" / "bench_replies.json")
    parser.add_argument(
        "--short-reply-words",
        type=int,
        default=decision.SHORT_REPLY_WORDS,
        help="the decision's short-reply length; 0 turns its short-reply checks off",
    )
    args = parser.parse_args(argv)
    os.environ.setdefault("LOG_LEVEL", "WARNING")
    logging.getLogger().setLevel(logging.WARNING)
    decision.SHORT_REPLY_WORDS = args.short_reply_words

    from bench.nlu_parse import TimedParser

    groups: dict[str, list[str]] = {DIALOGUE_GROUP: plain_replies(dialogue_files())}
    for set_name, examples in load_sets(REPLIES_DIR).items():
        groups[f"replies_dev {set_name}"] = [example.text for example in examples]
    texts = [text for batch in groups.values() for text in batch]
    parsed = [result for result, _ in TimedParser(args.model).parse(texts)]
    rows, start = [], 0
    for name, batch in groups.items():
        rows.append(summary(name, parsed[start : start + len(batch)]))
        start += len(batch)
    print(f"short-reply words: {args.short_reply_words}")
    for row in rows:
        _print(row)
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(json.dumps(rows, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
