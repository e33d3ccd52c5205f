"""The action server's plugin: it needs its shared secret to start, binds to loopback unless told
otherwise, and starts the spool worker with the server, never when the actions are imported."""

import json
import os
import subprocess
import sys
import uuid
from types import SimpleNamespace

import pluggy
import pytest
import rasa_sdk.plugin
from sanic import Sanic

import rasa_sdk_plugins
from actions import leads_backend
from clinic.action_token import ACTION_TOKEN_ENV, ACTION_TOKEN_HEADER
from rasa_sdk_plugins.guard import HOST_ENV, MAX_BODY_BYTES
from testkit.coroutines import run_coroutine

ACTION_MODULES = ("booking_form", "booking_steps", "leads_backend", "session_start", "submit")
TOKEN = "t" * 64


def test_importing_the_actions_starts_no_thread():
    imports = "; ".join(f"import actions.{module}" for module in ACTION_MODULES)
    script = f"import threading; {imports}; print(threading.active_count())"
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True
    )
    assert result.stdout.split()[-1] == "1"


class RecordingSanic(Sanic):
    """A Sanic app that also keeps the listeners it is given, with their events."""

    def __init__(self, name):
        super().__init__(name)
        self.ctx.recorded_listeners = []

    def register_listener(self, listener, event):
        self.ctx.recorded_listeners.append((event, listener))
        return super().register_listener(listener, event)


def attach_plugins() -> RecordingSanic:
    """What `rasa run actions` does with the project's plugins before it serves."""
    manager = pluggy.PluginManager("rasa_sdk")
    manager.add_hookspecs(rasa_sdk.plugin)
    rasa_sdk.plugin._discover_plugins(manager)
    app = RecordingSanic(f"plugin-test-{uuid.uuid4().hex}")
    manager.hook.attach_sanic_app_extensions(app=app)
    return app


@pytest.fixture(autouse=True)
def fresh_settings(monkeypatch):
    monkeypatch.delenv("LEADS_NOTIFY_TO", raising=False)
    leads_backend.settings.cache_clear()
    leads_backend.notifier.cache_clear()
    yield
    leads_backend.settings.cache_clear()
    leads_backend.notifier.cache_clear()


@pytest.fixture
def token(monkeypatch):
    monkeypatch.setenv(ACTION_TOKEN_ENV, TOKEN)
    monkeypatch.delenv(HOST_ENV, raising=False)


def test_the_action_server_starts_the_spool_worker_before_it_serves(token, monkeypatch):
    started = []
    monkeypatch.setattr(rasa_sdk_plugins, "start_spool_worker", lambda: started.append(True))
    app = attach_plugins()
    assert started == []
    ((event, listener),) = app.ctx.recorded_listeners
    assert event == "before_server_start"
    run_coroutine(listener(app, None))
    assert started == [True]


@pytest.mark.parametrize("value", [None, "", "short"], ids=["unset", "empty", "short"])
def test_forged_leads_the_action_server_refuses_to_start_without_its_secret(monkeypatch, value):
    if value is None:
        monkeypatch.delenv(ACTION_TOKEN_ENV, raising=False)
    else:
        monkeypatch.setenv(ACTION_TOKEN_ENV, value)
    with pytest.raises(SystemExit, match=ACTION_TOKEN_ENV):
        attach_plugins()


def test_forged_leads_the_action_server_binds_to_loopback_by_default(token):
    app = attach_plugins()
    assert os.environ[HOST_ENV] == "127.0.0.1"
    assert app.config.REQUEST_MAX_SIZE == MAX_BODY_BYTES


def test_forged_leads_an_explicit_interface_is_kept(token, monkeypatch):
    monkeypatch.setenv(HOST_ENV, "10.0.0.5")
    attach_plugins()

    assert os.environ[HOST_ENV] == "10.0.0.5"


@pytest.mark.parametrize(
    ("name", "value"), [("LEADS_SMTP_STARTTLS", "tls"), ("LEADS_SMTP_PORT", "smtp")]
)
def test_one_bad_smtp_setting_the_action_server_refuses_to_start_and_says_why(
    token, monkeypatch, name, value
):
    """Finding 2: a bad SMTP setting stops the action server's start, naming the setting."""
    monkeypatch.setenv("LEADS_NOTIFY_TO", "desk@example.com")
    monkeypatch.setenv(name, value)
    with pytest.raises(SystemExit, match=f"{name} must be .*{value!r}"):
        attach_plugins()


def test_one_bad_smtp_setting_a_bad_clinic_file_stops_the_start_too(token, monkeypatch, tmp_path):
    config = tmp_path / "clinic.yml"
    config.write_text("name: ProClinix\nlocation: Armonk, NY\ntimezone: Mars/Olympus\n")
    monkeypatch.setenv("CLINIC_CONFIG", str(config))
    with pytest.raises(SystemExit, match="cannot start"):
        attach_plugins()


async def answer(app: Sanic, method: str, path: str, headers: dict[str, str] | None = None):
    """The first answer the app's request middleware gives, as the server would run them."""
    request = SimpleNamespace(method=method, path=path, headers=headers or {}, body=b"")
    for middleware in app.request_middleware:
        response = await middleware(request)
        if response is not None:
            return response
    return None


def test_spool_health_answer_reports_backlog_and_failed_records(
    token, monkeypatch, tmp_path, make_lead
):
    """Finding 13: the health answer reports the spool's backlog and failures."""
    monkeypatch.setenv("LEADS_SPOOL_DIR", str(tmp_path / "spool"))
    leads_backend.spool.cache_clear()
    try:
        app = attach_plugins()
        healthy = run_coroutine(answer(app, "GET", "/health"))
        assert healthy.status == 200
        assert json.loads(healthy.body) == {
            "status": "ok",
            "spool": {"pending": 0, "oldest_pending_at": None, "failed": 0, "stale_temporary": 0},
        }

        spool = leads_backend.spool()
        spool.put(make_lead())
        spool.failed_directory.mkdir()
        spool.failed_directory.joinpath("broken.json").write_text("garbage", "utf-8")
        attention = run_coroutine(answer(app, "GET", "/health"))
        assert attention.status == 200
        body = json.loads(attention.body)
        assert body["status"] == "attention"
        assert (body["spool"]["pending"], body["spool"]["failed"]) == (1, 1)
        assert "Jane" not in attention.body.decode()
        # Every other route still needs the secret.
        assert run_coroutine(answer(app, "POST", "/webhook")).status == 401
    finally:
        leads_backend.spool.cache_clear()


@pytest.mark.parametrize("sent", [b"\xff", b"guess-\xc3\x28", TOKEN.encode()[:-1] + b"\x80"])
def test_finding_13_a_secret_that_is_not_utf8_is_refused_plainly(token, sent):
    """Sanic decodes the header's bytes with surrogateescape, as here: the answer is a plain 401,
    not an error while comparing."""
    app = attach_plugins()
    headers = {ACTION_TOKEN_HEADER: sent.decode("utf-8", "surrogateescape")}
    refused = run_coroutine(answer(app, "POST", "/webhook", headers))
    assert (refused.status, json.loads(refused.body)) == (401, {"error": "Unauthorized"})
