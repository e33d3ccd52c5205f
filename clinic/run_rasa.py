"""`python -m clinic.run_rasa [RASA RUN OPTIONS]`: the Rasa server for production.

It runs `rasa run` with the trained model, credentials.yml and endpoints.production.yml, bound
to 127.0.0.1 unless RASA_INTERFACE names another address (the reverse proxy in front of it
publishes /socket.io/ and /widget/). Env: RASA_INTERFACE (default 127.0.0.1), RASA_PORT (5005),
RASA_MODEL (models/proclinix.tar.gz), RASA_ENDPOINTS_FILE (endpoints.production.yml, the file
`leads purge` reads too). Further options go to `rasa run` as they are, except that the
interface is only set through RASA_INTERFACE and `--enable-api` needs `--auth-token`.
"""

from __future__ import annotations

import ipaddress
import os
import sys
from collections.abc import Mapping, Sequence
from pathlib import Path

from clinic.paths import REPO_ROOT
from clinic.settings import ConfigError

INTERFACE_ENV = "RASA_INTERFACE"
PORT_ENV = "RASA_PORT"
MODEL_ENV = "RASA_MODEL"
ENDPOINTS_ENV = "RASA_ENDPOINTS_FILE"
TELEMETRY_ENV = "RASA_TELEMETRY_ENABLED"
DEFAULT_INTERFACE = "127.0.0.1"
DEFAULT_PORT = "5005"
DEFAULT_MODEL = REPO_ROOT / "models" / "proclinix.tar.gz"
DEFAULT_ENDPOINTS = REPO_ROOT / "endpoints.production.yml"
CREDENTIALS = REPO_ROOT / "credentials.yml"
_INTERFACE_OPTIONS = ("-i", "--interface")
_TOKEN_OPTIONS = ("-t", "--auth-token")


def rasa_command(extra: Sequence[str] = (), environ: Mapping[str, str] = os.environ) -> list[str]:
    """The `rasa run` command line; ConfigError for a setting it must not run with."""
    interface = environ.get(INTERFACE_ENV, "").strip() or DEFAULT_INTERFACE
    try:
        ipaddress.ip_address(interface)
    except ValueError:
        raise ConfigError(
            f"{INTERFACE_ENV} must be an IP address to bind to, not {interface!r}"
        ) from None
    port = environ.get(PORT_ENV, "").strip() or DEFAULT_PORT
    if not port.isdigit() or not 0 < int(port) < 65536:
        raise ConfigError(f"{PORT_ENV} must be a port number, not {port!r}")
    options = [_option_name(argument) for argument in extra]
    if any(option in _INTERFACE_OPTIONS for option in options):
        raise ConfigError(f"set the interface with {INTERFACE_ENV}, not on the command line")
    if "--enable-api" in options and not any(option in _TOKEN_OPTIONS for option in options):
        raise ConfigError("--enable-api needs --auth-token: the HTTP API controls the assistant")
    return [
        str(Path(sys.executable).with_name("rasa")),
        "run",
        "--model",
        environ.get(MODEL_ENV) or str(DEFAULT_MODEL),
        "--interface",
        interface,
        "--port",
        port,
        "--credentials",
        str(CREDENTIALS),
        "--endpoints",
        environ.get(ENDPOINTS_ENV) or str(DEFAULT_ENDPOINTS),
        *extra,
    ]


def _option_name(argument: str) -> str:
    """`--port=5006` and `-i127.0.0.2` name the options `--port` and `-i`."""
    if argument.startswith("--"):
        return argument.split("=", 1)[0]
    if argument.startswith("-"):
        return argument[:2]
    return argument


def rasa_environment(environ: Mapping[str, str] = os.environ) -> dict[str, str]:
    """The Rasa server's environment: the repository root on PYTHONPATH (the endpoints file
    names the project's tracker store by module path, rasa_server_plugins) and Rasa's telemetry
    off (usage events and crash reports to Rasa's servers) unless RASA_TELEMETRY_ENABLED says
    otherwise."""
    result = dict(environ)
    result["PYTHONPATH"] = os.pathsep.join(
        part for part in (str(REPO_ROOT), result.get("PYTHONPATH", "")) if part
    )
    result.setdefault(TELEMETRY_ENV, "false")
    return result


def main(argv: Sequence[str] | None = None) -> None:
    try:
        command = rasa_command(sys.argv[1:] if argv is None else argv)
    except ConfigError as error:
        raise SystemExit(f"clinic.run_rasa: {error}") from error
    os.execve(command[0], command, rasa_environment())


if __name__ == "__main__":
    main()
