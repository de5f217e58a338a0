"""YAML text -> libyaml nodes with positions, and the walking helpers the model builder uses.

We compose with libyaml (PyYAML's C classes) and never *construct*: construction would apply
YAML 1.1 implicit typing (`10:30` -> 630, `NO` -> False, `+212...` -> int) and silently merge
duplicate keys. Instead each scalar keeps its source text and is typed later by the field it
sits in. Composing with the garbage collector held off is most of the speed: the collector
otherwise rescans the growing node graph again and again (facts.md: 2.25 s -> 0.43 s on 10k
events).

Why nodes and not libyaml's events (issue 10 asked; measured on the 10k-event file, CPU, GC
off, best of five): the raw event parse takes 0.23 s, a Python loop that merely receives
every event 0.23 s, composing 0.32 s. So reading fields straight from the events could save
at most the 0.09 s between the last two, and it would have to rebuild in Python what the
composer does in C (anchors and aliases, merge keys, lists of references, multilingual
mappings) before typing a single value, one Python step per event (about 500,000 of them,
twice the nodes). Composing stays; the time went instead to the walk after it (`convert.py`
reads each object's fields through a plan made once per spec, the text parsers are
memoised), which cost more than the composer.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import Any, NamedTuple

import yaml
import yaml._yaml  # type: ignore[import-not-found]
from yaml.cyaml import CParser  # type: ignore[attr-defined]
from yaml.resolver import BaseResolver

from missionctl import reading
from missionctl.findings import Finding, Loc
from missionctl.gcpause import collector_paused
from missionctl.nodes import MappingNode, Node, ScalarNode, SequenceNode, use_in
from missionctl.reading import NotReadable, read_regular, reason, wide_encoding

# A mission (the mission file and all its includes together) may grow through aliases by at
# most this many nodes (each alias counts the size of the subtree it repeats). Real missions
# use anchors for a few shared defaults; a "billion laughs" file asks for billions. Checked
# from subtree sizes memoised per node, so a bomb is refused in time and memory proportional
# to the text, not to its expansion; counted over the whole mission (`Budget`), so forty
# includes each just under the bound cannot add up to forty times the work.
MAX_ALIAS_EXPANSION = 1_000_000

MERGE_TAG = "tag:yaml.org,2002:merge"
NULL_WORDS = frozenset({"", "~", "null", "Null", "NULL"})

__all__ = [
    "Budget", "Composed", "MappingNode", "MappingWalker", "Node", "ScalarNode",
    "SequenceNode", "compose_file", "compose_text", "is_null", "loc_of"
]


class Budget:
    """What a whole mission may still read, over all its files: bytes of text, and nodes
    added by aliases. Once either is spent, the one MC001 that says so stands for the rest:
    the loader reads no further include. (The bounds are read when a budget is made, so that
    tests may lower them.)"""

    __slots__ = ("bytes_left", "nodes_left")

    def __init__(self) -> None:
        self.bytes_left: int = reading.MAX_MISSION_BYTES
        self.nodes_left: int = MAX_ALIAS_EXPANSION

    @property
    def spent(self) -> bool:
        return self.bytes_left < 0 or self.nodes_left < 0


class Composed(NamedTuple):
    """A file's root node, or the MC001 finding that says why there is none."""

    root: Node | None
    error: Finding | None
    text: str = ""


def loc_of(node: Node, file: str) -> Loc:
    mark = node.start_mark
    return Loc(file, mark.line + 1, mark.column + 1)


def is_null(node: Node) -> bool:
    # libyaml gives plain scalars the style "" (the pure-Python composer gives None).
    return isinstance(node, ScalarNode) and not node.style and node.value in NULL_WORDS


