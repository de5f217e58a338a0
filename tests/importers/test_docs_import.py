"""docs/import.md's worked example, run as written on docs/examples/import/: every line the
page shows after a `$ missionctl ...` line is a line the command prints (the page leaves some
out with `...`), in the same order (standard output and standard error each)."""

from __future__ import annotations

import re
import shlex
import shutil
from pathlib import Path

import pytest

from .conftest import Cli

ROOT = Path(__file__).resolve().parent.parent.parent
PAGE = ROOT / "docs" / "import.md"
EXAMPLE = ROOT / "docs" / "examples" / "import"


def sessions() -> list[tuple[str, list[str]]]:
    """Each `$ missionctl ...` of the page's console blocks, with the lines shown after it."""
    out: list[tuple[str, list[str]]] = []
    for block in re.findall(r"```console\n(.*?)```", PAGE.read_text(encoding="utf-8"), re.S):
        for line in block.splitlines():
            if line.startswith("$ "):
                out.append((line[2:], []))
            elif out:
                out[-1][1].append(line)
    return out


def in_order(shown: list[str], printed: list[str]) -> bool:
    """Every shown line (but `...`) is printed, in the order shown."""
    at = 0
    for line in shown:
        if line == "...":
            continue
        try:
            at = printed.index(line, at) + 1
        except ValueError:
            return False
    return True


def test_the_worked_example_prints_what_the_page_shows(
        cli: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    work = tmp_path / "example"
    shutil.copytree(EXAMPLE, work)
    monkeypatch.chdir(work)
    ran = sessions()
    assert [c.split()[1:3] for c, _ in ran][:2] == [["import", "people"], ["check", "mission.yaml"]]
    for command, shown in ran:
        if "--dry-run" in command:  # the page's correction, made before its dry run
            csv = work / "inscricoes.csv"
            text = csv.read_text(encoding="utf-8")
            text = text.replace("+351 910 000 002;PT", "+351 910 000 222;PT")
            csv.write_text(text.replace("rui.costa@example;", "rui.costa@example.org;"),
                           encoding="utf-8")
        _code, out, err = cli(*shlex.split(command)[1:])
        # standard error (the skipped rows) is shown where a terminal shows it; each stream
        # keeps its own order
        errors = err.splitlines()
        assert in_order([s for s in shown if s in errors], errors), (command, err)
        assert in_order([s for s in shown if s not in errors], out.splitlines()), (command, out)
