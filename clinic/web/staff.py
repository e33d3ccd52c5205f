"""Front-desk leads page: sign in, list and filter booking requests, update them, export CSV.

Run: `python -m clinic.web.staff --port 8081` (binds 127.0.0.1 unless --host says otherwise).
Env: STAFF_SECRET_KEY or STAFF_SECRET_KEY_FILE (required), STAFF_COOKIE_SECURE (default 1),
STAFF_SESSION_HOURS, STAFF_TRUSTED_PROXIES, LEADS_DB_URL, CLINIC_CONFIG. Staff accounts come from
`leads staff-add USERNAME`.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from functools import wraps
from typing import TypeVar, cast

from flask import (
    Flask,
    Response,
    abort,
    flash,
    g,
    redirect,
    render_template,
    request,
    session,
    url_for,
)
from flask_wtf.csrf import CSRFError, CSRFProtect
from sqlalchemy.engine import Engine
from werkzeug.datastructures import MultiDict

from clinic.booking.fields import STAFF_ROWS, language_text, phone_text
from clinic.leads.display import after_hours_text, conversation_text, local_time_text
from clinic.leads.export import write_csv
from clinic.leads.records import LEAD_STATUSES, LeadView
from clinic.leads.repository import LeadNotFound, LeadRepository
from clinic.settings import ClinicSettings, ConfigError, load_settings
from clinic.staff.accounts import DEFAULT_POLICY, LockoutPolicy, authenticate, known_username
from clinic.staff.audit import record_update
from clinic.stores import LeadStores, open_stores
from clinic.text.validation import InvalidInput
from clinic.timeutil import utc_now
from clinic.web.headers import add_security_headers
from clinic.web.lead_conversation import default_tracker, lead_conversation
from clinic.web.secret_key import SecretKeyError
from clinic.web.serving import serve_from_command_line
from clinic.web.sign_in_limit import (
    DEFAULT_ADDRESS_LIMIT,
    AddressLimit,
    SignInThrottle,
    client_address,
)
from clinic.web.staff_config import StaffConfig, StaffConfigError
from clinic.web.staff_dashboard import register_dashboard
from clinic.web.staff_forms import LeadUpdateForm, LoginForm, SignOutForm
from clinic.web.staff_unanswered import register_unanswered_pages

View = TypeVar("View", bound=Callable[..., object])

SESSION_COOKIE = "proclinix_staff"
# No scripts at all on the staff page: a visitor's text can never run here.
PAGE_POLICY = (
    "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; "
    "base-uri 'none'; frame-ancestors 'none'"
)
SESSION_KEYS = ("username", "session_version", "signed_in_at")
# Sent only over HTTPS: browsers then refuse plain HTTP to this host for a year.
HSTS = "max-age=31536000"
AFTER_HOURS_FILTERS = {"": None, "yes": True, "no": False}
# One answer for every refused sign-in: it tells nobody whether a username exists or is locked.
SIGN_IN_REFUSED = (
    "Wrong username or password, or too many failed sign-ins: try again in a while "
    "or ask a colleague to check your account."
)


@dataclass(frozen=True)
class LeadFilter:
    status: str
    after_hours: str

    @classmethod
    def from_query(cls, query: MultiDict[str, str]) -> LeadFilter:
        status = query.get("status", "")
        after_hours = query.get("after_hours", "")
        if status not in ("", *LEAD_STATUSES) or after_hours not in AFTER_HOURS_FILTERS:
            abort(400, "Unknown filter: choose a status and an after-hours option from the lists.")
        return cls(status=status, after_hours=after_hours)

    def leads(self, repository: LeadRepository) -> list[LeadView]:
        return repository.list(
            status=self.status or None, after_hours=AFTER_HOURS_FILTERS[self.after_hours]
        )

    def query_args(self) -> dict[str, str]:
        return {name: value for name, value in vars(self).items() if value}


def create_app(
    config: StaffConfig | None = None,
    stores: LeadStores | None = None,
    clinic: ClinicSettings | None = None,
    lockout: LockoutPolicy = DEFAULT_POLICY,
    address_limit: AddressLimit = DEFAULT_ADDRESS_LIMIT,
    clock: Callable[[], datetime] = utc_now,
    tracker: Engine | None = None,
) -> Flask:
    """`tracker`: a read-only engine on Rasa's tracker store (clinic.conversations.events), by
    default the one the Rasa server's endpoints file names."""
    config = config or StaffConfig.from_env()
    stores = stores or open_stores()
    tracker = tracker if tracker is not None else default_tracker()
    repository = stores.leads
    clinic = clinic or load_settings()
    zone = clinic.timezone
    audit = stores.audit
    throttle = SignInThrottle(address_limit)

    app = Flask(__name__)
    app.config.update(
        SECRET_KEY=config.secret_key,
        SESSION_COOKIE_NAME=SESSION_COOKIE,
        SESSION_COOKIE_HTTPONLY=True,
        SESSION_COOKIE_SAMESITE="Strict",
        SESSION_COOKIE_SECURE=config.cookie_secure,
        PERMANENT_SESSION_LIFETIME=config.session_lifetime,
        # The cookie's expiry is set at sign-in and never pushed back: the lifetime is absolute.
        SESSION_REFRESH_EACH_REQUEST=False,
        MAX_CONTENT_LENGTH=64 * 1024,
    )
    CSRFProtect(app)
    app.jinja_env.filters.update(
        local_time=lambda moment: local_time_text(moment, zone),
        after_hours=after_hours_text,
        conversation=conversation_text,
        phone=phone_text,
        language=language_text,
    )
    app.jinja_env.globals.update(staff_rows=STAFF_ROWS, statuses=LEAD_STATUSES)

    def session_user() -> str | None:
        """The signed-in user, when the cookie is younger than the session lifetime and its
        account still exists, is enabled and has not had its sessions ended since."""
        username = session.get("username")
        version = session.get("session_version")
        signed_in_at = session.get("signed_in_at")
        if not (
            isinstance(username, str)
            and isinstance(version, int)
            and isinstance(signed_in_at, int | float)
        ):
            return None
        age = clock().timestamp() - signed_in_at
        if not 0 <= age < config.session_lifetime.total_seconds():
            return None
        user = stores.staff.get(username)
        if user is None or user.disabled or user.session_version != version:
            return None
        return username

    def signed_in(view: View) -> View:
        @wraps(view)
        def guarded(*args: object, **kwargs: object) -> object:
            g.username = session_user()
            if g.username is None:
                for key in SESSION_KEYS:
                    session.pop(key, None)
                return redirect(url_for("login"))
            return view(*args, **kwargs)

        return cast(View, guarded)

    @app.context_processor
    def page_context() -> dict[str, object]:
        return {"username": g.get("username"), "sign_out_form": SignOutForm()}

    @app.route("/login", methods=["GET", "POST"])
    def login() -> Response | tuple[str, int] | str:
        form = LoginForm()
        if not form.validate_on_submit():
            status = 400 if request.method == "POST" else 200
            return render_template("staff/login.html", form=form), status
        address = client_address(
            request.remote_addr,
            request.headers.getlist("X-Forwarded-For"),
            config.trusted_proxies,
        )
        if throttle.blocked(address):
            form.form_errors.append(SIGN_IN_REFUSED)
            return render_template("staff/login.html", form=form), 429
        result = authenticate(stores.staff, form.username.data, form.password.data, policy=lockout)
        if not result.ok:
            throttle.record_failure(address)
            # Only an existing account is named: a mistyped password never lands in the trail.
            actor = known_username(stores.staff, form.username.data) or "(unknown username)"
            audit.record("sign_in_failed", actor, "web", detail=f"from {address}")
            form.form_errors.append(SIGN_IN_REFUSED)
            return render_template("staff/login.html", form=form), 401
        audit.record("sign_in", result.username or "", "web", detail=f"from {address}")
        session.clear()
        session.permanent = True
        session["username"] = result.username
        session["session_version"] = result.session_version
        session["signed_in_at"] = clock().timestamp()
        return redirect(url_for("lead_list"))

    @app.post("/logout")
    def logout() -> Response:
        username = session_user()
        if username is not None:
            # Signing out ends the account's sessions everywhere, so a copied cookie dies too.
            stores.staff.end_sessions(username)
            audit.record("sign_out", username, "web")
        session.clear()
        flash("You are signed out.")
        return redirect(url_for("login"))

    @app.get("/")
    @signed_in
    def lead_list() -> str:
        lead_filter = LeadFilter.from_query(request.args)
        return render_template(
            "staff/leads.html",
            leads=lead_filter.leads(repository),
            lead_filter=lead_filter,
            export_args=lead_filter.query_args(),
        )

    @app.get("/leads.csv")
    @signed_in
    def lead_export() -> Response:
        lead_filter = LeadFilter.from_query(request.args)
        leads = lead_filter.leads(repository)
        output = io.StringIO(newline="")
        write_csv(leads, output, zone)
        audit.record(
            "export",
            g.username,
            "web",
            references=[lead.reference for lead in leads],
            detail=f"CSV of {len(leads)} request(s)",
        )
        response = Response(output.getvalue(), mimetype="text/csv")
        response.headers["Content-Disposition"] = 'attachment; filename="leads.csv"'
        return response

    @app.route("/leads/<reference>", methods=["GET", "POST"])
    @signed_in
    def lead_detail(reference: str) -> Response | tuple[str, int]:
        lead = repository.get(reference)
        if lead is None:
            abort(404, f"There is no booking request with reference {reference}.")
        form = LeadUpdateForm(data={"status": lead.status})

        def page(status: int) -> tuple[str, int]:
            activity = audit.for_lead(lead.reference)
            conversation = lead_conversation(tracker, lead.conversation_id)
            html = render_template(
                "staff/lead.html",
                lead=lead,
                form=form,
                activity=activity,
                conversation=conversation,
            )
            return html, status

        if request.method == "GET":
            audit.record("lead_viewed", g.username, "web", references=[lead.reference])
            return page(200)
        if not form.validate_on_submit():
            return page(400)
        new_status = form.status.data if form.status.data != lead.status else None
        note = (form.note.data or "").strip() or None
        if new_status is None and note is None:
            form.form_errors.append("Nothing to save: choose another status or write a note.")
            return page(400)
        try:
            repository.update(lead.reference, new_status, note, author=g.username)
        except InvalidInput as error:
            form.form_errors.append(error.message)
            return page(400)
        except LeadNotFound:
            abort(404, f"There is no booking request with reference {reference}.")
        record_update(audit, g.username, "web", lead.reference, lead.status, new_status, note)
        flash("Saved.")
        return redirect(url_for("lead_detail", reference=lead.reference))

    register_dashboard(app, signed_in, repository, tracker, clinic, clock)
    register_unanswered_pages(
        app,
        signed_in,
        stores=stores,
        tracker=tracker,
        clock=clock,
        warm_up_in_background=config.warm_up_unanswered,
    )

    @app.errorhandler(CSRFError)
    def csrf_failed(error: CSRFError) -> tuple[str, int]:
        message = (
            "This form has expired or did not come from this page. "
            "Go back, reload the page and try again."
        )
        return render_template("staff/error.html", message=message), 400

    @app.errorhandler(400)
    @app.errorhandler(404)
    def client_error(error: Exception) -> tuple[str, int]:
        code = getattr(error, "code", 400)
        return render_template("staff/error.html", message=getattr(error, "description", "")), code

    def served_over_https() -> bool:
        """HTTPS to this server, or to the trusted proxy in front of it (X-Forwarded-Proto)."""
        if request.is_secure:
            return True
        forwarded = request.headers.get("X-Forwarded-Proto", "").split(",")[-1].strip().lower()
        return request.remote_addr in config.trusted_proxies and forwarded == "https"

    @app.after_request
    def headers(response: Response) -> Response:
        if request.endpoint != "static":
            # Lead pages hold personal data: no browser or proxy cache may keep a copy.
            response.headers["Cache-Control"] = "no-store"
        if served_over_https():
            response.headers["Strict-Transport-Security"] = HSTS
        return add_security_headers(response, PAGE_POLICY)

    return app


def main() -> None:
    serve_from_command_line(
        create_app,
        prog="python -m clinic.web.staff",
        description="ProClinix front-desk leads page",
        default_port=8081,
        config_errors=(SecretKeyError, StaffConfigError, ConfigError),
        # Only STAFF_TRUSTED_PROXIES may name the client (sign-in limit) or the scheme (HSTS).
        app_checks_proxy_headers=True,
    )


if __name__ == "__main__":
    main()