class _NodeLoader(CParser, BaseResolver):  # type: ignore[misc]
    """libyaml's parser and composer with a resolver that does (almost) nothing.

    PyYAML's composer asks a Python resolver for every node's tag, matching YAML 1.1's
    implicit-typing regexes against every scalar. We type values by field and never read
    those tags, so we answer at once; only the merge key `<<` needs its tag.
    """

    def __init__(self, stream: str) -> None:
        CParser.__init__(self, stream)
        BaseResolver.__init__(self)

    # The composer calls these two for every node (260,000 times for 10k events) and
    # ignores what they return; builtins that accept the same arguments cost a fraction of
    # a Python function call. `{}.get(parent, index)` returns index; `tuple()` returns ().
    descend_resolver = staticmethod({}.get)  # type: ignore[assignment,var-annotated]
    ascend_resolver = staticmethod(tuple)  # type: ignore[assignment]

    def resolve(self, kind: type, value: object, implicit: tuple[bool, bool]) -> str:
        if kind is ScalarNode:
            if value == "<<" and implicit[0]:
                return MERGE_TAG
            return "tag:yaml.org,2002:str"
        if kind is SequenceNode:
            return "tag:yaml.org,2002:seq"
        return "tag:yaml.org,2002:map"


def _mc001(file: str, line: int, column: int, message: str) -> Composed:
    return Composed(None, Finding("MC001", message, Loc(file, line, column)))


def compose_file(path: Path, shown: str, budget: Budget | None = None,
                 end_marks: bool = True) -> Composed:
    """Read and compose `path`; `shown` is the name findings carry. `budget`: what the whole
    mission may still read (shared by the mission file and its includes). `end_marks=False`:
    scalars without `end_mark` (`nodes.use_in`), for a reader of where values start only."""
    if path.is_dir():
        return _mc001(
            shown, 1, 1, f"{shown} is a directory, not a mission file; name a .yaml file in it"
        )
    try:
        data = read_regular(path)
    except NotReadable as exc:
        return _mc001(shown, 1, 1, f"{shown} {exc}; missionctl reads only regular files "
                      "of YAML text: name the mission's .yaml file")
    except (OSError, ValueError) as exc:
        return _mc001(shown, 1, 1, f"cannot read {shown}: {reason(exc)}")
    if budget is not None:
        budget.bytes_left -= len(data)
        if budget.bytes_left < 0:
            return _mc001(shown, 1, 1, f"with {shown}, the mission's files together pass "
                          f"{reading.MAX_MISSION_BYTES // 2**20} MiB, far more than any programme; "
                          "include fewer or smaller files")
    return compose_bytes(data, shown, budget, end_marks)


def compose_bytes(data: bytes, shown: str, budget: Budget | None = None,
                  end_marks: bool = True) -> Composed:
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    if b"\x00" in data[:8192]:
        wide = wide_encoding(data)
        if wide is not None:
            return _mc001(shown, 1, 1, f"this file is {wide} text; save it as UTF-8 (in most "
                          "editors: Save As, encoding UTF-8)")
        return _mc001(shown, 1, 1,
                      "this is a binary file, not YAML text; name the mission's .yaml file")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        column = exc.start - (data.rfind(b"\n", 0, exc.start) + 1) + 1
        return _mc001(
            shown,
            line,
            column,
            f"the file is not UTF-8 (byte 0x{data[exc.start]:02x}); save it as UTF-8",
        )
    return compose_text(text, shown, budget, end_marks)


def compose_text(text: str, shown: str, budget: Budget | None = None,
                 end_marks: bool = True) -> Composed:
    try:
        with collector_paused(), use_in(yaml._yaml, end_marks):  # missionctl.nodes's classes
            root: Node | None = yaml.compose(text, Loader=_NodeLoader)  # type: ignore[arg-type,assignment]
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        return _mc001(shown, line, col, _yaml_message(exc, _line_text(text, line)))
    except yaml.reader.ReaderError as exc:
        return _unacceptable(text, exc, shown)
    except yaml.YAMLError as exc:
        return _mc001(shown, 1, 1, f"not readable YAML: {' '.join(str(exc).split())}")
    except RecursionError:
        return _mc001(shown, 1, 1, "the YAML is nested too deeply to be a mission file")
    except MemoryError:
        return _mc001(shown, 1, 1, "the YAML is too large to load")
    if root is None:  # empty, or only comments
        return _mc001(shown, 1, 1, "the file is empty; a mission file starts with 'missionctl: 1'")
    if "&" in text:
        bomb = _alias_bomb(root, shown, budget or Budget())
        if bomb is not None:
            return Composed(None, bomb, text)
    return Composed(root, None, text)


