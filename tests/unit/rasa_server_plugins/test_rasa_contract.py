"""The project's changes to Rasa (rasa_server_plugins/patches.py) and what its plugin classes and
turn guard rely on, against the installed Rasa: the methods they patch, override or call still
have the signatures they were written against, the log lines the turn guard watches are still
Rasa's, and `install()` patches once, says so, and refuses another Rasa version."""

import importlib
import inspect
import logging
import re

import pytest
import rasa
from rasa.core.actions.action import RemoteAction
from rasa.core.channels.rest import RestInput
from rasa.core.channels.socketio import SocketIOInput
from rasa.core.processor import MessageProcessor
from rasa.core.tracker_store import SQLTrackerStore, create_tracker_store
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import Event
from rasa.utils.endpoints import EndpointConfig

import rasa_server_plugins
from rasa_server_plugins import patches
from rasa_server_plugins.action_response import validate_action_result
from rasa_server_plugins.channels import CappedRestInput
from rasa_server_plugins.tracker_store import FormForgettingSQLTrackerStore
from rasa_server_plugins.turn_guard import WATCHED_FAILURES

_USER_MESSAGE = "rasa.core.channels.channel.UserMessage"
# Rasa 3.6.21's methods that the project patches (patches.PATCHES), overrides or calls, and the
# signatures the project's code was written against.
WRITTEN_AGAINST = {
    (MessageProcessor, "handle_message"): (
        f"(self, message: {_USER_MESSAGE}) -> Optional[List[Dict[str, Any]]]"
    ),
    (EndpointConfig, "request"): (
        "(self, method: str = 'post', subpath: Optional[str] = None, "
        "content_type: Optional[str] = 'application/json', compress: bool = False, "
        "**kwargs: Any) -> Optional[Any]"
    ),
    (RemoteAction, "_validate_action_result"): "(self, result: Dict[str, Any]) -> bool",
    (RemoteAction, "action_response_format_spec"): "() -> Dict[str, Any]",
    (Event, "resolve_by_type"): (
        "(type_name: str, default: Optional[Type[ForwardRef('Event')]] = None) "
        "-> Optional[Type[ForwardRef('Event')]]"
    ),
    (RestInput, "name"): "() -> str",
    (RestInput, "blueprint"): (
        f"(self, on_new_message: Callable[[{_USER_MESSAGE}], Awaitable[NoneType]]) "
        "-> sanic.blueprints.Blueprint"
    ),
    (RestInput, "_extract_input_channel"): "(self, req: sanic.request.Request) -> str",
    (SocketIOInput, "name"): "() -> str",
    (SocketIOInput, "__init__"): (
        "(self, user_message_evt: str = 'user_uttered', bot_message_evt: str = 'bot_uttered', "
        "namespace: Optional[str] = None, session_persistence: bool = False, "
        "socketio_path: Optional[str] = '/socket.io', jwt_key: Optional[str] = None, "
        "jwt_method: Optional[str] = 'HS256', metadata_key: Optional[str] = 'metadata')"
    ),
    (SocketIOInput, "blueprint"): (
        f"(self, on_new_message: Callable[[{_USER_MESSAGE}], Awaitable[Any]]) "
        "-> sanic.blueprints.Blueprint"
    ),
    (SQLTrackerStore, "__init__"): (
        "(self, domain: 'Optional[Domain]' = None, dialect: 'Text' = 'sqlite', "
        "host: 'Optional[Text]' = None, port: 'Optional[int]' = None, db: 'Text' = 'rasa.db', "
        "username: 'Text' = None, password: 'Text' = None, "
        "event_broker: 'Optional[EventBroker]' = None, login_db: 'Optional[Text]' = None, "
        "query: 'Optional[Dict]' = None, **kwargs: 'Dict[Text, Any]') -> 'None'"
    ),
    (SQLTrackerStore, "save"): "(self, tracker: 'DialogueStateTracker') -> 'None'",
    (SQLTrackerStore, "_retrieve"): (
        "(self, sender_id: 'Text', fetch_events_from_all_sessions: 'bool') "
        "-> 'Optional[DialogueStateTracker]'"
    ),
    (SQLTrackerStore, "_event_query"): (
        "(self, session: \"'Session'\", sender_id: 'Text', "
        "fetch_events_from_all_sessions: 'bool') -> \"'Query'\""
    ),
    (SQLTrackerStore, "stream_events"): "(self, tracker: 'DialogueStateTracker') -> 'None'",
    (SQLTrackerStore, "session_scope"): "(self) -> \"Generator['Session', None, None]\"",
}
# The columns FormForgettingSQLTrackerStore._row writes, as Rasa's save does.
EVENT_COLUMNS = {"sender_id", "type_name", "timestamp", "intent_name", "action_name", "data"}


