from __future__ import annotations

import ssl

import pytest

from clinic.leads.notify import SmtpSettings, build_message, notifier_from_env
from clinic.settings import ConfigError

SETTINGS = SmtpSettings(
    host="127.0.0.1", port=2525, sender="assistant@example.com", recipients=("desk@example.com",)
)


def test_message_has_the_reference_in_the_subject_and_only_the_lead_fields(make_lead):
    lead = make_lead(concern="other", concern_detail="right shoulder", after_hours=True)
    message = build_message(lead, SETTINGS)
    assert message["Subject"] == f"New booking request {lead.reference}"
    assert message["From"] == "assistant@example.com"
    assert message["To"] == "desk@example.com"
    assert message.get_content() == (
        "Name: Jane Doe\n"
        "Phone: (914) 555-0123\n"
        "Email: jane@example.com\n"
        "Concern: Other: right shoulder\n"
        "Preferred time: weekday mornings\n"
        "Patient: New patient\n"
        "Language: English\n"
        "After hours: yes\n"
        "Channel: socketio\n"
    )
    assert "conversation-1" not in message.as_string()


def test_the_email_of_a_spanish_lead_says_prefers_spanish(make_lead):
    body = build_message(make_lead(language="es"), SETTINGS).get_content()
    assert "Patient: New patient\nLanguage: prefers Spanish\nAfter hours: no\n" in body


def test_the_email_shows_an_office_lines_extension(make_lead):
    body = build_message(make_lead(phone_extension="12"), SETTINGS).get_content()
    assert "Phone: (914) 555-0123 ext. 12\n" in body


def test_message_for_unknown_hours_and_missing_contact(make_lead):
    lead = make_lead(email=None, preferred_time=None, after_hours=None)
    body = build_message(lead, SETTINGS).get_content()
    assert "Email: not given\n" in body
    assert "Preferred time: not given\n" in body
    assert "After hours: unknown (opening hours not configured)\n" in body


def test_settings_from_env():
    assert SmtpSettings.from_env({}) is None
    assert notifier_from_env({"LEADS_SMTP_HOST": "mail"}) is None
    settings = SmtpSettings.from_env(
        {
            "LEADS_NOTIFY_TO": "desk@example.com, owner@example.com",
            "LEADS_SMTP_HOST": "mail.example.com",
            "LEADS_SMTP_PORT": "587",
            "LEADS_SMTP_STARTTLS": "true",
            "LEADS_SMTP_USER": "bot",
            "LEADS_SMTP_PASSWORD": "secret",
        }
    )
    assert settings == SmtpSettings(
        host="mail.example.com",
        port=587,
        sender="desk@example.com",
        recipients=("desk@example.com", "owner@example.com"),
        starttls=True,
        username="bot",
        password="secret",
    )
    assert SmtpSettings.from_env({"LEADS_NOTIFY_TO": "desk@example.com"}) == SmtpSettings(
        host="localhost", port=25, sender="desk@example.com", recipients=("desk@example.com",)
    )


@pytest.mark.parametrize(
    ("name", "value"),
    [("LEADS_SMTP_PORT", "smtp"), ("LEADS_SMTP_PORT", "70000"), ("LEADS_SMTP_STARTTLS", "maybe")],
)
def test_bad_smtp_settings_are_named(name, value):
    with pytest.raises(ConfigError, match=name):
        SmtpSettings.from_env({"LEADS_NOTIFY_TO": "desk@example.com", name: value})


REMOTE = {"LEADS_NOTIFY_TO": "desk@example.com", "LEADS_SMTP_HOST": "mail.example.com"}


@pytest.mark.parametrize(
    "env",
    [
        REMOTE,
        {**REMOTE, "LEADS_SMTP_STARTTLS": "false"},
        {"LEADS_NOTIFY_TO": "desk@example.com", "LEADS_SMTP_USER": "bot"},
        {"LEADS_NOTIFY_TO": "desk@example.com", "LEADS_SMTP_HOST": "192.0.2.25"},
    ],
)
def test_smtp_tls_required_for_credentials_or_a_remote_host(env):
    """Finding 8: TLS is required for credentials or a remote host."""
    with pytest.raises(ConfigError, match="LEADS_SMTP_STARTTLS or LEADS_SMTP_IMPLICIT_TLS"):
        SmtpSettings.from_env(env)


