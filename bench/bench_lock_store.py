"""CPU and wall-clock time of the conversation lock per message: Rasa's RedisLockStore beside the
project's AtomicRedisLockStore (docs/performance.md).

    .venv/bin/python -m bench.bench_lock_store --port 6390 [--password-file FILE] [--messages N]

Needs a running Redis on 127.0.0.1 (the production profile's, or `redis-server --port N`). Each
message takes and releases the lock of one of 50 conversations, one after another, as a Rasa
instance does per turn; the figures are this process's CPU (what a Rasa instance spends) and the
wall-clock time, per message. Keys go to database 1 under Rasa's lock prefix and are released.
"""

from __future__ import annotations

import argparse
import asyncio
import time
from pathlib import Path

from rasa.core.lock_store import LockStore, RedisLockStore
from rasa.utils.endpoints import EndpointConfig

from rasa_server_plugins.lock_store import AtomicRedisLockStore

CONVERSATIONS = 50
WARM_UP = 200


async def take_and_release(store: LockStore, messages: int) -> None:
    for number in range(messages):
        async with store.lock(f"bench-lock-{number % CONVERSATIONS}"):
            pass


def per_message(store: LockStore, messages: int) -> tuple[float, float]:
    """Milliseconds of CPU and of wall-clock time per message."""
    asyncio.run(take_and_release(store, WARM_UP))
    cpu, wall = time.process_time(), time.perf_counter()
    asyncio.run(take_and_release(store, messages))
    return (
        1000 * (time.process_time() - cpu) / messages,
        1000 * (time.perf_counter() - wall) / messages,
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--password-file", type=Path)
    parser.add_argument("--messages", type=int, default=3000)
    arguments = parser.parse_args()
    password = arguments.password_file.read_text().strip() if arguments.password_file else None
    settings = {"port": arguments.port, "password": password, "db": 1}
    stores: dict[str, LockStore] = {
        "Rasa's RedisLockStore": RedisLockStore(host="127.0.0.1", **settings),
        "AtomicRedisLockStore": AtomicRedisLockStore(EndpointConfig(url="127.0.0.1", **settings)),
    }
    print("| lock store | CPU per message | wall-clock per message |")
    print("|---|---|---|")
    for name, store in stores.items():
        cpu, wall = per_message(store, arguments.messages)
        print(f"| {name} | {cpu:.2f} ms | {wall:.2f} ms |")


if __name__ == "__main__":
    main()