#: Line breaks as YAML (and libyaml's marks) count them.
_BREAKS = re.compile("\r\n|[\n\r\x85\u2028\u2029]")


def _unacceptable(text: str, exc: yaml.reader.ReaderError, shown: str) -> Composed:
    """MC001 at the character libyaml refused (a control character such as U+009F), at its
    real line and column: libyaml gives its offset in the UTF-8 bytes."""
    data = text.encode("utf-8", "surrogatepass")
    index = len(data[:max(0, exc.position)].decode("utf-8", "ignore"))
    breaks = list(_BREAKS.finditer(text, 0, index))
    line = len(breaks) + 1
    column = index - (breaks[-1].end() if breaks else 0) + 1
    code = exc.character if isinstance(exc.character, int) else ord(str(exc.character)[:1] or "?")
    return _mc001(shown, line, column,
                  f"the character U+{code:04X} (a control character) is not allowed in YAML "
                  "text; delete it (most editors do not show it: it often comes with pasted "
                  "text)")


def _line_text(text: str, line: int) -> str:
    lines = text.splitlines()
    return lines[line - 1] if 0 < line <= len(lines) else ""


def _yaml_message(exc: yaml.MarkedYAMLError, line_text: str) -> str:
    problem = exc.problem or str(exc)
    context = f" {exc.context}" if exc.context else ""
    if "expected a single document" in problem or "expected a single document" in context:
        return (
            "the file holds more than one YAML document ('---'); "
            "a mission file is one document"
        )
    if "\t" in line_text[: len(line_text) - len(line_text.lstrip())] or "\\t" in problem:
        return f"YAML syntax: {problem}: this line is indented with a tab; indent with spaces"
    return f"YAML syntax: {problem}{context}".strip()


def _alias_bomb(root: Node, shown: str, budget: Budget) -> Finding | None:
    """Refuse documents whose aliases would repeat more nodes than the mission has left
    (`budget`, MAX_ALIAS_EXPANSION for the whole mission), or that contain themselves through
    an alias (`events: &e {a: *e}`): both are MC001. A document that passes spends its
    nodes from the budget."""
    sizes: dict[int, int] = {}
    opened: set[int] = set()  # started, not finished: the ancestors of the node at hand
    added = 0
    first_alias: Node | None = None
    # Iterative post-order walk: children sized before parents, each node sized once.
    stack: list[tuple[Node, bool]] = [(root, False)]
    while stack:
        node, ready = stack.pop()
        key = id(node)
        if ready:
            opened.discard(key)
            sizes[key] = 1 + sum(sizes[id(c)] for c in _children(node))
            continue
        if key in opened:
            return Finding("MC001", "this anchored mapping or list contains an alias to "
                           "itself, so its data would never end; copy the values instead",
                           loc_of(node, shown))
        if key in sizes:
            # A second path to an already sized node: an alias repeating its subtree.
            added += sizes[key]
            first_alias = first_alias or node
            if added > budget.nodes_left:
                budget.nodes_left -= added
                whole = "" if budget.nodes_left + added == MAX_ALIAS_EXPANSION else (
                    ", counted over the mission file and all its includes")
                return Finding(
                    "MC001",
                    f"aliases would expand this mission past {MAX_ALIAS_EXPANSION:,} nodes "
                    f"(an alias bomb{whole}); the anchor here is repeated through aliases that "
                    "repeat it again: write the repeated data out or use fewer nested aliases",
                    loc_of(first_alias, shown),
                )
            continue
        opened.add(key)
        stack.append((node, True))
        stack.extend((c, False) for c in reversed(_children(node)))
    budget.nodes_left -= added
    return None


def _merge_items(sources: list[Node]) -> list[Node]:
    """The mappings named by `<<` values: a mapping (or alias to one), or a list of them."""
    items: list[Node] = []
    for src in sources:
        items.extend(src.value if isinstance(src, SequenceNode) else [src])
    return items


