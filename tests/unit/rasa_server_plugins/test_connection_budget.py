"""Finding 1, the budget of one socket.io connection: bounded turns per window, turns under way
and session requests; one notice per run of refusals; settings from env."""

import pytest

from rasa_server_plugins.connection_budget import (
    BudgetSettings,
    ConnectionBudget,
    ConnectionBudgets,
    SlidingWindow,
    Verdict,
)


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def budget(clock: Clock, **settings: int) -> ConnectionBudget:
    return ConnectionBudget(BudgetSettings(**settings), clock)


def test_finding_1_a_sliding_window_frees_a_place_only_when_it_has_passed():
    window = SlidingWindow(2, 10)
    assert [window.take(0), window.take(1), window.take(2)] == [True, True, False]
    assert window.take(9.9) is False
    assert window.take(10) is True  # the take at 0 has left the window
    assert window.take(10.5) is False
    assert window.take(11) is True


def test_finding_1_turns_past_the_window_budget_are_refused_with_one_notice():
    clock = Clock()
    connection = budget(clock, turns=3, in_flight=100, window_seconds=60)
    verdicts = []
    for _ in range(10):
        verdicts.append(connection.turn())
        connection.turn_done()
    assert verdicts == [Verdict.ADMIT] * 3 + [Verdict.NOTIFY] + [Verdict.DROP] * 6
    clock.now += 60
    assert connection.turn() is Verdict.ADMIT


def test_finding_1_a_refused_turn_takes_no_place_in_the_window():
    clock = Clock()
    connection = budget(clock, turns=2, in_flight=100, window_seconds=60)
    assert [connection.turn(), connection.turn()] == [Verdict.ADMIT, Verdict.ADMIT]
    for _ in range(50):
        clock.now += 1
        assert connection.turn() is not Verdict.ADMIT
    clock.now = 1000.0 + 60
    assert connection.turn() is Verdict.ADMIT


def test_finding_1_turns_under_way_are_bounded_until_one_is_done():
    connection = budget(Clock(), turns=100, in_flight=2)
    assert [connection.turn() for _ in range(5)] == (
        [Verdict.ADMIT, Verdict.ADMIT, Verdict.NOTIFY, Verdict.DROP, Verdict.DROP]
    )
    assert connection.in_flight == 2
    connection.turn_done()
    assert connection.turn() is Verdict.ADMIT
    assert connection.in_flight == 2


def test_finding_1_the_connection_is_told_once_a_window():
    clock = Clock()
    connection = budget(clock, turns=100, in_flight=1, window_seconds=60)
    assert [connection.turn(), connection.turn()] == [Verdict.ADMIT, Verdict.NOTIFY]
    connection.turn_done()
    assert [connection.turn(), connection.turn()] == [Verdict.ADMIT, Verdict.DROP]
    clock.now += 59
    assert connection.turn() is Verdict.DROP
    clock.now += 1
    assert [connection.turn(), connection.turn()] == [Verdict.NOTIFY, Verdict.DROP]


def test_finding_1_session_requests_are_bounded_per_window():
    clock = Clock()
    connection = budget(clock, sessions=3, window_seconds=60)
    assert [connection.session() for _ in range(5)] == (
        [Verdict.ADMIT] * 3 + [Verdict.NOTIFY, Verdict.DROP]
    )
    clock.now += 60
    assert connection.session() is Verdict.ADMIT


def test_finding_1_a_flood_alternating_sessions_and_turns_is_bounded_and_notified_once():
    connection = budget(Clock(), turns=30, in_flight=2, sessions=3, window_seconds=60)
    verdicts = []
    for _ in range(1000):
        verdicts.append(connection.session())
        verdicts.append(connection.turn())  # none finishes: the gate is busy
    assert verdicts.count(Verdict.ADMIT) == 3 + 2
    assert verdicts.count(Verdict.NOTIFY) == 1


def test_finding_1_each_connection_has_its_own_budget_and_is_forgotten():
    budgets = ConnectionBudgets(BudgetSettings(turns=1), Clock())
    assert budgets.of("a").turn() is Verdict.ADMIT
    assert budgets.of("a").turn() is Verdict.NOTIFY
    assert budgets.of("b").turn() is Verdict.ADMIT
    assert len(budgets) == 2
    budgets.forget("a")
    budgets.forget("never-seen")
    assert len(budgets) == 1


def test_finding_1_settings_from_env_with_defaults():
    assert BudgetSettings.from_env({}) == BudgetSettings(
        turns=30, in_flight=2, sessions=3, window_seconds=60
    )
    environ = {
        "CHAT_CONNECTION_TURNS": "200",
        "CHAT_CONNECTION_IN_FLIGHT": " 4 ",
        "CHAT_CONNECTION_SESSIONS": "",
        "CHAT_CONNECTION_WINDOW_SECONDS": "10",
    }
    assert BudgetSettings.from_env(environ) == BudgetSettings(
        turns=200, in_flight=4, sessions=3, window_seconds=10
    )


@pytest.mark.parametrize("value", ["0", "-1", "1.5", "many"])
def test_finding_1_a_bad_setting_is_refused_by_name(value):
    with pytest.raises(ValueError, match="CHAT_CONNECTION_TURNS must be a whole number"):
        BudgetSettings.from_env({"CHAT_CONNECTION_TURNS": value})
