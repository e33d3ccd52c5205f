"""Action server plugins: rasa_sdk imports this package by its name when `rasa run actions`
starts and calls `init_hooks`. The server refuses to start without its shared secret or with a
bad clinic or email setting, guards every request with the secret (rasa_sdk_plugins.guard),
answers `GET /health` with the spool's state (rasa_sdk_plugins.health) and starts the spool
worker once it serves."""

from __future__ import annotations

from typing import Any

import pluggy
from sanic import Sanic

from actions.leads_backend import check_configuration, spool_status, start_spool_worker
from clinic.action_token import ActionTokenError, load_action_token
from clinic.settings import ConfigError
from rasa_sdk_plugins.guard import install_guard
from rasa_sdk_plugins.health import health_answer

hookimpl = pluggy.HookimplMarker("rasa_sdk")


async def _start_spool_worker(app: Sanic, loop: Any) -> None:
    start_spool_worker()


class ActionServerPlugin:
    @hookimpl
    def attach_sanic_app_extensions(self, app: Sanic) -> None:
        try:
            token = load_action_token()
            check_configuration()
        except (ActionTokenError, ConfigError) as problem:
            raise SystemExit(f"The action server cannot start: {problem}") from problem
        install_guard(app, token)
        app.register_middleware(health_answer(spool_status), "request")
        app.register_listener(_start_spool_worker, "before_server_start")


def init_hooks(manager: pluggy.PluginManager) -> None:
    manager.register(ActionServerPlugin())
