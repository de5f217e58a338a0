"""Merge keys (`<<`) in `yamlnodes.MappingWalker`: a loop, not recursion (a chain thousands
long is no internal error), checked against the merge-key specification written as plain
recursion, on random documents.

(PyYAML's constructor is no oracle here: with a merge nested in a merged mapping it lets the
inner mapping's merged value beat its own explicit key, against the specification.)"""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from missionctl.cli.app import main
from missionctl.findings import Finding
from missionctl.yamlnodes import MappingNode, MappingWalker, ScalarNode, compose_text

HEADER = """\
missionctl: 1
mission: {id: m, title: M, host_country: MA, timezone: Africa/Casablanca,
          start: 2027-05-10, end: 2027-05-14}
"""


def chain(length: int) -> str:
    lines = ["x-a0: &a0 {kind: visit, title: Chained, start: 2027-05-11 10:00, duration: 1h}"]
    lines += [f"x-a{i}: &a{i} {{<<: *a{i - 1}, x-level: '{i}'}}" for i in range(1, length)]
    return HEADER + "\n".join(lines) + f"\nevents:\n  e: {{<<: *a{length - 1}}}\n"


@pytest.mark.parametrize("length", [250, 600])
def test_a_long_merge_chain_is_no_internal_error(tmp_path: Path, length: int,
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "m.yaml"
    path.write_text(chain(length))
    assert main(["check", str(path)]) == 0
    out = capsys.readouterr().out
    assert "0 errors" in out
    assert main(["itinerary", str(path), "-f", "csv"]) == 0
    assert ",Chained," in capsys.readouterr().out


def test_a_chain_past_the_alias_bound_is_mc001(tmp_path: Path,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    # each link repeats the whole chain before it: 5,000 links expand to ~50 million nodes
    path = tmp_path / "m.yaml"
    path.write_text(chain(5000))
    assert main(["check", str(path)]) == 1
    assert "MC001 error aliases would expand this mission past" in capsys.readouterr().out


def walked(text: str) -> dict[str, str]:
    """What our walker gives for the top-level `target:` mapping (values as text)."""
    root = compose_text(text, "t.yaml").root
    assert isinstance(root, MappingNode)
    found: list[Finding] = []
    walker = MappingWalker("t.yaml", found.append)
    [target] = [v for k, v in root.value if isinstance(k, ScalarNode) and k.value == "target"]
    assert isinstance(target, MappingNode)
    out = {}
    for key, _knode, vnode in walker.pairs(target):
        assert isinstance(vnode, ScalarNode)
        out[key] = vnode.value
    return out


def random_document(rng: random.Random) -> str:
    """Anchored mappings that merge earlier ones (one alias or a list), then a target."""
    keys = ["a", "b", "c", "d", "e"]
    lines = []
    for i in range(rng.randint(1, 8)):
        fields = [f"{k}: '{i}{k}'" for k in rng.sample(keys, rng.randint(0, 3))]
        if i:
            sources = [f"*m{j}" for j in rng.sample(range(i), rng.randint(1, min(i, 3)))]
            merge = sources[0] if len(sources) == 1 and rng.random() < 0.5 else \
                f"[{', '.join(sources)}]"
            fields.insert(rng.randint(0, len(fields)), f"<<: {merge}")
        lines.append(f"m{i}: &m{i} {{{', '.join(fields)}}}")
    n = len(lines)
    sources = [f"*m{j}" for j in rng.sample(range(n), rng.randint(1, min(n, 3)))]
    own = [f"{k}: 'own-{k}'" for k in rng.sample(keys, rng.randint(0, 2))]
    lines.append(f"target: {{{', '.join([*own, '<<: [' + ', '.join(sources) + ']'])}}}")
    return "\n".join(lines) + "\n"


def by_the_spec(node: MappingNode) -> dict[str, str]:
    """YAML's merge key, as written: a mapping's own keys, then each merged mapping's (itself
    merged first), in the order listed; a key already present is kept."""
    own: dict[str, str] = {}
    merged: list[MappingNode] = []
    for k, v in node.value:
        if k.value == "<<":
            merged += v.value if isinstance(v.value, list) and not isinstance(
                v, MappingNode) else [v]
        elif k.value not in own:
            own[k.value] = v.value
    for m in merged:
        for key, value in by_the_spec(m).items():
            own.setdefault(key, value)
    return own


def test_merge_semantics_match_the_specification() -> None:
    rng = random.Random(20270510)
    for _ in range(500):
        text = random_document(rng)
        root = compose_text(text, "t.yaml").root
        assert isinstance(root, MappingNode)
        target = root.value[-1][1]
        assert isinstance(target, MappingNode)
        assert walked(text) == by_the_spec(target), text
