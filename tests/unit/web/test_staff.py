"""The staff leads page through Flask's test client, on a migrated SQLite database."""

from __future__ import annotations

import csv
import dataclasses
import io
from datetime import datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest

from clinic.leads.repository import LeadRepository
from clinic.settings import ClinicSettings
from clinic.staff.accounts import (
    LockoutPolicy,
    create_user,
    disable_user,
    enable_user,
    reset_password,
)
from clinic.web.sign_in_limit import AddressLimit
from clinic.web.staff import SIGN_IN_REFUSED, create_app
from clinic.web.staff_config import StaffConfig, StaffConfigError
from testkit.leads import new_lead
from testkit.staff_app import CSRF_FIELD, PASSWORD, USERNAME, csrf_token, submit_lead

SCRIPT_NAME = "<script>alert(1)</script>"
POLICY = LockoutPolicy(max_failures=3, lockout=timedelta(minutes=15))
ADDRESS_LIMIT = AddressLimit(max_failures=5, window=timedelta(minutes=15))
PROXY = "10.0.0.2"


@pytest.fixture
def repository(stores) -> LeadRepository:
    return stores.leads


class Clock:
    """A settable clock for the staff page's session lifetime."""

    def __init__(self) -> None:
        self.now = datetime(2025, 3, 10, 15, 0, tzinfo=timezone.utc)

    def __call__(self) -> datetime:
        return self.now


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def app(stores, clock):
    settings = ClinicSettings(
        name="ProClinix", location="Armonk, NY", timezone=ZoneInfo("America/New_York")
    )
    config = StaffConfig(
        secret_key="k" * 64,
        cookie_secure=True,
        session_lifetime=timedelta(hours=8),
        trusted_proxies=frozenset({PROXY}),
    )
    return create_app(
        config, stores, clinic=settings, lockout=POLICY, address_limit=ADDRESS_LIMIT, clock=clock
    )


@pytest.fixture
def client(app):
    return app.test_client()


def submit(repository, name="Jane Doe", minutes_ago=0, after_hours=False, **fields):
    conversation_id = fields.pop("conversation_id", f"conversation-{name}-{minutes_ago}")
    now = datetime(2025, 3, 10, 15, 0, tzinfo=timezone.utc) - timedelta(minutes=minutes_ago)
    return submit_lead(
        repository, conversation_id, name, after_hours=after_hours, now=now, **fields
    )


def sign_in(client, password=PASSWORD, username=USERNAME, address="127.0.0.1", forwarded=None):
    token = csrf_token(client, "/login")
    headers = {"X-Forwarded-For": forwarded} if forwarded else {}
    return client.post(
        "/login",
        data={"username": username, "password": password, "csrf_token": token},
        headers=headers,
        environ_base={"REMOTE_ADDR": address},
    )


@pytest.fixture
def signed_in(client):
    response = sign_in(client)
    assert response.status_code == 302
    return client


def test_lead_pages_redirect_to_sign_in_when_signed_out(client, repository):
    lead = submit(repository)
    for path in ("/", f"/leads/{lead.reference}", "/leads.csv"):
        response = client.get(path)
        assert response.status_code == 302
        assert response.headers["Location"].endswith("/login")


def test_sign_in_sets_a_hardened_session_cookie_and_shows_the_leads(client, repository):
    submit(repository, name="Jane Doe")
    response = sign_in(client)
    assert response.status_code == 302
    cookie = response.headers["Set-Cookie"]
    assert cookie.startswith("proclinix_staff=")
    for attribute in ("HttpOnly", "Secure", "SameSite=Strict"):
        assert attribute in cookie
    page = client.get("/").get_data(as_text=True)
    assert "Jane Doe" in page
    assert f"Signed in as {USERNAME}" in page


def test_wrong_password_is_refused(client):
    response = sign_in(client, password="not the password")
    assert response.status_code == 401
    assert SIGN_IN_REFUSED in response.get_data(as_text=True)
    assert client.get("/").status_code == 302


def test_unknown_user_gets_the_same_answer_as_a_wrong_password(client):
    response = sign_in(client, username="nobody", password="whatever it is")
    assert response.status_code == 401
    assert SIGN_IN_REFUSED in response.get_data(as_text=True)


def test_sign_in_without_csrf_token_is_rejected(client):
    response = client.post("/login", data={"username": USERNAME, "password": PASSWORD})
    assert response.status_code == 400
    assert "expired or did not come from this page" in response.get_data(as_text=True)
    assert client.get("/").status_code == 302


