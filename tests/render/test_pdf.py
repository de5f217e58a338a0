"""PDF read back with poppler (Debian `poppler-utils`): `pdftotext` finds every event, the
mission's title and a page number on every page; `pdfinfo` the paper size; `pdffonts` the
embedded fonts; `pdftoppm` renders pages to PNG (kept in the test's folder to look at).
Arabic is shaped (HarfBuzz) and comes back as the text it was."""

from __future__ import annotations

import html
import re
import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest

from missionctl import render
from missionctl.cli.app import main
from missionctl.loader import load
from missionctl.model import Mission
from missionctl.views import contacts
from missionctl.views.localise import localised
from missionctl.views.select import Programme, Selection
from missionctl.views.sheets import build
from missionctl.views.table import shown

pytest.importorskip("fpdf")
pytestmark = pytest.mark.skipif(shutil.which("pdftotext") is None,
                                reason="poppler-utils not installed (pdftotext)")
ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "missions" / "produtech-morocco-2027" / "mission.yaml"


def _tool(*args: str, data: bytes | None = None) -> str:
    return subprocess.run(list(args), input=data, capture_output=True, check=True,
                          timeout=120).stdout.decode("utf-8")


def pages(pdf: bytes) -> list[str]:
    """The text of each page, whitespace folded."""
    text = _tool("pdftotext", "-", "-", data=pdf)
    return [" ".join(p.split()) for p in text.split("\f") if p.strip()]


def info(pdf: bytes, tmp: Path) -> dict[str, str]:
    f = tmp / "info.pdf"
    f.write_bytes(pdf)
    out = _tool("pdfinfo", str(f))
    return {k.strip(): v.strip() for k, _s, v in (ln.partition(":") for ln in out.splitlines())}


@pytest.fixture(scope="module")
def example() -> Mission:
    loaded = load(EXAMPLE, str(EXAMPLE))
    assert loaded.mission is not None
    return loaded.mission


def _pdf(make: Callable[[], str | bytes]) -> bytes:
    out = make()
    assert isinstance(out, bytes) and out.startswith(b"%PDF-")
    return out


def test_every_event_is_read_back(example: Mission) -> None:
    pdf = _pdf(lambda: render.render("itinerary", "pdf", Programme(example, Selection())))
    text = " ".join(pages(pdf))
    sessions = {e.b2b for e in example.events.values() if e.b2b}
    titles = [e.title for e in example.events.values() if e.b2b is None]
    titles += [example.b2b[s].title for s in sessions]
    missing = [t for t in titles if " ".join(t.split()) not in text]
    assert not missing
    # each meeting of a folded session is in its table: time, table and who meets whom
    for e in example.events.values():
        if e.b2b:
            assert e.title.removeprefix("B2B: ") in text


def test_title_and_page_number_on_every_page(example: Mission, tmp_path: Path) -> None:
    pdf = _pdf(lambda: render.render("itinerary", "pdf", Programme(example, Selection())))
    found = pages(pdf)
    n = len(found)
    assert n > 1 and info(pdf, tmp_path)["Pages"] == str(n)
    for i, page in enumerate(found, start=1):
        assert page.startswith(example.info.title), i
        assert page.endswith(f"{i} / {n}"), page[-40:]


def test_each_day_starts_a_page_when_long(example: Mission) -> None:
    pdf = _pdf(lambda: render.render("itinerary", "pdf", Programme(example, Selection())))
    starts = [p for p in pages(pdf) if re.search(r"\b(Monday|Tuesday|Wednesday|Thursday|"
                                                 r"Friday) \d+ May 2027", p)]
    days = ["Monday 10 May 2027", "Tuesday 11 May 2027", "Wednesday 12 May 2027",
            "Thursday 13 May 2027", "Friday 14 May 2027"]
    for day in days:  # each day's heading comes first on its page, after the running title
        assert any(p.startswith(f"{example.info.title} {day}") for p in starts) or \
            day == days[0], day


@pytest.mark.parametrize("paper, size", [("a4", "595.28 x 841.89 pts (A4)"),
                                         ("letter", "612 x 792 pts (letter)")])
