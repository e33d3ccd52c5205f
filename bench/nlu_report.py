"""The bench's printed table."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any

Row = Mapping[str, Any]


def _percent(value: float | None) -> str:
    return "n/a" if value is None else f"{value * 100:.1f}%"


def _number(digits: int) -> Callable[[float | None], str]:
    def formatted(value: float | None) -> str:
        return "n/a" if value is None else f"{value:.{digits}f}"

    return formatted


def _aligned(header: list[str], lines: list[list[str]], left: int) -> list[str]:
    """The header, a rule and the lines, each column as wide as its widest cell: the first
    `left` columns (names) aligned left, the figures right."""
    widths = [max(len(cells[i]) for cells in [header, *lines]) for i in range(len(header))]

    def render(cells: list[str]) -> str:
        return "  ".join(
            cell.ljust(width) if column < left else cell.rjust(width)
            for column, (cell, width) in enumerate(zip(cells, widths, strict=True))
        )

    return [render(header), "  ".join("-" * width for width in widths)] + [
        render(cells) for cells in lines
    ]


# (header, result key, formatter) per column after the pipeline name; keys of
# bench.nlu_evaluate.headline() and of the pipeline's result.
COLUMNS: tuple[tuple[str, str, Callable[[Any], str]], ...] = (
    ("in-scope acc", "accuracy", _percent),
    ("wrongly rejected", "false_rejection", _percent),
    ("own OOS rejected", "rejected: own out-of-scope", _percent),
    ("CLINC150 val rejected", "rejected: CLINC150 validation", _percent),
    ("boundary safe", "boundary_safe", _percent),
    ("boundary dedicated", "boundary_dedicated", _percent),
    ("median ms", "median_ms", _number(1)),
    ("p95 ms", "p95_ms", _number(1)),
    ("train s", "train_seconds", _number(1)),
    ("model MB", "model_mb", _number(1)),
)


def format_table(rows: Sequence[Row]) -> str:
    """Aligned text table; a failed pipeline shows its error instead of figures."""
    header = ["pipeline", *(title for title, _, _ in COLUMNS)]
    lines: list[list[str]] = []
    failures: list[str] = []
    for row in rows:
        if "error" in row:
            failures.append(f"{row['pipeline']}: FAILED: {row['error']}")
            continue
        lines.append([row["pipeline"], *(fmt(row.get(key)) for _, key, fmt in COLUMNS)])
    return "\n".join(_aligned(header, lines, left=1) + failures)


# (header, key of bench.nlu_evaluate.language_rows()) per column after pipeline and set.
LANGUAGE_COLUMNS: tuple[tuple[str, str], ...] = (
    ("in-scope acc", "accuracy"),
    ("wrongly rejected", "false_rejection"),
    ("rejected", "rejected"),
    ("boundary safe", "boundary_safe"),
    ("boundary dedicated", "boundary_dedicated"),
)


def format_language_table(rows: Sequence[tuple[str, Row]]) -> str:
    """Aligned text table, one line per (pipeline, held-out set not in English): "Spanish
    in-scope", "Spanish boundary", "Spanish out-of-scope"; a figure its kind has not is "-"."""
    header = ["pipeline", "set", "messages", *(title for title, _ in LANGUAGE_COLUMNS)]
    lines = [
        [
            pipeline,
            row["set"],
            str(row["messages"]),
            *(_percent(row[key]) if key in row else "-" for _, key in LANGUAGE_COLUMNS),
        ]
        for pipeline, row in rows
    ]
    return "\n".join(_aligned(header, lines, left=2))
