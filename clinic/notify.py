"""An email to the front desk for each new booking request, sent over SMTP.

Configured from the environment; off while LEADS_NOTIFY_TO is unset. A failed send is logged and
returns False: the request itself is already stored (or spooled) and stays there.
"""

from __future__ import annotations

import logging
import os
import smtplib
import ssl
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from email.message import EmailMessage
from email.utils import formatdate

from clinic.booking_fields import staff_rows
from clinic.leads.display import after_hours_text
from clinic.leads.records import NewLead
from clinic.settings import ConfigError

SMTP_TIMEOUT_SECONDS = 15
LeadNotifier = Callable[[NewLead], bool]
_TRUE_WORDS = {"1", "true", "yes", "on"}
_FALSE_WORDS = {"", "0", "false", "no", "off"}

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class SmtpSettings:
    host: str
    port: int
    sender: str
    recipients: tuple[str, ...]
    starttls: bool = False
    username: str | None = None
    password: str | None = None

    @classmethod
    def from_env(cls, env: Mapping[str, str] = os.environ) -> SmtpSettings | None:
        """Settings from LEADS_SMTP_* and LEADS_NOTIFY_TO; None when LEADS_NOTIFY_TO is unset."""
        recipients = tuple(
            address.strip()
            for address in env.get("LEADS_NOTIFY_TO", "").split(",")
            if address.strip()
        )
        if not recipients:
            return None
        return cls(
            host=env.get("LEADS_SMTP_HOST") or "localhost",
            port=_port(env.get("LEADS_SMTP_PORT") or "25"),
            sender=env.get("LEADS_SMTP_FROM") or recipients[0],
            recipients=recipients,
            starttls=_flag("LEADS_SMTP_STARTTLS", env.get("LEADS_SMTP_STARTTLS", "")),
            username=env.get("LEADS_SMTP_USER") or None,
            password=env.get("LEADS_SMTP_PASSWORD") or None,
        )


def build_message(new: NewLead, settings: SmtpSettings) -> EmailMessage:
    message = EmailMessage()
    message["Subject"] = f"New booking request {new.reference}"
    message["From"] = settings.sender
    message["To"] = ", ".join(settings.recipients)
    message["Date"] = formatdate()
    message.set_content(lead_summary(new))
    return message


def lead_summary(new: NewLead) -> str:
    lines = [
        *staff_rows(new),
        ("After hours", after_hours_text(new.after_hours)),
        ("Channel", new.channel),
    ]
    return "\n".join(f"{label}: {value}" for label, value in lines) + "\n"


def send_lead_email(new: NewLead, settings: SmtpSettings) -> bool:
    """Send the front-desk email; True when the server accepted it."""
    message = build_message(new, settings)
    try:
        with smtplib.SMTP(settings.host, settings.port, timeout=SMTP_TIMEOUT_SECONDS) as client:
            if settings.starttls:
                client.starttls(context=ssl.create_default_context())
            if settings.username:
                client.login(settings.username, settings.password or "")
            client.send_message(message)
    except (smtplib.SMTPException, OSError) as error:
        logger.error(
            "could not email the front desk about lead %s via %s:%d: %s",
            new.reference,
            settings.host,
            settings.port,
            error,
        )
        return False
    return True


def notifier_from_env(env: Mapping[str, str] = os.environ) -> LeadNotifier | None:
    """The notifier to hand to clinic.leads.service.submit_lead, or None when email is off."""
    settings = SmtpSettings.from_env(env)
    if settings is None:
        return None
    return lambda new: send_lead_email(new, settings)


def _port(text: str) -> int:
    if not text.isdigit() or not 0 < int(text) < 65536:
        raise ConfigError(f"LEADS_SMTP_PORT must be a port number, not {text!r}")
    return int(text)


def _flag(name: str, text: str) -> bool:
    word = text.strip().lower()
    if word in _TRUE_WORDS:
        return True
    if word in _FALSE_WORDS:
        return False
    raise ConfigError(f"{name} must be true or false, not {text!r}")
