"""How long the unanswered-questions page takes to group a period's messages.

`python -m bench.bench_unanswered [--messages 5000]`: generated unanswered questions (distinct
texts from templates, repeated as visitors repeat themselves), written to a SQLite tracker
store; prints the time to read and mask them, to embed them with MiniLM (first visit, and
again with the embeddings the page keeps), and to cluster them.
"""

from __future__ import annotations

import argparse
import random
import tempfile
import time
from datetime import datetime, timedelta, timezone
from pathlib import Path

from clinic.conversations.events import read_only_engine, user_messages
from clinic.insights.unanswered.encoder import minilm_encoder
from clinic.insights.unanswered.grouping import group_questions
from clinic.insights.unanswered.questions import unanswered_questions
from testkit.staff_data import Conversation, tracker_store, write_conversations

SUBJECTS = (
    "a session", "a visit", "parking", "the first appointment", "a package of ten visits",
    "insurance", "my HSA card", "the wifi", "weekend hours", "a gift card", "wheelchair access",
    "a student discount", "an evening slot", "the cancellation fee", "a receipt",
)  # fmt: skip
FRAMES = (
    ("faq/not_in_article", "how much is {}?"),
    ("faq/not_in_article", "do you have {}"),
    ("faq/not_in_article", "what about {} please"),
    ("out_of_scope", "can you tell me about {} at the mall"),
    ("nlu_fallback", "{} ??"),
)
OPENINGS = ("", "hi, ", "quick question: ", "hello there, ")
ENDINGS = ("", " thanks", " thank you!", " (asking for my mum)")
MEDICINES = ("ibuprofen", "aspirin", "tylenol", "baclofen", "a muscle relaxant", "cbd cream")
CONDITIONS = ("golfer's elbow", "my knee", "plantar fasciitis", "my wrist", "growing pains")


def questions(rng: random.Random) -> list[tuple[str, str | None, str]]:
    """(intent, full intent, text) of every distinct generated question."""
    made = [
        (full.split("/")[0], full if "/" in full else None, frame.format(subject))
        for full, frame in FRAMES
        for subject in SUBJECTS
    ]
    made += [
        ("ask_medication", None, f"can I take {m} before {s}") for m in MEDICINES for s in SUBJECTS
    ]
    made += [
        ("other_condition", None, f"would ART help {c} after {s}")
        for c in CONDITIONS
        for s in SUBJECTS
    ]
    made = [
        (intent, full, f"{opening}{text}{ending}")
        for intent, full, text in made
        for opening in OPENINGS
        for ending in ENDINGS
    ]
    rng.shuffle(made)
    return made


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--messages", type=int, default=5000)
    args = parser.parse_args()
    rng = random.Random(7)
    distinct = questions(rng)
    now = datetime.now(timezone.utc)
    with tempfile.TemporaryDirectory() as folder:
        store = tracker_store(Path(folder) / "tracker.sqlite3")
        conversations = []
        for number in range(args.messages):
            chat = Conversation(f"visitor-{number:06d}", now - timedelta(minutes=number * 5))
            conversations.append(chat.unanswered(*rng.choice(distinct)))
        write_conversations(store.engine, store, conversations)
        reader = read_only_engine(store.engine.url)

        started = time.perf_counter()
        found = unanswered_questions(user_messages(reader, since=now - timedelta(days=60)))
        read_seconds = time.perf_counter() - started
        encoder = minilm_encoder()
        texts = list(dict.fromkeys(question.text for question in found))
        started = time.perf_counter()
        encoder.encode(texts)
        first_seconds = time.perf_counter() - started
        started = time.perf_counter()
        groups = group_questions(found, encoder)
        cached_seconds = time.perf_counter() - started
        reader.dispose()
        store.engine.dispose()
    print(f"messages read and masked: {len(found)} ({len(texts)} distinct texts)")
    print(f"read + mask: {read_seconds:.2f} s")
    print(f"MiniLM embeddings, first visit: {first_seconds:.2f} s")
    print(f"grouping with kept embeddings (a reload): {cached_seconds:.2f} s, {len(groups)} groups")


if __name__ == "__main__":
    main()
