"""The text format: source lines with a caret, notes, waivers, the summary table."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from missionctl import sourcelines
from missionctl.findings import Finding, Loc, Severity
from missionctl.linter import FileReport
from missionctl.render import Options, text


def caret_column(pad: str, tab: int = 8) -> int:
    """The terminal cell the caret lands in (0-based), tabs to the next multiple of `tab`."""
    col = 0
    for ch in pad:
        col = (col // tab + 1) * tab if ch == "\t" else col + 1
    return col


def cell_of(line: str, index: int, tab: int = 8) -> int:
    col = 0
    for ch in line[:index]:
        col = (col // tab + 1) * tab if ch == "\t" else col + text._width(ch)
    return col


@pytest.mark.parametrize(("line", "column"), [
    ("    attendees: [田中-kenji, ana]", 27),
    ("    start:\t2027-05-15 09:00", 12),
    ("\tx:\ty", 5),
    ("  name: Zoë Müller", 11),  # precomposed
    ("  name: Zoe\u0308 x", 14),  # combining diaeresis takes no cell
    ("ab", 5),  # past the end of the line
    ("", 1),
])
def test_caret_under_the_column(line: str, column: int) -> None:
    _, pad = text.snippet(line, column)
    assert caret_column(pad) == cell_of(line, column - 1) + max(0, column - 1 - len(line))


def test_control_characters_are_shown_escaped() -> None:
    shown, pad = text.snippet("a: \x1b[31mred\x07", 11)
    assert shown == "a: \\x1b[31mred\\x07"
    assert caret_column(pad) == shown.index("d")


def test_long_lines_are_cut_around_the_column() -> None:
    line = "x: " + "a" * 500 + "TARGET" + "b" * 500
    column = line.index("TARGET") + 1
    shown, pad = text.snippet(line, column)
    assert len(shown) <= text.MAX_SHOWN + 2
    assert shown.startswith("…") and shown.endswith("…")
    assert shown[len(pad):].startswith("TARGET")


def test_sample_layout(sample: list[FileReport]) -> None:
    out = text.render(sample, Options()).splitlines()
    i = out.index("missions/casablanca.yaml:20:3: MC101 error Ana Silva is in 'Plant visit' and "
                  "'Lunch: Renault, 100% <tour> & co' at once (Tue 11 May 13:00–13:30) "
                  "[person-double-booked]")
    assert out[i + 1:i + 6] == [
        "  20 |   plant-visit:",
        "     |   ^",
        "missions/casablanca.yaml:14:3: note: the other event is here",
        "  14 |   lunch:",
        "     |   ^",
    ]
    # a related location in an include file, with its own source line
    j = out.index("missions/people.yaml:7:5: note: related location here")
    assert out[j + 1:j + 3] == ["   7 |     languages: [ja]", "     |     ^"]
    assert "missions/rabat, day 1: 100%.yaml: conflict checks skipped until the format "\
        "errors above are fixed" in out
    assert out[-1] == "3 files checked: 5 errors, 3 warnings, 1 info, 2 waived"
    assert out[-5].split() == ["file", "error", "warning", "info", "waived", "fails", "at",
                               "result"]
    assert out[-4].split()[1:] == ["1", "3", "1", "2", "error", "failed"]
    assert out[-3].split()[1:] == ["0", "0", "0", "0", "warning", "passed"]
    assert "MC404" not in "\n".join(out)


def test_show_waived_gives_the_reason(sample: list[FileReport]) -> None:
    out = text.render(sample, Options(show_waived=True))
    assert ("missions/casablanca.yaml:26:3: MC404 info (waived) 'Dinner' is still tentative "
            "[tentative-event]") in out
    assert "     = waived: the riad confirms by phone no e-mail\n" in out


def test_missing_source_file_still_reports(tmp_path: Path, monkeypatch: pytest.MonkeyPatch
                                           ) -> None:
    monkeypatch.chdir(tmp_path)
    f = Finding("MC008", "gone", Loc("nowhere.yaml", 3, 1), severity=Severity.ERROR)
    out = text.render([FileReport("nowhere.yaml", (f,), Severity.ERROR, False)], Options())
    assert out.startswith("nowhere.yaml:3:1: MC008 error gone [include-failed]\n\n")


def test_binary_and_bom_files(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    Path("bin.yaml").write_bytes(b"\x00\x01\x02")
    Path("bom.yaml").write_bytes("\ufeffmissionctl: 2\r\nmission: {}\r\n".encode())
    findings = (
        Finding("MC001", "binary", Loc("bin.yaml", 1, 1), severity=Severity.ERROR),
        Finding("MC009", "version", Loc("bom.yaml", 1, 13), severity=Severity.ERROR),
    )
    out = text.render([FileReport("bom.yaml", findings, Severity.ERROR, False)], Options())
    assert "bin.yaml:1:1: MC001 error binary [invalid-yaml]\n\nbom.yaml" in out
    assert "  1 | missionctl: 2\n    |             ^\n" in out  # BOM and CRLF not shown


def test_colour(sample: list[FileReport]) -> None:
    out = text.render(sample, Options(color=True))
    assert "\x1b[1;31merror\x1b[0m" in out and "\x1b[1;33mwarning\x1b[0m" in out
    assert "\x1b[1;36minfo\x1b[0m" in out
    plain = text.render(sample, Options())
    assert "\x1b" not in plain


def test_does_not_import_rich() -> None:
    import subprocess
    import sys

    code = ("import sys, missionctl.render.text, missionctl.render.github, "
            "missionctl.render.junit; print('rich' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True)
    assert out.stdout.strip() == "False"


def test_many_findings_read_their_file_once(tmp_path: Path,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    # Not a timed test: what keeps 20,000 findings fast is reading the source file once,
    # not once per finding, so that is what is asserted.
    monkeypatch.chdir(tmp_path)
    Path("big.yaml").write_text("".join(f"  e{i}: x\n" for i in range(20000)), encoding="utf-8")
    findings = tuple(Finding("MC002", f"unknown {i}", Loc("big.yaml", i + 1, 3),
                             severity=Severity.ERROR) for i in range(20000))
    reads: list[str] = []
    real = text.Sources._read

    def counted(file: str) -> text.Lines | None:
        reads.append(file)
        return real(file)

    monkeypatch.setattr(text.Sources, "_read", staticmethod(counted))
    out = text.render([FileReport("big.yaml", findings, Severity.ERROR, False)], Options())
    assert out.count("^") == 20000
    assert reads == ["big.yaml"]


def _snippet_char_by_char(line: str, column: int) -> tuple[str, str]:
    """`snippet` with its printable-ASCII shortcut switched off: a character outside ASCII,
    one cell wide and no space (é), sends the line down the general path; it is then cut off
    the shown line again (its cell in the padding stands where the line's end was)."""
    shown, pad = text.snippet(line + "é", column)
    assert len(line) < text.MAX_SHOWN and shown.endswith("é")
    return shown[:-1].rstrip(), pad


@given(st.text(st.characters(min_codepoint=0x20, max_codepoint=0x7E), max_size=60),
       st.integers(min_value=1, max_value=80))
def test_plain_ascii_lines_take_the_same_shape_as_any_line(line: str, column: int) -> None:
    # The shortcut for printable ASCII gives what the character-by-character path gives.
    assert text.snippet(line, column) == _snippet_char_by_char(line, column)


@pytest.mark.parametrize("column", [1, 50, 300, 505, 990, 1100])
def test_long_ascii_lines_are_cut_like_any_long_line(column: int) -> None:
    line = "x: " + "a" * 500 + "TARGET" + "b" * 500
    shown, pad = text.snippet(line, column)
    general, general_pad = text.snippet(line[:-1] + "é", column)  # same length, not ASCII
    assert shown == general.replace("é", "b")
    assert pad == general_pad


@given(st.text(st.sampled_from("ab \t\n\r\x85\u2028\u2029\v\f\x1c\x1d\x1e\x0b\u00e9"),
               max_size=30))
def test_lines_are_cut_at_yaml_breaks_only(source: str) -> None:
    assert sourcelines.split_lines(source) == sourcelines._BREAKS.split(source)


def test_the_loaders_text_is_used_not_the_file(tmp_path: Path,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    # A report of a loaded mission shows its lines from the text the loader read: the
    # file is not read again (here it is gone by the time the report is written).
    from missionctl.linter import lint_file

    monkeypatch.chdir(tmp_path)
    Path("m.yaml").write_text("missionctl: 1\nmission:\n  id: x\n  bogus: 1\n", encoding="utf-8")
    report = lint_file("m.yaml")
    Path("m.yaml").unlink()
    out = text.render([report], Options())
    assert "m.yaml:4:3: MC002 error mission has no field 'bogus'" in out
    assert "  4 |   bogus: 1\n    |   ^\n" in out
