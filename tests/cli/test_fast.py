"""`check` through the fast path (cli/fast.py, no Typer) behaves exactly as through Typer.

Every command line below runs both ways in one process, `cli.app.main` (Typer) and
`cli.app.dispatch` (what the console script runs), and the exit code, stdout, stderr and any
file written must be the same. The command lines the fast path must read itself are listed
apart from the ones it must leave to Typer (help, usage errors), and each list is checked
for that, so the comparison cannot pass by sending everything to Typer. A fresh interpreter
then shows what the console script imports for `check`: never Typer, click, pydantic or rich.
"""

from __future__ import annotations

import inspect
import json
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
import typer

from missionctl import render
from missionctl.cli import fast
from missionctl.cli.app import build_app, dispatch, main
from missionctl.cli.checking import run_check

if TYPE_CHECKING:
    from conftest import Write

ROOT = Path(__file__).resolve().parents[2]
TINY = ROOT / "benchmarks" / "tiny.yaml"

# Findings of every severity, a waived one (for --show-waived) and a warning-only sibling
# (for --strict): MC102, MC101, MC201 waived, MC104, MC302, MC307, MC406.
FINDINGS = """\
people:
  ana: {name: Ana Silva, email: ana@example.org}
  rui: {name: Rui Costa, email: rui@example.org}
venues:
  office: {name: Rabat office, city: Rabat, country: MA, geo: [34.0, -6.8]}
  plant: {name: Tangier plant, city: Tangier, country: MA, geo: [35.7, -5.8]}
events:
  briefing:
    {kind: briefing, title: Briefing, start: 2027-05-10 09:00, end: 10:00, venue: office,
     attendees: [ana, rui]}
  visit:
    {kind: visit, title: Plant visit, start: 2027-05-10 10:30, end: 12:00, venue: plant,
     attendees: [ana]}
  call:
    kind: meeting
    title: Supplier call
    start: 2027-05-10 11:00
    end: 11:30
    venue: plant
    attendees: [ana]
    waive: {MC201: "the plant has two meeting rooms"}
  saturday:
    {kind: workshop, title: Saturday workshop, start: 2027-05-15 10:00, end: 12:00,
     venue: office, attendees: [rui]}
"""
WARNINGS = """\
people:
  rui: {name: Rui Costa, email: rui@example.org}
venues:
  office: {name: Rabat office, city: Rabat, country: MA, geo: [34.0, -6.8]}
events:
  saturday:
    {kind: workshop, title: Saturday workshop, start: 2027-05-15 10:00, end: 12:00,
     venue: office, attendees: [rui]}
"""
BROKEN = "people:\n  ana: {email: not-an-address}\nevents: [1, 2]\n"
INCLUDE = "people:\n  ana: {name: Ana}\n"  # no `mission:` key, and nothing includes it

# {m} findings, {w} warnings only, {b} format errors, {i} an orphan include file, {d} the
# folder of {m}, {w} and {b}, {x} a path that does not exist, {o} an output file.
HANDLED = [
    "check {m}",
    *[f"check {{m}} --format {name}" for name in render.formats("findings")],
    *[f"check -f {name} {{w}} --strict" for name in render.formats("findings")],
    *[f"check --format={name} --show-waived {{m}}" for name in render.formats("findings")],
    "check -fjson {m}",
    "check {m} --format json --format text",
    "check {m} --strict",
    "check {w}",
    "check {w} --strict --strict",
    "check {m} --select MC1",
    "check {m} --select MC101,mc2 --select MC3 --format json",
    "check {m} --ignore MC102 --ignore MC3,MC4",
    "check {m} --select MC1 --ignore MC101 --show-waived",
    "check {m} --show-waived",
    "check {m} --output {o}",
    "check {m} -o {o} -f sarif",
    "check --format junit --output={o} {d}",
    "check {m} -o{o} --format github",
    "check {m} --output {m}",
    "check {m} --output {m} --force",
    "check {d}",
    "check {d} --format github",
    "check {m} {w} --format json",
    "check {x}",
    "check {i}",
    "check {b}",
    "check {b} --format sarif",
    "check --select XX9 {m}",
    "check --ignore MC999 {m}",
    "check -- {m}",
    "check -- --help",
]
TYPER_ONLY = [
    "check",
    "check --help",
    "check {m} --help",
    "check --format nope {m}",
    "check --format JSON {m}",
    "check -f=json {m}",
    "check -h {m}",
    "check --bogus {m}",
    "check {m} --output",
    "check {m} --format",
    "check {m} --strict=yes",
    "check --select= {m}",
    "check --select --strict {m}",
    "check -x {m}",
    "check - {m}",
    "--version",
    "--help",
    "check2 {m}",
]


