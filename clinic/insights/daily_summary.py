"""The optional daily summary email to the front desk: a day's new booking requests by reference
and the dashboard's figures for that day.

Off unless LEADS_DAILY_SUMMARY is on; sent with the lead emails' SMTP settings (clinic.leads.notify:
LEADS_NOTIFY_TO, LEADS_SMTP_*). By default the email names each request by reference, time and
status only: no name, contact detail or health concern. LEADS_DAILY_SUMMARY_DETAILS=1 adds the
request's details, as the per-request email with LEADS_NOTIFY_CONTENT=full does.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from email.message import EmailMessage
from email.utils import formatdate

from sqlalchemy.engine import Engine

from clinic.booking.fields import staff_rows
from clinic.insights.dashboard import Period, dashboard_figures
from clinic.leads.display import after_hours_word, local_time_text
from clinic.leads.notify import SmtpSettings, flag_setting
from clinic.leads.records import LeadView
from clinic.leads.repository import LeadRepository
from clinic.settings import ClinicSettings, ConfigError

SUMMARY_ENV = "LEADS_DAILY_SUMMARY"
DETAILS_ENV = "LEADS_DAILY_SUMMARY_DETAILS"


@dataclass(frozen=True)
class SummarySettings:
    smtp: SmtpSettings
    details: bool = False

    @classmethod
    def from_env(cls, env: Mapping[str, str] = os.environ) -> SummarySettings | None:
        """None while LEADS_DAILY_SUMMARY is off (the default)."""
        if not flag_setting(SUMMARY_ENV, env.get(SUMMARY_ENV, "")):
            return None
        smtp = SmtpSettings.from_env(env)
        if smtp is None:
            raise ConfigError(f"{SUMMARY_ENV} is on but LEADS_NOTIFY_TO names no recipient")
        return cls(smtp=smtp, details=flag_setting(DETAILS_ENV, env.get(DETAILS_ENV, "")))


def summary_message(
    day: date,
    leads: LeadRepository,
    tracker: Engine | None,
    clinic: ClinicSettings,
    settings: SummarySettings,
) -> EmailMessage:
    period = Period.of_days(day, day, clinic.timezone)
    new_leads = leads.created_between(period.since, period.until)
    figures = dashboard_figures(tracker, leads, period, clinic)
    message = EmailMessage()
    message["Subject"] = (
        f"{clinic.name} assistant, {day.isoformat()}: {len(new_leads)} new request(s)"
    )
    message["From"] = settings.smtp.sender
    message["To"] = ", ".join(settings.smtp.recipients)
    message["Date"] = formatdate()
    lines = [f"New booking requests on {day.isoformat()}: {len(new_leads)}", ""]
    for lead in new_leads:
        lines += _lead_lines(lead, clinic, settings.details)
    if settings.smtp.leads_page_url:
        lines += [f"Leads page: {settings.smtp.leads_page_url}", ""]
    lines.append("The day's figures:")
    lines += [f"  {label}: {value}" for label, value in figures.rows()[1:]]
    message.set_content("\n".join(lines) + "\n")
    return message


def _lead_lines(lead: LeadView, clinic: ClinicSettings, details: bool) -> list[str]:
    received = local_time_text(lead.created_at, clinic.timezone)
    hours = f", after hours: {after_hours_word(lead.after_hours)}"
    lines = [f"- {lead.reference}, received {received}{hours}, status {lead.status}"]
    if details:
        lines += [f"    {label}: {value}" for label, value in staff_rows(lead)]
    return [*lines, ""]
