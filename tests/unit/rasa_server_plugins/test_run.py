"""Finding 15: the production Rasa server binds to loopback unless told otherwise."""

from __future__ import annotations

import os
import sys

import pytest

from clinic.paths import REPO_ROOT
from clinic.settings import ConfigError
from rasa_server_plugins.run import main, rasa_command, rasa_environment


def option(command: list[str], name: str) -> str:
    return command[command.index(name) + 1]


def test_production_rasa_binds_to_loopback_by_default():
    command = rasa_command([], {})
    assert command[:4] == [sys.executable, "-m", "rasa_server_plugins.rasa_main", "run"]
    assert option(command, "--interface") == "127.0.0.1"
    assert option(command, "--port") == "5005"
    assert option(command, "--endpoints").endswith("endpoints.production.yml")
    assert "--enable-api" not in command


def test_production_rasa_binds_where_it_is_told():
    command = rasa_command(
        ["--cors", "https://www.proclinix.example"],
        {"RASA_INTERFACE": "10.0.0.5", "RASA_PORT": "5006", "RASA_ENDPOINTS_FILE": "other.yml"},
    )
    assert option(command, "--interface") == "10.0.0.5"
    assert option(command, "--port") == "5006"
    assert option(command, "--endpoints") == "other.yml"
    assert command[-2:] == ["--cors", "https://www.proclinix.example"]


@pytest.mark.parametrize(
    ("extra", "environ", "message"),
    [
        ([], {"RASA_INTERFACE": "every interface"}, "RASA_INTERFACE must be an IP address"),
        ([], {"RASA_PORT": "http"}, "RASA_PORT must be a port number"),
        (["--interface", "192.0.2.10"], {}, "set the interface with RASA_INTERFACE"),
        (["-i192.0.2.10"], {}, "set the interface with RASA_INTERFACE"),
        (["--interface=192.0.2.10"], {}, "set the interface with RASA_INTERFACE"),
        (["--enable-api"], {}, "--enable-api needs --auth-token"),
        (["--enable-api", "--auth-token", ""], {}, "--enable-api needs --auth-token"),
    ],
)
def test_production_rasa_refuses_unsafe_settings(extra, environ, message):
    with pytest.raises(ConfigError, match=message):
        rasa_command(extra, environ)


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        (["--enable"], "--enable-api needs --auth-token"),
        (["--enable-a", "--cors", "*"], "--enable-api needs --auth-token"),
        (["--inter", "0.0.0.0"], "set the interface with RASA_INTERFACE"),
        (["--interf=0.0.0.0"], "set the interface with RASA_INTERFACE"),
        (["-vi0.0.0.0"], "set the interface with RASA_INTERFACE"),
        (["-vvi", "0.0.0.0"], "set the interface with RASA_INTERFACE"),
    ],
)
def test_finding_12_abbreviated_options_do_not_bypass_the_refusals(extra, message):
    """`rasa run` expands `--enable` to `--enable-api` and reads `-vi0.0.0.0` as `-v -i
    0.0.0.0`: the checks read the options the same way."""
    with pytest.raises(ConfigError, match=message):
        rasa_command(extra, {})


def test_finding_12_the_entry_point_refuses_an_abbreviated_enable_api(monkeypatch):
    started: list[list[str]] = []
    monkeypatch.setattr(os, "execve", lambda path, command, environment: started.append(command))
    with pytest.raises(SystemExit, match="--enable-api needs --auth-token"):
        main(["--enable"])
    assert started == []


@pytest.mark.parametrize("token_option", ["--auth-token", "-t", "--auth"])
def test_production_rasa_api_only_with_a_token(token_option):
    command = rasa_command(["--enable-api", token_option, "t" * 32], {})
    assert "--enable-api" in command


def test_production_rasa_sends_nothing_to_rasas_telemetry_unless_the_clinic_says_so():
    environment = rasa_environment({"PYTHONPATH": "elsewhere"})
    assert environment["RASA_TELEMETRY_ENABLED"] == "false"
    assert environment["PYTHONPATH"].split(os.pathsep) == [str(REPO_ROOT), "elsewhere"]
    assert rasa_environment({"RASA_TELEMETRY_ENABLED": "true"})["RASA_TELEMETRY_ENABLED"] == "true"


def test_production_rasa_runs_tensorflow_on_one_thread_unless_told_otherwise():
    environment = rasa_environment({})
    assert environment["TF_INTRA_OP_PARALLELISM_THREADS"] == "1"
    assert environment["TF_INTER_OP_PARALLELISM_THREADS"] == "1"
    told = rasa_environment({"TF_INTRA_OP_PARALLELISM_THREADS": "2"})
    assert told["TF_INTRA_OP_PARALLELISM_THREADS"] == "2"