def test_repeated_failures_lock_the_account_even_for_the_right_password(client):
    for attempt in range(POLICY.max_failures):
        # Each from its own address: the account's lock-out, not the address limit.
        assert (
            sign_in(client, password="wrong password", address=f"192.0.2.{attempt}").status_code
            == 401
        )
    assert sign_in(client, address="192.0.2.200").status_code == 401
    assert client.get("/").status_code == 302


def test_staff_sign_in_locked_account_answers_like_an_unknown_user(client):
    """Finding 4: one generic answer, whether the account exists or is locked."""
    for attempt in range(POLICY.max_failures):
        sign_in(client, password="wrong password", address=f"192.0.2.{attempt}")
    locked = sign_in(client, address="192.0.2.100")
    unknown = sign_in(client, username="nobody", address="192.0.2.101")
    assert locked.status_code == unknown.status_code == 401
    # The pages differ only in the username the form shows again (and the CSRF token's time).
    pages = [CSRF_FIELD.sub("", response.get_data(as_text=True)) for response in (locked, unknown)]
    assert pages[0].replace(USERNAME, "nobody") == pages[1]
    assert "locked" not in locked.get_data(as_text=True)


def test_staff_sign_in_is_limited_per_client_address(client, stores):
    """Finding 4: a limit per client address."""
    create_user(stores.staff, "colleague", "a different long secret")
    usernames = ["nobody", "somebody", "colleague", "someone", "anybody"]
    for username in usernames:
        assert sign_in(client, username=username, address="198.51.100.7").status_code == 401
    refused = sign_in(client, address="198.51.100.7")
    assert refused.status_code == 429
    assert SIGN_IN_REFUSED in refused.get_data(as_text=True)
    assert client.get("/").status_code == 302
    # The staff account itself is not locked: a colleague elsewhere still signs in.
    assert stores.staff.get(USERNAME).locked_until is None
    assert sign_in(client, address="198.51.100.8").status_code == 302


def test_staff_sign_in_limit_trusts_forwarded_for_only_from_the_configured_proxy(client):
    for attempt in range(ADDRESS_LIMIT.max_failures):
        # A direct client cannot dodge the limit by inventing X-Forwarded-For values.
        response = sign_in(
            client, username="nobody", address="203.0.113.9", forwarded=f"192.0.2.{attempt}"
        )
        assert response.status_code == 401
    assert sign_in(client, address="203.0.113.9", forwarded="192.0.2.250").status_code == 429

    for _ in range(ADDRESS_LIMIT.max_failures):
        # Through the proxy: the address the proxy appended counts, not what the client wrote.
        sign_in(client, username="nobody", address=PROXY, forwarded="1.2.3.4, 198.51.100.20")
    blocked = sign_in(client, address=PROXY, forwarded="5.6.7.8, 198.51.100.20")
    assert blocked.status_code == 429
    assert sign_in(client, address=PROXY, forwarded="198.51.100.21").status_code == 302


def test_staff_sign_in_trusted_proxies_must_be_addresses():
    with pytest.raises(StaffConfigError, match="STAFF_TRUSTED_PROXIES"):
        StaffConfig.from_env(
            {"STAFF_SECRET_KEY": "k" * 64, "STAFF_TRUSTED_PROXIES": "proxy.example"}
        )
    config = StaffConfig.from_env(
        {"STAFF_SECRET_KEY": "k" * 64, "STAFF_TRUSTED_PROXIES": "10.0.0.2, ::1"}
    )
    assert config.trusted_proxies == frozenset({"10.0.0.2", "::1"})


def test_sign_out_ends_the_session(signed_in):
    token = csrf_token(signed_in, "/")
    response = signed_in.post("/logout", data={"csrf_token": token})
    assert response.status_code == 302
    assert signed_in.get("/").status_code == 302
    assert "You are signed out." in signed_in.get("/login").get_data(as_text=True)


def test_staff_sessions_have_an_absolute_lifetime(signed_in, clock):
    """Finding 5: sessions hit a hard expiry."""
    clock.now += timedelta(hours=7, minutes=59)
    # Being active does not extend the session.
    assert signed_in.get("/").status_code == 200
    clock.now += timedelta(minutes=1)
    response = signed_in.get("/")
    assert response.status_code == 302
    assert response.headers["Location"].endswith("/login")
    assert signed_in.get("/").status_code == 302


