"""Markdown: headings per day, escaped values, cancelled struck through."""

from __future__ import annotations

from pathlib import Path

import pytest

from missionctl.linter import run_checks
from missionctl.model import Mission
from missionctl.render import markdown, terminal
from missionctl.views import contacts, itinerary, timeline
from missionctl.views.flags import flags_by_event
from missionctl.views.select import Selection
from views.sample import load_small


@pytest.fixture
def small(tmp_path: Path) -> Mission:
    return load_small(tmp_path)


@pytest.mark.parametrize(("value", "text"), [
    ("a*b_c", "a\\*b\\_c"),
    ("<script>", "\\<script\\>"),
    ("[x](http://e)", "\\[x\\](http://e)"),
    ("a | b", "a \\| b"),
    ("two\nlines", "two lines"),
])
def test_md(value: str, text: str) -> None:
    assert markdown.md(value) == text


@pytest.mark.parametrize(("value", "text"), [
    ("# x", "\\# x"), ("1. x", "1\\. x"), ("- x", "\\- x"), ("+351", "\\+351"),
    ("12-3", "12-3"), ("Police", "Police"),
])
def test_block(value: str, text: str) -> None:
    assert markdown.block(value) == text


def test_itinerary(small: Mission) -> None:
    flags = flags_by_event(run_checks(small))
    out = markdown.itinerary(itinerary.build(small, Selection(), flags))
    assert "## Monday 10 May 2027" in out
    assert "### 07:00 (Europe/Lisbon, UTC+1) – 08:40" in out
    assert "~~Dinner =HYPERLINK(\"http://evil.example\",\"x\")~~ **(cancelled)**" in out
    assert "**Round table \\<script\\>alert(1)\\</script\\>** *(tentative)* ⚠ MC404" in out
    assert "| 14:00 | 1 | The Cluster – Acme Morocco |" in out


def test_timeline_in_a_code_block(small: Mission) -> None:
    tl = timeline.build(small, Selection(), {})
    out = markdown.timeline(tl, terminal.timeline(tl, 100))
    assert out.count("```") == 2 and "Monday 10 May 2027" in out


def test_contacts(small: Mission) -> None:
    out = markdown.contacts(contacts.build(small))
    assert "## Duty contact" in out
    assert "| Ana Silva | Coordinator | The Cluster | +351 912 000 001 |" in out
    assert "## Emergency numbers in Morocco" in out
