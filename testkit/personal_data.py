"""Known visitor personal data to plant in requests, and a scan for it in logs and answers.

Each value is searched in the forms a service could print it: as typed, normalised (the phone
in E.164 and as bare digits) and in parts (surname, e-mail mailbox, a rare word of the concern),
all case-insensitively."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class PlantedVisitor:
    full_name: str
    surname: str
    phone: str
    phone_e164: str
    email: str
    concern: str
    # A word of the concern found nowhere else in the project.
    concern_marker: str

    def needles(self) -> tuple[str, ...]:
        digits = re.sub(r"\D", "", self.phone_e164)
        mailbox = self.email.split("@")[0]
        values = (self.full_name, self.surname, self.phone, self.phone_e164, digits[-10:])
        return (*values, self.email, mailbox, self.concern, self.concern_marker)


# Fictional: the 555-01xx numbers are reserved for fiction; example.com never receives mail.
VISITOR = PlantedVisitor(
    full_name="Ysolde Quarnby",
    surname="Quarnby",
    phone="(914) 555-0187",
    phone_e164="+19145550187",
    email="ysolde.quarnby@example.com",
    concern="my lower back aches since the zanderfell regatta",
    concern_marker="zanderfell",
)


@dataclass(frozen=True)
class Leak:
    source: str
    needle: str
    line: str


def find_leaks(texts: Mapping[str, str], visitor: PlantedVisitor = VISITOR) -> list[Leak]:
    """Every line of `texts` (source name -> text) that carries one of the visitor's values."""
    needles = [needle.lower() for needle in visitor.needles()]
    leaks = []
    for source, text in texts.items():
        for line in text.splitlines():
            lowered = line.lower()
            leaks += [Leak(source, needle, line[:200]) for needle in needles if needle in lowered]
    return leaks


def log_texts(log_dirs: Iterable[Path]) -> dict[str, str]:
    """Every file under the log directories, by path, decoded leniently."""
    return {
        str(path): path.read_text(encoding="utf-8", errors="replace")
        for directory in log_dirs
        for path in sorted(directory.rglob("*"))
        if path.is_file()
    }
