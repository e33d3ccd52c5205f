"""An email to the front desk for each new booking request, sent over SMTP.

Configured from the environment; off while LEADS_NOTIFY_TO is unset. A failed send is logged and
returns False: the request itself is already stored (or spooled) and stays there. The email
travels over TLS (STARTTLS or implicit TLS) whenever it carries credentials or leaves this
machine, and LEADS_NOTIFY_CONTENT=reference keeps the visitor's details out of it altogether.
"""

from __future__ import annotations

import ipaddress
import logging
import os
import smtplib
import ssl
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from email.message import EmailMessage
from email.utils import formatdate
from enum import Enum
from urllib.parse import urlsplit

from clinic.booking.fields import staff_rows
from clinic.leads.display import after_hours_text
from clinic.leads.records import NewLead
from clinic.settings import ConfigError

SMTP_TIMEOUT_SECONDS = 15
LeadNotifier = Callable[[NewLead], bool]
_TRUE_WORDS = {"1", "true", "yes", "on"}
_FALSE_WORDS = {"", "0", "false", "no", "off"}
_LOCAL_HOSTS = {"localhost", "localhost.localdomain"}

logger = logging.getLogger(__name__)


class NotifyContent(str, Enum):
    """What the front-desk email carries: the whole request, or its reference and a link."""

    FULL = "full"
    REFERENCE = "reference"


@dataclass(frozen=True)
class SmtpSettings:
    host: str
    port: int
    sender: str
    recipients: tuple[str, ...]
    starttls: bool = False
    implicit_tls: bool = False
    username: str | None = None
    password: str | None = None
    content: NotifyContent = NotifyContent.FULL
    leads_page_url: str | None = None

    def __post_init__(self) -> None:
        if self.starttls and self.implicit_tls:
            raise ConfigError(
                "LEADS_SMTP_STARTTLS and LEADS_SMTP_IMPLICIT_TLS exclude each other: "
                "choose STARTTLS (usually port 587) or implicit TLS (usually port 465)"
            )
        if not (self.starttls or self.implicit_tls) and (self.username or not _is_local(self.host)):
            raise ConfigError(
                "LEADS_SMTP_STARTTLS or LEADS_SMTP_IMPLICIT_TLS must be on when LEADS_SMTP_USER "
                f"is set or LEADS_SMTP_HOST ({self.host!r}) is not this machine: lead emails "
                "carry health details and credentials must not travel in clear text"
            )

    @classmethod
    def from_env(cls, env: Mapping[str, str] = os.environ) -> SmtpSettings | None:
        """Settings from LEADS_SMTP_* and LEADS_NOTIFY_*; None when LEADS_NOTIFY_TO is unset."""
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
            starttls=flag_setting("LEADS_SMTP_STARTTLS", env.get("LEADS_SMTP_STARTTLS", "")),
            implicit_tls=flag_setting(
                "LEADS_SMTP_IMPLICIT_TLS", env.get("LEADS_SMTP_IMPLICIT_TLS", "")
            ),
            username=env.get("LEADS_SMTP_USER") or None,
            password=env.get("LEADS_SMTP_PASSWORD") or None,
            content=_content(env.get("LEADS_NOTIFY_CONTENT", "")),
            leads_page_url=_page_url(env.get("LEADS_PAGE_URL", "")),
        )


def build_message(new: NewLead, settings: SmtpSettings) -> EmailMessage:
    message = EmailMessage()
    message["Subject"] = f"New booking request {new.reference}"
    message["From"] = settings.sender
    message["To"] = ", ".join(settings.recipients)
    message["Date"] = formatdate()
    if settings.content is NotifyContent.REFERENCE:
        message.set_content(reference_notice(new, settings.leads_page_url))
    else:
        message.set_content(lead_summary(new))
    return message


def reference_notice(new: NewLead, leads_page_url: str | None) -> str:
    """The email without any of the visitor's details: where the front desk reads them."""
    if leads_page_url:
        where = f"Open it on the leads page: {leads_page_url}/leads/{new.reference}"
    else:
        where = f"Open it on the leads page, or run: leads show {new.reference}"
    return f"A new booking request {new.reference} has arrived.\n{where}\n"


def lead_summary(new: NewLead) -> str:
    lines = [
        *staff_rows(new),
        ("After hours", after_hours_text(new.after_hours)),
        ("Channel", new.channel),
    ]
    return "\n".join(f"{label}: {value}" for label, value in lines) + "\n"


def send_lead_email(new: NewLead, settings: SmtpSettings) -> bool:
    """Send the front-desk email; True when the server accepted it."""
    return send_email(build_message(new, settings), settings, f"lead {new.reference}")


def send_email(message: EmailMessage, settings: SmtpSettings, about: str) -> bool:
    """Send `message` (to the front desk) over the configured SMTP server; True when the server
    accepted it. A failure is logged naming only `about`, never the message's content."""
    try:
        with _connect(settings) as client:
            if settings.starttls:
                client.starttls(context=ssl.create_default_context())
            if settings.username:
                client.login(settings.username, settings.password or "")
            client.send_message(message)
    except (smtplib.SMTPException, OSError) as error:
        logger.error(
            "could not email the front desk about %s via %s:%d: %s",
            about,
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


def _connect(settings: SmtpSettings) -> smtplib.SMTP:
    if settings.implicit_tls:
        return smtplib.SMTP_SSL(
            settings.host,
            settings.port,
            timeout=SMTP_TIMEOUT_SECONDS,
            context=ssl.create_default_context(),
        )
    return smtplib.SMTP(settings.host, settings.port, timeout=SMTP_TIMEOUT_SECONDS)


def _is_local(host: str) -> bool:
    if host.lower() in _LOCAL_HOSTS:
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def _content(text: str) -> NotifyContent:
    word = text.strip().lower() or NotifyContent.FULL.value
    try:
        return NotifyContent(word)
    except ValueError:
        raise ConfigError(f"LEADS_NOTIFY_CONTENT must be full or reference, not {text!r}") from None


def _page_url(text: str) -> str | None:
    url = text.strip().rstrip("/")
    if not url:
        return None
    parts = urlsplit(url)
    local = parts.scheme == "http" and _is_local(parts.hostname or "")
    if not (parts.scheme == "https" or local) or not parts.hostname:
        raise ConfigError(f"LEADS_PAGE_URL must be the leads page's https:// address, not {text!r}")
    return url


def _port(text: str) -> int:
    if not text.isdigit() or not 0 < int(text) < 65536:
        raise ConfigError(f"LEADS_SMTP_PORT must be a port number, not {text!r}")
    return int(text)


def flag_setting(name: str, text: str) -> bool:
    word = text.strip().lower()
    if word in _TRUE_WORDS:
        return True
    if word in _FALSE_WORDS:
        return False
    raise ConfigError(f"{name} must be true or false, not {text!r}")
