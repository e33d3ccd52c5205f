"""The front-desk email against a real SMTP server (aiosmtpd) on 127.0.0.1."""

import logging

import pytest

from clinic.leads.notify import SmtpSettings, notifier_from_env, send_lead_email
from clinic.leads.service import SubmitStatus, submit_lead
from clinic.leads.spool import Spool
from testkit.smtp_inbox import free_port, running_inbox


@pytest.fixture
def smtp_server():
    with running_inbox() as running:
        yield running


def settings_for(port: int) -> SmtpSettings:
    return SmtpSettings(
        host="127.0.0.1",
        port=port,
        sender="assistant@proclinix.example",
        recipients=("desk@proclinix.example", "owner@proclinix.example"),
    )


def test_email_reaches_the_server_with_the_lead(smtp_server, make_lead):
    inbox, port = smtp_server
    lead = make_lead(
        full_name="José Núñez",
        concern="neck",
        preferred_time="Tuesday after 5",
        after_hours=True,
        language="es",
    )
    assert send_lead_email(lead, settings_for(port)) is True
    [envelope] = inbox.envelopes
    assert envelope.mail_from == "assistant@proclinix.example"
    assert envelope.rcpt_tos == ["desk@proclinix.example", "owner@proclinix.example"]
    [message] = inbox.messages()
    assert message["Subject"] == f"New booking request {lead.reference}"
    body = message.get_payload(decode=True).decode(message.get_content_charset())
    assert body.splitlines() == [
        "Name: José Núñez",
        "Phone: (914) 555-0123",
        "Email: jane@example.com",
        "Concern: Neck",
        "Preferred time: Tuesday after 5",
        "Patient: New patient",
        "Language: prefers Spanish",
        "After hours: yes",
        "Channel: socketio",
    ]


def test_submit_lead_emails_the_front_desk_from_env(smtp_server, repo, tmp_path, make_lead):
    inbox, port = smtp_server
    notifier = notifier_from_env(
        {
            "LEADS_NOTIFY_TO": "desk@proclinix.example",
            "LEADS_SMTP_HOST": "127.0.0.1",
            "LEADS_SMTP_PORT": str(port),
        }
    )
    new = make_lead()
    outcome = submit_lead(lambda: repo, Spool(tmp_path / "spool"), new, notify=notifier)
    assert outcome.status is SubmitStatus.STORED
    submit_lead(lambda: repo, Spool(tmp_path / "spool"), make_lead(), notify=notifier)
    assert [message["Subject"] for message in inbox.messages()] == [
        f"New booking request {new.reference}"
    ]


def test_unreachable_server_is_logged_and_the_lead_kept(repo, tmp_path, make_lead, caplog):
    notifier = notifier_from_env(
        {
            "LEADS_NOTIFY_TO": "desk@proclinix.example",
            "LEADS_SMTP_HOST": "127.0.0.1",
            "LEADS_SMTP_PORT": str(free_port()),
        }
    )
    new = make_lead()
    with caplog.at_level(logging.ERROR, logger="clinic.leads.notify"):
        outcome = submit_lead(lambda: repo, Spool(tmp_path / "spool"), new, notify=notifier)
    assert outcome.status is SubmitStatus.STORED
    assert repo.get(new.reference) is not None
    assert f"could not email the front desk about lead {new.reference}" in caplog.text


def test_server_refusing_the_recipient_is_logged(smtp_server, make_lead, caplog):
    inbox, port = smtp_server

    async def refuse(server, session, envelope, address, rcpt_options):
        return "550 No such user"

    inbox.handle_RCPT = refuse
    with caplog.at_level(logging.ERROR, logger="clinic.leads.notify"):
        assert send_lead_email(make_lead(), settings_for(port)) is False
    assert inbox.envelopes == []
    assert "could not email the front desk" in caplog.text
