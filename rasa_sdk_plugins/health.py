"""The action server's `GET /health`: the spool's backlog and failed records, not a fixed "ok".

The answer is 200 while the server runs (a booking request is still taken, spooled if need be),
with `"status": "attention"` and the counts when requests wait for the database or spool files
failed, so monitoring can alert on it. It carries counts only, never a lead.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable

from sanic.request import Request
from sanic.response import HTTPResponse
from sanic.response import json as json_response

from clinic.leads.spool import SpoolStatus

HEALTH_ROUTE = ("GET", "/health")

HealthCheck = Callable[[Request], Awaitable[HTTPResponse | None]]


def health_answer(status_of_spool: Callable[[], SpoolStatus]) -> HealthCheck:
    async def answer(request: Request) -> HTTPResponse | None:
        if (request.method, request.path) != HEALTH_ROUTE:
            return None
        status = status_of_spool()
        return json_response(
            {
                "status": "attention" if status.needs_attention else "ok",
                "spool": {
                    "pending": status.pending,
                    "oldest_pending_at": (
                        status.oldest_pending_at.isoformat() if status.oldest_pending_at else None
                    ),
                    "failed": status.failed,
                    "stale_temporary": status.stale_temporary,
                },
            }
        )

    return answer
