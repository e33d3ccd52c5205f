"""`make test` (scripts/test.sh) runs the tests that need no trained model while the model trains,
then the rest: together the two runs must be every test path of pyproject.toml, and the first may
hold no test that loads the model (it would race the training)."""

from __future__ import annotations

import re
from pathlib import Path

import tomli

from clinic.paths import REPO_ROOT

SCRIPT = REPO_ROOT / "scripts" / "test.sh"
# What loads the trained model: a test taking a stack (a Rasa server), the floors' bench, the model
# file itself. tests/unit/testkit tests the stack machinery with its start replaced.
MODEL_USERS = re.compile(
    r"def \w+\([^)]*\b(started_stack|shared_stacks)\b|floor_figures|proclinix\.tar|import MODEL"
)
MACHINERY = REPO_ROOT / "tests" / "unit" / "testkit"


def _pytest_runs() -> list[list[str]]:
    """The arguments of each plain `.venv/bin/pytest` run of the script (not the `"$@"` one)."""
    text = SCRIPT.read_text(encoding="utf-8").replace("\\\n", " ")
    return [
        line.split("||")[0].split()[1:]
        for line in text.splitlines()
        if line.strip().startswith(".venv/bin/pytest tests/")
    ]


def _testpaths() -> list[str]:
    with (REPO_ROOT / "pyproject.toml").open("rb") as file:
        return tomli.load(file)["tool"]["pytest"]["ini_options"]["testpaths"]


def test_the_two_runs_hold_every_test_path_once():
    before_model, after_model = _pytest_runs()
    ignored = after_model[after_model.index("--ignore") + 1]
    assert ignored in before_model
    paths = [path for path in before_model + after_model if path != ignored and path != "--ignore"]
    covered = sorted({path.split("/")[0] + "/" + path.split("/")[1] for path in paths})
    assert covered == sorted(_testpaths())
    assert len(paths) == len(set(paths))


def test_nothing_run_while_the_model_trains_loads_the_model():
    before_model, _ = _pytest_runs()
    files = [
        file
        for path in before_model
        for file in (
            [REPO_ROOT / path] if path.endswith(".py") else (REPO_ROOT / path).rglob("*.py")
        )
    ]
    assert len(files) > 100
    users = [
        str(file.relative_to(REPO_ROOT))
        for file in files
        if MACHINERY not in file.parents
        and file != Path(__file__)
        and MODEL_USERS.search(file.read_text(encoding="utf-8"))
    ]
    assert users == []


def test_the_check_finds_the_tests_that_do_load_the_model():
    for module in ("tests/e2e/test_rest_booking.py", "tests/rasa/test_nlu_floors.py"):
        assert MODEL_USERS.search((REPO_ROOT / module).read_text(encoding="utf-8")), module
