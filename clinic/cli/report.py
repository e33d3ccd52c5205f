"""`leads report` (the staff dashboard's figures, as text or CSV) and `leads daily-summary` (the
optional daily email to the front desk, for cron)."""

from __future__ import annotations

import argparse
import csv
import sys
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy.engine import Engine

from clinic.conversations.events import open_tracker_store
from clinic.conversations.store import TrackerStoreError
from clinic.insights.daily_summary import SUMMARY_ENV, SummarySettings, summary_message
from clinic.insights.dashboard import Period, PeriodError, dashboard_figures
from clinic.leads.notify import send_email
from clinic.settings import load_settings
from clinic.stores import open_stores
from clinic.text.validation import InvalidInput
from clinic.timeutil import utc_now

EXIT_OK = 0
EXIT_FAILED = 1
ENDPOINTS_HELP = (
    "the Rasa server's endpoints file, which names the tracker store "
    "(default: env RASA_ENDPOINTS_FILE, else endpoints.yml)"
)


def add_report_command(commands: Any) -> None:
    """Adds `report` to the `leads` subcommands (`commands`: argparse's subparsers action)."""
    report = commands.add_parser(
        "report", help="the dashboard's figures for a period (conversations, forms, leads)"
    )
    report.add_argument("--since", type=_day, required=True, help="first day, YYYY-MM-DD")
    report.add_argument("--until", type=_day, help="last day, YYYY-MM-DD (default: today)")
    report.add_argument("--format", choices=["text", "csv"], default="text")
    report.add_argument("--endpoints", type=Path, help=ENDPOINTS_HELP)
    report.set_defaults(handler=_report)

    summary = commands.add_parser(
        "daily-summary",
        help=f"email the front desk a day's new requests and figures (off unless {SUMMARY_ENV})",
    )
    summary.add_argument("--day", type=_day, help="YYYY-MM-DD (default: yesterday)")
    summary.add_argument(
        "--print", action="store_true", help="print the email instead of sending it"
    )
    summary.add_argument("--endpoints", type=Path, help=ENDPOINTS_HELP)
    summary.set_defaults(handler=_daily_summary)


def _report(arguments: argparse.Namespace) -> int:
    settings = load_settings()
    last = arguments.until or utc_now().astimezone(settings.timezone).date()
    try:
        period = Period.of_days(arguments.since, last, settings.timezone)
    except PeriodError as error:
        raise InvalidInput(str(error)) from error
    tracker = _tracker(arguments.endpoints)
    figures = dashboard_figures(tracker, open_stores().leads, period, settings)
    rows = figures.rows()
    if arguments.format == "csv":
        writer = csv.writer(sys.stdout, lineterminator="\n")
        writer.writerow(["figure", "value"])
        writer.writerows(rows)
    else:
        width = max(len(label) for label, _ in rows)
        for label, value in rows:
            print(f"{label:<{width}}  {value}")
    return EXIT_OK


def _daily_summary(arguments: argparse.Namespace) -> int:
    summary = SummarySettings.from_env()
    if summary is None:
        print(f"The daily summary is off; set {SUMMARY_ENV}=1 to send it.")
        return EXIT_OK
    settings = load_settings()
    day = arguments.day or utc_now().astimezone(settings.timezone).date() - timedelta(days=1)
    tracker = _tracker(arguments.endpoints)
    message = summary_message(day, open_stores().leads, tracker, settings, summary)
    if arguments.print:
        print(message.as_string())
        return EXIT_OK
    if not send_email(message, summary.smtp, f"the daily summary of {day.isoformat()}"):
        print("leads: the daily summary could not be sent (see the log).", file=sys.stderr)
        return EXIT_FAILED
    recipients = len(summary.smtp.recipients)
    print(f"Sent the daily summary of {day.isoformat()} to {recipients} address(es).")
    return EXIT_OK


def _tracker(endpoints: Path | None) -> Engine | None:
    """The tracker store, or None (said on stderr): the lead figures do without it."""
    try:
        return open_tracker_store(endpoints)
    except TrackerStoreError as error:
        print(f"leads: no conversation figures: {error}", file=sys.stderr)
        return None


def _day(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a day as YYYY-MM-DD: {text!r}") from None
