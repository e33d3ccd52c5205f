"""A local folder that keeps booking requests while the database cannot be reached.

Each request is one JSON file named after its idempotency key, written atomically (temporary
file, fsync, rename). Flushing stores a file's lead and deletes the file only after the commit;
a crash in between leaves the file, and the next flush finds the lead already stored under the
same key, so nothing is written twice. A file that cannot be read as a lead, or whose lead the
database refuses, is moved to failed/ for a person to look at and the flush goes on with the
next one; so is a temporary file a crash left behind. Only an unreachable database stops a
flush. `status()` counts what waits, what failed and what was left behind; `leads purge`
deletes failed files past the retention period.
"""

from __future__ import annotations

import logging
import os
import tempfile
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from pathlib import Path

from sqlalchemy.exc import (
    DataError,
    DBAPIError,
    IntegrityError,
    SQLAlchemyError,
    StatementError,
)

from clinic.leads.records import NewLead
from clinic.leads.repository import LeadRepository
from clinic.paths import VAR_DIR, private_directory

SPOOL_DIR_ENV = "LEADS_SPOOL_DIR"
DEFAULT_SPOOL_DIR = VAR_DIR / "spool"
FAILED_DIR_NAME = "failed"
TEMPORARY_PATTERN = ".*.tmp"
# A temporary file is written and renamed within a second; one this old was left by a crash.
STALE_TEMPORARY_AGE = timedelta(hours=1)

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class SpoolStatus:
    pending: int
    oldest_pending_at: datetime | None
    failed: int
    stale_temporary: int

    @property
    def needs_attention(self) -> bool:
        return bool(self.pending or self.failed or self.stale_temporary)


class Spool:
    def __init__(self, directory: Path) -> None:
        self.directory = directory
        self.failed_directory = directory / FAILED_DIR_NAME

    @classmethod
    def from_env(cls) -> Spool:
        configured = os.environ.get(SPOOL_DIR_ENV)
        return cls(Path(configured) if configured else DEFAULT_SPOOL_DIR)

    def put(self, new: NewLead) -> NewLead:
        """Keep `new` on disk; if a request with its key is already spooled, keep that one
        (its reference is what the visitor was told) and return it."""
        private_directory(self.directory)
        target = self._path_for(new)
        try:
            return self._read(target)
        except FileNotFoundError:
            pass
        except (OSError, ValueError) as error:
            self._move_aside(target, f"not a readable lead: {error}")
        self._write_atomically(target, new.to_json())
        return new

    def pending(self) -> list[Path]:
        """Spooled files, oldest first."""
        if not self.directory.is_dir():
            return []
        entries = []
        for path in self.directory.glob("*.json"):
            try:
                entries.append((path.stat().st_mtime_ns, path.name, path))
            except FileNotFoundError:
                continue  # flushed meanwhile by another process
        return [path for _, _, path in sorted(entries)]

    def failed(self) -> list[Path]:
        if not self.failed_directory.is_dir():
            return []
        return sorted(path for path in self.failed_directory.iterdir() if path.is_file())

    def stale_temporary(self, now: datetime | None = None) -> list[Path]:
        """Temporary files older than STALE_TEMPORARY_AGE: a write that a crash interrupted."""
        if not self.directory.is_dir():
            return []
        horizon = (now or _now()) - STALE_TEMPORARY_AGE
        return sorted(
            path for path in self.directory.glob(TEMPORARY_PATTERN) if _modified(path) < horizon
        )

    def status(self, now: datetime | None = None) -> SpoolStatus:
        pending = self.pending()
        return SpoolStatus(
            pending=len(pending),
            oldest_pending_at=min((_modified(path) for path in pending), default=None),
            failed=len(self.failed()),
            stale_temporary=len(self.stale_temporary(now)),
        )

    def flush(self, repo: LeadRepository, now: datetime | None = None) -> int:
        """Store every spooled lead; returns how many were stored (or found already stored).

        An unreachable database stops the flush with a log line: the files not yet stored stay
        for the next flush, and `pending()` tells how many. A file the database refuses goes
        to failed/ and the next one is tried; so do stale temporary files.
        """
        for path in self.stale_temporary(now):
            self._move_aside(path, "a temporary file left by an interrupted write")
        flushed = 0
        for path in self.pending():
            try:
                new = self._read(path)
            except FileNotFoundError:
                continue  # another flush (action server or CLI) took it
            except (OSError, ValueError) as error:
                self._move_aside(path, f"not a readable lead: {error}")
                continue
            try:
                stored = repo.submit(new)
            except SQLAlchemyError as error:
                if not _refuses_this_record(error):
                    logger.warning("database unavailable, spool flush stopped: %s", error)
                    break
                self._move_aside(path, f"refused by the database: {type(error).__name__}")
                continue
            except (ValueError, RuntimeError) as error:
                self._move_aside(path, f"refused by the database: {type(error).__name__}")
                continue
            if stored.reference != new.reference:
                logger.info(
                    "spooled request %s is stored as %s (same request submitted twice)",
                    new.reference,
                    stored.reference,
                )
            self._remove(path)
            flushed += 1
        return flushed

    def purge_failed_older_than(self, cutoff: datetime) -> int:
        """Delete files in failed/ last changed before `cutoff`; returns how many."""
        old = [path for path in self.failed() if _modified(path) < cutoff]
        for path in old:
            path.unlink(missing_ok=True)
        return len(old)

    def _path_for(self, new: NewLead) -> Path:
        return self.directory / f"{new.idempotency_key}.json"

    def _read(self, path: Path) -> NewLead:
        return NewLead.from_json(path.read_text(encoding="utf-8"))

    def _remove(self, path: Path) -> None:
        path.unlink(missing_ok=True)
        _fsync_directory(self.directory)

    def _move_aside(self, path: Path, reason: str) -> None:
        private_directory(self.failed_directory)
        name = Path(path.name.lstrip("."))
        target = self.failed_directory / name
        copy = 1
        while target.exists():
            copy += 1
            target = self.failed_directory / f"{name.stem}.{copy}{name.suffix}"
        os.replace(path, target)
        _fsync_directory(self.directory)
        logger.error("spool file %s is %s; moved to %s", path, reason, target)

    def _write_atomically(self, target: Path, text: str) -> None:
        descriptor, temporary = tempfile.mkstemp(dir=self.directory, prefix=".", suffix=".tmp")
        try:
            with os.fdopen(descriptor, "w", encoding="utf-8") as handle:
                handle.write(text)
                handle.flush()
                os.fsync(handle.fileno())
            os.replace(temporary, target)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise
        _fsync_directory(self.directory)


def _fsync_directory(directory: Path) -> None:
    descriptor = os.open(directory, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)


def _refuses_this_record(error: SQLAlchemyError) -> bool:
    """The database refused this record's values (a constraint, a value it cannot hold, or one
    that could not even be bound), rather than failing for everyone (connection, schema)."""
    if isinstance(error, IntegrityError | DataError):
        return True
    return isinstance(error, StatementError) and not isinstance(error, DBAPIError)


def _modified(path: Path) -> datetime:
    return datetime.fromtimestamp(path.stat().st_mtime, timezone.utc)


def _now() -> datetime:
    return datetime.now(timezone.utc)
