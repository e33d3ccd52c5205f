"""The stacks test modules share (testkit.stack.SharedStacks): one per distinct setting, each
with ports and a work folder of its own, and all of them stopped at once. No server starts here:
Stack.start is replaced by a recorder, the processes are `sleep`s."""

import subprocess
from pathlib import Path

import pytest

from testkit.stack import (
    SHARED_PORTS,
    SharedStacks,
    Stack,
    StackSettings,
    _Service,
    clinic_config_text,
    stop_stacks,
)


@pytest.fixture
def started(monkeypatch: pytest.MonkeyPatch) -> list[tuple[Stack, list[str]]]:
    calls: list[tuple[Stack, list[str]]] = []
    monkeypatch.setattr(Stack, "start", lambda stack, services: calls.append((stack, services)))
    return calls


def test_equal_settings_share_one_stack_and_other_settings_get_their_own(tmp_path, started):
    stacks = SharedStacks(tmp_path)
    plain = stacks.get("first", ["actions"], StackSettings())
    again = stacks.get("second", ["actions", "rasa"], StackSettings())
    monday = StackSettings(clinic_config=clinic_config_text({"monday": "08:00-18:00"}), api=True)
    other = stacks.get("third", ["actions", "rasa"], monday)

    assert again is plain and other is not plain
    assert [(stack, services) for stack, services in started] == [
        (plain, ["actions"]),
        (plain, ["actions", "rasa"]),
        (other, ["actions", "rasa"]),
    ]
    assert plain.ports.rasa == SHARED_PORTS.rasa and other.ports.rasa == SHARED_PORTS.rasa + 1
    assert len({plain.ports.site, plain.ports.staff, other.ports.site, other.ports.staff}) == 4
    assert plain.work_dir != other.work_dir
    assert plain.log_dir.name == "shared-0-first" and other.log_dir.name == "shared-1-third"


def test_a_stack_reads_its_own_clinic_config_and_opens_the_api_only_when_asked(tmp_path, started):
    stacks = SharedStacks(tmp_path)
    text = clinic_config_text({"monday": "08:00-18:00"})
    configured = stacks.get("configured", ["rasa"], StackSettings(clinic_config=text, api=True))
    plain = stacks.get("plain", ["rasa"], StackSettings(extra_env=(("CHAT_X", "1"),)))

    assert Path(configured.extra_env["CLINIC_CONFIG"]).read_text(encoding="utf-8") == text
    assert configured.api_token
    assert plain.api_token is None
    assert dict(plain.extra_env) == {"CHAT_X": "1"}


def test_stop_stacks_ends_every_service_of_every_stack(tmp_path):
    stacks = [
        Stack(work_dir=tmp_path / name, log_dir=tmp_path / name, staff_secret_key="k")
        for name in ("one", "two")
    ]
    processes = []
    for stack in stacks:
        for name in ("actions", "rasa"):
            process = subprocess.Popen(["sleep", "60"], start_new_session=True)
            processes.append(process)
            stack._services.append(_Service(name, process, "", tmp_path / f"{name}.log"))

    stop_stacks(stacks)

    assert [process.poll() for process in processes] == [-15] * 4
    assert all(stack.process_ids() == {} for stack in stacks)
