import threading
from dataclasses import replace
from datetime import datetime, timedelta, timezone

import pytest
from sqlalchemy import event, func, select

from clinic.db.engine import make_engine
from clinic.leads.models import Lead, LeadNote
from clinic.leads.references import is_reference
from clinic.leads.repository import LeadNotFound, LeadRepository
from clinic.text.validation import InvalidInput

START = datetime(2025, 6, 2, 12, 0, tzinfo=timezone.utc)


def count(repo: LeadRepository, model: type) -> int:
    with repo.engine.connect() as connection:
        return connection.scalar(select(func.count()).select_from(model))


def test_submit_stores_every_field_with_utc_times(repo, make_lead):
    new = make_lead(concern="other", concern_detail="right shoulder", after_hours=None, now=START)
    stored = repo.submit(new)
    assert stored.created
    assert stored.reference == new.reference
    lead = repo.get(new.reference)
    assert lead == stored.lead
    assert lead.full_name == "Jane Doe"
    assert lead.phone == "+19145550123"
    assert lead.email == "jane@example.com"
    assert (lead.concern, lead.concern_detail) == ("other", "right shoulder")
    assert lead.preferred_time == "weekday mornings"
    assert lead.patient_status == "new"
    assert lead.channel == "socketio"
    assert lead.conversation_id == "conversation-1"
    assert lead.after_hours is None
    assert lead.status == "new"
    assert lead.notes == ()
    assert lead.created_at == START
    assert lead.created_at.utcoffset() == timedelta(0)
    assert lead.consent_at == START


def test_same_request_twice_is_stored_once(repo, make_lead):
    first = repo.submit(make_lead())
    retry = make_lead(preferred_time="evenings")
    again = repo.submit(retry)
    assert not again.created
    assert again.reference == first.reference != retry.reference
    assert again.lead.preferred_time == "weekday mornings"
    assert count(repo, Lead) == 1


def test_race_between_two_sessions_keeps_one_row(db_url, make_lead):
    """Session A finds no lead, B stores the same request, then A inserts: A must return B's."""
    engine_a, engine_b = make_engine(db_url), make_engine(db_url)
    repo_a, repo_b = LeadRepository(engine_a), LeadRepository(engine_b)
    winner = make_lead()
    loser = make_lead()
    stored_by_b = []

    def before_insert(conn, cursor, statement, parameters, context, executemany):
        if statement.lstrip().upper().startswith("INSERT INTO LEADS") and not stored_by_b:
            stored_by_b.append(repo_b.submit(winner))

    event.listen(engine_a, "before_cursor_execute", before_insert)
    try:
        outcome = repo_a.submit(loser)
    finally:
        event.remove(engine_a, "before_cursor_execute", before_insert)
    assert stored_by_b[0].created
    assert not outcome.created
    assert outcome.reference == winner.reference
    assert count(repo_a, Lead) == 1
    engine_a.dispose()
    engine_b.dispose()


