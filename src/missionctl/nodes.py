"""The YAML node classes our composer builds: PyYAML's, with slots.

libyaml's composer (PyYAML's C module `yaml._yaml`) makes a node object for every scalar,
list and mapping of a file: about 230,000 for a 10k-event mission, each holding its tag,
value and two marks. PyYAML's node classes keep those in a per-object dictionary; these keep
them in slots, so each node is one allocation instead of two and about 70 bytes smaller:
some 16 MB less to allocate for that mission, which the kernel would otherwise have to map
page by page (on these machines a tenth of a check's time went to first touching memory).

They have PyYAML's names, attributes and constructor arguments, so the composer builds them
unchanged (`use_in`), and nothing else of ours needs to know. They are not subclasses of
PyYAML's: a subclass of a class with a dictionary gets one too. So a node of ours is not a
`yaml.nodes.Node`, and PyYAML's constructor and serializer do not take them; we never
construct (`yamlnodes` says why) nor dump nodes.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any


class Node:
    __slots__ = ("end_mark", "start_mark", "tag", "value")
    id = "node"
    tag: Any
    value: Any
    start_mark: Any
    end_mark: Any

    def __repr__(self) -> str:
        return f"{self.__class__.__name__}(tag={self.tag!r}, value={self.value!r})"


class ScalarNode(Node):
    __slots__ = ("style",)
    id = "scalar"

    def __init__(self, tag: Any, value: Any, start_mark: Any = None, end_mark: Any = None,
                 style: Any = None) -> None:
        self.tag = tag
        self.value = value
        self.start_mark = start_mark
        self.end_mark = end_mark
        self.style = style


class CollectionNode(Node):
    __slots__ = ("flow_style",)

    def __init__(self, tag: Any, value: Any, start_mark: Any = None, end_mark: Any = None,
                 flow_style: Any = None) -> None:
        self.tag = tag
        self.value = value
        self.start_mark = start_mark
        self.end_mark = end_mark
        self.flow_style = flow_style


class SequenceNode(CollectionNode):
    __slots__ = ()
    id = "sequence"


class MappingNode(CollectionNode):
    __slots__ = ()
    id = "mapping"


_OURS = {"ScalarNode": ScalarNode, "SequenceNode": SequenceNode, "MappingNode": MappingNode}


# A scalar's constructor that leaves `end_mark` unset (reading it raises AttributeError). The
# loader never reads where a value ends, and a mark is the largest part of a node (80 bytes):
# not keeping the scalars' end marks spares a 10k-event check some 20 MB and 4,500 page faults,
# for marks libyaml's composer makes anyway, only for them to be kept unread until the end.
# (A list or a mapping gets its end mark set by the composer after its contents: kept.)
def _scalar_start_only(self: ScalarNode, tag: Any, value: Any, start_mark: Any = None,
                       end_mark: Any = None, style: Any = None) -> None:
    self.tag = tag
    self.value = value
    self.start_mark = start_mark
    self.style = style


@contextmanager
def use_in(module: Any, end_marks: bool = True) -> Iterator[None]:
    """While inside, `module` (PyYAML's `yaml._yaml`, whose composer looks its node classes up
    among its globals at each node) builds these classes; PyYAML's own afterwards, so other
    code composing in this process gets PyYAML's nodes. `end_marks=False`: the scalar nodes
    built meanwhile have no `end_mark`. (Not for use from several threads: the classes are
    the module's, for the time of one composition.)"""
    saved = {name: getattr(module, name) for name in _OURS}
    inits: dict[type, Any] = {} if end_marks else {ScalarNode: _scalar_start_only}
    full = {kind: kind.__dict__["__init__"] for kind in inits}
    for name, cls in _OURS.items():
        setattr(module, name, cls)
    for kind, init in inits.items():
        setattr(kind, "__init__", init)  # noqa: B010 (a method swapped for the time of one call)
    try:
        yield
    finally:
        for name, cls in saved.items():
            setattr(module, name, cls)
        for kind, init in full.items():
            setattr(kind, "__init__", init)  # noqa: B010