def test_staff_sessions_end_when_the_account_is_disabled(signed_in, stores):
    disable_user(stores.staff, USERNAME)
    assert signed_in.get("/").status_code == 302
    enable_user(stores.staff, USERNAME)
    # The old cookie stays dead; only a new sign-in opens the page again.
    assert signed_in.get("/").status_code == 302
    assert sign_in(signed_in).status_code == 302
    assert signed_in.get("/").status_code == 200


def test_staff_sessions_end_on_a_password_reset(signed_in, stores):
    reset_password(stores.staff, USERNAME, "a brand new long secret")
    assert signed_in.get("/").status_code == 302
    assert sign_in(signed_in).status_code == 401
    assert sign_in(signed_in, password="a brand new long secret").status_code == 302


def test_staff_sessions_a_copied_cookie_dies_at_sign_out(signed_in, app):
    cookie = signed_in.get_cookie("proclinix_staff")
    copy = app.test_client()
    copy.set_cookie("proclinix_staff", cookie.value)
    assert copy.get("/").status_code == 200
    token = csrf_token(signed_in, "/")
    assert signed_in.post("/logout", data={"csrf_token": token}).status_code == 302
    assert copy.get("/").status_code == 302


def test_staff_sessions_disabled_account_cannot_sign_in(client, stores):
    disable_user(stores.staff, USERNAME)
    response = sign_in(client)
    assert response.status_code == 401
    assert SIGN_IN_REFUSED in response.get_data(as_text=True)


def test_sign_out_without_csrf_token_is_rejected(signed_in):
    assert signed_in.post("/logout").status_code == 400
    assert signed_in.get("/").status_code == 200


def test_list_is_newest_first_and_filters_by_status_and_after_hours(signed_in, repository):
    older = submit(repository, name="Older Lead", minutes_ago=60, after_hours=True)
    newer = submit(repository, name="Newer Lead", minutes_ago=5, after_hours=False)
    repository.update(older.reference, "contacted", None, author=USERNAME)

    page = signed_in.get("/").get_data(as_text=True)
    assert page.index("Newer Lead") < page.index("Older Lead")

    contacted = signed_in.get("/?status=contacted").get_data(as_text=True)
    assert older.reference in contacted
    assert newer.reference not in contacted

    after_hours = signed_in.get("/?after_hours=yes").get_data(as_text=True)
    assert older.reference in after_hours
    assert newer.reference not in after_hours

    in_hours = signed_in.get("/?after_hours=no&status=new").get_data(as_text=True)
    assert newer.reference in in_hours
    assert older.reference not in in_hours


def test_unknown_filter_value_is_a_clear_error(signed_in):
    response = signed_in.get("/?status=archived")
    assert response.status_code == 400
    assert "Unknown filter" in response.get_data(as_text=True)


def test_unguessable_session_staff_see_only_the_end_of_the_conversation_id(signed_in, repository):
    conversation = "0123456789abcdef" * 4
    lead = submit(repository, conversation_id=conversation)
    page = signed_in.get(f"/leads/{lead.reference}").get_data(as_text=True)
    assert "(conversation ...cdef)" in page
    assert conversation[:12] not in page


def test_detail_shows_the_lead_and_its_notes(signed_in, repository):
    lead = submit(repository, preferred_time="Tuesday mornings", email="jane@example.com")
    noted_at = datetime(2025, 3, 10, 15, 30, tzinfo=timezone.utc)
    repository.update(lead.reference, None, "Left a voicemail", author="maria", now=noted_at)
    page = signed_in.get(f"/leads/{lead.reference}").get_data(as_text=True)
    for text in ("Jane Doe", "(914) 555-0123", "jane@example.com", "Tuesday mornings"):
        assert text in page
    assert "Left a voicemail" in page
    assert "maria, 2025-03-10 11:30 EDT" in page


def test_the_front_desk_sees_that_a_lead_prefers_spanish(signed_in, repository):
    spanish = submit(repository, name="María López", language="es")
    english = submit(repository, name="John Roe", minutes_ago=3)
    listing = signed_in.get("/").get_data(as_text=True)
    assert (
        '<td class="name">María López <span class="language">prefers Spanish</span></td>' in listing
    )
    assert '<td class="name">John Roe</td>' in listing
    page = signed_in.get(f"/leads/{spanish.reference}").get_data(as_text=True)
    assert '<dt>Language</dt><dd class="language">prefers Spanish</dd>' in page
    english_page = signed_in.get(f"/leads/{english.reference}").get_data(as_text=True)
    assert '<dd class="language">English</dd>' in english_page
    assert "prefers Spanish" not in english_page
    rows = list(csv.DictReader(io.StringIO(signed_in.get("/leads.csv").get_data(as_text=True))))
    assert {row["Name"]: row["Language"] for row in rows} == {
        "María López": "prefers Spanish",
        "John Roe": "English",
    }


