"""Multi-turn conversations over REST on the running Rasa and action servers, one test each:
tests/dialogue/suite.yml (written by authors who never saw the rules) and tests/dialogue/dev.yml
(the runner's development set). Every turn's labels (clinic/conversations/labels.py, from the
tracker's events) must meet the turn's expectation, and a conversation that books must leave
exactly one lead, any other none (testkit/dialogue.py).

Each conversation's report (what was said, expected and labelled) is saved under
test-artifacts/dialogue/.
"""

import pytest

from testkit.dialogue import Assistant, Conversation, load_conversations, play
from testkit.stack import REPO_ROOT, SharedStacks, StackSettings, clinic_config_text

# The clinic open on Mondays 08:00-18:00, Rasa's HTTP API open to the stack's token (the labels
# come from the tracker); test_rest_followups.py shares the stack.
OPEN_ON_MONDAYS = StackSettings(
    clinic_config=clinic_config_text({"monday": "08:00-18:00"}), api=True
)
SETS = REPO_ROOT / "tests" / "dialogue"
REPORTS = REPO_ROOT / "test-artifacts" / "dialogue"
# Conversations of the suite the assistant does not manage yet, each with the gap it shows.
KNOWN_GAPS: dict[str, str] = {}


def cases(name: str) -> list:
    return [
        pytest.param(
            conversation,
            id=conversation.id,
            marks=[pytest.mark.xfail(reason=KNOWN_GAPS[conversation.id], strict=True)]
            if conversation.id in KNOWN_GAPS
            else [],
        )
        for conversation in load_conversations(SETS / name)
    ]


@pytest.fixture(scope="module")
def assistant(shared_stacks: SharedStacks) -> Assistant:
    running = shared_stacks.get("e2e-dialogue", ["actions", "rasa"], OPEN_ON_MONDAYS)
    assert running.api_token is not None
    return Assistant(running.ports.rasa, running.api_token, running.leads_db_url)


def check(conversation: Conversation, assistant: Assistant) -> None:
    result = play(conversation, assistant, prefix="e2e-dialogue")
    REPORTS.mkdir(parents=True, exist_ok=True)
    (REPORTS / f"{conversation.id}.txt").write_text(result.report() + "\n", encoding="utf-8")
    assert result.ok, result.report()


@pytest.mark.parametrize("conversation", cases("suite.yml"))
def test_suite_conversation(assistant, conversation):
    check(conversation, assistant)


@pytest.mark.parametrize("conversation", cases("dev.yml"))
def test_dev_conversation(assistant, conversation):
    check(conversation, assistant)
