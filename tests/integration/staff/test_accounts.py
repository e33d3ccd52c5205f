import threading
from datetime import datetime, timedelta, timezone

import pytest
from argon2 import PasswordHasher

from clinic.staff.accounts import AuthStatus, LockoutPolicy, authenticate, create_user
from clinic.staff.store import DuplicateUsername
from clinic.text.validation import InvalidInput

PASSWORD = "correct horse battery staple"
START = datetime(2025, 6, 2, 9, 0, tzinfo=timezone.utc)
POLICY = LockoutPolicy(max_failures=3, lockout=timedelta(minutes=15))
# Cheap parameters keep the many hashes of these tests fast; production uses argon2's defaults.
FAST = PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1)


@pytest.fixture
def maria(staff):
    create_user(staff, "Maria", PASSWORD, now=START, hasher=FAST)
    return staff


def login(staff, password, at, username="maria"):
    return authenticate(staff, username, password, now=at, policy=POLICY, hasher=FAST)


def test_password_is_stored_as_an_argon2id_hash(staff):
    assert create_user(staff, "  Tom ", PASSWORD, now=START) == "tom"
    stored = staff.get("tom")
    assert stored.password_hash.startswith("$argon2id$")
    assert PASSWORD not in stored.password_hash
    assert authenticate(staff, "TOM", PASSWORD, now=START).ok


def test_right_and_wrong_password(maria):
    result = login(maria, PASSWORD, START)
    assert result.ok and result.username == "maria"
    assert maria.get("maria").last_login_at == START
    assert login(maria, "wrong password!", START).status is AuthStatus.INVALID
    assert login(maria, PASSWORD, START, username="nobody").status is AuthStatus.INVALID
    assert login(maria, PASSWORD, START, username="bad name!").status is AuthStatus.INVALID


def test_lock_out_after_failures_and_unlock_after_the_time(maria):
    assert login(maria, "wrong 1", START).status is AuthStatus.INVALID
    assert login(maria, "wrong 2", START + timedelta(minutes=1)).status is AuthStatus.INVALID
    locking = login(maria, "wrong 3", START + timedelta(minutes=2))
    assert locking.status is AuthStatus.LOCKED
    assert locking.locked_until == START + timedelta(minutes=17)

    still_locked = login(maria, PASSWORD, START + timedelta(minutes=16))
    assert still_locked.status is AuthStatus.LOCKED
    assert still_locked.locked_until == START + timedelta(minutes=17)

    assert login(maria, PASSWORD, START + timedelta(minutes=17)).ok
    record = maria.get("maria")
    assert record.failed_attempts == 0 and record.locked_until is None


def test_after_a_lock_expires_the_count_starts_again(maria):
    for minute in range(3):
        login(maria, "wrong", START + timedelta(minutes=minute))
    after = START + timedelta(hours=1)
    assert login(maria, "wrong", after).status is AuthStatus.INVALID
    assert login(maria, "wrong", after).status is AuthStatus.INVALID
    assert login(maria, "wrong", after).status is AuthStatus.LOCKED


def test_success_resets_the_failure_count(maria):
    login(maria, "wrong", START)
    login(maria, "wrong", START)
    assert login(maria, PASSWORD, START).ok
    login(maria, "wrong", START)
    login(maria, "wrong", START)
    assert login(maria, PASSWORD, START).ok


def test_outdated_hash_parameters_are_upgraded_on_login(staff):
    create_user(staff, "tom", PASSWORD, now=START, hasher=FAST)
    stronger = PasswordHasher(time_cost=2, memory_cost=2048, parallelism=1)
    assert authenticate(staff, "tom", PASSWORD, now=START, hasher=stronger).ok
    assert not stronger.check_needs_rehash(staff.get("tom").password_hash)


def test_duplicate_username(maria):
    with pytest.raises(DuplicateUsername, match="'maria' already exists"):
        create_user(maria, "MARIA", "another long password", now=START, hasher=FAST)


@pytest.mark.parametrize(
    ("username", "password", "message"),
    [
        ("x", PASSWORD, "2 to 64 characters"),
        ("bad name", PASSWORD, "2 to 64 characters"),
        ("tom", "short", "at least 12"),
        ("tom", "tom-is-my-password", "must not contain the username"),
        ("tom", "x" * 257, "at most 256"),
    ],
)
def test_bad_usernames_and_weak_passwords(staff, username, password, message):
    with pytest.raises(InvalidInput, match=message):
        create_user(staff, username, password, now=START, hasher=FAST)
    assert staff.get(username.strip().lower()) is None


class CountingHasher(PasswordHasher):
    """FAST's parameters, counting how often a password is checked against a hash."""

    def __init__(self) -> None:
        super().__init__(time_cost=1, memory_cost=1024, parallelism=1)
        self.verified = 0

    def verify(self, hash: str | bytes, password: str | bytes) -> bool:
        self.verified += 1
        return super().verify(hash, password)


def test_staff_sign_in_checks_the_hash_for_locked_and_unknown_users(maria):
    for minute in range(POLICY.max_failures):
        login(maria, "wrong", START + timedelta(minutes=minute))
    hasher = CountingHasher()
    for username in ("maria", "nobody"):
        result = authenticate(maria, username, PASSWORD, now=START, policy=POLICY, hasher=hasher)
        assert not result.ok
    assert hasher.verified == 2


class RecordingStore:
    """The staff store, recording the names of the methods a sign-in calls."""

    def __init__(self, store):
        self.store = store
        self.calls = []

    def __getattr__(self, name):
        self.calls.append(name)
        return getattr(self.store, name)


@pytest.mark.parametrize("unknown", ["nobody", "no one!"])
def test_finding_15_a_wrong_password_does_the_same_work_for_unknown_and_real_names(maria, unknown):
    """Timing must not tell which usernames exist: the same hash check and the same failure
    update, whether or not the account exists."""
    work = {}
    for username in ("maria", unknown):
        store, hasher = RecordingStore(maria), CountingHasher()
        result = authenticate(store, username, "wrong", now=START, policy=POLICY, hasher=hasher)
        assert result.status is AuthStatus.INVALID
        work[username] = (store.calls, hasher.verified)
    assert work[unknown] == work["maria"] == (["get", "record_login_failure"], 1)
    assert maria.get("maria").failed_attempts == 1


def test_staff_sign_in_failure_counter_is_atomic(maria):
    """Finding 4: the failure counter is atomic."""
    workers, rounds = 6, 5
    barrier = threading.Barrier(workers)

    def fail() -> None:
        barrier.wait()
        for _ in range(rounds):
            maria.record_login_failure("maria", START, 1000, timedelta(minutes=15))

    threads = [threading.Thread(target=fail) for _ in range(workers)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert maria.get("maria").failed_attempts == workers * rounds
