import shutil
from pathlib import Path

from testkit.rasa_cli import REPO_ROOT, run_rasa, trained_model

CONVERSATION_TESTS = sorted(str(path) for path in REPO_ROOT.glob("tests/test_*.yml"))


def test_there_are_conversation_tests():
    names = {Path(path).name for path in CONVERSATION_TESTS}
    assert {"test_faq.yml", "test_conversations.yml", "test_booking.yml"} <= names


def test_conversations_follow_the_test_stories(tmp_path):
    # `--stories` takes one path: gather the conversation tests in a folder of their own.
    # `--e2e` runs every user message through the NLU model too (intents and FAQ topics).
    stories = tmp_path / "stories"
    stories.mkdir()
    for path in CONVERSATION_TESTS:
        shutil.copy(path, stories)
    result = run_rasa(
        "test",
        "core",
        "--model",
        str(trained_model()),
        "--stories",
        str(stories),
        "--e2e",
        "--fail-on-prediction-errors",
        "--out",
        str(tmp_path / "results"),
    )
    failed = tmp_path / "results" / "failed_test_stories.yml"
    details = (
        failed.read_text() if failed.exists() else result.stdout[-5000:] + result.stderr[-5000:]
    )
    assert result.returncode == 0, details