@pytest.fixture
def files(write: Write, tmp_path: Path) -> dict[str, str]:
    return {
        "m": str(write(FINDINGS, name="missions/findings.yaml", header=True)),
        "w": str(write(WARNINGS, name="missions/warnings.yaml", header=True)),
        "b": str(write(BROKEN, name="missions/broken.yaml", header=True)),
        "i": str(write(INCLUDE, name="orphan/people.yaml")),
        "d": str(tmp_path / "missions"),
        "x": str(tmp_path / "missing.yaml"),
        "o": str(tmp_path / "out" / "report"),
    }


Outcome = tuple[int, str, str, bytes | None]


def outcome(run: Callable[[list[str]], int], argv: list[str], output: Path,
            capsys: pytest.CaptureFixture[str]) -> Outcome:
    """Exit code, stdout, stderr and the report file of one run; the file is removed after,
    so that each run starts from the same state."""
    capsys.readouterr()
    code = run(argv)
    got = capsys.readouterr()
    written = output.read_bytes() if output.exists() else None
    output.unlink(missing_ok=True)
    return code, got.out, got.err, written


@pytest.mark.parametrize("line", HANDLED)
def test_the_fast_path_runs_check_as_typer_does(line: str, files: dict[str, str],
                                                capsys: pytest.CaptureFixture[str]) -> None:
    argv = line.format(**files).split()
    assert fast.parse_check(argv) is not None, "the fast path should read this command line"
    output = Path(files["o"])
    output.parent.mkdir(exist_ok=True)
    through_typer = outcome(main, argv, output, capsys)
    through_fast = outcome(dispatch, argv, output, capsys)
    assert through_fast == through_typer
    assert "Traceback" not in through_typer[2]


