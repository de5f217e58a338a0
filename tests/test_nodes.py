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

def shape(node: Any) -> Any:
    """Everything of a node but its class: kind, tag, style, marks, children."""
    marks = (node.start_mark.line, node.start_mark.column, node.end_mark.line,
             node.end_mark.column)
    if node.id == "scalar":
        return ("scalar", node.tag, node.value, node.style, marks)
    if node.id == "sequence":
        return ("sequence", node.tag, node.flow_style, marks, [shape(n) for n in node.value])
    return ("mapping", node.tag, node.flow_style, marks,
            [(shape(k), shape(v)) for k, v in node.value])


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