@pytest.mark.parametrize(
    "env",
    [
        {"LEADS_NOTIFY_TO": "desk@example.com"},
        {"LEADS_NOTIFY_TO": "desk@example.com", "LEADS_SMTP_HOST": "127.0.0.1"},
        {"LEADS_NOTIFY_TO": "desk@example.com", "LEADS_SMTP_HOST": "::1"},
        {**REMOTE, "LEADS_SMTP_STARTTLS": "1", "LEADS_SMTP_USER": "bot"},
        {**REMOTE, "LEADS_SMTP_IMPLICIT_TLS": "yes", "LEADS_SMTP_PORT": "465"},
    ],
)
def test_smtp_tls_not_needed_for_a_local_relay_without_credentials(env):
    assert SmtpSettings.from_env(env) is not None


def test_smtp_tls_starttls_and_implicit_exclude_each_other():
    with pytest.raises(ConfigError, match="exclude each other"):
        SmtpSettings.from_env(
            {**REMOTE, "LEADS_SMTP_STARTTLS": "1", "LEADS_SMTP_IMPLICIT_TLS": "1"}
        )


class FakeSmtp:
    """Records how the notifier talks to the server instead of opening a connection."""

    opened: list[FakeSmtp] = []

    def __init__(self, host, port, timeout, context=None):
        self.host, self.port, self.context = host, port, context
        self.calls: list[str] = []
        FakeSmtp.opened.append(self)

    def __enter__(self):
        return self

    def __exit__(self, *exc_info):
        return False

    def starttls(self, context):
        self.calls.append("starttls")

    def login(self, username, password):
        self.calls.append("login")

    def send_message(self, message):
        self.calls.append("send")


class FakeSmtpSsl(FakeSmtp):
    pass


@pytest.fixture
def fake_smtp(monkeypatch):
    FakeSmtp.opened = []
    monkeypatch.setattr("smtplib.SMTP", FakeSmtp)
    monkeypatch.setattr("smtplib.SMTP_SSL", FakeSmtpSsl)
    return FakeSmtp.opened


def test_smtp_tls_implicit_tls_opens_a_tls_connection(fake_smtp, make_lead):
    notifier = notifier_from_env(
        {
            **REMOTE,
            "LEADS_SMTP_IMPLICIT_TLS": "1",
            "LEADS_SMTP_PORT": "465",
            "LEADS_SMTP_USER": "bot",
            "LEADS_SMTP_PASSWORD": "secret",
        }
    )
    assert notifier(make_lead()) is True
    [connection] = fake_smtp
    assert isinstance(connection, FakeSmtpSsl)
    assert connection.context is not None and connection.context.verify_mode == ssl.CERT_REQUIRED
    assert connection.calls == ["login", "send"]


def test_smtp_tls_starttls_comes_before_the_login(fake_smtp, make_lead):
    notifier = notifier_from_env(
        {**REMOTE, "LEADS_SMTP_STARTTLS": "1", "LEADS_SMTP_USER": "bot", "LEADS_SMTP_PASSWORD": "x"}
    )
    assert notifier(make_lead()) is True
    [connection] = fake_smtp
    assert type(connection) is FakeSmtp
    assert connection.calls == ["starttls", "login", "send"]


def test_reference_only_email_carries_no_personal_data(make_lead):
    """Finding 8: the reference-only mode sends no health details."""
    lead = make_lead(concern="other", concern_detail="right shoulder")
    settings = SmtpSettings.from_env(
        {
            "LEADS_NOTIFY_TO": "desk@example.com",
            "LEADS_NOTIFY_CONTENT": "reference",
            "LEADS_PAGE_URL": "https://leads.proclinix.example/",
        }
    )
    message = build_message(lead, settings)
    assert message["Subject"] == f"New booking request {lead.reference}"
    assert message.get_content() == (
        f"A new booking request {lead.reference} has arrived.\n"
        f"Open it on the leads page: https://leads.proclinix.example/leads/{lead.reference}\n"
    )
    for detail in ("Jane", "Doe", "555", "jane@example.com", "shoulder", "weekday"):
        assert detail not in message.as_string()


def test_reference_only_without_a_page_address_names_the_command(make_lead):
    lead = make_lead()
    settings = SmtpSettings.from_env(
        {"LEADS_NOTIFY_TO": "desk@example.com", "LEADS_NOTIFY_CONTENT": "reference"}
    )
    assert f"leads show {lead.reference}" in build_message(lead, settings).get_content()


@pytest.mark.parametrize(
    ("name", "value"),
    [
        ("LEADS_NOTIFY_CONTENT", "summary"),
        ("LEADS_PAGE_URL", "http://leads.proclinix.example"),
        ("LEADS_PAGE_URL", "javascript:alert(1)"),
        ("LEADS_SMTP_IMPLICIT_TLS", "sometimes"),
    ],
)
def test_reference_only_settings_are_checked(name, value):
    with pytest.raises(ConfigError, match=name):
        SmtpSettings.from_env({"LEADS_NOTIFY_TO": "desk@example.com", name: value})
