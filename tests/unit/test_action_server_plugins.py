"""The spool worker starts with the action server, never when the actions are imported."""

import subprocess
import sys

import pluggy
import rasa_sdk.plugin

import rasa_sdk_plugins
from tests.support.coroutines import run_coroutine

ACTION_MODULES = ("booking_form", "booking_steps", "leads_backend", "session_start", "submit")


def test_importing_the_actions_starts_no_thread():
    imports = "; ".join(f"import actions.{module}" for module in ACTION_MODULES)
    script = f"import threading; {imports}; print(threading.active_count())"
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True
    )
    assert result.stdout.split()[-1] == "1"


class RecordingApp:
    """Takes listeners as a Sanic app does, and keeps them."""

    def __init__(self):
        self.listeners = []

    def register_listener(self, listener, event):
        self.listeners.append((event, listener))


def test_the_action_server_starts_the_spool_worker_before_it_serves(monkeypatch):
    started = []
    monkeypatch.setattr(rasa_sdk_plugins, "start_spool_worker", lambda: started.append(True))
    manager = pluggy.PluginManager("rasa_sdk")
    manager.add_hookspecs(rasa_sdk.plugin)
    rasa_sdk.plugin._discover_plugins(manager)
    app = RecordingApp()
    manager.hook.attach_sanic_app_extensions(app=app)
    assert started == []
    ((event, listener),) = app.listeners
    assert event == "before_server_start"
    run_coroutine(listener(app, None))
    assert started == [True]
