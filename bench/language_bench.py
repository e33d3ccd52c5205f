"""The conversation language's figures on a development set (tests/spanish/dev/language.yml):
accuracy overall and by the language expected, the misses, and the median time per message.

The figures are the assistant's own rule (`components/language_marker.py`: an explicit choice,
else a message written in Spanish, changes the language; anything else keeps it). The other rule
measured beside it, where any detected language switches (an English "thanks" after Spanish goes
back to English), is printed as one line for comparison (docs/spanish.md).

    .venv/bin/python -m bench.language_bench [--set tests/spanish/dev/language.yml]
"""

from __future__ import annotations

import argparse
import statistics
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import yaml

from bench.nlu_heldout import ROOT
from clinic.text.language_choice import chosen_language
from clinic.text.language_detect import ENGLISH, SPANISH, Language, resolve
from components.language_marker import marked_language

DEV_SET = ROOT / "tests" / "spanish" / "dev" / "language.yml"


@dataclass(frozen=True)
class LanguageExample:
    text: str
    previous: Language | None
    language: Language


def load(path: Path = DEV_SET) -> list[LanguageExample]:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    return [
        LanguageExample(str(item["text"]), item.get("previous"), item["language"])
        for item in data["examples"]
    ]


def conversation_language(text: str, previous: Language | None) -> Language:
    """What the assistant does with a message: the language it marks (an explicit choice or
    Spanish), else the previous one, else English."""
    return marked_language(text) or previous or ENGLISH


def any_language_switches(text: str, previous: Language | None) -> Language:
    """The rule not chosen: an explicit choice, else any detected language, else the previous."""
    return chosen_language(text) or resolve(text, previous)


Rule = Callable[[str, Language | None], Language]


def misses(
    examples: list[LanguageExample], rule: Rule = conversation_language
) -> list[tuple[LanguageExample, Language]]:
    found = [(example, rule(example.text, example.previous)) for example in examples]
    return [(example, got) for example, got in found if got != example.language]


def spanish_visitor_messages() -> list[str]:
    """The Spanish NLU development sets' messages: what Spanish-speaking visitors write."""
    from bench.spanish_dev import DEV_SET, DEV_SET_2, DEV_SET_3, load_sets

    return [example.text for example in load_sets([DEV_SET, DEV_SET_2, DEV_SET_3])]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--set", type=Path, default=DEV_SET)
    args = parser.parse_args(argv)
    examples = load(args.set)
    conversation_language("warm up", None)
    timings = []
    for example in examples:
        start = time.perf_counter()
        conversation_language(example.text, example.previous)
        timings.append((time.perf_counter() - start) * 1000)
    wrong = misses(examples)
    for language in ("en", "es"):
        subset = [example for example in examples if example.language == language]
        failed = sum(example.language == language for example, _ in wrong)
        print(f"{language}: {len(subset) - failed}/{len(subset)} correct")
    print(
        f"all: {len(examples) - len(wrong)}/{len(examples)} correct "
        f"({100 * (1 - len(wrong) / len(examples)):.1f} %)"
    )
    print(f"median time per message: {statistics.median(timings):.3f} ms")
    other = len(misses(examples, any_language_switches))
    print(
        f"any detected language switching instead: {len(examples) - other}/{len(examples)} "
        f"correct ({100 * (1 - other / len(examples)):.1f} %)"
    )
    visitors = spanish_visitor_messages()
    switching = [text for text in visitors if any_language_switches(text, SPANISH) == ENGLISH]
    print(
        f"Spanish development messages that would switch to English under that rule: "
        f"{len(switching)}/{len(visitors)}"
    )
    for example, got in wrong:
        print(
            f"  miss: {example.text!r} (previous {example.previous}) -> {got}, "
            f"expected {example.language}"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
