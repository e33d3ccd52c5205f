"""`python -m rasa_server_plugins.run [RASA RUN OPTIONS]`: the Rasa server for production.

It runs `rasa run` (through `rasa_server_plugins.rasa_main`, which leaves jax out) with the
trained model, credentials.yml and endpoints.production.yml, bound
to 127.0.0.1 unless RASA_INTERFACE names another address (the reverse proxy in front of it
publishes /socket.io/ and /widget/). Env: RASA_INTERFACE (default 127.0.0.1), RASA_PORT (5005),
RASA_MODEL (models/proclinix.tar.gz), RASA_ENDPOINTS_FILE (endpoints.production.yml, the file
`leads purge` reads too). Further options go to `rasa run` as they are, except that the
interface is only set through RASA_INTERFACE and `--enable-api` needs `--auth-token`: both read
the options the way `rasa run` will, abbreviations (`--enable`, `--inter`) and clustered short
options (`-vi0.0.0.0`) included.
"""

from __future__ import annotations

import argparse
import ipaddress
import os
import sys
from collections.abc import Mapping, Sequence
from typing import NoReturn

from rasa.cli.arguments.default_arguments import add_logging_options
from rasa.cli.arguments.run import set_run_arguments

from clinic.paths import REPO_ROOT
from clinic.settings import ConfigError

INTERFACE_ENV = "RASA_INTERFACE"
PORT_ENV = "RASA_PORT"
MODEL_ENV = "RASA_MODEL"
ENDPOINTS_ENV = "RASA_ENDPOINTS_FILE"
TELEMETRY_ENV = "RASA_TELEMETRY_ENABLED"
TF_THREAD_SETTINGS = ("TF_INTRA_OP_PARALLELISM_THREADS", "TF_INTER_OP_PARALLELISM_THREADS")
DEFAULT_INTERFACE = "127.0.0.1"
DEFAULT_PORT = "5005"
DEFAULT_MODEL = REPO_ROOT / "models" / "proclinix.tar.gz"
DEFAULT_ENDPOINTS = REPO_ROOT / "endpoints.production.yml"
CREDENTIALS = REPO_ROOT / "credentials.yml"


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
    options = _rasa_run_options(extra)
    if options.interface is not None:
        raise ConfigError(f"set the interface with {INTERFACE_ENV}, not on the command line")
    if options.enable_api and not options.auth_token:
        raise ConfigError("--enable-api needs --auth-token: the HTTP API controls the assistant")
    return [
        sys.executable,
        "-m",
        "rasa_server_plugins.rasa_main",
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


class _RunOptionsParser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        raise ConfigError(f"rasa run options: {message}")


def _rasa_run_options(extra: Sequence[str]) -> argparse.Namespace:
    """`extra` as `rasa run` reads it, with Rasa's own parser; the interface is None unless
    `extra` sets it."""
    parser = _RunOptionsParser(add_help=False)
    add_logging_options(parser)
    set_run_arguments(parser)
    parser.set_defaults(interface=None)
    return parser.parse_known_args(list(extra))[0]


def rasa_environment(environ: Mapping[str, str] = os.environ) -> dict[str, str]:
    """The Rasa server's environment: the repository root on PYTHONPATH (the endpoints file
    names the project's tracker store by module path, rasa_server_plugins) and Rasa's telemetry
    off (usage events and crash reports to Rasa's servers) unless RASA_TELEMETRY_ENABLED says
    otherwise, and TensorFlow on one thread unless its TF_*_PARALLELISM_THREADS say otherwise."""
    result = dict(environ)
    result["PYTHONPATH"] = os.pathsep.join(
        part for part in (str(REPO_ROOT), result.get("PYTHONPATH", "")) if part
    )
    result.setdefault(TELEMETRY_ENV, "false")
    # One TensorFlow thread per Rasa process (Rasa's own settings): each production instance
    # shares the machine's cores with the other one, and MiniLM's small products then take
    # about a quarter less CPU, with the same embeddings bit for bit (docs/performance.md).
    for setting in TF_THREAD_SETTINGS:
        result.setdefault(setting, "1")
    return result


def main(argv: Sequence[str] | None = None) -> None:
    try:
        command = rasa_command(sys.argv[1:] if argv is None else argv)
    except ConfigError as error:
        raise SystemExit(f"rasa_server_plugins.run: {error}") from error
    os.execve(command[0], command, rasa_environment())


if __name__ == "__main__":
    main()
