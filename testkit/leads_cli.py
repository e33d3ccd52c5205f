"""The `leads` command's surroundings for tests: a clinic file and a migrated SQLite leads
database in a folder, named by the env vars the command reads."""

from __future__ import annotations

from pathlib import Path

import pytest

from clinic.cli.leads import main


def leads_cli_env(folder: Path, monkeypatch: pytest.MonkeyPatch, clinic_yml: str) -> None:
    config = folder / "clinic.yml"
    config.write_text(clinic_yml)
    monkeypatch.setenv("CLINIC_CONFIG", str(config))
    monkeypatch.setenv("LEADS_DB_URL", f"sqlite:///{folder / 'leads.sqlite3'}")
    assert main(["db-upgrade"]) == 0
