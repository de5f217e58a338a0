"""HTML: self-contained, escaped, phone-readable, printable with a page per day."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from missionctl.linter import run_checks
from missionctl.model import Mission
from missionctl.render import html
from missionctl.views import contacts, itinerary, timeline
from missionctl.views.flags import flags_by_event
from missionctl.views.select import Selection
from views.sample import load_small


@pytest.fixture
def small(tmp_path: Path) -> Mission:
    return load_small(tmp_path)


def pages(m: Mission) -> list[str]:
    flags = flags_by_event(run_checks(m))
    return [html.itinerary(itinerary.build(m, Selection(), flags)),
            html.timeline(timeline.build(m, Selection(), flags)),
            html.contacts(contacts.build(m))]


def test_every_value_is_escaped(small: Mission) -> None:
    for page in pages(small):
        assert "<script" not in page
        assert "[bold]" not in page or "&lt;" in page
    programme = pages(small)[0]
    assert "Round table &lt;script&gt;alert(1)&lt;/script&gt;" in programme
    assert "Dinner =HYPERLINK(&quot;http://evil.example&quot;,&quot;x&quot;)" in programme


def test_self_contained(small: Mission) -> None:
    for page in pages(small):
        assert not re.search(r"<link|<script|<img|<iframe|@import|url\(|src=", page)
        assert page.startswith("<!DOCTYPE html>")
        assert '<meta name="viewport" content="width=device-width, initial-scale=1">' in page


def test_printable_a_page_per_day_and_readable_on_a_phone(small: Mission) -> None:
    programme = pages(small)[0]
    assert "@media print" in programme and "section.day{break-before:page}" in programme
    assert "@media (max-width:640px)" in programme
    assert programme.count('<section class="day"') == 2


def _article(page: str, event_id: str) -> str:
    found = re.search(rf'<article [^>]*id="ev-{re.escape(event_id)}">(.*?)</article>', page,
                      re.DOTALL)
    assert found is not None, event_id
    return found.group(1)


def test_a_conflict_shows_on_both_events_in_text(small: Mission) -> None:
    """Issue 9: the badge was on the later event only, its message a tooltip only. Both
    events of the pair now carry the badge and the message as text."""
    flags = flags_by_event(run_checks(small), small)
    page = html.itinerary(itinerary.build(small, Selection(), flags))
    message = html.esc(flags["clash"][0].message)
    for event_id in ("clash", "visit"):
        article = _article(page, event_id)
        assert '<span class="flag error" title="' in article
        assert "⚠ MC101</span>" in article
        assert ('<ul class="findings"><li class="error"><strong>MC101 error</strong> '
                f"{message}</li></ul>") in article
    assert "MC101" not in _article(page, "flight")


def test_cancelled_tentative_flags_and_links(small: Mission) -> None:
    programme = pages(small)[0]
    assert '<article class="event k-meal cancelled" id="ev-dinner">' in programme
    assert '<span class="badge tentative">tentative</span>' in programme
    assert '<span class="flag error" title="Ana Silva is booked twice' in programme
    assert '<a href="tel:+212661000001">+212 661 000 001</a>' in programme
    assert '<a href="mailto:y@acme.example.com">' in programme


def test_timeline_draws_bars_and_the_collision(small: Mission) -> None:
    page = pages(small)[1]
    assert '<span class="clash"' in page
    assert page.count('class="tl-row"') >= 3


def test_contact_sheet(small: Mission) -> None:
    page = pages(small)[2]
    assert page.index("Duty contact") < page.index("Emergency numbers in Morocco")
    assert '<a href="tel:19">police 19</a>' in page
    assert "Embassy of Portugal" in page
    shared = html.contacts(contacts.build(small, public=True))
    assert "0612345670" not in shared and "Shared version" in shared


def test_control_characters_are_shown_not_passed(small: Mission) -> None:
    programme = pages(small)[0]
    assert "\x1b" not in programme
    assert "Call with [bold]the bank[/bold] \\x1b[2J" in programme
