"""Golden files: every view and format of every example mission, byte for byte.

Regenerate after an intended change with

    UPDATE_GOLDEN=1 .venv/bin/pytest tests/render/test_golden.py

and review the diff. Outputs are pinned so they never churn: text at a fixed width without
colour, ICS with the default DTSTAMP (00:00 UTC on the mission's first day, SOURCE_DATE_EPOCH
unset) and UIDs made of ids, JSON with sorted keys. A PDF is kept as the text `pdftotext
-layout` reads from it (`.pdf.txt`) and a workbook as its cells read back by openpyxl, typed
(`.xlsx.txt`): what a reader gets, not bytes that follow fpdf2's and openpyxl's versions.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from missionctl import render
from missionctl.linter import run_checks
from missionctl.loader import load
from missionctl.missions import find_missions
from missionctl.model import Mission
from missionctl.views import contacts
from missionctl.views.flags import flags_by_event
from missionctl.views.select import Programme, Selection

ROOT = Path(__file__).resolve().parents[2]
GOLDEN = ROOT / "tests" / "golden"
MISSIONS = sorted(find_missions(ROOT / "missions")) if (ROOT / "missions").is_dir() else []
UPDATE = os.environ.get("UPDATE_GOLDEN") == "1"
WIDTH = 100

Render = Callable[[Mission], "str | bytes"]


def _itinerary(fmt: str, view: str = "itinerary", person: bool = False,
               lang: str = "en") -> Render:
    def make(m: Mission) -> str | bytes:
        sel = Selection(person=m.info.contact) if person else Selection()
        flags = flags_by_event(run_checks(m), m) if render.shows_flags(view, fmt) else {}
        opts = render.Options(width=WIDTH, lang=lang)
        return render.render(view, fmt, Programme(m, sel, flags), opts)

    return make


def _contacts(fmt: str, public: bool = False, lang: str = "en") -> Render:
    def make(m: Mission) -> str | bytes:
        opts = render.Options(public=public, width=WIDTH, lang=lang)
        return render.render("contacts", fmt, contacts.build(m, public=public, lang=lang), opts)

    return make


OUTPUTS: dict[str, Render] = {
    **{f"itinerary.{render.extension(f)}": _itinerary(f) for f in render.formats("itinerary")},
    **{f"timeline.{render.extension(f)}": _itinerary(f, "timeline")
       for f in render.formats("timeline")},
    **{f"duty-contact-agenda.{render.extension(f)}": _itinerary(f, person=True)
       for f in ("text", "html", "ics")},
    **{f"contacts.{render.extension(f)}": _contacts(f) for f in render.formats("contacts")},
    **{f"contacts-public.{render.extension(f)}": _contacts(f, public=True)
       for f in ("text", "vcf")},
    # The reader's language (issue 13): labels, dates and multilingual texts, per language.
    **{f"itinerary.{lang}.{render.extension(f)}": _itinerary(f, lang=lang)
       for lang in ("pt", "fr", "ar") for f in ("text", "markdown", "html", "ics")},
    **{f"contacts.{lang}.{render.extension(f)}": _contacts(f, lang=lang)
       for lang in ("pt", "fr", "ar") for f in ("text", "html")},
    # The printed programme per language (English is itinerary.pdf), and the workbooks'
    # translated headings.
    **{f"itinerary.{lang}.{f}": _itinerary(f, lang=lang)
       for lang in ("pt", "fr", "ar") for f in ("pdf", "xlsx")},
    **{f"contacts.{lang}.{f}": _contacts(f, lang=lang)
       for lang in ("pt", "fr", "ar") for f in ("pdf", "xlsx")},
}


def _sheet(kind: str, fmt: str, lang: str = "en") -> Render:
    def make(m: Mission) -> str | bytes:
        from missionctl.views import sheets

        return render.render("sheet", fmt, sheets.build(m, kind, lang=lang),
                             render.Options(width=WIDTH, lang=lang))

    return make


SHEETS = ("rooming", "dietary", "manifest", "badges")
OUTPUTS.update({f"sheet-{kind}.{render.extension(f)}": _sheet(kind, f)
                for kind in SHEETS for f in render.formats("sheet")})
# The sheets in the reader's language: headings, column labels, dates.
OUTPUTS.update({f"sheet-{kind}.{lang}.{render.extension(f)}": _sheet(kind, f, lang)
                for kind in SHEETS for lang in ("pt", "fr", "ar")
                for f in ("text", "markdown", "html")})


def _dumped(name: str, data: bytes) -> tuple[str, bytes]:
    """A PDF or a workbook as the text a reader gets from it (module docstring)."""
    if name.endswith(".pdf"):
        import subprocess

        if shutil.which("pdftotext") is None:
            pytest.skip("pdftotext not installed (Debian package poppler-utils)")
        # Arabic pages in pdftotext's plain mode: `-layout` pads each right-aligned line
        # with spaces to its x position (any change of a glyph's width moves every line),
        # and `-raw` gives the content stream's visual order (a word's letters split
        # around its ligatures); the plain mode reads each line as one right-to-left
        # paragraph, Arabic words whole and in logical order (between the embedding marks
        # U+202B/U+202C poppler adds).
        mode = [] if name.endswith(".ar.pdf") else ["-layout"]
        out = subprocess.run(["pdftotext", *mode, "-", "-"], input=data,
                             capture_output=True, check=True, timeout=120).stdout
        return name + ".txt", out
    if name.endswith(".xlsx"):
        import io

        import openpyxl

        wb = openpyxl.load_workbook(io.BytesIO(data))
        lines = []
        for ws in wb.worksheets:
            lines.append(f"## {ws.title} (frozen {ws.freeze_panes}, filter {ws.auto_filter.ref})")
            lines += ["\t".join(f"{type(c.value).__name__}:{c.value}" if c.value is not None
                                else "" for c in row) for row in ws.iter_rows()]
        return name + ".txt", "\n".join(lines).encode("utf-8") + b"\n"
    return name, data


def _load(path: Path) -> Mission:
    loaded = load(path, str(path.relative_to(ROOT)))
    if not loaded.ok or loaded.mission is None:
        pytest.skip(f"{path} has format errors: the example is being edited")
    return loaded.mission


def _bytes(value: str | bytes) -> bytes:
    return value if isinstance(value, bytes) else value.encode("utf-8")


@pytest.fixture(autouse=True)
def _pinned(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)


@pytest.mark.parametrize("path", MISSIONS, ids=lambda p: p.parent.name)
def test_golden(path: Path) -> None:
    mission = _load(path)
    folder = GOLDEN / path.parent.name
    if mission.info.contact is None:
        pytest.skip("the golden agenda is the duty contact's")
    produced = dict(_dumped(name, _bytes(make(mission))) for name, make in OUTPUTS.items())
    if UPDATE:
        folder.mkdir(parents=True, exist_ok=True)
        for stale in set(p.name for p in folder.iterdir()) - set(produced):
            (folder / stale).unlink()
        for name, data in produced.items():
            (folder / name).write_bytes(data)
        return
    missing = [n for n in produced if not (folder / n).exists()]
    assert not missing, f"no golden file {missing}: run UPDATE_GOLDEN=1 pytest tests/render"
    changed = [n for n, data in produced.items() if (folder / n).read_bytes() != data]
    assert not changed, (f"{path.parent.name}: {changed} differ from tests/golden; if the "
                         "change is intended, run UPDATE_GOLDEN=1 pytest tests/render")


def test_there_are_example_missions() -> None:
    assert MISSIONS, "missions/ holds the example missions"
