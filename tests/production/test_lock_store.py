"""The conversation lock on the production profile's Redis (rasa_server_plugins/lock_store.py):
tickets stay unique when instances issue them at the same moment, a message costs two round
trips, a busy conversation waits its turn, and expired tickets go."""

from __future__ import annotations

import asyncio
import threading
import time

import pytest
from rasa.utils.endpoints import EndpointConfig

from rasa_server_plugins.lock_store import AtomicRedisLockStore
from testkit.coroutines import run_coroutine
from tests.production.profile import Profile

pytestmark = pytest.mark.timeout(120)

INSTANCES = 8
TICKETS_EACH = 100


@pytest.fixture
def endpoint(profile: Profile) -> EndpointConfig:
    return EndpointConfig(
        url="127.0.0.1",
        type="rasa_server_plugins.lock_store.AtomicRedisLockStore",
        port=profile.port("redis"),
        password=(profile.var_dir / "redis_password").read_text().strip(),
        db=1,
    )


@pytest.fixture
def conversation_id(request: pytest.FixtureRequest) -> str:
    return f"lock-test-{request.node.name}-{time.time_ns()}"


def test_tickets_issued_at_once_by_many_instances_are_unique(
    endpoint: EndpointConfig, conversation_id: str
) -> None:
    # Rasa's RedisLockStore reads and then writes: 800 tickets issued this way had 179 numbers.
    issued: list[int] = []

    def instance() -> None:
        store = AtomicRedisLockStore(endpoint)
        issued.extend(store.issue_ticket(conversation_id, 60) for _ in range(TICKETS_EACH))

    threads = [threading.Thread(target=instance) for _ in range(INSTANCES)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(issued) == list(range(INSTANCES * TICKETS_EACH))


def test_a_message_takes_two_round_trips_and_leaves_no_lock(
    endpoint: EndpointConfig, conversation_id: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = AtomicRedisLockStore(endpoint)
    commands: list[str] = []
    execute = store.red.execute_command

    def counted(*args: object, **kwargs: object) -> object:
        commands.append(str(args[0]))
        return execute(*args, **kwargs)

    monkeypatch.setattr(store.red, "execute_command", counted)

    async def one_message() -> None:
        async with store.lock(conversation_id) as lock:
            assert not lock.is_locked(0)

    run_coroutine(one_message())  # loads the scripts
    commands.clear()
    run_coroutine(one_message())
    assert commands == ["EVALSHA", "EVALSHA"]
    assert store.get_lock(conversation_id) is None


def test_a_busy_conversation_waits_for_the_message_before(
    endpoint: EndpointConfig, conversation_id: str
) -> None:
    first, second = AtomicRedisLockStore(endpoint), AtomicRedisLockStore(endpoint)
    order: list[str] = []

    async def handle(store: AtomicRedisLockStore, name: str, seconds: float) -> None:
        async with store.lock(conversation_id, wait_time_in_seconds=0.05):
            order.append(f"{name} starts")
            await asyncio.sleep(seconds)
            order.append(f"{name} ends")

    async def both() -> None:
        await asyncio.gather(handle(first, "first", 0.3), handle(second, "second", 0))

    run_coroutine(both())
    assert order == ["first starts", "first ends", "second starts", "second ends"]
    assert first.get_lock(conversation_id) is None


def test_an_expired_ticket_no_longer_holds_the_conversation(
    endpoint: EndpointConfig, conversation_id: str
) -> None:
    crashed, alive = AtomicRedisLockStore(endpoint), AtomicRedisLockStore(endpoint)
    crashed.issue_ticket(conversation_id, 0.05)  # an instance killed while it held the lock
    time.sleep(0.2)

    async def one_message() -> bool:
        async with alive.lock(conversation_id, lock_lifetime=60, wait_time_in_seconds=0.05) as lock:
            return len(lock.tickets) == 1

    assert run_coroutine(one_message(), deadline=5)
    assert alive.get_lock(conversation_id) is None
