"""Multi-turn conversations over REST on the running Rasa and action servers, one test each:
tests/dialogue/suite.yml (written by authors who never saw the rules) and tests/dialogue/dev.yml
(the runner's development set). Every turn's labels (clinic/conversations/labels.py, from the
tracker's events) must meet the turn's expectation, and a conversation that books must leave
exactly one lead, any other none (testkit/dialogue.py).

Each conversation's report (what was said, expected and labelled) is saved under
test-artifacts/dialogue/.
"""

import secrets

import pytest

from testkit.dialogue import Assistant, Conversation, load_conversations, play
from testkit.stack import REPO_ROOT, StackPorts, started_stack, write_clinic_config

PORTS = StackPorts.from_env(StackPorts(rasa=5112, actions=5162, site=8192, staff=8193))
SETS = REPO_ROOT / "tests" / "dialogue"
REPORTS = REPO_ROOT / "test-artifacts" / "dialogue"
# Conversations of the suite the assistant does not manage yet, each with the gap it shows.
KNOWN_GAPS = {
    "c046": "triage: chest pain alongside neck stiffness gets the neck answer, neither the "
    "symptom check nor the emergency answer",
    "d009": 'a yes worded as a wish ("ok yes, I\'d like to ask a practitioner") after the '
    "practitioner-first answer is read as a question the article does not answer",
    "d010": 'blood thinners asked about ART ("is active release ok for me?") get the '
    "medication answer, not ask a practitioner first",
}


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
def assistant(tmp_path_factory):
    work = tmp_path_factory.mktemp("e2e-dialogue")
    config = write_clinic_config(work, {"monday": "08:00-18:00"})
    token = secrets.token_hex(16)
    with started_stack(
        "e2e-dialogue",
        work,
        PORTS,
        ["actions", "rasa"],
        extra_env={"CLINIC_CONFIG": str(config)},
        api_token=token,
    ) as running:
        yield Assistant(running.ports.rasa, token, running.leads_db_url)


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
