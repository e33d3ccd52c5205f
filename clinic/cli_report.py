"""`leads report`: the staff dashboard's figures on the command line, as text or CSV."""

from __future__ import annotations

import argparse
import csv
import sys
from datetime import date
from pathlib import Path
from typing import Any

from clinic.conversations import TrackerStoreError
from clinic.dashboard import Period, PeriodError, dashboard_figures
from clinic.leads.stores import open_stores
from clinic.settings import load_settings
from clinic.timeutil import utc_now
from clinic.tracker_events import open_tracker_store
from clinic.validation import InvalidInput

EXIT_OK = 0


def add_report_command(commands: Any) -> None:
    """Adds `report` to the `leads` subcommands (`commands`: argparse's subparsers action)."""
    report = commands.add_parser(
        "report", help="the dashboard's figures for a period (conversations, forms, leads)"
    )
    report.add_argument("--since", type=_day, required=True, help="first day, YYYY-MM-DD")
    report.add_argument("--until", type=_day, help="last day, YYYY-MM-DD (default: today)")
    report.add_argument("--format", choices=["text", "csv"], default="text")
    report.add_argument(
        "--endpoints",
        type=Path,
        help="the Rasa server's endpoints file, which names the tracker store "
        "(default: env RASA_ENDPOINTS_FILE, else endpoints.yml)",
    )
    report.set_defaults(handler=_report)


def _report(arguments: argparse.Namespace) -> int:
    settings = load_settings()
    last = arguments.until or utc_now().astimezone(settings.timezone).date()
    try:
        period = Period.of_days(arguments.since, last, settings.timezone)
    except PeriodError as error:
        raise InvalidInput(str(error)) from error
    try:
        tracker = open_tracker_store(arguments.endpoints)
    except TrackerStoreError as error:
        print(f"leads: no conversation figures: {error}", file=sys.stderr)
        tracker = None
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


def _day(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a day as YYYY-MM-DD: {text!r}") from None