def test_threads_submitting_the_same_request_get_one_reference(db_url, make_lead):
    threads_count = 4
    barrier = threading.Barrier(threads_count)
    engines = [make_engine(db_url) for _ in range(threads_count)]
    leads = [make_lead() for _ in range(threads_count)]
    results: list[str] = []
    errors: list[BaseException] = []

    def submit(index: int) -> None:
        try:
            barrier.wait()
            results.append(LeadRepository(engines[index]).submit(leads[index]).reference)
        except BaseException as error:
            errors.append(error)

    threads = [threading.Thread(target=submit, args=(index,)) for index in range(threads_count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert len(set(results)) == 1 and len(results) == threads_count
    repo = LeadRepository(engines[0])
    assert count(repo, Lead) == 1
    assert repo.get(results[0]) is not None
    for engine in engines:
        engine.dispose()


def test_taken_reference_gets_a_new_one(repo, make_lead):
    first = repo.submit(make_lead())
    clash = replace(make_lead(conversation_id="other"), reference=first.reference)
    stored = repo.submit(clash)
    assert stored.created
    assert stored.reference != first.reference
    assert is_reference(stored.reference)
    assert count(repo, Lead) == 2


def test_get(repo, make_lead):
    new = make_lead()
    repo.submit(new)
    assert repo.get(new.reference.lower()).reference == new.reference
    assert repo.get(new.reference[4:]).reference == new.reference
    assert repo.get("PCX-000000") is None


def test_list_newest_first_with_filters(repo, make_lead):
    specs = [
        ("c1", 0, True, "new"),
        ("c2", 1, False, "contacted"),
        ("c3", 2, None, "new"),
        ("c4", 3, True, "booked"),
    ]
    references = {}
    for conversation, hour, after_hours, status in specs:
        new = make_lead(
            conversation_id=conversation, after_hours=after_hours, now=START + timedelta(hours=hour)
        )
        repo.submit(new)
        if status != "new":
            repo.update(new.reference, status, None, "maria")
        references[conversation] = new.reference

    def refs(leads):
        return [lead.reference for lead in leads]

    assert refs(repo.list()) == [references[c] for c in ("c4", "c3", "c2", "c1")]
    assert refs(repo.list(status="new")) == [references["c3"], references["c1"]]
    assert refs(repo.list(after_hours=True)) == [references["c4"], references["c1"]]
    assert refs(repo.list(after_hours=False)) == [references["c2"]]
    assert refs(repo.list(status="new", after_hours=True)) == [references["c1"]]
    assert repo.list(status="closed") == []
    with pytest.raises(InvalidInput, match="Unknown status 'done'"):
        repo.list(status="done")


def test_update_status_and_notes(repo, make_lead):
    new = make_lead()
    repo.submit(new)
    noted_at = START + timedelta(days=1)
    lead = repo.update(new.reference, "contacted", "Left a voicemail", "maria", now=noted_at)
    assert lead.status == "contacted"
    assert [(note.author, note.body, note.created_at) for note in lead.notes] == [
        ("maria", "Left a voicemail", noted_at)
    ]
    lead = repo.update(new.reference, None, "  Booked for Friday\n9am ", "tom")
    assert lead.status == "contacted"
    assert [note.body for note in lead.notes] == ["Left a voicemail", "Booked for Friday 9am"]
    assert lead.notes[1].created_at.tzinfo is not None
    lead = repo.update(new.reference.lower(), "booked", None, "tom")
    assert lead.status == "booked"
    assert repo.get(new.reference) == lead


@pytest.mark.parametrize(
    ("status", "note", "author", "message"),
    [
        ("done", None, "maria", "Unknown status"),
        (None, None, "maria", "status, a note or both"),
        (None, "   ", "maria", "tell me the note"),
        (None, "x" * 2001, "maria", "under 2000"),
        ("closed", None, " ", "tell me the author"),
    ],
)
def test_update_refuses_bad_input_and_changes_nothing(
    repo, make_lead, status, note, author, message
):
    new = make_lead()
    repo.submit(new)
    with pytest.raises(InvalidInput, match=message):
        repo.update(new.reference, status, note, author)
    lead = repo.get(new.reference)
    assert lead.status == "new" and lead.notes == ()


def test_update_unknown_reference(repo):
    with pytest.raises(LeadNotFound, match="PCX-000000"):
        repo.update("PCX-000000", "closed", None, "maria")


def test_purge_deletes_old_leads_and_their_notes(repo, make_lead):
    old = make_lead(conversation_id="old", now=START - timedelta(days=400))
    older = make_lead(conversation_id="older", now=START - timedelta(days=500))
    recent = make_lead(conversation_id="recent", now=START - timedelta(days=10))
    for new in (old, older, recent):
        repo.submit(new)
        repo.update(new.reference, None, "called", "maria")
    assert count(repo, LeadNote) == 3
    deleted = repo.purge_older_than(START - timedelta(days=365))
    assert deleted == 2
    assert [lead.reference for lead in repo.list()] == [recent.reference]
    assert count(repo, LeadNote) == 1
    assert repo.purge_older_than(START - timedelta(days=365)) == 0


def test_purge_needs_an_aware_cutoff(repo):
    with pytest.raises(ValueError, match="timezone-aware"):
        repo.purge_older_than(datetime(2025, 1, 1))


def test_finding_8_leads_are_counted_per_conversation_since_a_moment(repo, make_lead):
    for hours, conversation, run in [(0, "c-1", "r1"), (20, "c-1", "r2"), (30, "c-1", "r3"),
                                     (30, "c-2", "r1")]:  # fmt: skip
        moment = START + timedelta(hours=hours)
        repo.submit(make_lead(conversation_id=conversation, request_id=run, now=moment))
    assert repo.count_for_conversation("c-1", START) == 3
    assert repo.count_for_conversation("c-1", START + timedelta(hours=10)) == 2
    assert repo.count_for_conversation("c-1", START + timedelta(hours=25)) == 1
    assert repo.count_for_conversation("c-3", START) == 0
    assert repo.known(make_lead(conversation_id="c-2", request_id="r1").idempotency_key)
    assert not repo.known(make_lead(conversation_id="c-2", request_id="r9").idempotency_key)
