"""The groups staff marked "should be an FAQ" as a Rasa NLU training data file of candidates.

One retrieval intent `faq/candidate_<slug>` per group, its masked texts as examples: someone
renames the topic, edits the examples and writes the answer before they go into data/.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from datetime import date

from clinic.insights.unanswered.grouping import QuestionGroup
from clinic.insights.unanswered.masking import MASKS

EXAMPLES_PER_CANDIDATE = 50
SLUG_WORDS = 5
# "[text](entity)", "[text]{...}" and "[text][...]" are entity annotations in Rasa's format.
_ANNOTATION_JOINT = re.compile(r"\](?=[({\[])")


def faq_candidates_yaml(groups: Sequence[QuestionGroup], exported_on: date) -> str:
    """NLU YAML (format 3.1) with one candidate intent per group; loads with Rasa's reader."""
    header = [
        f"# FAQ candidates exported from the staff page on {exported_on.isoformat()}.",
        "# Names, phone numbers, emails, addresses and dates are masked where a pattern finds",
        "# them: check each example. Rename each topic, edit the examples, write its answer,",
        "# then move it into data/nlu/faq.yml and domain.yml/faq.yml.",
        'version: "3.1"',
    ]
    blocks: list[str] = []
    used: set[str] = set()
    for group in groups:
        examples = [_example(text) for text in group.texts[:EXAMPLES_PER_CANDIDATE]]
        examples = [example for example in dict.fromkeys(examples) if example]
        if examples:
            blocks.append(f"- intent: faq/candidate_{_unique(_slug(examples[0]), used)}")
            blocks.append("  examples: |")
            blocks.extend(f"    - {example}" for example in examples)
    body = ["nlu:", *blocks] if blocks else ["nlu: []"]
    return "\n".join([*header, *body]) + "\n"


def _example(text: str) -> str:
    """One line, printable, with no bracket pair Rasa would read as an entity annotation."""
    printable = "".join(
        " " if unicodedata.category(character).startswith("C") else character for character in text
    )
    return _ANNOTATION_JOINT.sub("] ", " ".join(printable.split()))


def _slug(text: str) -> str:
    for mask in MASKS:
        text = text.replace(mask, " ")
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    words = re.findall(r"[a-z0-9]+", ascii_text.lower())[:SLUG_WORDS]
    return "_".join(words) or "question"


def _unique(slug: str, used: set[str]) -> str:
    candidate, number = slug, 2
    while candidate in used:
        candidate, number = f"{slug}_{number}", number + 1
    used.add(candidate)
    return candidate
