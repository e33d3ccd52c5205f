"""`leads`: the front desk's command-line tool for booking requests.

The database comes from env LEADS_DB_URL (default: a SQLite file under var/), the spool folder
from LEADS_SPOOL_DIR and the clinic's time zone and retention from clinic.yml.
"""

from __future__ import annotations

import argparse
import getpass
import sys
from collections.abc import Sequence
from datetime import timedelta
from pathlib import Path

from sqlalchemy.engine import make_url
from sqlalchemy.exc import SQLAlchemyError

from clinic.booking.fields import phone_text, staff_rows
from clinic.cli.report import add_report_command
from clinic.cli.tracker_index import add_tracker_index_command
from clinic.conversations.store import (
    TrackerStoreError,
    endpoints_path,
    purge_conversations,
    tracker_store_url,
)
from clinic.db.engine import database_url, upgrade
from clinic.insights.unanswered.marks import MarkStore
from clinic.leads.display import (
    after_hours_text,
    after_hours_word,
    conversation_text,
    local_time_text,
)
from clinic.leads.export import open_private, write_csv
from clinic.leads.records import LEAD_STATUSES, LeadView
from clinic.leads.repository import LeadNotFound
from clinic.leads.spool import Spool
from clinic.settings import ClinicSettings, ConfigError, load_settings
from clinic.staff.accounts import (
    account,
    change_password,
    create_user,
    disable_user,
    enable_user,
    reset_password,
)
from clinic.staff.audit import record_update
from clinic.staff.store import DuplicateUsername, StaffUserRecord, UnknownUsername
from clinic.stores import open_stores
from clinic.text.validation import InvalidInput
from clinic.timeutil import utc_now

EXIT_OK = 0
EXIT_FAILED = 1
EXIT_BAD_INPUT = 2
_NAME_WIDTH = 24


