"""Include names no file system takes (loader/read.py): MC008 at the entry, in one line,
never an OSError or ValueError that ends as an internal error."""

from __future__ import annotations

from pathlib import Path

import pytest

from missionctl.cli.app import main
from missionctl.loader import load

HEADER = """\
missionctl: 1
mission: {id: m, title: M, host_country: MA, timezone: Africa/Casablanca,
          start: 2027-05-10, end: 2027-05-14}
"""


@pytest.mark.parametrize(("name", "message"), [
    ("x" * 300 + ".yaml", "has a name part of 305 bytes; a file or folder name may have at "
     "most 255: shorten it"),
    ("sub/" + "é" * 130 + ".yaml", "has a name part of 265 bytes"),
    ("a\\0b.yaml", "holds a NUL character (\\x00), which no file name can; remove it"),
    ("a/" * 3000 + "x.yaml", "cannot read the include 'a/a/a/"),
])
def test_unusable_include_names_are_mc008(tmp_path: Path, name: str, message: str,
                                          capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "m.yaml"
    path.write_text(HEADER + f'include: ["{name}"]\n', encoding="utf-8")
    loaded = load(path, "m.yaml")
    assert [(f.code, f.loc.line, f.loc.column) for f in loaded.findings] == [("MC008", 4, 11)]
    assert message in loaded.findings[0].message
    assert len(loaded.findings[0].message) < 200  # the name is cut, not printed whole
    assert main(["check", str(path)]) == 1
    assert "internal error" not in capsys.readouterr().err
