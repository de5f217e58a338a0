"""Properties: random and mutated mission files never raise and always exit 0, 1 or 2.

The mutations and hostile fragments are `fuzz/mutations.py`'s, shared with the long campaign
(`python tests/fuzz/campaign.py`, not part of this run): Hypothesis drives their random
choices and shrinks a failure to a small file.
"""

from __future__ import annotations

import random
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from fuzz.mutations import (
    RICH,
    STRUCTURES,
    Structure,
    mutate,
    place,
    replace_value,
)
from missionctl.cli.app import main

RANDOMS = st.randoms(use_true_random=False)
EXPORTS = (["itinerary", "--format", "ics"], ["itinerary", "--format", "json"],
           ["itinerary", "--format", "html"], ["contacts", "--format", "csv"],
           ["contacts", "--format", "vcf"])


@st.composite
def mutated(draw: st.DrawFn) -> str:
    return mutate(draw(RANDOMS))


def run(tmp: Path, text: str | bytes, capsys: pytest.CaptureFixture[str],
        commands: tuple[list[str], ...] = (["check"], ["check", "--format", "json"])) -> None:
    # A file that is not a mission is checked as an include of the missions above it
    # (missions.missions_including climbs to the repository's root): the marker makes the
    # temporary folder that root, so what else lies in /tmp never joins the run.
    (tmp / ".git").mkdir(exist_ok=True)
    path = tmp / "m.yaml"
    if isinstance(text, str):
        path.write_text(text, encoding="utf-8", errors="surrogatepass")
    else:
        path.write_bytes(text)
    for args in commands:
        code = main([*args, str(path)])
        captured = capsys.readouterr()
        assert code in (0, 1, 2), (args, captured.err)
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
    run(tmp_path, text, capsys, (["itinerary"], *EXPORTS))


def with_structure(rnd: random.Random, structure: Structure) -> str:
    lines = RICH.splitlines()
    for section, body in structure:
        place(lines, section, body)
    return "\n".join(lines) + "\n"


@pytest.mark.parametrize("build", STRUCTURES, ids=lambda b: b.__name__)
@settings(max_examples=12, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(rnd=RANDOMS)
def test_hostile_structures_never_crash(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                        build: object, rnd: random.Random) -> None:
    """Deep group chains and cycles, a group listing itself, merge-key chains, empty `end:`,
    edge dates, odd e-mails and control characters in a person, odd B2B and includes: put
    into a mission that is otherwise clean, through check and every export."""
    assert callable(build)
    run(tmp_path, with_structure(rnd, build(rnd)), capsys, (["check"], *EXPORTS))


@settings(max_examples=60, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(rnd=RANDOMS, n=st.integers(1, 4))
def test_hostile_values_never_crash(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                    rnd: random.Random, n: int) -> None:
    """Values replaced by hostile ones for their field (edge dates, spans, empty values,
    odd e-mails, control and invisible characters, huge numbers), through every export."""
    lines = RICH.splitlines()
    for _ in range(n):
        replace_value(lines, rnd)
    run(tmp_path, "\n".join(lines) + "\n", capsys, (["check"], *EXPORTS))
