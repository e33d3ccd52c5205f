"""A local folder that keeps booking requests while the database cannot be reached.

Each request is one JSON file named after its idempotency key, written atomically (temporary
file, fsync, rename). Flushing stores a file's lead and deletes the file only after the commit;
a crash in between leaves the file, and the next flush finds the lead already stored under the
same key, so nothing is written twice. A file that cannot be read as a lead is moved to
failed/ for a person to look at, never deleted.
"""

from __future__ import annotations

import logging
import os
import tempfile
from pathlib import Path

from sqlalchemy.exc import SQLAlchemyError

from clinic.leads.records import NewLead
from clinic.leads.repository import LeadRepository
from clinic.paths import VAR_DIR, private_directory

SPOOL_DIR_ENV = "LEADS_SPOOL_DIR"
DEFAULT_SPOOL_DIR = VAR_DIR / "spool"
FAILED_DIR_NAME = "failed"

logger = logging.getLogger(__name__)


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
            self._move_aside(target, error)
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

    def flush(self, repo: LeadRepository) -> int:
        """Store every spooled lead; returns how many were stored (or found already stored).

        A database error stops the flush with a log line: the files not yet stored stay for
        the next flush, and `pending()` tells how many.
        """
        flushed = 0
        for path in self.pending():
            try:
                new = self._read(path)
            except FileNotFoundError:
                continue  # another flush (action server or CLI) took it
            except (OSError, ValueError) as error:
                self._move_aside(path, error)
                continue
            try:
                stored = repo.submit(new)
            except SQLAlchemyError as error:
                logger.warning("database unavailable, spool flush stopped: %s", error)
                break
            if stored.reference != new.reference:
                logger.info(
                    "spooled request %s is stored as %s (same request submitted twice)",
                    new.reference,
                    stored.reference,
                )
            self._remove(path)
            flushed += 1
        return flushed

    def _path_for(self, new: NewLead) -> Path:
        return self.directory / f"{new.idempotency_key}.json"

    def _read(self, path: Path) -> NewLead:
        return NewLead.from_json(path.read_text(encoding="utf-8"))

    def _remove(self, path: Path) -> None:
        path.unlink(missing_ok=True)
        _fsync_directory(self.directory)

    def _move_aside(self, path: Path, error: Exception) -> None:
        private_directory(self.failed_directory)
        target = self.failed_directory / path.name
        copy = 1
        while target.exists():
            copy += 1
            target = self.failed_directory / f"{path.stem}.{copy}{path.suffix}"
        os.replace(path, target)
        _fsync_directory(self.directory)
        logger.error("spool file %s is not a readable lead (%s); moved to %s", path, error, target)

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