@pytest.mark.parametrize("line", TYPER_ONLY)
def test_help_and_usage_errors_are_left_to_typer(line: str, files: dict[str, str],
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    argv = line.format(**files).split()
    assert fast.parse_check(argv) is None
    output = Path(files["o"])
    assert outcome(dispatch, argv, output, capsys) == outcome(main, argv, output, capsys)


def test_a_usage_error_still_says_what_is_wrong(files: dict[str, str],
                                                capsys: pytest.CaptureFixture[str]) -> None:
    assert dispatch(["check", "--formt", "json", files["m"]]) == 2
    err = capsys.readouterr().err
    assert "Usage: missionctl check [OPTIONS] PATH..." in err
    assert "No such option: --formt" in err and "--format" in err  # click's "Did you mean"


def test_the_parser_knows_every_option_of_the_typer_command() -> None:
    """The fast path's option table is the Typer command's: a new option of `check` (or a
    changed default) fails here until cli/fast.py reads it too."""
    command = typer.main.get_command(build_app("check")).commands["check"]  # type: ignore[attr-defined]
    options = [p for p in command.params if p.param_type_name == "option"]
    arguments = [p.name for p in command.params if p.param_type_name == "argument"]
    assert arguments == ["paths"]
    assert {o: p.name for p in options if not p.is_flag for o in p.opts} == fast.VALUES
    assert {o: p.name for p in options if p.is_flag for o in p.opts} == fast.FLAGS
    assert all(not p.secondary_opts for p in options)
    assert {p.name for p in options if p.multiple} == fast.MULTIPLE
    defaults = {p.name: p.default for p in options}
    parsed = fast.parse_check(["check", "m.yaml"])
    assert parsed is not None
    assert {k: v for k, v in parsed.items() if k != "paths"} == defaults
    assert list(inspect.signature(run_check).parameters) == [p.name for p in command.params]


# The console script for `check` of the tiny mission, in a fresh interpreter; it reports
# every module imported by the time it exits (it leaves through os._exit, like mypy).
CHILD = """\
import json, os, sys
leave = os._exit
def report(code):
    sys.stderr.write("\\nMODULES " + json.dumps(sorted(sys.modules)) + "\\n")
    sys.stderr.flush()
    leave(code)
os._exit = report
sys.argv = ["missionctl", *sys.argv[1:]]
from missionctl.cli.app import run
run()
"""
HEAVY = {"typer", "click", "pydantic", "pydantic_core", "annotated_types", "rich", "shellingham",
         "httpx", "icalendar", "babel", "fpdf", "openpyxl", "ortools", "vobject"}


def imported(*args: str) -> tuple[int, set[str]]:
    """Exit code and the modules imported by the console script run with `args`."""
    done = subprocess.run([sys.executable, "-c", CHILD, *args], capture_output=True,
                          text=True, timeout=120, cwd=ROOT)
    marker = done.stderr.rindex("MODULES ")
    return done.returncode, set(json.loads(done.stderr[marker + len("MODULES "):]))


def test_check_of_a_tiny_mission_imports_no_typer_pydantic_or_rich() -> None:
    code, modules = imported("check", str(TINY))
    assert code == 0
    heavy = sorted(m for m in modules if m.split(".")[0] in HEAVY)
    assert heavy == [], f"{len(modules)} modules, of which {heavy}"
    assert "missionctl.cli.check" not in modules  # the Typer command was never built
    assert "missionctl.cli.checking" in modules


def test_check_imports_no_dataclasses_nor_inspect() -> None:
    # The dataclasses module imports inspect, ast, dis and tokenize; with the generated
    # methods of a dozen classes that was a tenth of a small check's start-up. So the classes
    # `check` loads are plain (or NamedTuples), and the rules are found by listing their
    # folder, not with pkgutil (whose walk imports inspect). Checked on every bundled mission.
    code, modules = imported("check", str(TINY), "missions")
    assert code in (0, 1)
    assert {"missionctl.checks.person_double_booked", "missionctl.render.text"} <= modules
    assert sorted({"dataclasses", "inspect", "ast", "dis"} & modules) == []


def test_help_still_goes_through_typer() -> None:
    """The other side of the test above: the same probe sees Typer when Typer runs."""
    code, modules = imported("check", "--help")
    assert code == 0
    assert {"typer", "missionctl.cli.check"} <= modules


@pytest.mark.slow
@pytest.mark.parametrize("line", [
    "check {m}",
    "check {d} --format github",
    "check {m} --format sarif -o {o}",
    "check --format junit --output {o} {d}",
    "check {x}",
    "check --bogus {m}",
    "check --help",
])
def test_the_console_script_answers_as_typer_does(line: str, files: dict[str, str]) -> None:
    """The installed entry point (`python -m missionctl`, which calls `cli.app.run`) against
    Typer alone, each in a fresh interpreter."""
    argv = line.format(**files).split()
    output = Path(files["o"])
    output.parent.mkdir(exist_ok=True)
    typer_only = "import sys; from missionctl.cli.app import main; sys.exit(main())"
    results = []
    for command in ([sys.executable, "-m", "missionctl"], [sys.executable, "-c", typer_only]):
        done = subprocess.run([*command, *argv], capture_output=True, text=True, timeout=120)
        written = output.read_bytes() if output.exists() else None
        output.unlink(missing_ok=True)
        results.append((done.returncode, done.stdout, done.stderr, written))
    assert results[0] == results[1]
