"""The conversation language's figures on a development set (tests/spanish/dev/language.yml):
accuracy overall and by the language expected, the misses, and the median time per message.

    .venv/bin/python -m bench.language_bench [--set tests/spanish/dev/language.yml]
"""

from __future__ import annotations

import argparse
import statistics
import time
from dataclasses import dataclass
from pathlib import Path

import yaml

from bench.nlu_heldout import ROOT
from clinic.text.language_choice import chosen_language
from clinic.text.language_detect import Language, resolve

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
    """What the assistant does with a message: an explicit choice, else the detected language,
    else the previous one."""
    return chosen_language(text) or resolve(text, previous)


def misses(examples: list[LanguageExample]) -> list[tuple[LanguageExample, Language]]:
    found = [
        (example, conversation_language(example.text, example.previous)) for example in examples
    ]
    return [(example, got) for example, got in found if got != example.language]


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
    for example, got in wrong:
        print(
            f"  miss: {example.text!r} (previous {example.previous}) -> {got}, "
            f"expected {example.language}"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
