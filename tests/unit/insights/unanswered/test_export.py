from datetime import date, datetime, timezone

from rasa.shared.nlu.training_data.loading import load_data

from clinic.insights.unanswered.export import faq_candidates_yaml
from clinic.insights.unanswered.grouping import QuestionGroup
from clinic.insights.unanswered.questions import text_key

SEEN = datetime(2026, 11, 20, 10, 0, tzinfo=timezone.utc)


def group(*texts):
    return QuestionGroup(
        count=len(texts),
        first_seen=SEEN,
        last_seen=SEEN,
        texts=texts,
        intent="faq/not_in_article",
        member_keys=tuple(text_key(text) for text in texts),
    )


def load(tmp_path, content):
    path = tmp_path / "candidates.yml"
    path.write_text(content, encoding="utf-8")
    return load_data(str(path))


def test_marked_groups_load_with_rasas_reader_as_candidate_faq_topics(tmp_path):
    groups = [
        group("Do you validate parking?", "is parking free: call [phone]"),
        group("Is there parking?"),
        group("What's the wifi password", "wifi?\tcode\u0007 please"),
    ]
    data = load(tmp_path, faq_candidates_yaml(groups, date(2026, 11, 26)))
    examples = {(m.get("text"), m.get_full_intent()) for m in data.intent_examples}
    assert examples == {
        ("Do you validate parking?", "faq/candidate_do_you_validate_parking"),
        ("is parking free: call [phone]", "faq/candidate_do_you_validate_parking"),
        ("Is there parking?", "faq/candidate_is_there_parking"),
        ("What's the wifi password", "faq/candidate_what_s_the_wifi_password"),
        ("wifi? code please", "faq/candidate_what_s_the_wifi_password"),
    }
    assert data.entity_examples == []


def test_masks_and_brackets_never_become_entity_annotations(tmp_path):
    groups = [group("[name][phone] here", "see [this](link) and [x]{y}")]
    data = load(tmp_path, faq_candidates_yaml(groups, date(2026, 11, 26)))
    texts = sorted(m.get("text") for m in data.intent_examples)
    assert texts == ["[name] [phone] here", "see [this] (link) and [x] {y}"]
    assert all(not m.get("entities") for m in data.intent_examples)


def test_topic_names_are_unique_and_never_hold_a_mask():
    yaml_text = faq_candidates_yaml(
        [group("[name] price?"), group("price?"), group("[phone]")], date(2026, 11, 26)
    )
    intents = [line for line in yaml_text.splitlines() if line.startswith("- intent:")]
    assert intents == [
        "- intent: faq/candidate_price",
        "- intent: faq/candidate_price_2",
        "- intent: faq/candidate_question",
    ]


def test_nothing_marked_gives_an_empty_but_valid_file(tmp_path):
    data = load(tmp_path, faq_candidates_yaml([], date(2026, 11, 26)))
    assert data.intent_examples == []
