from pathlib import Path

import pytest

from testkit.dialogue import (
    Conversation,
    ConversationResult,
    Turn,
    TurnResult,
    load_conversations,
    parse_conversations,
)

DOCUMENT = {
    "conversations": [
        {
            "id": "c1",
            "kind": "booking",
            "turns": [
                {"user": "book me in", "expect": "ask_name"},
                {"user": "what is ART? it's Ana", "expect_all": ["faq/what_is_art", "ask_contact"]},
                {"user": "yes", "expect": ["booking_done", "ask_confirm"]},
            ],
        },
        {"id": "c2", "turns": [{"user": "hi"}]},
    ]
}


def test_expectations_are_read_as_any_of_and_all_of():
    booking, greeting = parse_conversations(DOCUMENT, "set.yml")
    assert booking.turns[0] == Turn("book me in", frozenset({"ask_name"}))
    assert booking.turns[1].all_of == {"faq/what_is_art", "ask_contact"}
    assert booking.turns[2].any_of == {"booking_done", "ask_confirm"}
    assert booking.books and not greeting.books
    assert (greeting.kind, booking.source) == ("", "set.yml")


@pytest.mark.parametrize(
    ("turn", "labels", "accepted"),
    [
        (Turn("x", frozenset({"a", "b"})), {"b", "z"}, True),
        (Turn("x", frozenset({"a", "b"})), {"z"}, False),
        (Turn("x", all_of=frozenset({"a", "b"})), {"a", "b", "z"}, True),
        (Turn("x", all_of=frozenset({"a", "b"})), {"a"}, False),
        (Turn("x", frozenset({"a"}), frozenset({"b"})), {"a"}, False),
        (Turn("x"), {"anything"}, True),
    ],
)
def test_a_turn_accepts_labels_that_meet_both_expectations(turn, labels, accepted):
    assert turn.accepts(frozenset(labels)) is accepted


def result(conversation, labels, leads):
    turns = [
        TurnResult(turn, frozenset(got), [], 0.1)
        for turn, got in zip(conversation.turns, labels, strict=True)
    ]
    return ConversationResult(conversation, "sender", turns, leads)


def test_a_conversation_passes_with_every_turn_and_the_right_number_of_leads():
    (booking, _) = parse_conversations(DOCUMENT)
    labels = [{"ask_name"}, {"faq/what_is_art", "ask_contact"}, {"booking_done"}]
    assert result(booking, labels, leads=1).ok
    assert not result(booking, labels, leads=0).ok
    assert not result(booking, labels, leads=2).ok
    assert not result(booking, [{"ask_name"}, {"ask_contact"}, {"booking_done"}], leads=1).ok
    chat = Conversation("c3", "mixed", (Turn("hi", frozenset({"greet"})),))
    assert result(chat, [{"greet"}], leads=0).ok
    assert not result(chat, [{"greet"}], leads=1).ok


def test_the_report_shows_each_turn_and_what_went_wrong():
    (booking, _) = parse_conversations(DOCUMENT)
    report = result(booking, [{"ask_name"}, {"ask_contact"}, {"booking_done"}], leads=0).report()
    assert "ok  'book me in'" in report
    assert 'BAD "what is ART? it\'s Ana"' in report
    assert "BAD leads stored: 0" in report


def test_a_folder_is_read_file_by_file(tmp_path: Path):
    (tmp_path / "b.yml").write_text('conversations:\n  - id: "b1"\n    turns: [{user: "hi"}]\n')
    nested = tmp_path / "more"
    nested.mkdir()
    (nested / "a.yaml").write_text('conversations:\n  - id: "a1"\n    turns: [{user: "yo"}]\n')
    (tmp_path / "notes.txt").write_text("not a set")
    conversations = load_conversations(tmp_path)
    assert [(c.id, c.source) for c in conversations] == [("b1", "b.yml"), ("a1", "a.yaml")]
    assert [c.id for c in load_conversations(tmp_path / "b.yml")] == ["b1"]
