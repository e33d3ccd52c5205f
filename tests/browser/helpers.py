"""Page helpers shared by the browser tests: request log, staff sign-in, the chat widget, the
accessibility audit."""

from __future__ import annotations

import re
import time
from urllib.parse import urlsplit

from playwright.sync_api import Page, expect

from testkit.domain import load_domain
from testkit.stack import REPO_ROOT, Stack

LOCAL_HOSTS = {"localhost", "127.0.0.1"}
STAFF_USERNAME = "frontdesk"
STAFF_PASSWORD = "browser test password 1"
# axe-core from npm (demo_site/package.json, installed with its lock by `npm ci`).
AXE_SCRIPT = REPO_ROOT / "demo_site" / "node_modules" / "axe-core" / "axe.min.js"
WCAG_21_AA = ("wcag2a", "wcag2aa", "wcag21a", "wcag21aa")
BLOCKING_IMPACTS = ("serious", "critical")


class RequestLog:
    """Every URL the page asked for, WebSockets included, and the errors its console showed."""

    def __init__(self, page: Page) -> None:
        self.urls: list[str] = []
        self.console_errors: list[str] = []
        page.on("request", lambda request: self.urls.append(request.url))
        page.on("websocket", lambda socket: self.urls.append(socket.url))
        page.on(
            "console",
            lambda message: message.type == "error" and self.console_errors.append(message.text),
        )

    def foreign(self) -> list[str]:
        return [
            url
            for url in self.urls
            if urlsplit(url).scheme not in ("data", "blob")
            and urlsplit(url).hostname not in LOCAL_HOSTS
        ]


def sign_in(page: Page, site: Stack, password: str = STAFF_PASSWORD) -> None:
    page.goto(f"{site.staff_url}/login")
    page.get_by_label("Username").fill(STAFF_USERNAME)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Sign in").click()


class ChatWidget:
    """The rasa-webchat widget on the demo page, addressed through its DOM."""

    ROOT = "#proclinix-chat"

    def __init__(self, page: Page, message_label: str = "Your message") -> None:
        """`message_label`: the message field's name in the page's language."""
        self.page = page
        self.launcher = page.locator(f"{self.ROOT} .rw-launcher")
        self.bot_messages = page.locator(f"{self.ROOT} .rw-message .rw-response")
        self.user_messages = page.locator(f"{self.ROOT} .rw-message .rw-client")
        self.input = page.get_by_role("textbox", name=message_label)

    def open(self) -> None:
        expect(self.launcher).to_be_visible()
        if self.launcher.get_attribute("aria-expanded") != "true":
            self.launcher.click()
        expect(self.input).to_be_visible()

    def send(self, text: str) -> int:
        """Type and send `text`; returns how many bot messages there were before it."""
        before = self.bot_messages.count()
        self.input.fill(text)
        self.input.press("Enter")
        return before

    def choose(self, title: str) -> int:
        """Click the latest quick reply titled `title`; returns the bot message count before."""
        before = self.bot_messages.count()
        self.page.locator(f"{self.ROOT} div.rw-reply").filter(
            has_text=re.compile(f"^{re.escape(title)}$")
        ).last.click()
        return before

    def reply_after(self, before: int, pattern: str, timeout: float = 30.0) -> str:
        """Wait for a bot message after the first `before` ones that matches the regular
        expression `pattern` (case-insensitive); returns its text."""
        # Polled from Python: the page's CSP forbids the eval behind page.wait_for_function.
        regex = re.compile(pattern, re.IGNORECASE)
        deadline = time.monotonic() + timeout
        while True:
            texts = self.bot_messages.all_inner_texts()[before:]
            match = next((text for text in texts if regex.search(text)), None)
            if match is not None:
                return match
            if time.monotonic() > deadline:
                raise AssertionError(f"no bot reply matching {pattern!r}; new replies: {texts}")
            self.page.wait_for_timeout(200)

    def quick_replies(self) -> list[str]:
        return self.page.locator(f"{self.ROOT} div.rw-reply").all_inner_texts()


def english(variants: list[dict]) -> list[dict]:
    """The English wordings: those without a Spanish condition (docs/spanish.md)."""
    return [
        variant
        for variant in variants
        if {"type": "slot", "name": "language", "value": "es"} not in variant.get("condition", [])
    ]


def as_displayed(text: str) -> str:
    """Text without markdown list markers and with collapsed whitespace, as the widget shows it."""
    return " ".join(re.sub(r"(?m)^- ", "", text).split())


def first_words(name: str) -> str:
    """A regular expression matching the start of any wording of a domain response."""
    return "|".join(
        re.escape(" ".join(as_displayed(variant["text"]).split()[:5]))
        for variant in english(load_domain()["responses"][name])
    )


def accessibility_violations(page: Page) -> list[dict]:
    """axe-core's serious and critical violations of the WCAG 2.1 AA rules on the page as it is
    now. axe runs through Playwright's evaluate, which the pages' script-free CSP allows."""
    page.evaluate(AXE_SCRIPT.read_text(encoding="utf-8"))
    results = page.evaluate(
        """tags => axe.run(document, {
            runOnly: {type: "tag", values: tags},
            resultTypes: ["violations"],
        })""",
        list(WCAG_21_AA),
    )
    return [rule for rule in results["violations"] if rule["impact"] in BLOCKING_IMPACTS]


def assert_accessible(page: Page, what: str) -> None:
    """No serious or critical WCAG 2.1 AA violation on `page` (named `what` in the failure)."""
    violations = accessibility_violations(page)
    found = "; ".join(
        f"{rule['id']} ({rule['impact']}): {rule['help']} at "
        f"{[node['target'] for node in rule['nodes'][:5]]}"
        for rule in violations
    )
    assert not violations, f"{what}: {found}"
