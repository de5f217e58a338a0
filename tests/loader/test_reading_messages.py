"""What `check` says about a file it cannot read as YAML text (yamlnodes.py): a control
character at its real line and column, in one line; a UTF-16 or UTF-32 file called what it
is, with how to fix it."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest

from missionctl.loader import load

TEXT = "missionctl: 1\nmission:\n  title: Trip é\n"


@pytest.mark.parametrize(("text", "line", "column", "code"), [
    ("missionctl: 1\nmission:\n  title: abc\x9fdef\n", 3, 13, "U+009F"),
    ("missionctl: 1\n# a comment \x01 here\n", 2, 13, "U+0001"),
    ('missionctl: 1\r\nmission:\r\n  title: "éé\x7f"\r\n', 3, 13, "U+007F"),
    ("missionctl: 1\nx-a: [a, b, \x80]\n", 2, 13, "U+0080"),
    ("\x1bmissionctl: 1\n", 1, 1, "U+001B"),
])
def test_a_control_character_is_found_where_it_is(tmp_path: Path, text: str, line: int,
                                                  column: int, code: str) -> None:
    path = tmp_path / "m.yaml"
    path.write_text(text, encoding="utf-8", newline="")
    [finding] = load(path, "m.yaml").findings
    assert (finding.code, finding.loc.line, finding.loc.column) == ("MC001", line, column)
    assert finding.message == (f"the character {code} (a control character) is not allowed in "
                               "YAML text; delete it (most editors do not show it: it often "
                               "comes with pasted text)")
    assert "\n" not in finding.message


@pytest.mark.parametrize(("data", "name"), [
    (codecs.BOM_UTF16_LE + TEXT.encode("utf-16-le"), "UTF-16 (little-endian)"),
    (codecs.BOM_UTF16_BE + TEXT.encode("utf-16-be"), "UTF-16 (big-endian)"),
    (TEXT.encode("utf-16-le"), "UTF-16 (little-endian)"),
    (TEXT.encode("utf-16-be"), "UTF-16 (big-endian)"),
    (TEXT.encode("utf-16"), "UTF-16 (little-endian)"),  # Python's own, with its BOM
    (codecs.BOM_UTF32_LE + TEXT.encode("utf-32-le"), "UTF-32 (little-endian)"),
    (TEXT.encode("utf-32-be"), "UTF-32 (big-endian)"),
])
def test_a_wide_encoding_is_named(tmp_path: Path, data: bytes, name: str) -> None:
    path = tmp_path / "m.yaml"
    path.write_bytes(data)
    [finding] = load(path, "m.yaml").findings
    assert (finding.code, finding.loc.line, finding.loc.column) == ("MC001", 1, 1)
    assert finding.message == (f"this file is {name} text; save it as UTF-8 (in most editors: "
                               "Save As, encoding UTF-8)")


def test_binary_stays_binary(tmp_path: Path) -> None:
    path = tmp_path / "m.yaml"
    path.write_bytes(bytes(range(256)) * 8)
    [finding] = load(path, "m.yaml").findings
    assert "binary file" in finding.message
