"""Fixtures for the browser tests: Debian's Chromium driven by Playwright, and the running stack.

Chromium comes from the distribution (scripts/ensure-chromium.sh), never from `playwright
install`. Screenshots go to test-artifacts/screenshots/, service logs to test-artifacts/stack/.
"""

from __future__ import annotations

import os
import secrets
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, sync_playwright

from clinic.leads.repository import LeadRepository
from clinic.staff.accounts import create_user
from clinic.stores import LeadStores, open_stores
from testkit.stack import REPO_ROOT, Stack
from tests.browser.helpers import STAFF_PASSWORD, STAFF_USERNAME, RequestLog

CHROMIUM = Path(os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium"))
CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
ARTIFACTS = REPO_ROOT / "test-artifacts"
SCREENSHOTS = ARTIFACTS / "screenshots"


@pytest.fixture(scope="session")
def browser() -> Browser:
    if not CHROMIUM.exists():
        pytest.fail(f"{CHROMIUM} is missing: run scripts/ensure-chromium.sh")
    with sync_playwright() as playwright:
        # launch() starts Chromium on a fresh temporary profile (--user-data-dir) of its own.
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_FLAGS)
        yield browser
        browser.close()


@pytest.fixture(scope="session")
def stack(tmp_path_factory) -> Stack:
    """The stack, started service by service as tests ask for them; stopped after the session."""
    running = Stack(
        work_dir=tmp_path_factory.mktemp("stack"),
        log_dir=ARTIFACTS / "stack",
        staff_secret_key=secrets.token_hex(32),
    )
    yield running
    running.stop()


@pytest.fixture(scope="session")
def stores(stack) -> LeadStores:
    """The leads database every service of the stack uses, for tests to fill and inspect."""
    stack.prepare_database()
    return open_stores(stack.leads_db_url)


@pytest.fixture(scope="session")
def leads(stores) -> LeadRepository:
    return stores.leads


@pytest.fixture(scope="session")
def staff_site(stack, stores) -> Stack:
    create_user(stores.staff, STAFF_USERNAME, STAFF_PASSWORD)
    stack.start(["staff"])
    return stack


@pytest.fixture(scope="session")
def chat_site(stack) -> Stack:
    stack.start(["actions", "rasa", "site"])
    return stack


@pytest.fixture
def context(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 860})
    yield context
    context.close()


@pytest.fixture
def page(context) -> Page:
    page = context.new_page()
    page.set_default_timeout(30_000)
    return page


@pytest.fixture
def requests(page) -> RequestLog:
    return RequestLog(page)


@pytest.fixture
def screenshot():
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)

    def save(page: Page, name: str) -> Path:
        path = SCREENSHOTS / f"{name}.png"
        page.screenshot(path=str(path), full_page=False)
        return path

    return save
