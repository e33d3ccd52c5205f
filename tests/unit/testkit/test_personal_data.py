"""The scan behind tests/security/test_personal_data_stays_out_of_logs.py finds a planted value
in whatever form a service would print it, and nothing in a clean log."""

from __future__ import annotations

import pytest

from testkit.personal_data import VISITOR, find_leaks, log_texts

CLEAN_LOG = (
    "2026-11-26 16:26:46 INFO     actions.submit  - Stored booking request PCX-000123\n"
    "2026-11-26 16:26:47 INFO     root  - Rasa server is up and running.\n"
)


@pytest.mark.parametrize(
    ("line", "needle"),
    [
        ("slots: {'full_name': 'Ysolde Quarnby'}", "ysolde quarnby"),
        ("contact=+19145550187", "+19145550187"),
        ("phone 9145550187 refused", "9145550187"),
        ("reply-to: YSOLDE.QUARNBY@EXAMPLE.COM", "ysolde.quarnby@example.com"),
        ("text: 'aches since the Zanderfell regatta'", "zanderfell"),
    ],
)
def test_personal_data_scan_finds_a_planted_value_in_a_log(line, needle):
    leaks = find_leaks({"rasa.log": CLEAN_LOG + line + "\n"})
    assert [leak.source for leak in leaks] == ["rasa.log"] * len(leaks)
    assert needle in [leak.needle for leak in leaks]
    assert all(leak.line == line for leak in leaks)


def test_personal_data_scan_finds_nothing_in_a_clean_log():
    assert find_leaks({"actions.log": CLEAN_LOG}) == []


def test_personal_data_scan_reads_every_file_under_the_log_folders(tmp_path):
    (tmp_path / "rasa").mkdir()
    (tmp_path / "rasa" / "rasa.log").write_text(CLEAN_LOG, encoding="utf-8")
    (tmp_path / "staff.log").write_bytes(b"\xff " + VISITOR.email.encode())
    logs = log_texts([tmp_path])
    assert sorted(logs) == [str(tmp_path / "rasa" / "rasa.log"), str(tmp_path / "staff.log")]
    assert {leak.source for leak in find_leaks(logs)} == {str(tmp_path / "staff.log")}
