"""Finding 11: socket.io session ids are signed; an id a client makes up or changes is replaced,
and the socket.io channel does not start without the secret."""

from __future__ import annotations

import pytest

from rasa_server_plugins.channels import CappedSocketIOInput
from rasa_server_plugins.session_ids import (
    SESSION_ID_FORMAT,
    SessionIdSigner,
    SessionSecretError,
    signer_from_env,
)

SECRET = "k" * 40
SIGNER = SessionIdSigner(SECRET)


@pytest.mark.parametrize(
    "requested", ["1", "victim", "a" * 32, "a" * 64, "0" * 64, "A" * 64, "g" * 64, None, 42]
)
def test_finding_11_a_client_chosen_id_is_replaced(requested):
    issued = SIGNER.accepted(requested)
    assert issued != requested
    assert SESSION_ID_FORMAT.fullmatch(issued) and SIGNER.issued(issued)


def test_finding_11_an_issued_id_is_kept_for_a_reload():
    issued = SIGNER.new()
    assert SIGNER.accepted(issued) == issued


def test_finding_11_an_issued_id_with_one_character_changed_is_replaced():
    issued = SIGNER.new()
    for index in (0, 31, 32, 63):
        changed = issued[:index] + ("1" if issued[index] != "1" else "2") + issued[index + 1 :]
        assert not SIGNER.issued(changed)
        assert SIGNER.accepted(changed) != changed


def test_finding_11_an_id_signed_with_another_secret_is_replaced():
    other = SessionIdSigner("o" * 40).new()
    assert SIGNER.accepted(other) != other


def test_finding_11_instances_sharing_the_secret_accept_each_others_ids():
    issued = SIGNER.new()
    assert SessionIdSigner(SECRET).accepted(issued) == issued


def test_finding_11_ids_are_random():
    assert len({SIGNER.new() for _ in range(1000)}) == 1000


@pytest.mark.parametrize("environ", [{}, {"SESSION_ID_SECRET": "  "}, {"SESSION_ID_SECRET": "x"}])
def test_finding_11_no_usable_secret_is_refused(environ):
    with pytest.raises(SessionSecretError, match="SESSION_ID_SECRET"):
        signer_from_env(environ)


def test_finding_11_the_socketio_channel_does_not_start_without_the_secret(monkeypatch):
    monkeypatch.delenv("SESSION_ID_SECRET", raising=False)

    async def ignore(_message) -> None:
        return None

    with pytest.raises(SessionSecretError):
        CappedSocketIOInput(session_persistence=True).blueprint(ignore)
