"""`missionctl itinerary` and `missionctl contacts` from the command line: exit codes,
--output, --per-person, format errors, usage errors."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from missionctl.cli.app import main


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_itinerary_text_to_stdout(capsys: pytest.CaptureFixture[str], small_path: Path) -> None:
    code, out, err = run(capsys, "itinerary", str(small_path))
    assert code == 0, err
    assert err == ""
    assert "Monday 10 May 2027" in out
    assert "\x1b" not in out  # not a terminal: no colour


@pytest.mark.parametrize("fmt", ["text", "markdown", "html", "ics", "csv", "json"])
def test_itinerary_every_format_to_a_file(capsys: pytest.CaptureFixture[str], small_path: Path,
                                          tmp_path: Path, fmt: str) -> None:
    target = tmp_path / f"out.{fmt}"
    code, out, err = run(capsys, "itinerary", str(small_path), "-f", fmt, "-o", str(target))
    assert (code, out, err) == (0, "", "")
    assert target.stat().st_size > 0
    assert not list(tmp_path.glob(".out*"))  # no temporary file left behind


@pytest.mark.parametrize("fmt", ["text", "markdown", "html", "csv", "vcf", "json"])
def test_contacts_every_format(capsys: pytest.CaptureFixture[str], small_path: Path,
                               fmt: str) -> None:
    code, out, err = run(capsys, "contacts", str(small_path), "-f", fmt)
    assert code == 0, err
    assert "Ana Silva" in out


@pytest.mark.parametrize(("args", "message"), [
    (["itinerary", "--person", "carlaa"], "did you mean 'carla'?"),
    (["itinerary", "--org", "acm"], "did you mean 'acme'?"),
    (["itinerary", "--group", "teem"], "did you mean 'team'?"),
    (["contacts", "--event", "visitt"], "did you mean 'visit'?"),
    (["contacts", "--org", "bta"], "did you mean 'beta'?"),
    (["itinerary", "--format", "docx"], "is not one of"),
    (["contacts", "--format", "ics"], "is not one of"),
    (["itinerary", "--view", "timeline", "-f", "csv"], "--view timeline"),
    (["itinerary", "--day", "someday"], "YYYY-MM-DD"),
    (["itinerary", "--dtstamp", "2027-01-01"], "with an offset"),
    (["itinerary", "--times", "utc"], "--times utc is for calendars (--format ics), not text"),
    (["itinerary", "-f", "ics", "--times", "gmt"], "is not one of"),
])
def test_usage_errors_exit_2(capsys: pytest.CaptureFixture[str], small_path: Path,
                             args: list[str], message: str) -> None:
    command, *rest = args
    code, _out, err = run(capsys, command, str(small_path), *rest)
    assert code == 2
    assert message in err
    assert "Traceback" not in err


def test_missing_path_exits_2(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, _out, err = run(capsys, "itinerary", str(tmp_path / "nope.yaml"))
    assert code == 2 and "no such file" in err


def test_format_errors_print_findings_and_exit_1(capsys: pytest.CaptureFixture[str],
                                                 tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("missionctl: 1\nmission: {id: x, title: X, host_country: MA, "
                   "timezone: Africa/Casablanca, start: 2027-05-10, end: 2027-05-10}\n"
                   "people:\n  ana: {email: ana@example.org}\n", encoding="utf-8")
    for command in ("itinerary", "contacts"):
        code, out, err = run(capsys, command, str(bad))
        assert code == 1
        assert out == ""
        assert f"{bad}:4:3: MC004 error" in err


def test_include_file_is_not_a_mission(capsys: pytest.CaptureFixture[str],
                                       tmp_path: Path) -> None:
    inc = tmp_path / "people.yaml"
    inc.write_text("people:\n  ana: {name: Ana}\n", encoding="utf-8")
    code, _out, err = run(capsys, "itinerary", str(inc))
    assert code == 2 and "not a mission file" in err


def test_a_directory_with_one_mission(capsys: pytest.CaptureFixture[str],
                                      small_path: Path) -> None:
    code, out, _err = run(capsys, "itinerary", str(small_path.parent), "-f", "json")
    assert code == 0
    assert json.loads(out)["mission"]["id"] == "small"


def test_per_person_writes_one_calendar_each(capsys: pytest.CaptureFixture[str],
                                             small_path: Path, tmp_path: Path) -> None:
    folder = tmp_path / "cals"
    code, _out, err = run(capsys, "itinerary", str(small_path), "-f", "ics",
                          "--per-person", str(folder))
    assert code == 0
    files = sorted(p.name for p in folder.iterdir())
    assert files == ["ana.ics", "bruno.ics", "carla.ics", "samir.ics", "youssef.ics"]
    youssef = (folder / "youssef.ics").read_text(encoding="utf-8")
    assert youssef.count("BEGIN:VEVENT") == 2
    assert "X-WR-CALNAME:Small mission – Youssef Amrani" in youssef
    assert "wrote 5 file(s)" in err


def test_per_person_html_for_one_organisation(capsys: pytest.CaptureFixture[str],
                                              small_path: Path, tmp_path: Path) -> None:
    folder = tmp_path / "agendas"
    code, _out, _err = run(capsys, "itinerary", str(small_path), "-f", "html", "--org",
                           "cluster", "--per-person", str(folder))
    assert code == 0
    assert sorted(p.name for p in folder.iterdir()) == ["ana.html", "bruno.html",
                                                        "carla.html"]
    assert "Agenda of Bruno Costa" in (folder / "bruno.html").read_text(encoding="utf-8")


def test_per_person_and_output_exclude_each_other(capsys: pytest.CaptureFixture[str],
                                                  small_path: Path, tmp_path: Path) -> None:
    code, _out, err = run(capsys, "itinerary", str(small_path), "--per-person",
                          str(tmp_path / "d"), "-o", str(tmp_path / "x"))
    assert code == 2 and "not both" in err


def test_timeline_view(capsys: pytest.CaptureFixture[str], small_path: Path) -> None:
    code, out, _err = run(capsys, "itinerary", str(small_path), "--view", "timeline",
                          "--width", "90")
    assert code == 0
    assert "one character = 15 minutes" in out
    assert max(len(line) for line in out.splitlines()) <= 90


def test_dtstamp_option_and_source_date_epoch(capsys: pytest.CaptureFixture[str],
                                              small_path: Path,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    _code, out, _err = run(capsys, "itinerary", str(small_path), "-f", "ics")
    assert "DTSTAMP:20270510T000000Z" in out
    _code, out, _err = run(capsys, "itinerary", str(small_path), "-f", "ics",
                           "--dtstamp", "2027-04-01T10:00:00+01:00")
    assert "DTSTAMP:20270401T090000Z" in out
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1800000000")
    _code, out, _err = run(capsys, "itinerary", str(small_path), "-f", "ics")
    assert "DTSTAMP:20270115T080000Z" in out


def test_start_up_does_not_import_heavy_modules() -> None:
    import subprocess
    import sys

    code = ("import sys; import missionctl.cli.app; "
            "print(sorted(m for m in ('rich', 'icalendar', 'vobject') if m in sys.modules))")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          check=True)
    assert done.stdout.strip() == "[]"


def _record_collector(monkeypatch: pytest.MonkeyPatch, seen: list[tuple[str, bool]],
                      label: str, module: object, name: str) -> None:
    """Replace `module.name` by a wrapper that notes (label, whether the collector is on) at
    each call, then calls the original."""
    import gc

    original = getattr(module, name)

    def recording(*args: object, **kwargs: object) -> object:
        seen.append((label, gc.isenabled()))
        return original(*args, **kwargs)

    monkeypatch.setattr(module, name, recording)


@pytest.mark.parametrize("view", ["list", "timeline"])
def test_views_are_built_with_the_collector_paused(capsys: pytest.CaptureFixture[str],
                                                    small_path: Path, view: str,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    """The checks behind the flags and the rendering run with the cyclic collector off (it
    rescanned the model at every full collection) and it is on again afterwards."""
    import gc

    from missionctl import linter, render

    seen: list[tuple[str, bool]] = []
    _record_collector(monkeypatch, seen, "render", render, "render")
    _record_collector(monkeypatch, seen, "checks", linter, "run_checks")
    assert gc.isenabled()
    code, _, err = run(capsys, "itinerary", str(small_path), "--view", view)
    assert code == 0, err
    assert seen == [("checks", False), ("render", False)]
    assert gc.isenabled()


@pytest.mark.parametrize("fmt", ["text", "vcf", "json"])
def test_the_contact_sheet_is_built_with_the_collector_paused(
        capsys: pytest.CaptureFixture[str], small_path: Path, fmt: str,
        monkeypatch: pytest.MonkeyPatch) -> None:
    """`contacts` builds and renders its sheet with the cyclic collector off, as the
    itinerary does, and turns it on again afterwards."""
    import gc

    from missionctl import render
    from missionctl.views import contacts

    seen: list[tuple[str, bool]] = []
    _record_collector(monkeypatch, seen, "render", render, "render")
    _record_collector(monkeypatch, seen, "build", contacts, "build")
    assert gc.isenabled()
    code, _, err = run(capsys, "contacts", str(small_path), "-f", fmt)
    assert code == 0, err
    assert seen == [("build", False), ("render", False)]
    assert gc.isenabled()
