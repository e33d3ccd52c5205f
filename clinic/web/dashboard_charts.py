"""The dashboard's charts, drawn on the server by matplotlib as one SVG image (no script)."""

from __future__ import annotations

import io

from matplotlib import rc_context
from matplotlib.axes import Axes
from matplotlib.figure import Figure

from clinic.insights.dashboard import DashboardFigures, topic_label
from clinic.leads.records import LEAD_STATUSES

# The staff page's colours (staff.css).
INK = "#1b2430"
ACCENT = "#0b5cab"
MUTED = "#4a5563"
MIN_ROWS = 4


def dashboard_svg(figures: DashboardFigures) -> bytes:
    talk = figures.conversations
    panels = 4 if talk is not None else 1
    figure = Figure(figsize=(7, 2.2 * panels))
    figure.subplots_adjust(
        left=0.3, right=0.95, top=1 - 0.3 / panels, bottom=0.1 / panels, hspace=0.45
    )
    axes = figure.subplots(panels, 1, squeeze=False)[:, 0]
    _bars(
        axes[0],
        "Leads by status",
        [status.capitalize() for status in LEAD_STATUSES],
        [figures.leads.by_status[status] for status in LEAD_STATUSES],
    )
    if talk is not None:
        _bars(
            axes[1],
            "Booking forms",
            ["Started", "Submitted", "Cancelled"],
            [talk.forms.started, talk.forms.submitted, talk.forms.cancelled],
        )
        _bars(
            axes[2],
            "Questions",
            ["Answered", "Not answered"],
            [talk.questions_answered, talk.questions_unanswered],
        )
        topics = list(talk.faq_topics)
        _bars(
            axes[3],
            "Most asked FAQ topics",
            [topic_label(topic) for topic, _ in topics],
            [count for _, count in topics],
        )
    output = io.BytesIO()
    # Text as text (the browser's fonts), not glyph outlines: a smaller, faster image. No
    # creation date: the same figures give the same image.
    with rc_context({"svg.fonttype": "none", "font.family": "sans-serif"}):
        figure.savefig(output, format="svg", metadata={"Date": None})
    return output.getvalue()


def _bars(axes: Axes, title: str, labels: list[str], values: list[int]) -> None:
    axes.set_title(title, loc="left", color=INK, fontsize=13, fontweight="bold")
    if not values:
        axes.text(0.5, 0.5, "none in this period", ha="center", va="center", color=MUTED)
        axes.set_axis_off()
        return
    bars = axes.barh(labels, values, height=0.7, color=ACCENT)
    axes.bar_label(bars, padding=3, color=INK, fontsize=12)
    # The first label on top, bars as thick in every panel; the values are on the bars, so no
    # value axis.
    axes.set_ylim(max(len(values), MIN_ROWS) - 0.5, -0.5)
    axes.set_xlim(0, max(max(values), 1) * 1.15)
    axes.xaxis.set_visible(False)
    axes.tick_params(colors=INK, labelsize=12)
    for side in ("top", "right", "bottom"):
        axes.spines[side].set_visible(False)
