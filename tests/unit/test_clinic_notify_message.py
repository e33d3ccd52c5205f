import pytest

from clinic.notify import SmtpSettings, build_message, notifier_from_env
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
        "After hours: yes\n"
        "Channel: socketio\n"
    )
    assert "conversation-1" not in message.as_string()


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
