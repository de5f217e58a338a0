"""`itinerary` and `contacts` through the fast path (cli/fastviews.py, no Typer) behave
exactly as through Typer.

Every command line below runs both ways in one process, `cli.app.main` (Typer) and
`cli.app.dispatch` (what the console script runs): exit code, stdout, stderr and every file
written must be the same. The lines the fast path must read itself are listed apart from the
ones it must leave to Typer (help, usage errors), and each list is checked for that.
"""

from __future__ import annotations

import inspect
import typing
from pathlib import Path

import pytest
import typer

from missionctl import render
from missionctl.cli import fastviews, viewing, views
from missionctl.cli.app import build_app, dispatch, main

ROOT = Path(__file__).resolve().parents[2]
MISSION = ROOT / "missions" / "produtech-morocco-2027" / "mission.yaml"

HANDLED = [
    "itinerary {m}",
    "itinerary {m} --format json -o {o}",
    "itinerary {m} -f ics --no-history --output {o}",
    "itinerary {m} --format=ics --times utc --dtstamp 2027-01-01T00:00:00Z -o {o}",
    "itinerary {m} --view timeline --width 120",
    "itinerary {m} --format markdown --lang pt --public",
    "itinerary {m} --person ana-ferreira --format csv",
    "itinerary {m} --org produtech -fhtml",
    "itinerary {m} --day 1999-01-01",
    "itinerary {m} --next",
    "itinerary {m} --format ics --no-history --per-person {p}",
    "itinerary {m} --format json -o {o} --per-person {p}",
    "itinerary {x}",
    "itinerary {b}",
    "itinerary -- {m}",
    "contacts {m}",
    "contacts {m} --format vcf -o {o}",
    "contacts {m} --format html --lang fr --width 80",
    "contacts {m} --event nope",
    "contacts {m} --org produtech --format json --public --force -o {o}",
]
TYPER_ONLY = [
    "itinerary",
    "itinerary --help",
    "itinerary {m} --help",
    "itinerary {m} --format nope",
    "itinerary {m} --width 20",
    "itinerary {m} --width abc",
    "itinerary {m} {m}",
    "itinerary {m} --lang de",
    "itinerary {m} --view grid",
    "itinerary {m} --bogus",
    "itinerary {m} -o",
    "itinerary {m} --public=yes",
    "contacts {m} --view timeline",
    "contacts {m} --format ics",
    "contacts",
]


@pytest.fixture
def files(tmp_path: Path) -> dict[str, str]:
    broken = tmp_path / "broken.yaml"
    broken.write_text("missionctl: 1\nmission: {id: x}\nevents: [1, 2]\n", encoding="utf-8")
    return {"m": str(MISSION), "b": str(broken), "x": str(tmp_path / "missing.yaml"),
            "o": str(tmp_path / "out" / "export"), "p": str(tmp_path / "people")}


Outcome = tuple[int, str, str, dict[str, bytes]]


def outcome(run: typing.Callable[[list[str]], int], argv: list[str], files: dict[str, str],
            capsys: pytest.CaptureFixture[str]) -> Outcome:
    """Exit code, stdout, stderr and the files written; they are removed after, so that each
    run starts from the same state."""
    capsys.readouterr()
    code = run(argv)
    got = capsys.readouterr()
    written: dict[str, bytes] = {}
    for where in (Path(files["o"]).parent, Path(files["p"])):
        for f in sorted(where.glob("*")) if where.is_dir() else ():
            written[f"{where.name}/{f.name}"] = f.read_bytes()
            f.unlink()
    return code, got.out, got.err, written


@pytest.mark.parametrize("line", HANDLED)
def test_the_fast_path_exports_as_typer_does(line: str, files: dict[str, str],
                                             capsys: pytest.CaptureFixture[str]) -> None:
    argv = line.format(**files).split()
    assert fastviews.parse(argv) is not None, "the fast path should read this command line"
    Path(files["o"]).parent.mkdir(exist_ok=True)
    through_typer = outcome(main, argv, files, capsys)
    through_fast = outcome(dispatch, argv, files, capsys)
    assert through_fast == through_typer
    assert "Traceback" not in through_typer[2]


def test_the_handled_lines_write_something(files: dict[str, str],
                                           capsys: pytest.CaptureFixture[str]) -> None:
    """The comparison above is not between two empty runs."""
    Path(files["o"]).parent.mkdir(exist_ok=True)
    argv = "itinerary {m} --format ics --no-history --per-person {p}".format(**files).split()
    code, _out, _err, written = outcome(dispatch, argv, files, capsys)
    assert code == 0 and len(written) > 10
    assert all(b"BEGIN:VEVENT" in data for data in written.values())


@pytest.mark.parametrize("line", TYPER_ONLY)
def test_help_and_usage_errors_are_left_to_typer(line: str, files: dict[str, str],
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    argv = line.format(**files).split()
    assert fastviews.parse(argv) is None
    assert outcome(dispatch, argv, files, capsys) == outcome(main, argv, files, capsys)


@pytest.mark.parametrize("name", ["itinerary", "contacts"])
def test_the_tables_are_the_typer_commands(name: str) -> None:
    """The fast path's options, defaults and choices are the Typer command's: a new option
    (or a changed default) fails here until cli/fastviews.py reads it too."""
    command = typer.main.get_command(build_app(name)).commands[name]  # type: ignore[attr-defined]
    options = [p for p in command.params if p.param_type_name == "option"]
    assert [p.name for p in command.params if p.param_type_name == "argument"] == ["path"]
    table = fastviews.TABLES[name]
    assert {o: p.name for p in options if not p.is_flag for o in p.opts} == table.values
    flags = {o: (p.name, True) for p in options if p.is_flag for o in p.opts}
    flags.update({o: (p.name, False) for p in options if p.is_flag for o in p.secondary_opts})
    assert flags == table.flags
    assert {p.name: p.default for p in options} == fastviews.DEFAULTS[name]
    body = viewing.run_itinerary if name == "itinerary" else viewing.run_contacts
    assert list(inspect.signature(body).parameters) == [p.name for p in command.params]
    width = next(p for p in options if p.name == "width")
    assert (width.min, width.max) == fastviews.WIDTH
    typer_choices = {
        "view": typing.get_args(views.View), "times": typing.get_args(views.TimesChoice),
        "paper": typing.get_args(views.PaperChoice), "lang": typing.get_args(views.LangChoice)}
    assert typer_choices == fastviews.CHOICES
    formats = views.ItineraryFormat if name == "itinerary" else views.ContactsFormat
    assert typing.get_args(formats) == render.formats(name)


def test_an_export_of_a_tiny_mission_imports_no_typer_click_or_pydantic() -> None:
    from .test_fast import TINY, imported

    code, modules = imported("itinerary", str(TINY), "--format", "json")
    assert code == 0
    assert sorted(m for m in modules if m.split(".")[0] in ("typer", "click", "pydantic")) == []
    assert "missionctl.cli.viewing" in modules and "missionctl.cli.views" not in modules
    code, modules = imported("contacts", str(TINY), "--format", "bogus")
    assert code == 2 and "typer" in modules  # a usage error: Typer says what is wrong
