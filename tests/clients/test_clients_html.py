"""The HTML pages in headless Chromium (Debian `chromium`): rendered text, a screenshot, a
phone-sized window without sideways scrolling, a printed page per day, no network.

Set MISSIONCTL_SCREENSHOTS=DIR to keep the screenshots for a look.
"""

from __future__ import annotations

import os
import re
import shutil
import struct
import subprocess
from collections.abc import Callable
from html.parser import HTMLParser
from pathlib import Path

import pytest

from missionctl.linter import run_checks
from missionctl.loader import load
from missionctl.model import Mission
from missionctl.render import html
from missionctl.views import contacts, itinerary, timeline
from missionctl.views.flags import Flag, flags_by_event
from missionctl.views.select import Selection
from missionctl.wording import day_full
from views.sample import load_small

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
pytestmark = [
    pytest.mark.clients,
    pytest.mark.skipif(CHROMIUM is None, reason="chromium not installed (Debian package "
                       "chromium)"),
]
ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ["produtech-morocco-2027", "produtech-return-visit-2027"]


def _flags(m: Mission) -> dict[str, tuple[Flag, ...]]:
    return flags_by_event(run_checks(m), m)


PAGES: dict[str, Callable[[Mission], str]] = {
    "itinerary": lambda m: html.itinerary(itinerary.build(m, Selection(), _flags(m))),
    "timeline": lambda m: html.timeline(timeline.build(m, Selection(), _flags(m))),
    "contacts": lambda m: html.contacts(contacts.build(m)),
}


def chromium(tmp: Path, url: str, *args: str) -> str:
    assert CHROMIUM is not None
    done = subprocess.run(
        [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu",
         "--disable-background-networking", "--disable-dev-shm-usage",
         f"--user-data-dir={tmp / 'profile'}", "--host-resolver-rules=MAP * ~NOTFOUND",
         *args, url],
        capture_output=True, text=True, timeout=180, check=True,
        env={"HOME": str(tmp), "PATH": os.environ.get("PATH", "/usr/bin:/bin")},
    )
    return done.stdout


