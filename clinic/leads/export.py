"""CSV export of leads for spreadsheets (RFC 4180), safe against formula injection, written to a
file only its owner can read."""

from __future__ import annotations

import csv
import os
from collections.abc import Iterable
from datetime import tzinfo
from pathlib import Path
from typing import TextIO

from clinic.booking.fields import STAFF_ROWS, staff_rows
from clinic.leads.display import after_hours_text, local_time_text
from clinic.leads.records import LeadView

# A spreadsheet runs a cell starting with one of these as a formula (tab and CR too, per OWASP).
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def open_private(path: Path) -> TextIO:
    """Open `path` for writing as a file only its owner can read or write (0600), whatever the
    caller's umask, narrowing an existing file; a symlink is refused (OSError)."""
    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC | os.O_NOFOLLOW, 0o600)
    try:
        os.fchmod(descriptor, 0o600)
    except OSError:
        os.close(descriptor)
        raise
    return os.fdopen(descriptor, "w", encoding="utf-8", newline="")


def spreadsheet_safe(text: str) -> str:
    """Prefix an apostrophe so a spreadsheet shows the text instead of evaluating it."""
    return f"'{text}" if text.startswith(_FORMULA_STARTS) else text


def write_csv(leads: Iterable[LeadView], output: TextIO, zone: tzinfo) -> int:
    """Write a header and one row per lead; returns the number of leads written.

    `output` should be opened with newline="" so the csv module controls line endings.
    """
    writer = csv.writer(output, lineterminator="\r\n")
    writer.writerow(
        [
            "Reference",
            "Received",
            "Status",
            *(row.label for row in STAFF_ROWS),
            "After hours",
            "Channel",
            "Consent given",
            "Notes",
        ]
    )
    count = 0
    for lead in leads:
        notes = "\n".join(
            f"{local_time_text(note.created_at, zone)} {note.author}: {note.body}"
            for note in lead.notes
        )
        row = [
            lead.reference,
            local_time_text(lead.created_at, zone),
            lead.status,
            *(text for _, text in staff_rows(lead, missing="")),
            after_hours_text(lead.after_hours),
            lead.channel,
            local_time_text(lead.consent_at, zone),
            notes,
        ]
        writer.writerow([spreadsheet_safe(cell) for cell in row])
        count += 1
    return count