def _children(node: Node) -> list[Node]:
    if isinstance(node, MappingNode):
        out: list[Node] = []
        for k, v in node.value:
            out.append(k)
            out.append(v)
        return out
    if isinstance(node, SequenceNode):
        return list(node.value)
    return []


Report = Callable[[Finding], None]


class MappingWalker:
    """Key/value pairs of a mapping node with merge keys applied and duplicates reported.

    Explicit keys win over merged ones; among merged mappings the first listed wins
    (YAML merge-key semantics). A key written twice in the same mapping is MC005 at the
    second one, and the first is kept so that the rest of the file is still checked.
    """

    __slots__ = ("file", "report")

    def __init__(self, file: str, report: Report) -> None:
        self.file = file
        self.report = report

    def pairs(self, node: MappingNode) -> list[tuple[str, ScalarNode, Node]]:
        # A list, not a generator: this runs for every mapping of the file (130,000 of
        # them in a 10k-event mission) and the common case has no merge key, no duplicate.
        seen: dict[str, ScalarNode] = {}
        out: list[tuple[str, ScalarNode, Node]] = []
        merged: list[Node] | None = None
        for knode, vnode in node.value:
            if knode.__class__ is not ScalarNode:
                self._not_a_name(knode)
                continue
            key = knode.value
            if key in seen:
                self._duplicate(key, knode, seen[key].start_mark)
                continue
            if key == "<<" and knode.tag == MERGE_TAG:
                merged = [*(merged or ()), vnode]
                continue
            seen[key] = knode
            out.append((key, knode, vnode))
        if merged:
            out.extend(self._merged(merged, seen))
        return out

    def _not_a_name(self, knode: Node) -> None:
        self.report(Finding("MC003", "a key must be a plain name, not a list or mapping",
                            loc_of(knode, self.file)))

    def _duplicate(self, key: str, knode: Node, first: Any) -> None:
        """MC005 at `knode`; `first` is the start mark of the key written first."""
        self.report(Finding(
            "MC005",
            f"key '{key}' is written twice in this mapping (first at line "
            f"{first.line + 1}); keep one",
            loc_of(knode, self.file),
            (Loc(self.file, first.line + 1, first.column + 1),),
        ))

    def _merged(
        self, sources: list[Node], seen: dict[str, ScalarNode]
    ) -> list[tuple[str, ScalarNode, Node]]:
        """The pairs merged in through `<<`, explicit keys first, then merged ones, depth
        first in the order listed; a key already seen wins.

        A loop, not recursion: a chain of `<<: *previous` thousands long (each mapping merging
        the one before) would otherwise exhaust Python's stack. The alias bound counts every
        mapping of such a chain each time it is used, so the work stays bounded too. A source
        that is not a mapping is MC003 where the merge key names it (nested ones are reported
        where their own mapping is walked).
        """
        out: list[tuple[str, ScalarNode, Node]] = []
        pending = [(m, True) for m in reversed(_merge_items(sources))]
        expanded: set[int] = set()
        while pending:
            m, direct = pending.pop()
            if not isinstance(m, MappingNode):
                if direct:
                    self.report(Finding("MC003", "a merge key '<<' takes a mapping or a list "
                                        "of mappings", loc_of(m, self.file)))
                continue
            if id(m) in expanded:
                continue  # merged twice (a diamond): its keys are all seen already
            expanded.add(id(m))
            own: list[Node] = []
            for knode, vnode in m.value:
                if knode.__class__ is not ScalarNode:
                    continue
                key = knode.value
                if key == "<<" and knode.tag == MERGE_TAG:
                    own.append(vnode)
                elif key not in seen:
                    seen[key] = knode
                    out.append((key, knode, vnode))
            pending.extend((n, False) for n in reversed(_merge_items(own)))
        return out

    def pairs_quiet(self, node: MappingNode) -> list[tuple[str, ScalarNode, Node]]:
        """Pairs of a merged-in mapping: its own duplicates were reported where it stands."""
        return MappingWalker(self.file, lambda f: None).pairs(node)