def test_unknown_reference_is_not_found(signed_in):
    response = signed_in.get("/leads/PCX-000000")
    assert response.status_code == 404
    assert "PCX-000000" in response.get_data(as_text=True)


def test_status_change_and_note_are_saved_with_the_staff_author(signed_in, repository):
    lead = submit(repository)
    path = f"/leads/{lead.reference}"
    response = signed_in.post(
        path,
        data={
            "status": "booked",
            "note": "Booked for Tuesday",
            "csrf_token": csrf_token(signed_in, path),
        },
    )
    assert response.status_code == 302
    stored = repository.get(lead.reference)
    assert stored.status == "booked"
    assert [(note.author, note.body) for note in stored.notes] == [(USERNAME, "Booked for Tuesday")]
    assert "Saved." in signed_in.get(path).get_data(as_text=True)


def test_update_without_csrf_token_changes_nothing(signed_in, repository):
    lead = submit(repository)
    response = signed_in.post(f"/leads/{lead.reference}", data={"status": "closed"})
    assert response.status_code == 400
    assert repository.get(lead.reference).status == "new"


def test_rejected_note_is_kept_in_the_form(signed_in, repository):
    lead = submit(repository)
    path = f"/leads/{lead.reference}"
    too_long = "call back " * 250
    response = signed_in.post(
        path, data={"status": "new", "note": too_long, "csrf_token": csrf_token(signed_in, path)}
    )
    assert response.status_code == 400
    page = response.get_data(as_text=True)
    assert "Add a note:" in page
    assert too_long.strip() in page
    assert repository.get(lead.reference).notes == ()


def test_saving_nothing_says_so(signed_in, repository):
    lead = submit(repository)
    path = f"/leads/{lead.reference}"
    response = signed_in.post(
        path, data={"status": "new", "note": "  ", "csrf_token": csrf_token(signed_in, path)}
    )
    assert response.status_code == 400
    assert "Nothing to save" in response.get_data(as_text=True)


def test_csv_export_follows_the_filters_and_defuses_formulas(signed_in, repository):
    kept = submit(repository, name="Jane Doe", preferred_time='=HYPERLINK("x")')
    dropped = submit(repository, name="John Roe", minutes_ago=3)
    repository.update(dropped.reference, "closed", None, author=USERNAME)

    response = signed_in.get("/leads.csv?status=new")
    assert response.status_code == 200
    assert response.mimetype == "text/csv"
    assert "attachment" in response.headers["Content-Disposition"]
    rows = list(csv.DictReader(io.StringIO(response.get_data(as_text=True))))
    assert [row["Reference"] for row in rows] == [kept.reference]
    assert rows[0]["Name"] == "Jane Doe"
    assert rows[0]["Preferred time"] == '\'=HYPERLINK("x")'


def test_visitor_text_is_shown_as_text_never_as_markup(signed_in, repository):
    # Validation refuses such a name today; the page must stay safe for any stored value.
    lead = dataclasses.replace(
        new_lead(
            full_name="Placeholder Name",
            email=None,
            concern="other",
            concern_detail="<img src=x onerror=alert(2)>",
            conversation_id="xss",
            after_hours=None,
            preferred_time="<b>Monday</b>",
        ),
        full_name=SCRIPT_NAME,
    )
    stored = repository.submit(lead).lead
    repository.update(stored.reference, None, "<i>note</i>", author=USERNAME)

    for path in ("/", f"/leads/{stored.reference}"):
        page = signed_in.get(path).get_data(as_text=True)
        assert SCRIPT_NAME not in page
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
        assert "<img src=x" not in page
    detail = signed_in.get(f"/leads/{stored.reference}").get_data(as_text=True)
    assert "&lt;b&gt;Monday&lt;/b&gt;" in detail
    assert "&lt;i&gt;note&lt;/i&gt;" in detail


