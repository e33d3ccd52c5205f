"""Findings 14 and 9 in the production profile: `/socket.io/` refuses browsers on other sites, Redis
refuses clients without its password, the Rasa instances' secrets reach no other service nor any
command line; nginx (master and workers), Redis and PostgreSQL do not run as root and every service
runs with umask 077."""

from __future__ import annotations

import http.client
import socket
from pathlib import Path

import psycopg2
import pytest

from tests.production.profile import Profile
from tests.production.test_routes import HANDSHAKE
from tests.production.visitors import source_address

pytestmark = [pytest.mark.production, pytest.mark.slow]
RASA_ONLY_SECRETS = ("session_id_secret", "redis_password", "pg_rasa_password")
LEADS_SERVICES = ("actions", "staff")


def handshake(profile: Profile, origin: str | None) -> tuple[int, bytes]:
    connection = http.client.HTTPConnection(
        "127.0.0.1", profile.public_port, timeout=30, source_address=(source_address(340), 0)
    )
    try:
        connection.request("GET", HANDSHAKE, headers={"Origin": origin} if origin else {})
        response = connection.getresponse()
        return response.status, response.read()
    finally:
        connection.close()


def test_finding_14_socketio_refuses_a_foreign_origin(profile):
    status, body = handshake(profile, "http://evil.example")
    assert status == 403 and b"clinic's own website" in body
    assert handshake(profile, f"http://localhost:{profile.public_port}")[0] == 200
    assert handshake(profile, None)[0] == 200


def test_finding_14_redis_refuses_a_client_without_the_password(profile):
    with socket.create_connection(("127.0.0.1", profile.port("redis")), timeout=10) as client:
        client.sendall(b"PING\r\n")
        answer = client.recv(200)
    assert answer.startswith(b"-NOAUTH"), answer


def process_ids(profile: Profile) -> dict[str, str]:
    return {path.stem: path.read_text().strip() for path in (profile.var_dir / "run").glob("*.pid")}


def test_finding_14_the_rasa_secrets_reach_only_the_rasa_instances(profile):
    secrets = [(profile.var_dir / name).read_text().strip() for name in RASA_ONLY_SECRETS]
    pids = process_ids(profile)
    for service in ("actions", "site", "staff", "nginx", "redis"):
        environment = Path(f"/proc/{pids[service]}/environ").read_bytes()
        assert not any(secret.encode() in environment for secret in secrets), service
    for service in ("rasa1", "rasa2"):
        environment = Path(f"/proc/{pids[service]}/environ").read_bytes()
        assert all(secret.encode() in environment for secret in secrets), service
    assert_on_no_command_line(secrets)


def assert_on_no_command_line(secrets: list[str]) -> None:
    for cmdline in Path("/proc").glob("[0-9]*/cmdline"):
        try:
            text = cmdline.read_bytes()
        except OSError:
            continue
        assert not any(secret.encode() in text for secret in secrets), cmdline


def test_finding_2_the_leads_password_reaches_only_the_action_server_and_staff_page(profile):
    secret = (profile.var_dir / "pg_leads_password").read_text().strip().encode()
    for service, pid in process_ids(profile).items():
        environment = Path(f"/proc/{pid}/environ").read_bytes()
        assert (secret in environment) == (service in LEADS_SERVICES), service
    assert_on_no_command_line([secret.decode()])


def test_finding_2_postgresql_takes_no_connection_without_a_password(profile):
    for user in ("postgres", "leads", "rasa"):
        with pytest.raises(psycopg2.OperationalError, match="password"):
            psycopg2.connect(host="127.0.0.1", port=profile.port("pg"), user=user, dbname="leads")


def test_finding_2_each_service_role_is_a_plain_role_owning_its_database(profile):
    with psycopg2.connect(profile.leads_url) as connection, connection.cursor() as cursor:
        cursor.execute(
            "SELECT rolsuper, rolcreatedb, rolcreaterole FROM pg_roles WHERE rolname = current_user"
        )
        assert cursor.fetchone() == (False, False, False)
        cursor.execute(
            "SELECT datname, pg_get_userbyid(datdba) FROM pg_database "
            "WHERE datname IN ('leads', 'rasa_tracker') ORDER BY datname"
        )
        assert cursor.fetchall() == [("leads", "leads"), ("rasa_tracker", "rasa")]


def status_field(pid: str, name: str) -> str:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith(f"{name}:"):
            return line.split(":", 1)[1].split()[0]
    raise LookupError(name)


def children(parent: str) -> list[str]:
    found = []
    for stat_file in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat_file.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if fields[1] == parent:
            found.append(stat_file.parent.name)
    return found


def user_ids(pid: str) -> set[str]:
    """The real, effective, saved and file-system user ids of a process."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("Uid:"):
            return set(line.split()[1:])
    raise LookupError(pid)


def test_finding_9_nginx_redis_and_postgresql_run_as_no_root_process(profile):
    pids = process_ids(profile)
    postmaster = (profile.var_dir / "postgres" / "data" / "postmaster.pid").read_text().split()[0]
    for service, pid in (
        ("nginx", pids["nginx"]),
        ("redis", pids["redis"]),
        ("postgres", postmaster),
    ):
        processes = [pid, *children(pid)]
        assert all("0" not in user_ids(process) for process in processes), service
    assert children(pids["nginx"])  # the workers were looked at too


def test_finding_9_every_service_runs_with_umask_077(profile):
    umasks = {service: status_field(pid, "Umask") for service, pid in process_ids(profile).items()}
    assert set(umasks) >= {"actions", "rasa1", "rasa2", "site", "staff", "nginx", "redis"}
    assert set(umasks.values()) == {"0077"}, umasks
