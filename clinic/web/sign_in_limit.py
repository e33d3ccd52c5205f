"""A limit on failed staff sign-ins per client address, and which address a request comes from.

Behind a reverse proxy every request arrives from the proxy's address: only when it comes from
a configured trusted proxy is the client address read from `X-Forwarded-For`, and then the
right-most entry the trusted proxies did not add themselves (a client can write anything to
the left of it).
"""

from __future__ import annotations

import ipaddress
import threading
from collections import deque
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta

from clinic.timeutil import utc_now


@dataclass(frozen=True)
class AddressLimit:
    max_failures: int = 20
    window: timedelta = timedelta(minutes=15)


DEFAULT_ADDRESS_LIMIT = AddressLimit()


class SignInThrottle:
    """Failed sign-ins per client address in a sliding window, kept in this process's memory.

    Thread-safe; addresses whose failures are all older than the window are forgotten."""

    def __init__(
        self, limit: AddressLimit = DEFAULT_ADDRESS_LIMIT, clock: Callable[[], datetime] = utc_now
    ) -> None:
        self.limit = limit
        self._clock = clock
        self._failures: dict[str, deque[datetime]] = {}
        self._lock = threading.Lock()

    def blocked(self, address: str) -> bool:
        with self._lock:
            self._forget_old(self._clock())
            return len(self._failures.get(address, ())) >= self.limit.max_failures

    def record_failure(self, address: str) -> None:
        with self._lock:
            now = self._clock()
            self._forget_old(now)
            self._failures.setdefault(address, deque()).append(now)

    def _forget_old(self, now: datetime) -> None:
        horizon = now - self.limit.window
        for address in list(self._failures):
            moments = self._failures[address]
            while moments and moments[0] <= horizon:
                moments.popleft()
            if not moments:
                del self._failures[address]


def parse_trusted_proxies(text: str) -> frozenset[str]:
    """Comma-separated IP addresses, as the proxies connect to this server; ValueError else."""
    addresses = [part.strip() for part in text.split(",") if part.strip()]
    return frozenset(str(ipaddress.ip_address(address)) for address in addresses)


def client_address(
    remote_addr: str | None, forwarded_for: Iterable[str], trusted_proxies: frozenset[str]
) -> str:
    """The address to limit: the peer itself unless it is a trusted proxy."""
    peer = remote_addr or "unknown"
    if peer not in trusted_proxies:
        return peer
    hops = [hop.strip() for header in forwarded_for for hop in header.split(",") if hop.strip()]
    for hop in reversed(hops):
        if hop not in trusted_proxies:
            return hop
    return peer
