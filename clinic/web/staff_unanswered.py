"""The staff page's questions the assistant could not answer: grouped by meaning, marked by
staff, the "should be an FAQ" groups exported as Rasa NLU training candidates.

Grouping runs on each request over the chosen period's newest unanswered messages (at most
DEFAULT_MESSAGE_LIMIT of clinic.insights.unanswered.questions), read from the tracker store: a
purged conversation is gone from the groups at once. Marks are kept in the leads database by
masked-text key (clinic.insights.unanswered.marks).
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from datetime import datetime, timedelta
from typing import TypeVar

from flask import Flask, Response, abort, flash, g, redirect, render_template, request, url_for
from sqlalchemy.engine import Engine

from clinic.conversations.store import TrackerStoreError
from clinic.insights.unanswered.encoder import minilm_encoder
from clinic.insights.unanswered.export import faq_candidates_yaml
from clinic.insights.unanswered.grouping import SentenceEncoder
from clinic.insights.unanswered.marks import MARK_LABELS, MarkStore
from clinic.insights.unanswered.report import UnansweredGroups, UnansweredReport
from clinic.staff.audit import AuditLog
from clinic.stores import LeadStores
from clinic.web.unanswered_forms import (
    CLEAR_MARK,
    DEFAULT_PERIOD_DAYS,
    PERIOD_DAYS,
    ExportForm,
    MarkForm,
)

View = TypeVar("View", bound=Callable[..., object])

# Groups beyond this many (the oldest) are not listed; the export still covers them.
GROUPS_SHOWN = 200
UNREACHABLE = "The conversations cannot be read right now: the tracker store is unreachable."

logger = logging.getLogger(__name__)


def warm_up(source: UnansweredGroups, since: datetime) -> None:
    """The page's first grouping, done ahead; a failure only means the first visit does it.
    Logged by type only: an error may carry the visitors' text."""
    try:
        source.warm_up(since)
    except TrackerStoreError:
        logger.warning("unanswered questions not grouped ahead: the tracker store is unreachable")
    except Exception as error:
        logger.warning("unanswered questions not grouped ahead: %s", type(error).__name__)
    else:
        logger.info("unanswered questions grouped ahead")


def register_unanswered_pages(
    app: Flask,
    signed_in: Callable[[View], View],
    *,
    stores: LeadStores,
    tracker: Engine | None,
    clock: Callable[[], datetime],
    encoder: Callable[[], SentenceEncoder] = minilm_encoder,
    warm_up_in_background: bool = False,
) -> None:
    """Adds /unanswered, /unanswered/mark and /unanswered/export, for signed-in staff only;
    with `warm_up_in_background`, groups the default period's questions in a thread at once."""
    marks = MarkStore(stores.leads.engine)
    source = UnansweredGroups(tracker, marks, encoder)
    if warm_up_in_background:
        since = clock() - timedelta(days=DEFAULT_PERIOD_DAYS)
        threading.Thread(
            target=warm_up, args=(source, since), name="unanswered-warm-up", daemon=True
        ).start()
    audit: AuditLog = stores.audit

    def period_days(value: str | None) -> int:
        if value is None or value == "":
            return DEFAULT_PERIOD_DAYS
        if value not in {str(days) for days in PERIOD_DAYS}:
            abort(400, "Unknown period: choose one from the list.")
        return int(value)

    def report_or_unavailable(days: int) -> UnansweredReport:
        try:
            return source.report(clock() - timedelta(days=days))
        except TrackerStoreError:
            abort(503, UNREACHABLE)

    @app.errorhandler(503)
    def unavailable(error: Exception) -> tuple[str, int]:
        return render_template("staff/error.html", message=getattr(error, "description", "")), 503

    @app.get("/unanswered")
    @signed_in
    def unanswered() -> str:
        days = period_days(request.args.get("days"))
        report = report_or_unavailable(days)
        export_form = ExportForm(data={"days": str(days)})
        return render_template(
            "staff/unanswered.html",
            report=report,
            days=days,
            periods=PERIOD_DAYS,
            groups=report.groups[:GROUPS_SHOWN],
            groups_shown=GROUPS_SHOWN,
            message_limit=report.message_limit,
            mark_labels=MARK_LABELS,
            clear_mark=CLEAR_MARK,
            export_form=export_form,
            faq_candidates=sum(1 for shown in report.groups if shown.faq_candidate),
        )

    @app.post("/unanswered/mark")
    @signed_in
    def unanswered_mark() -> Response:
        form = MarkForm()
        if not form.validate_on_submit():
            abort(400, "Choose a mark for the group from the list.")
        keys = (form.keys.data or "").split()
        try:
            if form.mark.data == CLEAR_MARK:
                marks.clear(keys)
            else:
                marks.set(keys, form.mark.data, g.username)
        except ValueError:
            abort(400, "This group could not be marked: reload the page and try again.")
        label = MARK_LABELS.get(form.mark.data, "No mark")
        audit.record(
            "unanswered_marked", g.username, "web", detail=f"{label}: {len(keys)} question text(s)"
        )
        flash("Mark removed." if form.mark.data == CLEAR_MARK else f"Group marked: {label}.")
        return redirect(url_for("unanswered", days=form.days.data))

    @app.post("/unanswered/export")
    @signed_in
    def unanswered_export() -> Response:
        form = ExportForm()
        if not form.validate_on_submit():
            abort(400, "Choose a period from the list.")
        days = int(form.days.data)
        report = report_or_unavailable(days)
        chosen = [shown.group for shown in report.groups if shown.faq_candidate]
        content = faq_candidates_yaml(chosen, clock().date())
        audit.record(
            "unanswered_exported",
            g.username,
            "web",
            detail=f"{len(chosen)} FAQ candidate(s) of the last {days} days",
        )
        response = Response(content, mimetype="application/yaml")
        response.headers["Content-Disposition"] = 'attachment; filename="faq_candidates.yml"'
        return response
