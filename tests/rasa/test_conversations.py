from pathlib import Path

from tests.support.rasa_cli import REPO_ROOT, run_rasa, trained_model

CONVERSATION_TESTS = sorted(str(path) for path in REPO_ROOT.glob("tests/test_*.yml"))


def test_there_are_conversation_tests():
    names = {Path(path).name for path in CONVERSATION_TESTS}
    assert {"test_faq.yml", "test_conversations.yml", "test_booking.yml"} <= names


def test_conversations_follow_the_test_stories(tmp_path):
    result = run_rasa(
        "test",
        "core",
        "--model",
        str(trained_model()),
        "--stories",
        *CONVERSATION_TESTS,
        "--fail-on-prediction-errors",
        "--out",
        str(tmp_path),
    )
    failed = tmp_path / "failed_test_stories.yml"
    details = (
        failed.read_text() if failed.exists() else result.stdout[-5000:] + result.stderr[-5000:]
    )
    assert result.returncode == 0, details
