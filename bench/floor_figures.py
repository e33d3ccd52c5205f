"""The figures of both floors tests (tests/rasa/test_nlu_floors.py and test_triage_floors.py)
from one load of the trained model: `bench.nlu_evaluate MODEL --output NLU_OUTPUT`, then
`bench.bench_triage --project-only --model MODEL --output TRIAGE_OUTPUT`, in one process whose
two runs parse with the same loaded model instead of loading it once each.

Usage: .venv/bin/python -m bench.floor_figures MODEL NLU_OUTPUT TRIAGE_OUTPUT
"""

from __future__ import annotations

import sys
from pathlib import Path

from bench import bench_triage, nlu_evaluate, nlu_parse


def main(argv: list[str]) -> int:
    model, nlu_output, triage_output = argv
    loaded = nlu_parse.TimedParser(Path(model))

    def same_parser(_: Path) -> nlu_parse.TimedParser:
        return loaded

    # Both benches build their parser with bench.nlu_parse.TimedParser(model) when they run.
    nlu_parse.TimedParser = same_parser  # type: ignore[assignment,misc]
    status = nlu_evaluate.main([model, "--output", nlu_output])
    if status:
        return status
    return bench_triage.main(["--project-only", "--model", model, "--output", triage_output])


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