class _Text(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.parts: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._skip += tag in ("style", "script")

    def handle_endtag(self, tag: str) -> None:
        self._skip -= tag in ("style", "script")

    def handle_data(self, data: str) -> None:
        if not self._skip:
            self.parts.append(data)


def visible_text(dom: str) -> str:
    parser = _Text()
    parser.feed(dom)
    return " ".join(" ".join(parser.parts).split())


def example(name: str) -> Mission:
    path = ROOT / "missions" / name / "mission.yaml"
    loaded = load(path, str(path))
    if not loaded.ok or loaded.mission is None:
        pytest.skip(f"{name} has format errors")
    return loaded.mission


def write(tmp: Path, name: str, text: str) -> Path:
    path = tmp / name
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize("name", EXAMPLES)
@pytest.mark.parametrize("page", list(PAGES))
def test_rendered_text(tmp_path: Path, name: str, page: str) -> None:
    m = example(name)
    path = write(tmp_path, f"{page}.html", PAGES[page](m))
    text = visible_text(chromium(tmp_path, path.as_uri(), "--dump-dom"))
    assert " ".join(m.info.title.split()) in text
    if page == "contacts":
        assert m.info.contact is not None
        assert m.people[m.info.contact].name in text
        assert "Emergency numbers in" in text
        return
    days = {e.local_start().date() for e in m.events.values()}
    assert all(day_full(d) in text for d in days)
    if page == "itinerary":
        shown = [e for e in m.events.values() if e.b2b is None]
        missing = [e.title for e in shown if " ".join(e.title.split()) not in text]
        assert not missing


def _png_size(path: Path) -> tuple[int, int]:
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = struct.unpack(">II", data[16:24])
    return width, height


@pytest.mark.parametrize("name", EXAMPLES)
@pytest.mark.parametrize("page", list(PAGES))
def test_screenshot(tmp_path: Path, name: str, page: str) -> None:
    path = write(tmp_path, f"{page}.html", PAGES[page](example(name)))
    shot = tmp_path / f"{name}-{page}.png"
    chromium(tmp_path, path.as_uri(), f"--screenshot={shot}", "--window-size=1000,900",
             "--hide-scrollbars")
    assert _png_size(shot) == (1000, 900)
    assert shot.stat().st_size > 20_000  # a drawn page, not a blank one
    keep = os.environ.get("MISSIONCTL_SCREENSHOTS")
    if keep:
        Path(keep).mkdir(parents=True, exist_ok=True)
        shutil.copy(shot, Path(keep) / shot.name)


PROBE = ('<script>document.body.setAttribute("data-probe", document.documentElement.scrollWidth'
         ' + "/" + window.innerWidth)</script></body>')


@pytest.mark.parametrize("name", EXAMPLES)
@pytest.mark.parametrize("page", list(PAGES))
def test_fits_a_phone(tmp_path: Path, name: str, page: str) -> None:
    """A 390-pixel-wide window (a phone) never scrolls sideways. The probe script is added
    to a copy of the page for the test only; the pages themselves carry no script."""
    text = PAGES[page](example(name)).replace("</body>", PROBE)
    path = write(tmp_path, f"{page}.html", text)
    dom = chromium(tmp_path, path.as_uri(), "--dump-dom", "--window-size=390,844")
    found = re.search(r'data-probe="(\d+)/(\d+)"', dom)
    assert found is not None
    scroll, inner = map(int, found.groups())
    assert scroll <= inner, f"{scroll}px wide in a {inner}px window"


def test_a_printed_page_per_day(tmp_path: Path) -> None:
    m = load_small(tmp_path)
    path = write(tmp_path, "small.html", PAGES["itinerary"](m))
    pdf = tmp_path / "small.pdf"
    chromium(tmp_path, path.as_uri(), f"--print-to-pdf={pdf}", "--no-pdf-header-footer")
    pages = len(re.findall(rb"/Type\s*/Page(?!s)", pdf.read_bytes()))
    assert pages == 2  # two short days, one page each


def test_escaped_values_render_as_text(tmp_path: Path) -> None:
    m = load_small(tmp_path)
    path = write(tmp_path, "small.html", PAGES["itinerary"](m))
    dom = chromium(tmp_path, path.as_uri(), "--dump-dom")
    assert "Round table <script>alert(1)</script>" in visible_text(dom)
    assert "<script>alert" not in dom.replace("&lt;script&gt;alert", "")


DOUBLE_BOOKED = """\
missionctl: 1
mission:
  id: clash
  title: Clash
  host_country: MA
  timezone: Africa/Casablanca
  start: 2027-05-10
  end: 2027-05-14
people:
  ana-silva: {name: Ana Silva}
events:
  plant-visit:
    kind: visit
    title: Plant visit
    start: 2027-05-11 10:00
    end: "12:00"
    attendees: [ana-silva]
  lunch:
    kind: meal
    title: Lunch with hosts
    start: 2027-05-11 11:30
    end: "13:00"
    attendees: [ana-silva]
"""


def _articles(dom: str) -> dict[str, str]:
    """Event id -> the visible text of its card, as Chromium rendered the page."""
    found = re.findall(r'<article [^>]*id="ev-([^"]+)">(.*?)</article>', dom, re.DOTALL)
    return {event_id: visible_text(body) for event_id, body in found}


def test_a_double_booking_is_written_on_both_events_on_screen_and_paper(
    tmp_path: Path,
) -> None:
    """Issue 9: the conflict badge was on the later event only and its message a tooltip.
    The page the CLI writes shows code and message as text on both events: in Chromium's
    rendering, on a phone-sized window, and on the printed PDF (read with pdftotext)."""
    from missionctl.cli.app import main

    mission = write(tmp_path, "m.yaml", DOUBLE_BOOKED)
    page = tmp_path / "programme.html"
    assert main(["itinerary", str(mission), "--format", "html", "-o", str(page)]) == 0
    dom = chromium(tmp_path, page.as_uri(), "--dump-dom", "--window-size=390,844")
    cards = _articles(dom)
    assert set(cards) == {"plant-visit", "lunch"}
    for text in cards.values():
        assert "⚠ MC101" in text
        assert "MC101 error Ana Silva is booked twice: 'Lunch with hosts'" in text
        assert "overlaps 'Plant visit'" in text
    pdftotext = shutil.which("pdftotext")
    if pdftotext is None:
        pytest.skip("pdftotext not installed (Debian package poppler-utils)")
    pdf = tmp_path / "programme.pdf"
    chromium(tmp_path, page.as_uri(), f"--print-to-pdf={pdf}", "--no-pdf-header-footer")
    printed = subprocess.run([pdftotext, str(pdf), "-"], capture_output=True, text=True,
                             timeout=60, check=True).stdout
    assert " ".join(printed.split()).count("Ana Silva is booked twice") == 2
