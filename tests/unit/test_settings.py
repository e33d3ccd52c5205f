from datetime import datetime, timedelta, timezone
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from clinic.settings import DEFAULT_CONFIG_PATH, ConfigError, load_settings

NEW_YORK = ZoneInfo("America/New_York")
HOURS = """
name: Test Clinic
location: Armonk, NY
timezone: America/New_York
phone: "(914) 555-0123"
email: Desk@Example.COM
opening_hours:
  monday: ["08:00-12:00", "14:00-19:00"]
  tuesday: ["08:00-19:00"]
  wednesday: ["08:00-19:00"]
  thursday: ["08:00-19:00"]
  friday: ["08:00-17:00"]
  saturday: ["09:00-13:00"]
retention_days: 30
"""


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "clinic.yml"
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture
def settings(tmp_path):
    return load_settings(write(tmp_path, HOURS))


def local(*args: int) -> datetime:
    return datetime(*args, tzinfo=NEW_YORK)


def test_repository_clinic_yml_holds_only_what_the_clinic_gave():
    settings = load_settings(DEFAULT_CONFIG_PATH)
    assert settings.name == "ProClinix Sport Physical Therapy & Chiropractic"
    assert settings.location == "Armonk, NY"
    assert settings.timezone == NEW_YORK
    assert settings.retention_days == 365
    assert settings.phone is None and settings.email is None
    assert settings.contact_text() is None
    assert settings.hours_text() is None


def test_env_clinic_config_points_at_another_file(tmp_path, monkeypatch):
    monkeypatch.setenv("CLINIC_CONFIG", str(write(tmp_path, HOURS)))
    assert load_settings().name == "Test Clinic"


def test_contact_is_normalised_and_readable(settings):
    assert settings.phone == "+19145550123"
    assert settings.email == "Desk@example.com"
    assert settings.contact_text() == "phone (914) 555-0123, email Desk@example.com"


@pytest.mark.parametrize(
    ("moment", "open_"),
    [
        (local(2025, 6, 2, 8, 0), True),  # Monday at opening
        (local(2025, 6, 2, 11, 59), True),
        (local(2025, 6, 2, 12, 0), False),  # lunch break: the range end is exclusive
        (local(2025, 6, 2, 14, 30), True),
        (local(2025, 6, 2, 19, 0), False),
        (local(2025, 6, 2, 7, 59), False),
        (local(2025, 6, 7, 10, 0), True),  # Saturday morning
        (local(2025, 6, 8, 10, 0), False),  # Sunday
    ],
)
def test_is_open(settings, moment, open_):
    assert settings.is_open(moment) is open_
    assert settings.after_hours(moment) is (not open_)


def test_is_open_converts_utc_to_the_clinic_zone(settings):
    # 12:30 UTC on a Monday is 08:30 in New York in June (EDT): open.
    assert settings.is_open(datetime(2025, 6, 2, 12, 30, tzinfo=timezone.utc))
    # 03:00 UTC on Tuesday is still Monday 23:00 in New York: closed.
    assert not settings.is_open(datetime(2025, 6, 3, 3, 0, tzinfo=timezone.utc))


def test_next_opening_across_the_weekend(settings):
    saturday_evening = local(2025, 6, 7, 15, 0)
    assert settings.next_opening(saturday_evening) == local(2025, 6, 9, 8, 0)
    friday_night = local(2025, 6, 6, 20, 0)
    assert settings.next_opening(friday_night) == local(2025, 6, 7, 9, 0)


def test_next_opening_after_lunch_and_while_open(settings):
    assert settings.next_opening(local(2025, 6, 2, 12, 30)) == local(2025, 6, 2, 14, 0)
    # While open, the next opening is the next range that starts later.
    assert settings.next_opening(local(2025, 6, 2, 9, 0)) == local(2025, 6, 2, 14, 0)


def test_spring_forward_weekend_keeps_wall_clock_hours(settings):
    # Clocks went forward on Sunday 2025-03-09: Monday opens at 08:00 EDT = 12:00 UTC.
    reopening = settings.next_opening(local(2025, 3, 8, 18, 0))
    assert reopening == local(2025, 3, 10, 8, 0)
    assert reopening.utcoffset() == timedelta(hours=-4)
    assert reopening.astimezone(timezone.utc).hour == 12
    same_utc_time_week_before = datetime(2025, 3, 3, 12, 30, tzinfo=timezone.utc)  # 07:30 EST
    assert not settings.is_open(same_utc_time_week_before)
    assert settings.is_open(datetime(2025, 3, 10, 12, 30, tzinfo=timezone.utc))  # 08:30 EDT


