"""`missionctl.nodes`: the composer builds our slotted node classes, giving the tree
PyYAML's own classes give, and leaves PyYAML's classes in place for everyone else."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml
import yaml._yaml  # type: ignore[import-not-found]
import yaml.nodes

from missionctl import nodes
from missionctl.yamlnodes import _NodeLoader, compose_text

ROOT = Path(__file__).parents[1]
FILES = sorted((ROOT / "missions").rglob("*.yaml")) + sorted((ROOT / "benchmarks").glob("*.yaml"))
ODD = """\
a: &x {b: [1, "two", 'three'], h: {}}
block: |
  line one
  line two
folded: >-
  folded
  text
c: *x
<<: *x
? [complex, key]
: ~
d: !!str 12
e: !custom {f: g}
"""

def shape(node: Any, ends: bool = True) -> Any:
    """Everything of a node but its class: kind, tag, style, marks, children (`ends=False`:
    only where each node starts)."""
    marks: tuple[int, ...] = (node.start_mark.line, node.start_mark.column)
    if ends:
        marks += (node.end_mark.line, node.end_mark.column)
    if node.id == "scalar":
        return ("scalar", node.tag, node.value, node.style, marks)
    if node.id == "sequence":
        return ("sequence", node.tag, node.flow_style, marks,
                [shape(n, ends) for n in node.value])
    return ("mapping", node.tag, node.flow_style, marks,
            [(shape(k, ends), shape(v, ends)) for k, v in node.value])


class _PyYAMLNodes(_NodeLoader):
    """Our loader, building PyYAML's classes: its resolver is asked with those."""

    def resolve(self, kind: type, value: object, implicit: tuple[bool, bool]) -> str:
        ours = {yaml.nodes.ScalarNode: nodes.ScalarNode, yaml.nodes.SequenceNode:
                nodes.SequenceNode, yaml.nodes.MappingNode: nodes.MappingNode}[kind]
        return _NodeLoader.resolve(self, ours, value, implicit)


def pyyamls(text: str) -> Any:
    return yaml.compose(text, Loader=_PyYAMLNodes)  # type: ignore[arg-type]


@pytest.mark.parametrize("text", [ODD, *(f.read_text() for f in FILES)],
                         ids=["odd", *(f.name for f in FILES)])
def test_same_tree_as_pyyamls_classes(text: str) -> None:
    ours = compose_text(text, "t.yaml").root
    assert ours is not None
    assert type(ours) in (nodes.MappingNode, nodes.SequenceNode, nodes.ScalarNode)
    theirs = pyyamls(text)
    assert isinstance(theirs, yaml.nodes.Node)
    assert shape(ours) == shape(theirs)


def test_pyyaml_keeps_its_own_classes_after_and_after_an_error() -> None:
    compose_text("a: [1, 2]\n", "t.yaml")
    assert compose_text("a: [1, 2\n", "t.yaml").error is not None  # a syntax error inside
    for name in ("ScalarNode", "SequenceNode", "MappingNode"):
        assert getattr(yaml._yaml, name) is getattr(yaml.nodes, name)
    assert yaml.load("a: [1, two]\n", Loader=yaml.CSafeLoader) == {"a": [1, "two"]}


def test_a_node_has_no_dictionary() -> None:
    root = compose_text("a: b\n", "t.yaml").root
    assert root is not None
    key, value = root.value[0]
    for node in (root, key, value):
        assert not hasattr(node, "__dict__")
    assert repr(key) == "ScalarNode(tag='tag:yaml.org,2002:str', value='a')"



@pytest.mark.parametrize("text", [ODD, *(f.read_text() for f in FILES)],
                         ids=["odd", *(f.name for f in FILES)])
def test_without_end_marks_the_same_tree_but_for_the_ends(text: str) -> None:
    lean = compose_text(text, "t.yaml", end_marks=False).root
    full = compose_text(text, "t.yaml").root
    assert lean is not None and full is not None
    assert shape(lean, ends=False) == shape(full, ends=False)
    scalars = [n for n in _walk(lean) if n.id == "scalar"]
    assert scalars
    for node in scalars:  # never set: reading it is an error, not a silent None
        with pytest.raises(AttributeError):
            node.end_mark  # noqa: B018


def test_end_marks_come_back_after_a_lean_composition_and_after_an_error() -> None:
    assert compose_text("a: [1, 2\n", "t.yaml", end_marks=False).error is not None
    compose_text("a: [1, 2]\n", "t.yaml", end_marks=False)
    root = compose_text("a: [1, 2]\n", "t.yaml").root
    assert root is not None
    _, value = root.value[0]
    assert (value.end_mark.line, value.end_mark.column) == (0, 9)
    assert (value.value[1].end_mark.line, value.value[1].end_mark.column) == (0, 8)
    assert nodes.ScalarNode.__dict__["__init__"] is not nodes._scalar_start_only


def _walk(node: Any) -> list[Any]:
    if node.id == "scalar":
        return [node]
    items = node.value if node.id == "sequence" else [n for pair in node.value for n in pair]
    return [node, *(n for item in items for n in _walk(item))]


def test_the_loader_keeps_no_end_marks(tmp_path: Path) -> None:
    from missionctl.loader.read import read_mission

    path = tmp_path / "m.yaml"
    path.write_text("missionctl: 1\nmission: {name: M, start: 2027-05-10, end: 2027-05-12}\n")
    raw = read_mission(path, "m.yaml")
    scalars = [n for n in _walk(raw.roots[0]) if n.id == "scalar"]
    assert len(scalars) == 9
    assert not any(hasattr(n, "end_mark") for n in scalars)
    assert all(hasattr(n, "start_mark") for n in scalars)
