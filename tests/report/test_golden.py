"""Every --format against its golden file (tests/report/golden/), and determinism.

Regenerate after an intended change: UPDATE_GOLDEN=1 .venv/bin/pytest tests/report
"""

from __future__ import annotations

import random
from collections.abc import Callable

import pytest

from missionctl import render
from missionctl.linter import FileReport
from missionctl.render import Options, sarif
from missionctl.rules.docs import FORMAT_DOCS

EXT = {"text": "txt", "json": "json", "github": "txt", "sarif": "sarif.json", "junit": "xml"}
VARIANTS = {
    "": Options(),
    "-waived": Options(show_waived=True),
    "-strict": Options(strict=True),
    "-color": Options(color=True),
}
CASES = [(fmt, variant) for fmt in EXT for variant in VARIANTS
         if variant != "-color" or fmt == "text"]


@pytest.fixture(autouse=True)
def stable_docs(monkeypatch: pytest.MonkeyPatch) -> None:
    """Conflict rules document themselves in missionctl.checks, which is being written and
    reworded; the golden SARIF uses the format rules' fixed docs and the catalogue summary
    (the fallback) for the rest, so it tests the reporter, not the rules' prose."""
    monkeypatch.setattr(sarif, "rule_doc", FORMAT_DOCS.get)


def test_registry_has_every_contract_format() -> None:
    # The contract (section 10) names these `check --format` choices.
    assert set(render.formats("findings")) == {"text", "json", "github", "sarif", "junit"}
    for name in render.formats("findings"):
        assert callable(render.renderer("findings", name))


@pytest.mark.parametrize(("fmt", "variant"), CASES, ids=[f"{f}{v}" for f, v in CASES])
def test_golden(fmt: str, variant: str, sample: list[FileReport],
                golden: Callable[[str, str], None]) -> None:
    text = render.render_text("findings", fmt, sample, VARIANTS[variant])
    golden(f"{fmt}{variant}.{EXT[fmt]}", text)


@pytest.mark.parametrize("fmt", list(EXT))
def test_order_of_reports_and_findings_does_not_matter(fmt: str,
                                                       sample: list[FileReport]) -> None:

    expected = render.renderer("findings", fmt)(sample, Options(show_waived=True))
    rng = random.Random(7)
    for _ in range(5):
        shuffled = [r._replace(findings=tuple(rng.sample(r.findings, len(r.findings))))
                    for r in rng.sample(sample, len(sample))]
        assert render.renderer("findings", fmt)(shuffled, Options(show_waived=True)) == expected


@pytest.mark.parametrize("fmt", list(EXT))
def test_no_reports(fmt: str) -> None:
    """Every input was an include file: still a valid, empty report."""
    text = render.render_text("findings", fmt, [], Options())
    assert text.endswith("\n")


def test_colour_only_when_asked(sample: list[FileReport]) -> None:
    for fmt in EXT:
        out = render.render_text("findings", fmt, sample, Options(show_waived=True))
        assert "\x1b[" not in out.replace(
            "\\x1b[", "").replace("\\u001b[", "")
    assert "\x1b[1;31m" in render.renderer("findings", "text")(sample, Options(color=True))