def test_paper(example: Mission, tmp_path: Path, paper: str, size: str) -> None:
    opts = render.Options(paper=paper)
    pdf = _pdf(lambda: render.render("contacts", "pdf", contacts.build(example), opts))
    assert info(pdf, tmp_path)["Page size"] == size


def test_fonts_are_embedded(example: Mission, tmp_path: Path) -> None:
    f = tmp_path / "c.pdf"
    f.write_bytes(_pdf(lambda: render.render("contacts", "pdf", contacts.build(example))))
    fonts = _tool("pdffonts", str(f))
    rows = [ln.split() for ln in fonts.splitlines()[2:]]
    assert rows and all(r[-5] == "yes" for r in rows)  # emb column
    assert any("NotoSans" in r[0] for r in rows)


def test_badges_eight_to_a_page(example: Mission) -> None:
    table = build(example, "badges")
    found = pages(_pdf(lambda: render.render("sheet", "pdf", table)))
    assert len(found) == -(-len(table.rows) // 8)
    for n, page in enumerate(found):
        names = [str(r[0]) for r in table.rows[n * 8:(n + 1) * 8]]
        assert all(name in page for name in names)


@pytest.mark.parametrize("kind", ["rooming", "dietary", "manifest"])
def test_sheets_read_back(example: Mission, kind: str) -> None:
    table = build(example, kind)
    text = " ".join(pages(_pdf(lambda: render.render("sheet", "pdf", table))))
    assert table.heading in text
    cells = {shown(v) for r in table.rows for v in r[table.group:] if v is not None}
    words = set(text.split())  # a cell wrapped in its column interleaves with its row's
    assert cells and [c for c in cells if not set(c.split()) <= words] == []


@pytest.mark.parametrize("kind", ["dietary", "manifest"])
def test_sheets_read_back_in_french(example: Mission, kind: str) -> None:
    """Each section's heading (a meal, a leg) gives its date in the sheet's language."""
    pytest.importorskip("babel")
    table = build(example, kind, lang="fr")
    text = " ".join(pages(_pdf(lambda: render.render("sheet", "pdf", table,
                                                      render.Options(lang="fr")))))
    assert "lun. 10 mai" in text
    assert "Mon 10 May" not in text


ARABIC = """\
missionctl: 1
mission: {id: ar, title: "زيارة المصنع – Visite de l'usine", host_country: MA,
          timezone: Africa/Casablanca, start: 2027-05-10, end: 2027-05-10}
people:
  fatima: {name: فاطمة الزهراء, phone: "+212 600 000 000", role: مترجمة}
  ines: {name: Inês Conceição, role: Coordenação}
events:
  visit:
    kind: visit
    title: زيارة مصنع الطائرات في النواصر
    start: 2027-05-10 10:00
    end: 11:00
    attendees: [fatima, ines]
    notes: Déjeuner à l'hôtel, ça coûte 10 € – Almoço às 13:00
"""


def test_arabic_portuguese_and_french(tmp_path: Path) -> None:
    path = tmp_path / "ar.yaml"
    path.write_text(ARABIC, encoding="utf-8")
    loaded = load(path, "ar.yaml")
    mission = loaded.mission
    assert mission is not None, loaded.findings
    pdf = _pdf(lambda: render.render("itinerary", "pdf", Programme(mission, Selection())))
    text = " ".join(pages(pdf)).replace("\u202b", "").replace("\u202c", "")
    for words in ("زيارة مصنع الطائرات في النواصر", "فاطمة الزهراء",
                  "Déjeuner à l'hôtel, ça coûte 10 €", "Inês Conceição", "Almoço às 13:00"):
        assert words in text, words
    f = tmp_path / "ar.pdf"
    f.write_bytes(pdf)
    assert "NotoNaskhArabic" in _tool("pdffonts", str(f))
    # a page drawn, for a person to look at (kept in the test's folder)
    subprocess.run(["pdftoppm", "-r", "60", "-png", "-f", "1", "-l", "1", str(f),
                    str(tmp_path / "ar")], check=True, timeout=120)
    png = next(tmp_path.glob("ar*.png"))
    assert png.read_bytes().startswith(b"\x89PNG") and png.stat().st_size > 5000


def test_per_person_booklets(tmp_path: Path, example: Mission) -> None:
    out = tmp_path / "out"
    assert main(["itinerary", str(EXAMPLE), "--per-person", str(out), "--format", "pdf"]) == 0
    files = sorted(out.glob("*.pdf"))
    assert files
    booklet = next(f for f in files if f.stem == "ines-carvalho")
    text = " ".join(pages(booklet.read_bytes()))
    assert "Agenda de Inês Carvalho" in text  # in her first language (pt, en, fr)
    assert "segunda-feira, 10 de maio de 2027" in text
    # issue 13's "done when": every booklet holds every event of its person, in the
    # person's language (Portuguese for the delegation, Arabic for most hosts)
    from missionctl.views.localise import default_lang

    langs = set()
    for f in files:
        lang = default_lang(example, f.stem)
        langs.add(lang)
        text = " ".join(pages(f.read_bytes())).replace("\u200f", "").replace("\u200e", "")
        here = localised(example, lang).events
        mine = [e for e in example.events if f.stem in example.taking_part.get(e, frozenset())]
        assert mine and [e for e in mine if " ".join(here[e].title.split()) not in text] == []
    assert langs == {"pt", "ar"}
    # written again over its own files, without --force
    assert main(["itinerary", str(EXAMPLE), "--per-person", str(out), "--format", "pdf"]) == 0


@pytest.mark.parametrize(("lang", "words"), [
    ("pt", ["segunda-feira, 10 de maio de 2027", "As horas são locais de cada evento",
            "Contacto de serviço", "Missão empresarial PRODUTECH a Marrocos"]),
    ("fr", ["lundi 10 mai 2027", "Les heures sont locales à chaque événement",
            "Mission PRODUTECH au Maroc"]),
    ("en", ["Monday 10 May 2027", "Times are local to each event", "Duty contact"]),
])
def test_the_booklet_reads_in_its_language(tmp_path: Path, example: Mission, lang: str,
                                           words: list[str]) -> None:
    """Issue 13's "done when": `itinerary ... --lang pt --format pdf -o p.pdf` reads in
    Portuguese (and French), with every event of the programme."""
    out = tmp_path / f"{lang}.pdf"
    assert main(["itinerary", str(EXAMPLE), "--lang", lang, "--format", "pdf",
                 "-o", str(out)]) == 0
    text = " ".join(pages(out.read_bytes()))
    assert [w for w in words if w not in text] == []
    assert info(out.read_bytes(), tmp_path)["Page size"].endswith("(A4)")


# --- right to left (Arabic) and the pages drawn -----------------------------------------

Word = tuple[float, float, float, str]  # xMin, xMax, yMin, text
MARKS = "\u200e\u200f"  # the bidi marks around a title in Arabic (render/pdf.py)


def words(pdf: bytes, page: int) -> list[Word]:
    """The words of one page with their boxes, as pdftotext -bbox places them (points)."""
    out = _tool("pdftotext", "-bbox", "-f", str(page), "-l", str(page), "-", "-", data=pdf)
    found = re.findall(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" '
                       r'yMax="[\d.]+">([^<]*)</word>', out)
    return [(float(a), float(c), float(b), html.unescape(w)) for a, b, c, w in found]


def line_of(ws: list[Word], text: str) -> list[Word]:
    """The words on the line of the first word equal to `text`, left to right."""
    y = next(w[2] for w in ws if w[3] == text)
    return sorted((w for w in ws if abs(w[2] - y) < 2), key=lambda w: w[0])


A4_WIDTH = 595.28  # points
MARGIN = (15 + 1) / 25.4 * 72  # the page's margin and a cell's inner margin (fpdf2: 1 mm)


@pytest.fixture(scope="module")
def booklets(example: Mission) -> dict[str, bytes]:
    """The example's programme in each language, as `itinerary --lang L --format pdf`."""
    from missionctl.linter import run_checks
    from missionctl.views.flags import flags_by_event

    flags = flags_by_event(run_checks(example), example)
    return {lang: _pdf(lambda lang=lang: render.render(  # type: ignore[misc]
        "itinerary", "pdf", Programme(example, Selection(), flags), render.Options(lang=lang)))
        for lang in ("en", "pt", "fr", "ar")}


def test_arabic_lines_start_at_the_right(booklets: dict[str, bytes]) -> None:
    pdf = booklets["ar"]
    first = words(pdf, 1)
    right = A4_WIDTH - MARGIN
    # the running head, the day's heading and each event line end at the right margin
    assert abs(line_of(first, "2027")[-1][1] - right) < 1.5  # "الاثنين، 10 مايو 2027"
    head = [w for w in first if w[2] < 35]
    assert head and abs(max(w[1] for w in head) - right) < 1.5
    event = line_of(first, "Flight")
    assert abs(event[-1][1] - right) < 1.5
    # the times come first, at the right; the title to their left
    assert event[-1][3] == "10:30" and [w[3].strip(MARKS) for w in event[:4]] == [
        "Flight", "Porto", "->", "Casablanca"]
    # the page number at the left
    foot = [w for w in first if w[2] > 800]
    assert [w[3] for w in sorted(foot)[:3]] == ["1", "/", "10"]
    assert abs(min(foot)[0] - MARGIN) < 1.5


def test_latin_lines_start_at_the_left(booklets: dict[str, bytes]) -> None:
    for lang in ("en", "pt", "fr"):
        event = line_of(words(booklets[lang], 1), "Flight")
        assert abs(event[0][0] - MARGIN) < 1.5 and event[0][3] == "10:30", lang


def test_arabic_tables_are_mirrored(booklets: dict[str, bytes]) -> None:
    """A B2B session's meetings: the time column at the right in Arabic, at the left in the
    other languages (the headings in each language)."""
    for lang, time, table, at_right in [("ar", "الوقت", "الطاولة", True),
                                          ("en", "Time", "Table", False),
                                          ("pt", "Hora", "Mesa", False)]:
        pdf = booklets[lang]
        t, tb = (_visual(time), _visual(table)) if lang == "ar" else (time, table)
        each = (words(pdf, n) for n in range(1, len(pages(pdf)) + 1))
        ws = next(ws for ws in each if any(w[3] == t for w in ws))
        xs = {w[3]: w[0] for w in line_of(ws, t)}
        assert (xs[t] > xs[tb]) is at_right, (lang, xs)


def _visual(word: str) -> str:
    """An Arabic word as pdftotext -bbox gives it: its letters in visual order."""
    return word[::-1]


def test_every_event_is_read_back_in_each_language(booklets: dict[str, bytes],
                                                   example: Mission) -> None:
    """pdftotext reads back the title of every event, in each language's version of it
    (B2B meetings are in their session's table)."""
    for lang, pdf in booklets.items():
        text = " ".join(pages(pdf)).replace("\u200f", "").replace("\u200e", "")
        here = localised(example, lang)
        titles = [e.title for e in here.events.values() if e.b2b is None]
        titles += [here.b2b[s].title for s in {e.b2b for e in here.events.values() if e.b2b}]
        assert [t for t in titles if " ".join(t.split()) not in text] == [], lang


def test_the_pages_drawn(booklets: dict[str, bytes], tmp_path: Path) -> None:
    """Every page of each language drawn to PNG at 60 dpi, for a person to look at: in the
    test's folder, or in MISSIONCTL_SCREENSHOTS=DIR when set."""
    import os

    keep = Path(os.environ.get("MISSIONCTL_SCREENSHOTS") or tmp_path)
    keep.mkdir(parents=True, exist_ok=True)
    for lang, pdf in booklets.items():
        f = tmp_path / f"itinerary.{lang}.pdf"
        f.write_bytes(pdf)
        subprocess.run(["pdftoppm", "-r", "60", "-png", str(f), str(keep / f"itinerary.{lang}")],
                       check=True, timeout=120)
        drawn = sorted(keep.glob(f"itinerary.{lang}-*.png"))
        assert len(drawn) == len(pages(pdf))
        assert all(p.stat().st_size > 5000 for p in drawn)
