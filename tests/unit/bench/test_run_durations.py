from pathlib import Path

from bench.run_durations import by_directory, durations, main

LOG = """\
============================= slowest durations ==============================
83.10s setup    tests/rasa/test_nlu_floors.py::test_the_bench_prints_no_held_out_message
12.50s call     tests/e2e/test_rest_booking.py::test_cancel_in_the_middle_saves_nothing
2.00s teardown tests/e2e/test_rest_booking.py::test_cancel_in_the_middle_saves_nothing
1.50s call     tests/e2e/test_rest_triage.py::test_x[I can't feel my legs :: now]
0.40s call     tests/rasa/test_nlu_floors.py::test_in_scope_questions_get_their_answer
(1 durations < 0.005s hidden.  Use -vv to show these durations.)
"""


def test_durations_are_summed_by_module_and_phase():
    modules = durations(LOG.splitlines())

    assert set(modules) == {
        "tests/rasa/test_nlu_floors.py",
        "tests/e2e/test_rest_booking.py",
        "tests/e2e/test_rest_triage.py",
    }
    floors = modules["tests/rasa/test_nlu_floors.py"]
    assert floors.by_phase == {"setup": 83.1, "call": 0.4, "teardown": 0.0}
    assert modules["tests/e2e/test_rest_booking.py"].total == 14.5


def test_directories_add_their_modules():
    directories = by_directory(durations(LOG.splitlines()))

    assert sorted(directories) == ["tests/e2e", "tests/rasa"]
    assert directories["tests/e2e"].by_phase == {"setup": 0.0, "call": 14.0, "teardown": 2.0}


def test_the_tables_put_the_slowest_first(tmp_path: Path, capsys):
    log = tmp_path / "run.log"
    log.write_text(LOG, encoding="utf-8")

    assert main([str(log)]) == 0
    printed = capsys.readouterr().out
    assert printed.index("| tests/rasa |") < printed.index("| tests/e2e |")
    assert "| tests/rasa | 83.1 | 0.4 | 0.0 | 83.5 |" in printed
    assert "| all | | | | 99.5 |" in printed
