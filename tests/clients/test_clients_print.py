"""The HTML pages printed by headless Chromium (Debian `chromium`, `--print-to-pdf`), read
with poppler's `pdfinfo`: A4 pages (the print style sheet's `@page{size:A4}`; issue 13:
printing gave US Letter), in each language. Set MISSIONCTL_SCREENSHOTS=DIR to keep the PDFs.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from missionctl.render import html
from missionctl.views import contacts, itinerary
from missionctl.views.select import Selection

from .test_clients_html import CHROMIUM, example, write

PDFINFO = shutil.which("pdfinfo")
pytestmark = [
    pytest.mark.clients,
    pytest.mark.skipif(CHROMIUM is None, reason="chromium not installed (Debian package "
                       "chromium)"),
    pytest.mark.skipif(PDFINFO is None, reason="poppler-utils not installed (pdfinfo)"),
]
MISSION = "produtech-morocco-2027"


def printed(tmp: Path, page: Path) -> Path:
    """`page` printed to PDF by headless Chromium, in a fresh profile, offline."""
    assert CHROMIUM is not None
    pdf = tmp / f"{page.stem}.pdf"
    subprocess.run(
        [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--no-first-run", f"--user-data-dir={tmp / 'profile'}",
         "--host-resolver-rules=MAP * ~NOTFOUND", "--no-pdf-header-footer",
         f"--print-to-pdf={pdf}", page.as_uri()],
        capture_output=True, text=True, timeout=180, check=True,
        env={"HOME": str(tmp), "PATH": os.environ.get("PATH", "/usr/bin:/bin")})
    return pdf


def info(pdf: Path) -> dict[str, str]:
    assert PDFINFO is not None
    out = subprocess.run([PDFINFO, str(pdf)], capture_output=True, text=True, check=True,
                         timeout=60).stdout
    return {k.strip(): v.strip() for k, _s, v in (ln.partition(":") for ln in out.splitlines())}


def page_sizes(pdf: Path) -> set[str]:
    """The paper of every page as pdfinfo names it (`A4`, `letter`), from the size of each
    (`pdfinfo -f 1 -l N`; Chromium rounds A4 to 594.96 x 841.92 points, which pdfinfo still
    names A4)."""
    assert PDFINFO is not None
    n = info(pdf)["Pages"]
    out = subprocess.run([PDFINFO, "-f", "1", "-l", n, str(pdf)], capture_output=True,
                         text=True, check=True, timeout=60).stdout
    return set(re.findall(r"Page +\d+ size: +[\d.]+ x [\d.]+ pts \((\w+)\)", out))


@pytest.mark.parametrize("lang", ["en", "pt", "fr", "ar"])
def test_the_printed_programme_is_a4(tmp_path: Path, lang: str) -> None:
    m = example(MISSION)
    page = write(tmp_path, f"itinerary.{lang}.html",
                 html.itinerary(itinerary.build(m, Selection(), {}, lang=lang)))
    pdf = printed(tmp_path, page)
    assert page_sizes(pdf) == {"A4"}
    days = (m.info.end - m.info.start).days + 1
    assert int(info(pdf)["Pages"]) >= days  # each day starts a page
    keep = os.environ.get("MISSIONCTL_SCREENSHOTS")
    if keep:
        Path(keep).mkdir(parents=True, exist_ok=True)
        shutil.copy(pdf, Path(keep) / f"printed-itinerary.{lang}.pdf")


def test_the_printed_contact_sheet_is_a4(tmp_path: Path) -> None:
    page = write(tmp_path, "contacts.ar.html",
                 html.contacts(contacts.build(example(MISSION), lang="ar")))
    assert page_sizes(printed(tmp_path, page)) == {"A4"}


def test_control_without_the_page_rule_chromium_prints_letter(tmp_path: Path) -> None:
    """The check above can fail: the same page without `@page{size:A4}` prints on
    Chromium's default paper, US Letter."""
    text = html.itinerary(itinerary.build(example(MISSION), Selection(), {}))
    assert "@page{size:A4" in text
    page = write(tmp_path, "letter.html", text.replace("@page{size:A4", "@page{"))
    assert page_sizes(printed(tmp_path, page)) == {"letter"}
