"""The front-desk leads page in Chromium: sign-in, refusal, and visitor text shown as text."""

from __future__ import annotations

import dataclasses

import pytest
from playwright.sync_api import expect

from clinic.web.staff import SIGN_IN_REFUSED
from testkit.leads import new_lead
from tests.browser.helpers import sign_in

pytestmark = pytest.mark.browser

SCRIPT_NAME = "<script>alert(1)</script>"


def submit_lead(leads, name: str, conversation_id: str, **fields) -> str:
    # NewLead.create refuses markup in a name; the page must stay safe for any stored value.
    lead = dataclasses.replace(new_lead(conversation_id=conversation_id, **fields), full_name=name)
    return leads.submit(lead).reference


def test_wrong_password_is_refused(page, staff_site, screenshot):
    sign_in(page, staff_site, password="not the right password")
    expect(page.get_by_role("alert")).to_have_text(SIGN_IN_REFUSED)
    expect(page).to_have_url(f"{staff_site.staff_url}/login")
    screenshot(page, "staff-wrong-password")
    page.goto(staff_site.staff_url)
    expect(page).to_have_url(f"{staff_site.staff_url}/login")


def test_sign_in_uses_a_secure_http_only_cookie_on_localhost(page, context, staff_site):
    sign_in(page, staff_site)
    expect(page.get_by_role("heading", name="Booking requests")).to_be_visible()
    cookies = {cookie["name"]: cookie for cookie in context.cookies()}
    session = cookies["proclinix_staff"]
    assert session["secure"] is True
    assert session["httpOnly"] is True
    assert session["sameSite"] == "Strict"
    page.get_by_role("button", name="Sign out").click()
    expect(page.get_by_role("status")).to_have_text("You are signed out.")
    page.goto(staff_site.staff_url)
    expect(page).to_have_url(f"{staff_site.staff_url}/login")


def test_script_in_a_lead_name_shows_as_text(page, staff_site, leads, screenshot):
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    reference = submit_lead(
        leads,
        SCRIPT_NAME,
        "browser-xss",
        preferred_time="<b>Monday</b> mornings",
        concern="other",
        concern_detail="<img src=x onerror=alert(2)>",
    )

    sign_in(page, staff_site)
    row = page.get_by_role("row").filter(has_text=reference)
    expect(row.locator("td.name")).to_have_text(SCRIPT_NAME)
    screenshot(page, "staff-leads-escaped")

    row.get_by_role("link", name=reference).click()
    expect(page.locator("dd.name")).to_have_text(SCRIPT_NAME)
    expect(page.get_by_text("<b>Monday</b> mornings")).to_be_visible()
    expect(page.get_by_text("Other: <img src=x onerror=alert(2)>")).to_be_visible()
    assert page.locator("#main script, #main img, #main b").count() == 0
    assert dialogs == []


def test_the_front_desk_sees_that_a_lead_prefers_spanish(page, staff_site, leads, screenshot):
    spanish = leads.submit(
        new_lead(full_name="María López", conversation_id="browser-es", language="es")
    ).reference
    english = leads.submit(new_lead(full_name="John Roe", conversation_id="browser-en")).reference

    sign_in(page, staff_site)
    spanish_row = page.get_by_role("row").filter(has_text=spanish)
    expect(spanish_row.locator("td.name .language")).to_have_text("prefers Spanish")
    english_row = page.get_by_role("row").filter(has_text=english)
    expect(english_row.locator("td.name .language")).to_have_count(0)
    screenshot(page, "staff-leads-prefers-spanish")

    spanish_row.get_by_role("link", name=spanish).click()
    expect(page.locator("dd.language")).to_have_text("prefers Spanish")
    screenshot(page, "staff-lead-prefers-spanish")
