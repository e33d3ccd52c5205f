"""Findings 14, 2 and 9 in the production profile: `/socket.io/` refuses browsers on other sites,
Redis refuses clients without its password, each secret reaches only the services that need it and
no command line, PostgreSQL takes no connection without a password; no service runs as root (as
root each Python service has its own system user) and every service runs with umask 077."""

from __future__ import annotations

import http.client
import os
import pwd
import socket
from pathlib import Path

import psycopg2
import pytest

from tests.production.profile import Profile
from tests.production.test_routes import HANDSHAKE
from tests.production.visitors import source_address

pytestmark = [pytest.mark.production, pytest.mark.slow]
RASA = frozenset({"rasa1", "rasa2"})
PYTHON_SERVICES = RASA | {"actions", "site", "staff"}
SERVICES = PYTHON_SERVICES | {"nginx", "redis"}
# Each secret file of the var directory and the services whose environment holds it.
SECRET_HOLDERS = {
    "action_server_token": RASA | {"actions"},
    "session_id_secret": RASA,
    "redis_password": RASA,
    "pg_rasa_password": RASA,
    "pg_rasa_reader_password": frozenset({"staff"}),
    "pg_leads_password": frozenset(),
    "pg_leads_actions_password": frozenset({"actions"}),
    "pg_leads_staff_password": frozenset({"staff"}),
    "staff_secret_key": frozenset({"staff"}),
}
# Each role that owns nothing: its database and its privileges on every table there.
ROLE_GRANTS = {
    ("leads_actions", "leads"): {"leads": {"SELECT", "INSERT"}, "lead_notes": {"SELECT"}},
    ("leads_staff", "leads"): {
        "leads": {"SELECT", "UPDATE"},
        "staff_users": {"SELECT", "UPDATE"},
        "lead_notes": {"SELECT", "INSERT"},
        "audit_events": {"SELECT", "INSERT"},
        "unanswered_marks": {"SELECT", "INSERT", "DELETE"},
    },
    ("rasa_reader", "rasa_tracker"): {"events": {"SELECT"}},
}
TABLE_PRIVILEGES = """
SELECT c.relname, p.privilege
FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
CROSS JOIN unnest(ARRAY['SELECT', 'INSERT', 'UPDATE', 'DELETE', 'TRUNCATE', 'REFERENCES',
                        'TRIGGER']) AS p(privilege)
WHERE n.nspname = 'public' AND c.relkind = 'r' AND has_table_privilege(c.oid, p.privilege)
"""


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


def test_finding_2_each_secret_reaches_only_the_services_that_need_it(profile):
    pids = process_ids(profile)
    assert set(pids) >= SERVICES
    for name, holders in SECRET_HOLDERS.items():
        secret = (profile.var_dir / name).read_text().strip().encode()
        for service, pid in pids.items():
            environment = Path(f"/proc/{pid}/environ").read_bytes()
            assert (secret in environment) == (service in holders), (name, service)
    assert_on_no_command_line(
        [(profile.var_dir / name).read_text().strip() for name in SECRET_HOLDERS]
    )


def assert_on_no_command_line(secrets: list[str]) -> None:
    for cmdline in Path("/proc").glob("[0-9]*/cmdline"):
        try:
            text = cmdline.read_bytes()
        except OSError:
            continue
        assert not any(secret.encode() in text for secret in secrets), cmdline


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


def connect_as(profile: Profile, role: str, database: str) -> psycopg2.extensions.connection:
    password = (profile.var_dir / f"pg_{role}_password").read_text().strip()
    return psycopg2.connect(
        host="127.0.0.1", port=profile.port("pg"), user=role, password=password, dbname=database
    )


def test_finding_2_each_service_role_has_only_the_grants_its_service_needs(profile):
    for (role, database), expected in ROLE_GRANTS.items():
        connection = connect_as(profile, role, database)
        try:
            with connection.cursor() as cursor:
                cursor.execute(
                    "SELECT rolsuper, rolcreatedb, rolcreaterole FROM pg_roles "
                    "WHERE rolname = current_user"
                )
                assert cursor.fetchone() == (False, False, False), role
                cursor.execute(TABLE_PRIVILEGES)
                granted: dict[str, set[str]] = {}
                for table, privilege in cursor.fetchall():
                    granted.setdefault(table, set()).add(privilege)
        finally:
            connection.close()
        assert granted == expected, role
        other = "rasa_tracker" if database == "leads" else "leads"
        with pytest.raises(psycopg2.OperationalError, match="permission denied"):
            connect_as(profile, role, other)
    with pytest.raises(psycopg2.OperationalError, match="permission denied"):
        connect_as(profile, "rasa", "leads")


def status_values(pid: str, name: str) -> list[str]:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith(f"{name}:"):
            return line.split(":", 1)[1].split()
    raise LookupError(name)


def status_field(pid: str, name: str) -> str:
    return status_values(pid, name)[0]


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


def service_processes(profile: Profile) -> dict[str, list[str]]:
    """Every service's processes (the one started and its children), PostgreSQL's included."""
    pids = process_ids(profile)
    pids["postgres"] = (
        (profile.var_dir / "postgres" / "data" / "postmaster.pid").read_text().split()[0]
    )
    return {service: [pid, *children(pid)] for service, pid in pids.items()}


def user_name(uid: str) -> str:
    return pwd.getpwuid(int(uid)).pw_name


def test_finding_9_no_service_runs_as_root(profile):
    processes = service_processes(profile)
    assert set(processes) >= SERVICES | {"postgres"}
    assert processes["nginx"][1:] and processes["postgres"][1:]  # workers looked at too
    users = {
        service: {uid for pid in pids for uid in user_ids(pid)}
        for service, pids in processes.items()
    }
    assert all(len(uids) == 1 for uids in users.values()), users
    names = {service: user_name(uids.pop()) for service, uids in users.items()}
    if os.geteuid() != 0:
        assert set(names.values()) == {user_name(str(os.geteuid()))}, names
        return
    assert "root" not in names.values(), names
    assert {service: names[service] for service in PYTHON_SERVICES} == {
        "rasa1": "proclinix-rasa",
        "rasa2": "proclinix-rasa",
        "actions": "proclinix-actions",
        "site": "proclinix-site",
        "staff": "proclinix-staff",
    }
    for service in PYTHON_SERVICES:
        pid = processes[service][0]
        assert status_values(pid, "Groups") == [], service
        assert status_values(pid, "CapEff") == ["0000000000000000"], service


def test_finding_9_only_the_action_server_owns_the_spool(profile):
    spool = (profile.var_dir / "spool").stat()
    actions = Path(f"/proc/{process_ids(profile)['actions']}").stat()
    assert (spool.st_uid, spool.st_mode & 0o777) == (actions.st_uid, 0o700)


def test_finding_9_every_service_runs_with_umask_077(profile):
    umasks = {service: status_field(pid, "Umask") for service, pid in process_ids(profile).items()}
    assert set(umasks) >= {"actions", "rasa1", "rasa2", "site", "staff", "nginx", "redis"}
    assert set(umasks.values()) == {"0077"}, umasks
