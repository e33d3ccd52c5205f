"""Forms of the staff page; Flask-WTF adds and checks the CSRF token on each of them."""

from __future__ import annotations

from flask_wtf import FlaskForm
from wtforms import PasswordField, SelectField, StringField, TextAreaField
from wtforms.validators import DataRequired, Length

from clinic.leads.records import LEAD_STATUSES, NOTE_MAX_LENGTH


class LoginForm(FlaskForm):
    username = StringField("Username", validators=[DataRequired(), Length(max=64)])
    password = PasswordField("Password", validators=[DataRequired(), Length(max=256)])


class SignOutForm(FlaskForm):
    """No fields: it only carries the CSRF token of the sign-out button."""


class LeadUpdateForm(FlaskForm):
    status = SelectField(
        "Status", choices=[(status, status.capitalize()) for status in LEAD_STATUSES]
    )
    note = TextAreaField("Add a note", validators=[Length(max=NOTE_MAX_LENGTH)])
