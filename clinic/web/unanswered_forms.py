"""Forms of the unanswered-questions page; Flask-WTF adds and checks their CSRF tokens."""

from __future__ import annotations

from flask_wtf import FlaskForm
from wtforms import HiddenField, SelectField
from wtforms.validators import DataRequired, Length

from clinic.insights.unanswered.marks import MARK_LABELS, MAX_KEYS_PER_MARK
from clinic.insights.unanswered.questions import KEY_LENGTH

CLEAR_MARK = "clear"
PERIOD_DAYS = (7, 30, 90, 365)
DEFAULT_PERIOD_DAYS = 30


class MarkForm(FlaskForm):
    # The keys of the group's newest texts, separated by spaces.
    keys = HiddenField(
        validators=[DataRequired(), Length(max=MAX_KEYS_PER_MARK * (KEY_LENGTH + 1))]
    )
    mark = SelectField(
        "Mark this group",
        choices=[*MARK_LABELS.items(), (CLEAR_MARK, "No mark")],
    )
    days = SelectField(
        choices=[(str(days), str(days)) for days in PERIOD_DAYS], default=str(DEFAULT_PERIOD_DAYS)
    )


class ExportForm(FlaskForm):
    days = SelectField(
        choices=[(str(days), str(days)) for days in PERIOD_DAYS], default=str(DEFAULT_PERIOD_DAYS)
    )