def main(argv: Sequence[str] | None = None) -> int:
    arguments = _parser().parse_args(argv)
    try:
        return arguments.handler(arguments)
    except InvalidInput as error:
        print(f"leads: {error.message}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except (LeadNotFound, DuplicateUsername, UnknownUsername, ConfigError) as error:
        print(f"leads: {error}", file=sys.stderr)
        return EXIT_FAILED
    except SQLAlchemyError as error:
        # The driver's own message, without the SQL statement SQLAlchemy appends.
        reason = str(getattr(error, "orig", None) or error).strip()
        print(
            f"leads: database error: {reason}\nCheck LEADS_DB_URL, and run `leads db-upgrade` "
            "if the database is new.",
            file=sys.stderr,
        )
        return EXIT_FAILED


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="leads", description="Booking requests for the front desk."
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    listing = commands.add_parser("list", help="list booking requests, newest first")
    listing.add_argument("--status", choices=LEAD_STATUSES)
    hours = listing.add_mutually_exclusive_group()
    hours.add_argument("--after-hours", dest="after_hours", action="store_const", const=True)
    hours.add_argument("--in-hours", dest="after_hours", action="store_const", const=False)
    listing.set_defaults(handler=_list)

    show = commands.add_parser("show", help="show one booking request with its notes")
    show.add_argument("reference")
    show.set_defaults(handler=_show)

    update = commands.add_parser("update", help="change the status and/or add a note")
    update.add_argument("reference")
    update.add_argument("--status", choices=LEAD_STATUSES)
    update.add_argument("--note")
    update.add_argument("--author", default=None, help="who writes the note (default: login name)")
    update.set_defaults(handler=_update)

    export = commands.add_parser("export", help="export all booking requests")
    export.add_argument("--format", choices=["csv"], default="csv")
    export.add_argument("--output", type=Path, help="file to write (default: standard output)")
    export.set_defaults(handler=_export)

    purge = commands.add_parser(
        "purge", help="delete booking requests and conversations past the retention period"
    )
    purge.add_argument(
        "--older-than-days",
        type=_positive_int,
        help="default: retention_days from clinic.yml",
    )
    purge.add_argument(
        "--endpoints",
        type=Path,
        help="the Rasa server's endpoints file, which names the tracker store "
        "(default: env RASA_ENDPOINTS_FILE, else endpoints.yml)",
    )
    purge.set_defaults(handler=_purge)

    add_report_command(commands)
    add_tracker_index_command(commands)

    flush = commands.add_parser("spool-flush", help="store requests spooled during an outage")
    flush.set_defaults(handler=_spool_flush)

    status = commands.add_parser(
        "status",
        help="requests waiting in the spool, failed and left-behind spool files "
        "(exit status 1 when any needs attention)",
    )
    status.set_defaults(handler=_status)

    db_upgrade = commands.add_parser("db-upgrade", help="create or migrate the database schema")
    db_upgrade.set_defaults(handler=_db_upgrade)

    staff_add = commands.add_parser("staff-add", help="add a staff account for the leads page")
    staff_add.add_argument("username")
    staff_add.add_argument(
        "--password-stdin", action="store_true", help="read the password from standard input"
    )
    staff_add.set_defaults(handler=_staff_add)

    staff_list = commands.add_parser("staff-list", help="list the staff accounts")
    staff_list.set_defaults(handler=_staff_list)

    for name, help_text, handler in (
        ("staff-disable", "refuse an account's sign-ins and end its sessions", _staff_disable),
        ("staff-enable", "allow a disabled account to sign in again", _staff_enable),
        ("staff-sign-out", "end every session of an account", _staff_sign_out),
    ):
        command = commands.add_parser(name, help=help_text)
        command.add_argument("username")
        command.set_defaults(handler=handler)

    for name, help_text, handler in (
        (
            "staff-reset-password",
            "set a new password for an account (ends its sessions, lifts a lock-out)",
            _staff_reset_password,
        ),
        (
            "staff-password",
            "change your own password (asks for the current one; ends your sessions)",
            _staff_password,
        ),
    ):
        command = commands.add_parser(name, help=help_text)
        command.add_argument("username")
        command.add_argument(
            "--password-stdin",
            action="store_true",
            help="read the password(s) from standard input, one a line",
        )
        command.set_defaults(handler=handler)
    return parser


def _list(arguments: argparse.Namespace) -> int:
    settings = load_settings()
    leads = open_stores().leads.list(status=arguments.status, after_hours=arguments.after_hours)
    if not leads:
        print("No booking requests match.")
        return EXIT_OK
    rows = [
        ["Reference", "Received", "Status", "Name", "Contact", "Concern", "After hours"],
        *(_list_row(lead, settings) for lead in leads),
    ]
    widths = [max(len(row[column]) for row in rows) for column in range(len(rows[0]))]
    for row in rows:
        print(
            "  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)).rstrip()
        )
    print(f"{len(leads)} booking request(s).")
    return EXIT_OK


def _list_row(lead: LeadView, settings: ClinicSettings) -> list[str]:
    name = lead.full_name
    if len(name) > _NAME_WIDTH:
        name = name[: _NAME_WIDTH - 1] + "…"
    return [
        lead.reference,
        local_time_text(lead.created_at, settings.timezone),
        lead.status,
        name,
        phone_text(lead.phone) or lead.email or "",
        lead.concern,
        after_hours_word(lead.after_hours),
    ]


def _show(arguments: argparse.Namespace) -> int:
    settings = load_settings()
    stores = open_stores()
    lead = stores.leads.get(arguments.reference)
    if lead is None:
        raise LeadNotFound(arguments.reference)
    stores.audit.record("lead_viewed", _operator(), "cli", references=[lead.reference])
    _print_lead(lead, settings)
    return EXIT_OK


def _operator() -> str:
    """Who runs the command, for the audit trail: the login name of the shell."""
    return getpass.getuser()


def _print_lead(lead: LeadView, settings: ClinicSettings) -> None:
    zone = settings.timezone
    fields = [
        ("Status", lead.status),
        ("Received", local_time_text(lead.created_at, zone)),
        *staff_rows(lead),
        ("After hours", after_hours_text(lead.after_hours)),
        ("Channel", f"{lead.channel} (conversation {conversation_text(lead.conversation_id)})"),
        ("Consent given", local_time_text(lead.consent_at, zone)),
    ]
    print(f"Booking request {lead.reference}")
    for label, value in fields:
        print(f"  {label + ':':<16}{value}")
    if not lead.notes:
        print("Notes: none")
        return
    print("Notes:")
    for note in lead.notes:
        print(f"  {local_time_text(note.created_at, zone)}  {note.author}: {note.body}")


def _update(arguments: argparse.Namespace) -> int:
    settings = load_settings()
    author = arguments.author or getpass.getuser()
    stores = open_stores()
    before = stores.leads.get(arguments.reference)
    if before is None:
        raise LeadNotFound(arguments.reference)
    lead = stores.leads.update(before.reference, arguments.status, arguments.note, author)
    record_update(
        stores.audit,
        _operator(),
        "cli",
        lead.reference,
        before.status,
        arguments.status,
        arguments.note,
    )
    print("Updated.")
    _print_lead(lead, settings)
    return EXIT_OK


def _export(arguments: argparse.Namespace) -> int:
    settings = load_settings()
    stores = open_stores()
    leads = stores.leads.list()
    stores.audit.record(
        "export",
        _operator(),
        "cli",
        references=[lead.reference for lead in leads],
        detail=f"CSV of {len(leads)} request(s)",
    )
    if arguments.output is None:
        count = write_csv(leads, sys.stdout, settings.timezone)
    else:
        with open_private(arguments.output) as handle:
            count = write_csv(leads, handle, settings.timezone)
        print(f"Exported {count} booking request(s) to {arguments.output}.")
    return EXIT_OK


def _purge(arguments: argparse.Namespace) -> int:
    days = arguments.older_than_days or load_settings().retention_days
    cutoff = utc_now() - timedelta(days=days)
    stores = open_stores()
    deleted = stores.leads.purge_older_than(cutoff)
    print(f"Deleted {deleted} booking request(s) older than {days} day(s).")
    stores.audit.purge_older_than(cutoff)
    stores.audit.record(
        "purge",
        _operator(),
        "cli",
        detail=f"{deleted} request(s) older than {days} day(s)",
    )
    marks = MarkStore(stores.leads.engine).purge_older_than(cutoff)
    if marks:
        print(f"Deleted {marks} unanswered-question mark(s) older than {days} day(s).")
    failed = Spool.from_env().purge_failed_older_than(cutoff)
    if failed:
        print(f"Deleted {failed} failed spool file(s) older than {days} day(s).")
    endpoints = endpoints_path(arguments.endpoints)
    try:
        tracker_url = tracker_store_url(endpoints)
        if tracker_url is None:
            print(f"{endpoints} configures no tracker store: conversations live in memory only.")
            return EXIT_OK
        purged = purge_conversations(tracker_url, cutoff)
    except TrackerStoreError as error:
        print(f"leads: conversations not purged: {error}", file=sys.stderr)
        return EXIT_FAILED
    print(
        f"Deleted {purged.events} conversation event(s) older than {days} day(s); "
        f"{purged.conversations} conversation(s) had nothing newer and are gone."
    )
    return EXIT_OK


def _spool_flush(arguments: argparse.Namespace) -> int:
    spool = Spool.from_env()
    flushed = spool.flush(open_stores().leads)
    remaining = len(spool.pending())
    print(f"Stored {flushed} spooled request(s); {remaining} still waiting in {spool.directory}.")
    failed = spool.failed()
    if failed:
        print(
            f"{len(failed)} file(s) in {spool.failed_directory} could not be stored and need "
            "a person to look at them."
        )
    return EXIT_FAILED if remaining else EXIT_OK


def _status(arguments: argparse.Namespace) -> int:
    settings = load_settings()
    spool = Spool.from_env()
    status = spool.status()
    if status.oldest_pending_at is None:
        print(f"Spool {spool.directory}: no request waiting.")
    else:
        since = local_time_text(status.oldest_pending_at, settings.timezone)
        print(
            f"Spool {spool.directory}: {status.pending} request(s) waiting for the database, "
            f"the oldest since {since}; `leads spool-flush` stores them once it is reachable."
        )
    if status.failed:
        print(
            f"{status.failed} file(s) in {spool.failed_directory} could not be stored and need "
            "a person to look at them."
        )
    if status.stale_temporary:
        print(
            f"{status.stale_temporary} temporary file(s) in {spool.directory} were left by an "
            "interrupted write; the next flush moves them to failed/."
        )
    if not status.needs_attention:
        print("Nothing needs attention.")
    return EXIT_FAILED if status.needs_attention else EXIT_OK


def _db_upgrade(arguments: argparse.Namespace) -> int:
    url = database_url()
    upgrade(url)
    print(f"Database {make_url(url).render_as_string(hide_password=True)} is up to date.")
    return EXIT_OK


def _staff_add(arguments: argparse.Namespace) -> int:
    password = _new_password(arguments.password_stdin)
    username = create_user(open_stores().staff, arguments.username, password)
    print(f"Staff user {username} added.")
    return EXIT_OK


def _staff_list(arguments: argparse.Namespace) -> int:
    settings = load_settings()
    users = open_stores().staff.list()
    if not users:
        print("No staff accounts yet: add one with `leads staff-add USERNAME`.")
        return EXIT_OK
    rows = [
        ["Username", "State", "Created", "Last sign-in"],
        *(_staff_row(user, settings) for user in users),
    ]
    widths = [max(len(row[column]) for row in rows) for column in range(len(rows[0]))]
    for row in rows:
        print(
            "  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)).rstrip()
        )
    return EXIT_OK


def _staff_row(user: StaffUserRecord, settings: ClinicSettings) -> list[str]:
    zone = settings.timezone
    if user.disabled:
        state = "disabled"
    elif user.locked_until is not None and user.locked_until > utc_now():
        state = f"locked until {local_time_text(user.locked_until, zone)}"
    else:
        state = "active"
    last = local_time_text(user.last_login_at, zone) if user.last_login_at else "never"
    return [user.username, state, local_time_text(user.created_at, zone), last]


def _staff_disable(arguments: argparse.Namespace) -> int:
    username = disable_user(open_stores().staff, arguments.username)
    print(f"Staff user {username} is disabled; their sessions have ended.")
    return EXIT_OK


def _staff_enable(arguments: argparse.Namespace) -> int:
    username = enable_user(open_stores().staff, arguments.username)
    print(f"Staff user {username} can sign in again.")
    return EXIT_OK


def _staff_sign_out(arguments: argparse.Namespace) -> int:
    staff = open_stores().staff
    username = account(staff, arguments.username).username
    staff.end_sessions(username)
    print(f"Every session of staff user {username} has ended.")
    return EXIT_OK


def _staff_reset_password(arguments: argparse.Namespace) -> int:
    staff = open_stores().staff
    username = account(staff, arguments.username).username
    password = _new_password(arguments.password_stdin)
    reset_password(staff, username, password)
    print(f"New password set for staff user {username}; their sessions have ended.")
    return EXIT_OK


def _staff_password(arguments: argparse.Namespace) -> int:
    staff = open_stores().staff
    if arguments.password_stdin:
        current = sys.stdin.readline().rstrip("\r\n")
    else:
        current = getpass.getpass("Current password: ")
    password = _new_password(arguments.password_stdin, prompt="New password")
    username = change_password(staff, arguments.username, current, password)
    print(f"Password of staff user {username} changed; your sessions have ended.")
    return EXIT_OK


def _new_password(from_stdin: bool, prompt: str = "Password") -> str:
    if from_stdin:
        return sys.stdin.readline().rstrip("\r\n")
    password = getpass.getpass(f"{prompt}: ")
    if getpass.getpass(f"{prompt} again: ") != password:
        raise InvalidInput("The two passwords differ; nothing was changed.")
    return password


def _positive_int(text: str) -> int:
    if not text.isdigit() or int(text) < 1:
        raise argparse.ArgumentTypeError(f"expected a whole number of days, at least 1: {text!r}")
    return int(text)
