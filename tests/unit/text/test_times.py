import pytest

from clinic.text.times import is_question, names_a_time, new_time_in, time_answer


@pytest.mark.parametrize(
    ("text", "answer"),
    [
        ("weekends if you're open", True),
        ("early mornings before 8 if you can", True),
        ("tuesday after 4pm", True),
        ("any weekday morning, I'm staying with family in Armonk for a month", True),
        ("entre semana por la tarde", True),
        ("el fin de semana", True),
        ("any day after lunch", True),
        ("whenever, im flexible", True),
        ("any time really", True),
        ("are you open on weekends?", False),
        ("what hours do you have on saturday", False),
        ("I am new", False),
        ("lower back pain since I sat at a desk all day", False),
    ],
)
def test_a_time_answer_names_days_or_times_and_asks_nothing(text, answer):
    assert time_answer(text) is answer


@pytest.mark.parametrize(
    ("text", "new"),
    [
        ("change the time to afternoons", "afternoons"),
        ("wait, I put the wrong time, evenings are better for me", "evenings are better for me"),
        ("sorry, can we change the time to afternoons instead? mornings are bad now", "afternoons"),
        ("quiero cambiar la hora a los martes por la tarde", "los martes por la tarde"),
        ("I need to change the time", None),
        ("can I change my email", None),
    ],
)
def test_the_new_time_a_change_names(text, new):
    assert new_time_in(text) == new


@pytest.mark.parametrize(
    ("text", "question"),
    [
        ("where is the office exactly", True),
        ("who would i be seeing", True),
        ("dónde queda la clínica", True),
        ("weekday mornings", False),
    ],
)
def test_a_question_without_a_question_mark(text, question):
    assert is_question(text) is question


@pytest.mark.parametrize(
    ("text", "named"),
    [
        # An hour said without am or pm, and the first time there is (dev8).
        ("once the baby naps, so between 1 and 3", True),
        ("around 11 30 works", True),
        ("after practice, like 6", True),
        ("asap please", True),
        ("whatever's earliest", True),
        ("i have like 2 kids", False),
        ("around 5 weeks ago it started", False),
    ],
)
def test_an_hour_without_am_or_pm_names_a_time(text, named):
    assert names_a_time(text) is named
