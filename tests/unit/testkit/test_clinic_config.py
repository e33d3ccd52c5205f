"""The test stacks' clinic.yml is one the clinic's own settings loader reads as meant."""

from datetime import time

from clinic.settings import load_settings
from testkit.stack import write_clinic_config


def test_opening_hours_by_weekday(tmp_path):
    settings = load_settings(write_clinic_config(tmp_path, {"tuesday": "09:00-17:00"}))
    assert settings.phone == "+19145550100"
    ((opening,),) = settings.opening_hours.values()
    assert list(settings.opening_hours) == [1]
    assert (opening.start, opening.end) == (time(9), time(17))


def test_no_hours_means_hours_not_configured(tmp_path):
    settings = load_settings(write_clinic_config(tmp_path, phone="(914) 555-0199"))
    assert not settings.hours_configured
    assert settings.phone == "+19145550199"
