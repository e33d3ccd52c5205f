"""The figures of both floors tests (tests/rasa/test_nlu_floors.py and test_triage_floors.py):
`bench.nlu_evaluate MODEL --output NLU_OUTPUT` and `bench.bench_triage --project-only --model MODEL
--output TRIAGE_OUTPUT`, side by side in two processes: on 2 cores the two model loads and the two
benches' parses run at once. The triage bench's output follows the NLU bench's.

Usage: .venv/bin/python -m bench.floor_figures MODEL NLU_OUTPUT TRIAGE_OUTPUT
"""

from __future__ import annotations

import subprocess
import sys

from bench import nlu_evaluate


def main(argv: list[str]) -> int:
    model, nlu_output, triage_output = argv
    triage = subprocess.Popen(
        [sys.executable, "-m", "bench.bench_triage", "--project-only", "--model", model,
         "--output", triage_output],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )  # fmt: skip
    try:
        status = nlu_evaluate.main([model, "--output", nlu_output])
    finally:
        # Also when the NLU bench failed: the triage bench is never left running on its own.
        triage_stdout, triage_stderr = triage.communicate()
    sys.stdout.write(triage_stdout)
    sys.stderr.write(triage_stderr)
    return status or triage.returncode


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