def test_every_patched_method_has_a_signature_to_check():
    assert {(owner, name) for owner, name, _replace in patches.PATCHES} <= set(WRITTEN_AGAINST)


@pytest.mark.parametrize(
    ("owner", "name", "signature"),
    [(owner, name, signature) for (owner, name), signature in WRITTEN_AGAINST.items()],
    ids=[f"{owner.__name__}.{name}" for owner, name in WRITTEN_AGAINST],
)
def test_rasas_method_has_the_signature_the_project_was_written_against(owner, name, signature):
    assert str(inspect.signature(patches.original(owner, name))) == signature


def test_rasas_event_table_has_the_columns_the_tracker_store_writes():
    assert set(SQLTrackerStore.SQLEvent.__table__.columns.keys()) >= EVENT_COLUMNS


@pytest.mark.parametrize(("module_name", "prefix"), sorted(WATCHED_FAILURES.items()))
def test_the_failures_the_turn_guard_watches_are_still_logged_by_rasa(module_name, prefix):
    module = importlib.import_module(module_name)
    assert module.logger.name == module_name
    log_call = re.compile(rf'logger\.(error|exception)\(\s*f?"{re.escape(prefix)}')
    assert log_call.search(inspect.getsource(module))


def _rasas_own_methods() -> dict[tuple[type, str], object]:
    return {(owner, name): getattr(owner, name) for owner, name, _replace in patches.PATCHES}


@pytest.mark.usefixtures("unpatched_rasa")
def test_install_patches_each_method_once_and_says_so_in_one_line(caplog):
    originals = _rasas_own_methods()
    with caplog.at_level(logging.INFO, logger=patches.__name__):
        patches.install()
        patched = _rasas_own_methods()
        patches.install()

    assert (
        MessageProcessor.handle_message.__wrapped__ is originals[MessageProcessor, "handle_message"]
    )
    assert EndpointConfig.request.__wrapped__ is originals[EndpointConfig, "request"]
    assert RemoteAction._validate_action_result is validate_action_result
    assert Event.resolve_by_type is not originals[Event, "resolve_by_type"]
    assert _rasas_own_methods() == patched
    lines = [record for record in caplog.records if record.name == patches.__name__]
    assert [record.levelno for record in lines] == [logging.INFO]
    assert lines[0].getMessage() == (
        f"Rasa {patches.RASA_VERSION} patched: MessageProcessor.handle_message, "
        "EndpointConfig.request, RemoteAction._validate_action_result, Event.resolve_by_type"
    )


@pytest.mark.usefixtures("unpatched_rasa")
def test_install_refuses_another_rasa_version_and_patches_nothing(monkeypatch):
    originals = _rasas_own_methods()
    monkeypatch.setattr(rasa, "__version__", "3.6.22")

    with pytest.raises(patches.UnsupportedRasaVersion, match=r"Rasa 3\.6\.21.*Rasa 3\.6\.22"):
        patches.install()

    assert _rasas_own_methods() == originals


def test_rasa_does_not_swallow_the_refusal_when_it_builds_the_tracker_store(monkeypatch, tmp_path):
    """Rasa falls back to a memory store on an ImportError or AttributeError of a tracker store
    named by path; a refusal must stop it instead."""
    monkeypatch.setattr(rasa, "__version__", "3.6.22")
    endpoint = EndpointConfig(
        type="rasa_server_plugins.tracker_store.FormForgettingSQLTrackerStore",
        dialect="sqlite",
        db=str(tmp_path / "tracker.sqlite3"),
    )
    with pytest.raises(patches.UnsupportedRasaVersion):
        create_tracker_store(endpoint, Domain.empty())


@pytest.mark.usefixtures("unpatched_rasa")
def test_importing_the_package_patches_nothing():
    originals = _rasas_own_methods()
    importlib.reload(rasa_server_plugins)
    assert _rasas_own_methods() == originals


@pytest.mark.usefixtures("unpatched_rasa")
def test_the_tracker_store_rasa_builds_installs_the_patches(tmp_path):
    originals = _rasas_own_methods()
    store = FormForgettingSQLTrackerStore(Domain.empty(), db=str(tmp_path / "tracker.sqlite3"))
    store.engine.dispose()
    assert all(_rasas_own_methods()[key] is not method for key, method in originals.items())


@pytest.mark.usefixtures("unpatched_rasa")
def test_a_channel_installs_the_patches_when_rasa_asks_for_its_blueprint():
    originals = _rasas_own_methods()

    async def on_new_message(_message: object) -> None:
        return None

    CappedRestInput().blueprint(on_new_message)
    assert all(_rasas_own_methods()[key] is not method for key, method in originals.items())
