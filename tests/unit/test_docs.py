"""README.md and docs/*.md: every relative link resolves, every command named exists."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from clinic.cli.leads import main as leads_main

ROOT = Path(__file__).resolve().parents[2]
README = ROOT / "README.md"
PAGES = (README, *sorted((ROOT / "docs").glob("*.md")))
README_MAX_LINES = 200

FENCE = re.compile(r"^ *```.*?^ *```", re.DOTALL | re.MULTILINE)
INLINE_CODE = re.compile(r"`[^`]+`")
SHELL_COMMENT = re.compile(r"\s#.*$", re.MULTILINE)
LINK = re.compile(r"!?\[[^\]]*\]\(([^)\s]+)\)")
HEADING = re.compile(r"^#{1,6}\s+(.+?)\s*$", re.MULTILINE)
# A make command where a command stands: at a line's start, after a prompt, or alone in a span.
MAKE_COMMAND = re.compile(r"(?m)(?:^\s*`?|\$ |&& )make ([a-z][a-z-]*)")
LEADS_COMMAND = re.compile(r"(?<![\w-])leads ([a-z][a-z-]*)")
MAKE_TARGET = re.compile(r"^([a-z][a-z-]*):", re.MULTILINE)


def anchor(heading: str) -> str:
    """GitHub's anchor for a heading: lower case, punctuation dropped, spaces as hyphens."""
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", heading).replace("`", "").lower()
    return re.sub(r"[^\w\- ]", "", text).replace(" ", "-")


def anchors(page: Path) -> set[str]:
    if page.suffix != ".md":
        return set()
    text = FENCE.sub("", page.read_text(encoding="utf-8"))
    return {anchor(heading) for heading in HEADING.findall(text)}


def code(page: Path) -> str:
    """Code blocks (comments left out) and inline code: where a page names commands."""
    text = page.read_text(encoding="utf-8")
    blocks = [SHELL_COMMENT.sub("", block) for block in FENCE.findall(text)]
    return "\n".join(blocks + INLINE_CODE.findall(FENCE.sub("", text)))


def broken_links(page: Path) -> list[str]:
    """The relative links of a page whose file, or whose heading after '#', does not exist."""
    text = INLINE_CODE.sub("", FENCE.sub("", page.read_text(encoding="utf-8")))
    broken = []
    for target in LINK.findall(text):
        if re.match(r"^[a-z][a-z0-9+.-]*:", target):
            continue
        path, _, fragment = target.partition("#")
        linked = (page.parent / path).resolve() if path else page
        if not linked.exists() or (fragment and fragment not in anchors(linked)):
            broken.append(target)
    return broken


def test_docs_links_resolve() -> None:
    broken = {page.name: broken_links(page) for page in PAGES}
    assert {name: links for name, links in broken.items() if links} == {}


def test_docs_broken_link_is_found(tmp_path: Path) -> None:
    (tmp_path / "other.md").write_text("# A heading\n", encoding="utf-8")
    page = tmp_path / "page.md"
    page.write_text(
        "[ok](other.md#a-heading) [no file](missing.md) [no heading](other.md#nope) "
        "![no image](shot.png) [web](https://example.org/x) `[code](ignored.md)`\n",
        encoding="utf-8",
    )
    assert broken_links(page) == ["missing.md", "other.md#nope", "shot.png"]


def test_docs_anchor_matches_github() -> None:
    assert anchor("Embedding the widget on the clinic's website") == (
        "embedding-the-widget-on-the-clinics-website"
    )
    assert anchor("The `leads` command") == "the-leads-command"
    assert anchor("Settings (environment variables)") == "settings-environment-variables"


def test_docs_readme_fits_two_screens() -> None:
    lines = README.read_text(encoding="utf-8").count("\n")
    assert lines < README_MAX_LINES


def test_docs_readme_names_the_ci_command() -> None:
    ci_command = (ROOT / ".ci" / "run").read_text(encoding="utf-8").strip().splitlines()[-1]
    assert ci_command in {line.strip() for line in code(README).splitlines()}


@pytest.mark.parametrize("page", PAGES, ids=lambda page: page.name)
def test_docs_make_targets_exist(page: Path) -> None:
    targets = set(MAKE_TARGET.findall((ROOT / "Makefile").read_text(encoding="utf-8")))
    named = set(MAKE_COMMAND.findall(code(page)))
    assert named - targets == set()


@pytest.mark.parametrize("page", PAGES, ids=lambda page: page.name)
def test_docs_leads_commands_exist(page: Path, capsys: pytest.CaptureFixture[str]) -> None:
    unknown = []
    for command in sorted(set(LEADS_COMMAND.findall(code(page)))):
        with pytest.raises(SystemExit) as leaving:
            leads_main([command, "--help"])
        if leaving.value.code != 0:
            unknown.append(command)
    capsys.readouterr()
    assert unknown == []
