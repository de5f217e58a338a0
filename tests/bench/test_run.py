"""benchmarks/run.py prints every target of issue 10, judged when measured, in one run.

The smallest real run (1k, one repetition, one export): the targets on sizes it did not
measure must say n/a, the ones it did must say PASS or FAIL, and nothing may fail to run.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.slow
def test_a_small_run_judges_what_it_measured(tmp_path: Path) -> None:
    out = tmp_path / "results.json"
    done = subprocess.run(
        [sys.executable, str(ROOT / "benchmarks" / "run.py"), "--sizes", "1k", "--reps", "1",
         "--startup-reps", "1", "--exports", "contacts json", "--no-inprocess",
         "--json", str(out)],
        capture_output=True, text=True, timeout=600, cwd=tmp_path)
    assert done.returncode == 0, done.stderr[-2000:]
    doc = json.loads(out.read_text(encoding="utf-8"))
    results = {t["target"]: t["result"] for t in doc["targets"]}
    assert results["start-up: check tiny.yaml / bare Typer app"] in ("PASS", "FAIL")
    assert results["check 10k / raw libyaml parse 10k"] == "n/a"  # 10k was not measured
    assert results["contacts json 10k / CSafeLoader load 10k"] == "n/a"
    assert "contacts json: 100k / 10k" in results
    assert any(t.startswith("peak RSS at 100k") for t in results)
    samples = doc["samples"]["1k"]
    assert {"load", "parse", "check", "format", "contacts json"} <= set(samples)
    assert all(s["rc"] in (0, 1) for runs in samples.values() for s in runs)
    assert "| contacts json |" in done.stdout
    assert "Peak RSS of this harness" in done.stdout
