"""The state of reading one file, and the shape checks every field converter starts with.

`Ctx` says where findings go and collects the references to resolve once every file is
read; `scalar`, `seq` and `mapping` turn a node of the wrong shape into MC003 at the node;
`parsed` wraps a text parser of `values.py` into a converter.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from typing import Any

from missionctl import values as v
from missionctl.findings import Finding, Loc
from missionctl.yamlnodes import MappingNode, MappingWalker, Node, ScalarNode, SequenceNode, is_null

_new = tuple.__new__


class NodeLocs(Mapping[str, Loc]):
    """Field name -> Loc of its value ("key:<name>" -> Loc of its key), built on demand.

    The loader records a position for every field of every object but findings read only a
    few of them, so it keeps libyaml's marks and makes a Loc only when asked.
    """

    __slots__ = ("file", "key_marks", "marks")

    def __init__(self, file: str) -> None:
        self.file = file
        self.marks: dict[str, Any] = {}  # field -> mark of its value
        self.key_marks: dict[str, Any] = {}  # field -> mark of its key

    def __getitem__(self, key: str) -> Loc:
        mark = self.key_marks[key[4:]] if key.startswith("key:") else self.marks[key]
        return _new(Loc, (self.file, mark.line + 1, mark.column + 1))

    def __contains__(self, key: object) -> bool:
        if isinstance(key, str) and key.startswith("key:"):
            return key[4:] in self.key_marks
        return key in self.marks

    def __iter__(self) -> Iterator[str]:
        return iter(self.marks)

    def __len__(self) -> int:
        return len(self.marks)


class Skip(Exception):
    """The value was wrong and has been reported; leave the field out."""


# A reference to resolve once every file is read: (table, id, where it is written, whether
# the field takes any kind of people reference, so that a group or an organisation of that
# id may be suggested).
RefUse = tuple[str, str, Loc, bool]


class Ctx:
    """Per-file state while reading: where findings go and references to resolve later."""

    __slots__ = ("file", "findings", "refs", "walker")

    def __init__(self, file: str, findings: list[Finding]) -> None:
        self.file = file
        self.findings = findings
        self.refs: list[RefUse] = []
        self.walker = MappingWalker(file, findings.append)

    def loc(self, node: Node) -> Loc:
        m = node.start_mark
        # tuple.__new__: a Loc without the NamedTuple's Python-level __new__ (one per object)
        return _new(Loc, (self.file, m.line + 1, m.column + 1))

    def error(self, code: str, message: str, node: Node) -> None:
        self.findings.append(Finding(code, message, self.loc(node)))

    def invalid(self, message: str, node: Node) -> Skip:
        self.error("MC003", message, node)
        return Skip()


def scalar(node: Node, ctx: Ctx, what: str = "a single value") -> str:
    if not isinstance(node, ScalarNode):
        shape = "a list" if isinstance(node, SequenceNode) else "a mapping"
        raise ctx.invalid(f"expected {what} here, found {shape}", node)
    return str(node.value)


#: Distinct texts one converter remembers before it starts again (`parsed`).
PARSED_KEPT = 50_000


def parsed(parse: Callable[[str], Any]) -> Callable[[Node, Ctx], Any]:
    """A converter from a text parser that raises `values.Invalid` (MC003 at the value).

    Memoised by text: a programme repeats the same values (`2027-09-13 09:00`, `1h30m`,
    `10:30`) hundreds of times, and the parsers of `values.py` are pure functions of the
    text whose results are immutable (and never None), so a value parsed once is the value.
    Only successes are kept: a wrong value is parsed again to report it where it stands. The
    memo is emptied when full, so that it stays bounded over many missions.
    """
    memo: dict[str, Any] = {}

    def conv(node: Node, ctx: Ctx) -> Any:
        if node.__class__ is not ScalarNode:
            scalar(node, ctx)  # raises with the right message
        text = node.value
        found = memo.get(text)
        if found is not None:
            return found
        try:
            found = parse(text)
        except v.Invalid as exc:
            raise ctx.invalid(str(exc), node) from None
        if len(memo) >= PARSED_KEPT:
            memo.clear()
        memo[text] = found
        return found

    return conv


def seq(node: Node, ctx: Ctx, what: str) -> list[Node]:
    if isinstance(node, SequenceNode):
        return list(node.value)
    if isinstance(node, ScalarNode) and not is_null(node):
        # A single value where a list is expected reads as a list of one: `attendees: ana`.
        return [node]
    if is_null(node):
        return []
    ctx.error("MC003", f"expected a list of {what}, found a mapping", node)
    return []


def mapping(node: Node, ctx: Ctx, what: str) -> MappingNode | None:
    if isinstance(node, MappingNode):
        return node
    if is_null(node):
        return None
    ctx.error("MC003", f"expected a mapping of {what} here", node)
    return None
