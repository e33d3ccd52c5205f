"""Action server plugins: rasa_sdk imports this package by its name when `rasa run actions`
starts and calls `init_hooks`. Here the spool worker starts with the server, not at import."""

from __future__ import annotations

from typing import Any

import pluggy
from sanic import Sanic

from actions.leads_backend import start_spool_worker

hookimpl = pluggy.HookimplMarker("rasa_sdk")


async def _start_spool_worker(app: Sanic, loop: Any) -> None:
    start_spool_worker()


class SpoolWorkerPlugin:
    @hookimpl
    def attach_sanic_app_extensions(self, app: Sanic) -> None:
        app.register_listener(_start_spool_worker, "before_server_start")


def init_hooks(manager: pluggy.PluginManager) -> None:
    manager.register(SpoolWorkerPlugin())
