"""Rasa's Redis lock store with each change of a conversation's lock made in one step.

Rasa's RedisLockStore takes seven round trips to Redis for a message (a read and a write to issue
the ticket, a read to acquire it, two reads, a write and a delete to release it), and its
read-then-write is not atomic: two instances that issue a ticket for one conversation at the same
moment can both get ticket 0 and handle that conversation at once, which is what the lock is for.
Here issuing and releasing are each one Lua script that Redis runs atomically: two round trips for
a message whose conversation nobody else holds. The lock keeps Rasa's stored form (TicketLock's
JSON), so Rasa's own wait loop still reads it when a conversation is busy.

`type: rasa_server_plugins.lock_store.AtomicRedisLockStore` in endpoints.yml, with the settings
of Rasa's `type: redis`.
"""

from __future__ import annotations

import json
import time
from collections.abc import AsyncGenerator
from contextlib import asynccontextmanager

from rasa.core.lock import TicketLock
from rasa.core.lock_store import LOCK_LIFETIME, RedisLockStore
from rasa.utils.endpoints import EndpointConfig

# Shared by both scripts. KEYS[1] is the lock's key, ARGV[1] the time now, ARGV[2] the
# conversation id. Rasa's TicketLock stores each ticket as a JSON string inside the lock's JSON.
_TICKETS = """
local now = tonumber(ARGV[1])

-- The tickets that have not expired, oldest first.
local function kept_tickets()
    local kept = {}
    local raw = redis.call('GET', KEYS[1])
    if raw then
        for _, text in ipairs(cjson.decode(raw).tickets) do
            local ticket = cjson.decode(text)
            if ticket.expires >= now then
                table.insert(kept, ticket)
            end
        end
    end
    return kept
end

-- Stores the tickets in TicketLock's form, or deletes the lock when none is left; returns the
-- stored text (false when deleted).
local function store(kept)
    if #kept == 0 then
        redis.call('DEL', KEYS[1])
        return false
    end
    local texts = {}
    for i, ticket in ipairs(kept) do
        texts[i] = cjson.encode({number = ticket.number, expires = ticket.expires})
    end
    local stored = cjson.encode({conversation_id = ARGV[2], tickets = texts})
    redis.call('SET', KEYS[1], stored)
    return stored
end
"""

# ARGV[3] is the ticket's lifetime in seconds. Returns the new ticket's number and the stored lock.
ISSUE_SCRIPT = (
    _TICKETS
    + """
local kept = kept_tickets()
local number = 0
if #kept > 0 then
    number = kept[#kept].number + 1
end
table.insert(kept, {number = number, expires = now + tonumber(ARGV[3])})
return {number, store(kept)}
"""
)

# ARGV[3] is the ticket to remove ('' for none: only the expired tickets go).
RELEASE_SCRIPT = (
    _TICKETS
    + """
local kept = kept_tickets()
if ARGV[3] ~= '' then
    for i, ticket in ipairs(kept) do
        if ticket.number == tonumber(ARGV[3]) then
            table.remove(kept, i)
            break
        end
    end
end
return store(kept)
"""
)


class AtomicRedisLockStore(RedisLockStore):
    """Rasa's RedisLockStore whose ticket issue and release are each one atomic script."""

    def __init__(self, endpoint_config: EndpointConfig) -> None:
        super().__init__(host=endpoint_config.url, **endpoint_config.kwargs)
        self._issue = self.red.register_script(ISSUE_SCRIPT)
        self._release = self.red.register_script(RELEASE_SCRIPT)

    def _key(self, conversation_id: str) -> str:
        return self.key_prefix + conversation_id

    def issue_ticket(self, conversation_id: str, lock_lifetime: float = LOCK_LIFETIME) -> int:
        number, _ = self._issue_ticket(conversation_id, lock_lifetime)
        return number

    def _issue_ticket(self, conversation_id: str, lock_lifetime: float) -> tuple[int, TicketLock]:
        number, stored = self._issue(
            keys=[self._key(conversation_id)],
            args=[repr(time.time()), conversation_id, repr(float(lock_lifetime))],
        )
        return int(number), TicketLock.from_dict(json.loads(stored))

    @asynccontextmanager
    async def lock(
        self,
        conversation_id: str,
        lock_lifetime: float = LOCK_LIFETIME,
        wait_time_in_seconds: float = 1,
    ) -> AsyncGenerator[TicketLock, None]:
        """Rasa's lock, with the lock as issued read for the first attempt to acquire it: a
        conversation nobody else holds costs no further read."""
        ticket, issued = self._issue_ticket(conversation_id, lock_lifetime)
        try:
            if not issued.is_locked(ticket):
                yield issued
            else:
                yield await self._acquire_lock(conversation_id, ticket, wait_time_in_seconds)
        finally:
            self.cleanup(conversation_id, ticket)

    def update_lock(self, conversation_id: str) -> None:
        """Remove the expired tickets (Rasa's wait loop) without losing one issued meanwhile."""
        self._run_release(conversation_id, "")

    def cleanup(self, conversation_id: str, ticket_number: int) -> None:
        """Remove the ticket, and the lock when no one else holds a ticket."""
        self._run_release(conversation_id, str(ticket_number))

    def _run_release(self, conversation_id: str, ticket: str) -> None:
        self._release(
            keys=[self._key(conversation_id)], args=[repr(time.time()), conversation_id, ticket]
        )