def test_pages_carry_security_headers_and_lead_pages_are_not_cached(signed_in, repository):
    lead = submit(repository)
    for path in ("/login", "/", f"/leads/{lead.reference}", "/leads.csv"):
        headers = signed_in.get(path).headers
        assert headers["Cache-Control"] == "no-store"
        assert headers["X-Frame-Options"] == "DENY"
        policy = headers["Content-Security-Policy"]
        assert "frame-ancestors 'none'" in policy
        assert "script-src" not in policy
        assert "default-src 'none'" in policy


def test_missing_secret_key_is_a_clear_error():
    from clinic.web.secret_key import SecretKeyError

    with pytest.raises(SecretKeyError, match="STAFF_SECRET_KEY"):
        StaffConfig.from_env({})


def test_hsts_sent_when_the_page_is_served_over_https(client):
    """Finding 15: HSTS on the staff page over HTTPS."""
    secure = client.get("/login", base_url="https://leads.proclinix.example")
    assert secure.headers["Strict-Transport-Security"] == "max-age=31536000"
    assert "Strict-Transport-Security" not in client.get("/login").headers


def test_hsts_trusts_forwarded_proto_only_from_the_configured_proxy(client):
    forwarded = {"X-Forwarded-Proto": "https"}
    through_proxy = client.get("/login", headers=forwarded, environ_base={"REMOTE_ADDR": PROXY})
    assert through_proxy.headers["Strict-Transport-Security"] == "max-age=31536000"
    direct = client.get("/login", headers=forwarded, environ_base={"REMOTE_ADDR": "192.0.2.8"})
    assert "Strict-Transport-Security" not in direct.headers


def audit_rows(stores, reference=None):
    entries = stores.audit.for_lead(reference) if reference else stores.audit.recent()
    return [(entry.actor, entry.action, entry.lead_reference, entry.detail) for entry in entries]


def test_audit_trail_records_sign_ins_by_name_and_never_a_typed_secret(client, stores):
    sign_in(client, password="wrong password", address="192.0.2.4")
    sign_in(client, username="hunter2-secret", address="192.0.2.4")
    assert sign_in(client, address="192.0.2.4").status_code == 302
    token = csrf_token(client, "/")
    client.post("/logout", data={"csrf_token": token})
    assert list(reversed(audit_rows(stores))) == [
        (USERNAME, "sign_in_failed", None, "from 192.0.2.4"),
        ("(unknown username)", "sign_in_failed", None, "from 192.0.2.4"),
        (USERNAME, "sign_in", None, "from 192.0.2.4"),
        (USERNAME, "sign_out", None, None),
    ]
    assert "hunter2" not in repr(stores.audit.recent())


def test_audit_trail_records_views_changes_and_exports_per_lead(signed_in, stores, repository):
    """Finding 6: the audit trail of the leads page."""
    lead = submit(repository, name="Jane Doe")
    other = submit(repository, name="John Roe", minutes_ago=5)
    signed_in.get(f"/leads/{lead.reference}")
    token = csrf_token(signed_in, f"/leads/{lead.reference}")
    signed_in.post(
        f"/leads/{lead.reference}",
        data={"status": "contacted", "note": "Called Jane at home", "csrf_token": token},
    )
    signed_in.get("/leads.csv")
    assert audit_rows(stores, lead.reference) == [
        (USERNAME, "lead_viewed", lead.reference, None),
        (USERNAME, "lead_viewed", lead.reference, None),
        (USERNAME, "status_changed", lead.reference, "new \u2192 contacted"),
        (USERNAME, "note_added", lead.reference, None),
        (USERNAME, "export", lead.reference, "CSV of 2 request(s)"),
    ]
    assert audit_rows(stores, other.reference) == [
        (USERNAME, "export", other.reference, "CSV of 2 request(s)")
    ]
    assert "Called Jane" not in repr(stores.audit.recent())


def test_audit_trail_is_shown_on_the_lead_page(signed_in, repository):
    lead = submit(repository)
    token = csrf_token(signed_in, f"/leads/{lead.reference}")
    signed_in.post(f"/leads/{lead.reference}", data={"status": "booked", "csrf_token": token})
    page = signed_in.get(f"/leads/{lead.reference}").get_data(as_text=True)
    activity = page[page.index("<h2>Activity</h2>") : page.index("<h2>Update</h2>")]
    assert "viewed the request" in activity
    assert "changed the status: new \u2192 booked" in activity
    # Viewed (for the form), changed the status, viewed again.
    assert activity.count(f"<td>{USERNAME}</td>") == 3
