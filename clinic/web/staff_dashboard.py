"""The staff dashboard: how the assistant is doing over a chosen period, as charts drawn on the
server (one SVG image) and as a table with the same figures."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, timedelta
from threading import Lock
from time import monotonic
from typing import Any

from flask import Flask, Response, abort, render_template, request
from sqlalchemy.engine import Engine

from clinic.insights.dashboard import DashboardFigures, Period, PeriodError, dashboard_figures
from clinic.leads.repository import LeadRepository
from clinic.settings import ClinicSettings
from clinic.web.dashboard_charts import dashboard_svg

Guard = Callable[[Callable[..., Any]], Callable[..., Any]]
DEFAULT_DAYS = 30
# The page and its chart image ask for the same figures one after the other: read them once.
FIGURES_TTL_SECONDS = 60.0
FIGURES_KEPT = 16


class FiguresCache:
    """The figures of recently shown periods, for at most FIGURES_TTL_SECONDS."""

    def __init__(self, compute: Callable[[Period], DashboardFigures]) -> None:
        self._compute = compute
        self._kept: dict[Period, tuple[float, DashboardFigures]] = {}
        self._lock = Lock()

    def get(self, period: Period) -> DashboardFigures:
        now = monotonic()
        with self._lock:
            kept = self._kept.get(period)
        if kept is not None and now - kept[0] < FIGURES_TTL_SECONDS:
            return kept[1]
        figures = self._compute(period)
        with self._lock:
            fresh = {
                key: value
                for key, value in self._kept.items()
                if now - value[0] < FIGURES_TTL_SECONDS
            }
            self._kept = dict(list(fresh.items())[-(FIGURES_KEPT - 1) :])
            self._kept[period] = (now, figures)
        return figures


def register_dashboard(
    app: Flask,
    signed_in: Guard,
    leads: LeadRepository,
    tracker: Engine | None,
    clinic: ClinicSettings,
    clock: Callable[[], datetime],
) -> None:
    figures_of = FiguresCache(lambda period: dashboard_figures(tracker, leads, period, clinic))

    def chosen_period() -> Period:
        today = clock().astimezone(clinic.timezone).date()
        try:
            last = _day(request.args.get("to")) or today
            first = _day(request.args.get("from")) or last - timedelta(days=DEFAULT_DAYS - 1)
            return Period.of_days(first, last, clinic.timezone)
        except PeriodError as error:
            abort(400, str(error))

    @app.get("/dashboard")
    @signed_in
    def dashboard() -> str:
        period = chosen_period()
        figures = figures_of.get(period)
        return render_template(
            "staff/dashboard.html",
            period=period,
            figures=figures,
            chart_args={"from": period.first.isoformat(), "to": period.last.isoformat()},
        )

    @app.get("/dashboard/charts.svg")
    @signed_in
    def dashboard_charts() -> Response:
        figures = figures_of.get(chosen_period())
        return Response(dashboard_svg(figures), mimetype="image/svg+xml")


def _day(value: str | None) -> date | None:
    if not value:
        return None
    try:
        # A date input sends YYYY-MM-DD: ten characters, nothing longer is read.
        if len(value) != len("YYYY-MM-DD"):
            raise ValueError(value)
        return date.fromisoformat(value)
    except ValueError:
        abort(400, "Give the period's days as YYYY-MM-DD.")
