"""Properties: random and mutated mission files never raise and always exit 0, 1 or 2."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from missionctl.cli.app import main
from missionctl.template import new_mission

ROOT = Path(__file__).resolve().parent.parent
SEEDS = [
    new_mission("seed", "MA", "Africa/Casablanca", "2027-05-11"),
    *[p.read_text(encoding="utf-8") for p in sorted((ROOT / "missions").rglob("*.yaml"))][:4],
]

TOKENS = ["", ":", "- ", "[", "]", "{", "}", "&a ", "*a", "<<: *a", "\t", "'", '"', "#",
          "2027-13-40", "25:99", "group:", "org:", "!!int", "~", "null", "---", "\x00",
          "é", "MC101", "end: 00:00", "duration: -1h", "include: [x.yaml]", "- *a",
          "x-r: &r [*r]", "<<: *r"]


@st.composite
def mutated(draw: st.DrawFn) -> str:
    lines = draw(st.sampled_from(SEEDS)).splitlines()
    for _ in range(draw(st.integers(1, 6))):
        op = draw(st.sampled_from(["delete", "duplicate", "insert", "splice", "swap"]))
        if not lines:
            break
        i = draw(st.integers(0, len(lines) - 1))
        if op == "delete":
            del lines[i]
        elif op == "duplicate":
            lines.insert(i, lines[i])
        elif op == "insert":
            lines.insert(i, draw(st.sampled_from(TOKENS)) + draw(st.text(max_size=12)))
        elif op == "splice":
            j = draw(st.integers(0, len(lines[i])))
            lines[i] = lines[i][:j] + draw(st.sampled_from(TOKENS)) + lines[i][j:]
        else:
            k = draw(st.integers(0, len(lines) - 1))
            lines[i], lines[k] = lines[k], lines[i]
    return "\n".join(lines) + "\n"


def run(tmp: Path, text: str | bytes, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp / "m.yaml"
    if isinstance(text, str):
        path.write_text(text, encoding="utf-8", errors="surrogatepass")
    else:
        path.write_bytes(text)
    for args in (["check", str(path)], ["check", "--format", "json", str(path)]):
        code = main(args)
        captured = capsys.readouterr()
        assert code in (0, 1, 2)
        assert "internal error" not in captured.err, captured.err
        assert "Traceback" not in captured.err


@settings(max_examples=150, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(text=mutated())
def test_mutated_missions_never_crash(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                      text: str) -> None:
    run(tmp_path, text, capsys)


@settings(max_examples=100, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.binary(max_size=300) | st.text(max_size=300).map(str))
def test_random_input_never_crashes(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                    data: str | bytes) -> None:
    if isinstance(data, str):
        data = data.encode("utf-8", "surrogatepass")
    run(tmp_path, data, capsys)


@settings(max_examples=60, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(text=mutated())
def test_views_of_mutated_missions_never_crash(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                               text: str) -> None:
    path = tmp_path / "m.yaml"
    path.write_text(text, encoding="utf-8", errors="surrogatepass")
    for args in (["itinerary", str(path)], ["itinerary", "--format", "ics", str(path)],
                 ["contacts", "--format", "vcf", str(path)]):
        code = main(args)
        captured = capsys.readouterr()
        assert code in (0, 1, 2)
        assert "internal error" not in captured.err, captured.err
