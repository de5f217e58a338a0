"""Arabic pages right to left, in headless Chromium (Debian `chromium`): the direction the
browser computes, where the text and the event cards' colour bar end up, and a screenshot.

Set MISSIONCTL_SCREENSHOTS=DIR to keep the screenshots for a look.
"""

from __future__ import annotations

import json
import os
import re
import shutil
from pathlib import Path

import pytest

from clients.test_clients_html import CHROMIUM, chromium, example, visible_text, write
from missionctl.render import html
from missionctl.views import contacts, itinerary
from missionctl.views.select import Selection

pytestmark = [
    pytest.mark.clients,
    pytest.mark.skipif(CHROMIUM is None, reason="chromium not installed (Debian package "
                       "chromium)"),
]
pytest.importorskip("babel")

# Measures the laid-out page; added to a copy of the page for the test only.
PROBE = """<script>
const h2 = document.querySelector("h2"), card = document.querySelector("article.event");
const text = document.createRange(); text.selectNodeContents(h2);
const box = h2.getBoundingClientRect(), words = text.getBoundingClientRect();
const style = getComputedStyle(card);
document.body.setAttribute("data-probe", JSON.stringify({
  dir: getComputedStyle(document.documentElement).direction,
  textRightGap: box.right - words.right, textLeftGap: words.left - box.left,
  barLeft: style.borderLeftWidth, barRight: style.borderRightWidth}));
</script></body>"""


def probe(tmp_path: Path, page: str) -> dict[str, object]:
    path = write(tmp_path, "probe.html", page.replace("</body>", PROBE))
    dom = chromium(tmp_path, path.as_uri(), "--dump-dom", "--window-size=1000,900")
    found = re.search(r'data-probe="([^"]*)"', dom)
    assert found is not None
    return dict(json.loads(found.group(1).replace("&quot;", '"')))


def test_arabic_is_laid_out_right_to_left(tmp_path: Path) -> None:
    m = example("produtech-morocco-2027")
    page = html.itinerary(itinerary.build(m, Selection(), {}, lang="ar"))
    assert page.startswith('<!DOCTYPE html>\n<html lang="ar" dir="rtl">')
    got = probe(tmp_path, page)
    assert got["dir"] == "rtl"
    assert float(str(got["textRightGap"])) < 1 < float(str(got["textLeftGap"]))  # flush right
    assert (got["barRight"], got["barLeft"]) == ("5px", "1px")  # the colour bar is at the start
    text = visible_text(chromium(tmp_path, write(tmp_path, "ar.html", page).as_uri(),
                                 "--dump-dom"))
    assert "الاثنين، 10 مايو 2027" in text and "جهة الاتصال المناوبة" in text


def test_latin_pages_stay_left_to_right(tmp_path: Path) -> None:
    m = example("produtech-morocco-2027")
    got = probe(tmp_path, html.itinerary(itinerary.build(m, Selection(), {}, lang="fr")))
    assert got["dir"] == "ltr"
    assert float(str(got["textLeftGap"])) < 1 < float(str(got["textRightGap"]))
    assert (got["barLeft"], got["barRight"]) == ("5px", "1px")


@pytest.mark.parametrize("view", ["itinerary", "contacts"])
def test_arabic_screenshot(tmp_path: Path, view: str) -> None:
    m = example("produtech-morocco-2027")
    page = (html.itinerary(itinerary.build(m, Selection(), {}, lang="ar")) if view == "itinerary"
            else html.contacts(contacts.build(m, lang="ar")))
    path = write(tmp_path, f"{view}.ar.html", page)
    shot = tmp_path / f"produtech-morocco-2027-{view}.ar.png"
    chromium(tmp_path, path.as_uri(), f"--screenshot={shot}", "--window-size=1000,900",
             "--hide-scrollbars")
    assert shot.stat().st_size > 20_000  # a drawn page, not a blank one
    keep = os.environ.get("MISSIONCTL_SCREENSHOTS")
    if keep:
        Path(keep).mkdir(parents=True, exist_ok=True)
        shutil.copy(shot, Path(keep) / shot.name)