def test_fall_back_weekend(settings):
    # Clocks went back on Sunday 2025-11-02: Monday opens at 08:00 EST = 13:00 UTC.
    reopening = settings.next_opening(local(2025, 11, 1, 14, 0))
    assert reopening == local(2025, 11, 3, 8, 0)
    assert reopening.astimezone(timezone.utc) == datetime(2025, 11, 3, 13, 0, tzinfo=timezone.utc)


def test_opening_inside_a_skipped_hour_moves_to_the_real_instant(tmp_path):
    text = HOURS.replace('["09:00-13:00"]', '["09:00-13:00"]\n  sunday: ["02:30-04:00"]')
    settings = load_settings(write(tmp_path, text))
    reopening = settings.next_opening(local(2025, 3, 8, 14, 0))
    # 02:30 does not exist on 2025-03-09 in New York; the clinic opens at 03:30 EDT.
    assert reopening.astimezone(timezone.utc) == datetime(2025, 3, 9, 7, 30, tzinfo=timezone.utc)


def test_hours_text(settings):
    assert settings.hours_text() == (
        "Monday 8:00 AM-12:00 PM, 2:00 PM-7:00 PM; Tuesday 8:00 AM-7:00 PM; "
        "Wednesday 8:00 AM-7:00 PM; Thursday 8:00 AM-7:00 PM; Friday 8:00 AM-5:00 PM; "
        "Saturday 9:00 AM-1:00 PM; Sunday closed"
    )
    assert settings.hours_text("es") == (
        "Lunes 8:00 AM-12:00 PM, 2:00 PM-7:00 PM; Martes 8:00 AM-7:00 PM; "
        "Miércoles 8:00 AM-7:00 PM; Jueves 8:00 AM-7:00 PM; Viernes 8:00 AM-5:00 PM; "
        "Sábado 9:00 AM-1:00 PM; Domingo cerrado"
    )


def test_without_hours_nothing_is_invented(tmp_path):
    text = HOURS.split("opening_hours:")[0] + "opening_hours: null\n"
    settings = load_settings(write(tmp_path, text))
    moment = local(2025, 6, 2, 10, 0)
    assert not settings.hours_configured
    assert settings.is_open(moment) is False
    assert settings.after_hours(moment) is None
    assert settings.next_opening(moment) is None
    assert settings.hours_text() is None
    assert settings.retention_days == 365


def test_naive_datetime_is_refused(settings):
    with pytest.raises(ValueError, match="timezone-aware"):
        settings.is_open(datetime(2025, 6, 2, 10, 0))


@pytest.mark.parametrize(
    ("replace", "by", "message"),
    [
        ("timezone: America/New_York", "timezone: Mars/Olympus", "IANA time zone"),
        ("name: Test Clinic", "name: ''", "'name' must be a non-empty text"),
        ("retention_days: 30", "retention_days: 0", "retention_days"),
        ("retention_days: 30", "retention_days: soon", "retention_days"),
        ('phone: "(914) 555-0123"', 'phone: "555-0123"', "'phone'"),
        ("email: Desk@Example.COM", "email: desk", "'email'"),
        ('["08:00-17:00"]', '["8-5"]', "must look like 08:00-18:30"),
        ('["08:00-17:00"]', '["17:00-08:00"]', "must end after it starts"),
        ('["08:00-17:00"]', '["25:00-26:00"]', "must look like 08:00-18:30"),
        ('["08:00-17:00"]', '["08:00-12:00", "11:00-17:00"]', "overlap"),
        ("friday:", "funday:", "not a weekday name"),
        ("retention_days: 30", "retention_days: 30\nfax: 123", "unknown setting(s): fax"),
    ],
)
def test_bad_configuration_names_the_file_and_the_problem(tmp_path, replace, by, message):
    path = write(tmp_path, HOURS.replace(replace, by))
    with pytest.raises(ConfigError) as caught:
        load_settings(path)
    assert message in str(caught.value)
    assert str(path) in str(caught.value)


def test_missing_or_broken_file(tmp_path):
    with pytest.raises(ConfigError, match="cannot read"):
        load_settings(tmp_path / "absent.yml")
    with pytest.raises(ConfigError, match="not valid YAML"):
        load_settings(write(tmp_path, "name: [unclosed"))
    with pytest.raises(ConfigError, match="mapping"):
        load_settings(write(tmp_path, "- a list"))
