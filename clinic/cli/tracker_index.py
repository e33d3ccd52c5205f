"""`leads tracker-index`: adds the index the staff page's reads of Rasa's tracker store use."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from clinic.cli.report import ENDPOINTS_HELP, EXIT_FAILED, EXIT_OK
from clinic.conversations.index import EVENTS_INDEX, add_events_index
from clinic.conversations.store import TrackerStoreError, endpoints_path, tracker_store_url


def add_tracker_index_command(commands: Any) -> None:
    """Adds `tracker-index` to the `leads` subcommands (`commands`: argparse's subparsers)."""
    command = commands.add_parser(
        "tracker-index",
        help="index Rasa's events table by type and time for the staff pages (idempotent)",
    )
    command.add_argument("--endpoints", type=Path, help=ENDPOINTS_HELP)
    command.set_defaults(handler=_tracker_index)


def _tracker_index(arguments: argparse.Namespace) -> int:
    endpoints = endpoints_path(arguments.endpoints)
    try:
        url = tracker_store_url(endpoints)
        if url is None:
            print(f"{endpoints} configures no tracker store: nothing to index.")
            return EXIT_OK
        added = add_events_index(url)
    except TrackerStoreError as error:
        print(f"leads: tracker store not indexed: {error}", file=sys.stderr)
        return EXIT_FAILED
    print(f"Index {EVENTS_INDEX} {'added' if added else 'already there'}.")
    return EXIT_OK
