"""Node -> typed value for each field kind of `fields.py`, reporting MC0xx where it is wrong."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from datetime import time
from typing import Any

from missionctl import values as v
from missionctl.findings import Finding, Loc
from missionctl.loader import waive
from missionctl.loader.fields import CONTACT_FIELDS, F
from missionctl.model import Hours, Ref, Room
from missionctl.yamlnodes import (
    MERGE_TAG,
    NULL_WORDS,
    MappingNode,
    MappingWalker,
    Node,
    ScalarNode,
    SequenceNode,
    is_null,
)

WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")


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
        return Loc(self.file, mark.line + 1, mark.column + 1)

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


@dataclass(slots=True)
class Ctx:
    """Per-file state while reading: where findings go and references to resolve later."""

    file: str
    findings: list[Finding]
    refs: list[tuple[str, str, Loc]] = field(default_factory=list)  # (table, id, loc)
    walker: MappingWalker = field(init=False)

    def __post_init__(self) -> None:
        self.walker = MappingWalker(self.file, self.findings.append)

    def loc(self, node: Node) -> Loc:
        m = node.start_mark
        return Loc(self.file, m.line + 1, m.column + 1)

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


def _parse(parse: Callable[[str], Any]) -> Callable[[Node, Ctx], Any]:
    def conv(node: Node, ctx: Ctx) -> Any:
        if node.__class__ is not ScalarNode:
            scalar(node, ctx)  # raises with the right message
        try:
            return parse(node.value)
        except v.Invalid as exc:
            raise ctx.invalid(str(exc), node) from None

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


def _text(node: Node, ctx: Ctx) -> str:
    text = scalar(node, ctx, "text").strip()
    if not text:
        raise ctx.invalid("this text is empty", node)
    return text


def _ref_to(table: str) -> Callable[[Node, Ctx], str]:
    def conv(node: Node, ctx: Ctx) -> str:
        text = scalar(node, ctx, f"a {table} id")
        try:
            v.ident(text)
        except v.Invalid as exc:
            raise ctx.invalid(str(exc), node) from None
        ctx.refs.append((table, text, ctx.loc(node)))
        return text

    return conv


REF_TABLES = {"person": "people", "group": "groups", "org": "organisations"}


def parse_ref(node: Node, ctx: Ctx, persons_only: bool = False) -> Ref:
    text = scalar(node, ctx, "a reference").strip()
    kind, _, ident = text.partition(":") if ":" in text else ("person", "", text)
    table = REF_TABLES.get(kind)
    if table is None or (persons_only and kind != "person"):
        want = "a person id" if persons_only else "a person id, group:<id> or org:<id>"
        raise ctx.invalid(f"'{text}' is not {want}", node)
    if v.ID_RE.match(ident) is None:
        raise ctx.invalid(v.bad_id(ident), node)
    mark = node.start_mark
    loc = Loc(ctx.file, mark.line + 1, mark.column + 1)
    ctx.refs.append((table, ident, loc))
    return Ref(kind, ident, loc)


def _refs(node: Node, ctx: Ctx, persons_only: bool = False) -> tuple[Ref, ...]:
    out: list[Ref] = []
    seen: set[tuple[str, str]] = set()
    for item in seq(node, ctx, "people references"):
        try:
            ref = parse_ref(item, ctx, persons_only)
        except Skip:
            continue
        if (ref.kind, ref.id) not in seen:
            seen.add((ref.kind, ref.id))
            out.append(ref)
    return tuple(out)


def _group_ids(node: Node, ctx: Ctx) -> tuple[Ref, ...]:
    out = []
    for item in seq(node, ctx, "group ids"):
        text = scalar(item, ctx, "a group id").removeprefix("group:")
        try:
            v.ident(text)
        except v.Invalid as exc:
            ctx.error("MC003", str(exc), item)
            continue
        loc = ctx.loc(item)
        ctx.refs.append(("groups", text, loc))
        out.append(Ref("group", text, loc))
    return tuple(out)


def _languages(node: Node, ctx: Ctx) -> tuple[str, ...]:
    out = []
    for item in seq(node, ctx, "language codes"):
        try:
            out.append(v.language(scalar(item, ctx, "a language code")))
        except v.Invalid as exc:
            ctx.error("MC003", str(exc), item)
        except Skip:
            continue
    return tuple(out)


def _private(node: Node, ctx: Ctx) -> tuple[str, ...]:
    out = []
    for item in seq(node, ctx, "contact fields"):
        try:
            name = scalar(item, ctx, "a field name")
        except Skip:
            continue
        if name not in CONTACT_FIELDS:
            ctx.error(
                "MC003",
                f"'{name}' is not a contact field{v.did_you_mean(name, list(CONTACT_FIELDS))}; "
                f"choose from {', '.join(CONTACT_FIELDS)}",
                item,
            )
            continue
        out.append(name)
    return tuple(out)


def _geo(node: Node, ctx: Ctx) -> tuple[float, float]:
    items = seq(node, ctx, "two numbers")
    if len(items) != 2:
        raise ctx.invalid("geo is [latitude, longitude]: two numbers", node)
    lat, lon = (_parse(v.number)(i, ctx) for i in items)
    if not -90 <= lat <= 90:
        raise ctx.invalid(f"latitude {lat} is not between -90 and 90", items[0])
    if not -180 <= lon <= 180:
        raise ctx.invalid(f"longitude {lon} is not between -180 and 180", items[1])
    return (lat, lon)


def _weekdays(text: str) -> list[int]:
    days: list[int] = []
    for part in text.replace(" ", "").lower().split(","):
        first, _, last = part.partition("-")
        if first not in WEEKDAYS or (last and last not in WEEKDAYS):
            raise v.Invalid(f"'{text}' is not a weekday or range such as mon-fri")
        a = WEEKDAYS.index(first)
        b = WEEKDAYS.index(last) if last else a
        days.extend(range(a, b + 1) if a <= b else [*range(a, 7), *range(0, b + 1)])
    return days


def _hours(node: Node, ctx: Ctx) -> Hours:
    if isinstance(node, ScalarNode):
        rng = _parse(v.time_range)(node, ctx)
        return Hours((rng,) * 7)
    m = mapping(node, ctx, "weekdays to opening hours")
    days: list[v.TimeRange | None] = [None] * 7
    for key, knode, vnode in ctx.walker.pairs(m) if m else ():
        try:
            idx = _weekdays(key)
        except v.Invalid as exc:
            ctx.error("MC003", str(exc), knode)
            continue
        text = scalar(vnode, ctx, "hours or closed")
        try:
            rng = None if text.strip().lower() == "closed" else v.time_range(text)
        except v.Invalid as exc:
            ctx.error("MC003", str(exc), vnode)
            continue
        for d in idx:
            days[d] = rng
    # Days not named are closed: a venue that lists mon-fri opens on no weekend.
    return Hours(tuple(days))


def _rooms(node: Node, ctx: Ctx) -> dict[str, Room]:
    from missionctl.loader.fields import ROOM

    m = mapping(node, ctx, "room ids to rooms")
    rooms: dict[str, Room] = {}
    for key, knode, vnode in ctx.walker.pairs(m) if m else ():
        try:
            v.ident(key)
        except v.Invalid as exc:
            ctx.error("MC003", str(exc), knode)
            continue
        data, _locs, _extra = read_fields(vnode, ROOM, ctx, f"room '{key}'", knode)
        rooms[key] = Room(key, ctx.loc(knode), data.get("name"), data.get("capacity"))
    return rooms


def _rule_key(code: str, knode: Node, ctx: Ctx, rules: dict[str, Any], verb: str) -> bool:
    if code not in rules:
        ctx.error("MC003", f"'{code}' is not a rule code{v.did_you_mean(code, list(rules))}",
                  knode)
        return False
    if code.startswith("MC0"):
        ctx.error("MC003", f"{code} is a format rule: it is always an error and cannot be {verb}",
                  knode)
        return False
    return True


def _severities(node: Node, ctx: Ctx) -> dict[str, str]:
    from missionctl.rules.catalogue import RULES

    m = mapping(node, ctx, "rule codes to severities")
    out: dict[str, str] = {}
    for code, knode, vnode in ctx.walker.pairs(m) if m else ():
        if not _rule_key(code, knode, ctx, RULES, "changed"):
            continue
        level = scalar(vnode, ctx, "a severity")
        if level not in ("error", "warning", "info", "off"):
            ctx.error("MC003", f"'{level}' is not a severity; write error, warning, info or off",
                      vnode)
            continue
        out[code] = level
    return out


def _speed(node: Node, ctx: Ctx) -> float:
    value: float = _parse(v.number)(node, ctx)
    if value <= 0:
        raise ctx.invalid("a speed must be more than 0 km/h", node)
    return value


def _factor(node: Node, ctx: Ctx) -> float:
    value: float = _parse(v.number)(node, ctx)
    if value < 1:
        raise ctx.invalid("a road factor is at least 1 (roads are never shorter than a line)",
                          node)
    return value


def _enum(node: Node, ctx: Ctx, spec: F) -> str:
    text = scalar(node, ctx)
    if text not in spec.choices:
        hint = v.did_you_mean(text, list(spec.choices))
        raise ctx.invalid(f"'{text}' is not one of: {', '.join(spec.choices)}{hint}", node)
    return text


def _bool(node: Node, ctx: Ctx) -> bool:
    return bool(_parse(v.boolean)(node, ctx))


def _count(node: Node, ctx: Ctx) -> int:
    return int(_parse(lambda t: v.integer(t, minimum=1))(node, ctx))


def _orgpair(node: Node, ctx: Ctx) -> tuple[str, str]:
    items = seq(node, ctx, "two organisation ids")
    if len(items) != 2:
        raise ctx.invalid("between names exactly two organisations", node)
    a, b = (_ref_to("organisations")(i, ctx) for i in items)
    if a == b:
        raise ctx.invalid(f"a meeting is between two different organisations, not '{a}' twice",
                          items[1])
    return (a, b)


def _id(node: Node, ctx: Ctx) -> str:
    return str(_parse(v.ident)(node, ctx))


KINDS: dict[str, Callable[[Node, Ctx], Any]] = {
    "text": _text,
    "id": _id,
    "int": _parse(lambda t: v.integer(t, minimum=0)),
    "count": _count,
    "bool": _bool,
    "date": _parse(v.a_date),
    "time": _parse(v.a_time),
    "datetime": _parse(v.date_time),
    "end": _parse(v.time_or_date_time),
    "duration": _parse(v.duration),
    "zone": _parse(v.zone_name),
    "country": _parse(v.country),
    "language": _parse(v.language),
    "languages": _languages,
    "email": _parse(v.email),
    "url": _parse(v.url),
    "geo": _geo,
    "hours": _hours,
    "rooms": _rooms,
    "refs": _refs,
    "persons": lambda n, c: _refs(n, c, persons_only=True),
    "ids:group": _group_ids,
    "private": _private,
    "waive": waive.read,
    "waivers": waive.read,
    "waive_days": waive.read_days,
    "severities": _severities,
    "timerange": _parse(v.time_range),
    "speed": _speed,
    "factor": _factor,
    "orgpair": _orgpair,
    "ref:organisation": _ref_to("organisations"),
    "ref:person": _ref_to("people"),
    "ref:venue": _ref_to("venues"),
}


def read_fields(
    node: Node,
    spec: dict[str, F],
    ctx: Ctx,
    what: str,
    key_node: Node,
    nested: dict[str, Callable[[Node, Ctx], Any]] | None = None,
) -> tuple[dict[str, Any], NodeLocs, dict[str, Any]]:
    """Type every field of an object mapping; report unknown keys and missing fields.

    Returns (values, value locations, x- extension data). Fields whose value was wrong are
    left out after their finding is reported, so one run reports every error.
    """
    data: dict[str, Any] = {}
    locs = NodeLocs(ctx.file)
    marks, keys = locs.marks, locs.key_marks
    extra: dict[str, Any] = {}
    kinds = {**KINDS, **nested} if nested else KINDS
    m = mapping(node, ctx, f"the fields of {what}") if not isinstance(node, MappingNode) else node
    # The mapping is walked here rather than through MappingWalker.pairs: this loop runs for
    # every field of every object (100,000 times for 10k events). Merge keys, rare, are
    # handed to the walker afterwards; `keys` doubles as the set of keys already seen.
    merged: list[Node] = []
    for knode, vnode in m.value if m is not None else ():
        if knode.__class__ is not ScalarNode:
            ctx.walker._not_a_name(knode)
            continue
        key = knode.value
        if key == "<<" and knode.tag == MERGE_TAG:
            merged.append(vnode)
            continue
        _field(key, knode, vnode, spec, kinds, ctx, what, data, marks, keys, extra)
    if merged:
        for key, knode, vnode in ctx.walker._merged(merged, dict(keys)):
            _field(key, knode, vnode, spec, kinds, ctx, what, data, marks, keys, extra)
    for name in _required(spec):
        if name not in marks:
            ctx.error("MC004", f"{what} has no '{name}'; it is required", key_node)
    return data, locs, extra


def _field(key: str, knode: Node, vnode: Node, spec: dict[str, F],
           kinds: dict[str, Callable[[Node, Ctx], Any]], ctx: Ctx, what: str,
           data: dict[str, Any], marks: dict[str, Any], keys: dict[str, Any],
           extra: dict[str, Any]) -> None:
    first = keys.get(key)
    if first is not None:
        ctx.walker._duplicate(key, knode, first)
        return
    fs = spec.get(key)
    if fs is None:
        keys[key] = knode.start_mark  # seen: written again, it is a duplicate too
        if key.startswith("x-"):
            extra[key] = plain(vnode)
        else:
            hint = v.did_you_mean(key, list(spec))
            ctx.error("MC002", f"{what} has no field '{key}'{hint}", knode)
        return
    marks[key] = vnode.start_mark
    keys[key] = knode.start_mark
    kind = fs.kind
    # is_null() inlined: this runs for every field of every object.
    if (vnode.__class__ is ScalarNode and not vnode.style and vnode.value in NULL_WORDS
            and kind not in ("refs", "persons", "languages")):
        if fs.required:
            ctx.error("MC003", f"{what}: '{key}' is empty; give a value", vnode)
        return
    try:
        if kind == "enum":
            data[key] = _enum(vnode, ctx, fs)
        else:
            data[key] = kinds[kind](vnode, ctx)
    except Skip:
        data.setdefault("__invalid__", set()).add(key)


_REQUIRED: dict[int, tuple[str, ...]] = {}


def _required(spec: dict[str, F]) -> tuple[str, ...]:
    names = _REQUIRED.get(id(spec))
    if names is None:
        names = _REQUIRED[id(spec)] = tuple(n for n, fs in spec.items() if fs.required)
    return names


def plain(node: Node, depth: int = 0) -> Any:
    """Extension (x-) data as plain Python: strings, lists and mappings, typed by nothing."""
    if depth > 50:
        return None
    if isinstance(node, ScalarNode):
        return None if is_null(node) else node.value
    if isinstance(node, SequenceNode):
        return [plain(i, depth + 1) for i in node.value]
    return {str(getattr(k, "value", "")): plain(val, depth + 1) for k, val in node.value}


__all__ = ["KINDS", "Ctx", "F", "Skip", "plain", "read_fields", "scalar", "seq", "time"]
