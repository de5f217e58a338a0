"""Node -> typed value for each field kind of `fields.py`, reporting MC0xx where it is wrong.

`KINDS` maps a field kind to its converter; `read_fields` types every field of one object.
The converters live beside what they know: `context.py` (node shapes, the reading state),
`references.py` (people references and ids), `venues.py` (geo, hours, rooms),
`settings.py` (`checks:`), `waive.py` (`waive:`); the plain scalar kinds and `rooms` (objects read
with `read_fields`) are here.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from missionctl import values as v
from missionctl.loader import references, settings, venues, waive
from missionctl.loader.context import (
    PARSED_KEPT,
    Ctx,
    NodeLocs,
    Skip,
    mapping,
    parsed,
    scalar,
    seq,
)
from missionctl.loader.fields import CONTACT_FIELDS, ROOM, F
from missionctl.model import Room
from missionctl.yamlnodes import (
    MERGE_TAG,
    NULL_WORDS,
    MappingNode,
    Node,
    ScalarNode,
    SequenceNode,
    is_null,
)


def _text(node: Node, ctx: Ctx) -> str:
    text = (node.value if node.__class__ is ScalarNode else scalar(node, ctx, "text")).strip()
    if not text:
        raise ctx.invalid("this text is empty", node)
    return text


def _texts(node: Node, ctx: Ctx) -> str:
    """Free text: a string, or a mapping from language code to text (`i18n.text.Text`).

    A key that is no ISO 639-1 code is MC003 at the key, with "did you mean" from the
    language names (`Portuguese: ...` -> 'pt'); the other variants are kept."""
    if node.__class__ is ScalarNode:  # _text, inlined: every title and name comes here
        text = node.value.strip()
        if not text:
            raise ctx.invalid("this text is empty", node)
        return text
    if node.__class__ is not MappingNode:
        return _text(node, ctx)
    out: dict[str, str] = {}
    for key, knode, vnode in ctx.walker.pairs(node):
        try:
            lang = v.language(key)
        except v.Invalid as exc:
            ctx.error("MC003", f"{exc}; a text in several languages is keyed by language "
                      "code, e.g. {pt: ..., fr: ...}", knode)
            continue
        try:
            out[lang] = _text(vnode, ctx)
        except Skip:
            continue
    if not out:
        if not node.value:
            raise ctx.invalid("this text has no language; write a string, or "
                              "{pt: ..., fr: ...}", node)
        raise Skip()
    from missionctl.i18n.text import Text

    return Text(out)


#: Language codes already found valid: every person lists two or three of a handful.
_LANGUAGES_OK: set[str] = set()


def _languages(node: Node, ctx: Ctx) -> tuple[str, ...]:
    out = []
    for item in seq(node, ctx, "language codes"):
        if item.__class__ is ScalarNode and item.value in _LANGUAGES_OK:
            out.append(str(item.value))  # v.language(...) of a code it accepted before
            continue
        try:
            out.append(v.language(scalar(item, ctx, "a language code")))
        except v.Invalid as exc:
            ctx.error("MC003", str(exc), item)
            continue
        except Skip:
            continue
        if len(_LANGUAGES_OK) < PARSED_KEPT:
            _LANGUAGES_OK.add(out[-1])
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


def _enum(node: Node, ctx: Ctx, spec: F) -> str:
    text = scalar(node, ctx)
    if text not in spec.choices:
        hint = v.did_you_mean(text, list(spec.choices))
        raise ctx.invalid(f"'{text}' is not one of: {', '.join(spec.choices)}{hint}", node)
    return text


# Made once: each `parsed` converter keeps its own memo.
_BOOL, _ID = parsed(v.boolean), parsed(v.ident)
_COUNT = parsed(lambda t: v.integer(t, minimum=1))


def _bool(node: Node, ctx: Ctx) -> bool:
    return bool(_BOOL(node, ctx))


def _rooms(node: Node, ctx: Ctx) -> dict[str, Room]:
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


KINDS: dict[str, Callable[[Node, Ctx], Any]] = {
    "text": _text,
    "texts": _texts,
    # The memoised converters themselves, with no wrapper call per value.
    "id": _ID,
    "int": parsed(lambda t: v.integer(t, minimum=0)),
    "count": _COUNT,
    "bool": _bool,
    "date": parsed(v.a_date),
    "time": parsed(v.a_time),
    "datetime": parsed(v.date_time),
    "end": parsed(v.time_or_date_time),
    "duration": parsed(v.duration),
    "zone": parsed(v.zone_name),
    "country": parsed(v.country),
    "language": parsed(v.language),
    "languages": _languages,
    "email": parsed(v.email),
    "url": parsed(v.url),
    "geo": venues.geo,
    "hours": venues.hours,
    "rooms": _rooms,
    "refs": references.refs,
    "persons": references.persons,
    "ids:group": references.group_ids,
    "private": _private,
    "waive": waive.read,
    "waivers": waive.read,
    "waive_days": waive.read_days,
    "severities": settings.severities,
    "timerange": parsed(v.time_range),
    "speed": settings.speed,
    "factor": settings.factor,
    "orgpair": references.orgpair,
    "ref:organisation": references.ref_to("organisations"),
    "ref:person": references.ref_to("people"),
    "ref:venue": references.ref_to("venues"),
}


#: The kinds that read an empty value themselves (as an empty list), not as "not given".
_TAKES_NULL = frozenset({"refs", "persons", "languages"})

Converter = Callable[[Node, Ctx], Any]
#: A field's reading plan: its converter, whether it is required, whether an empty value is
#: the converter's to read.
Step = tuple[Converter, bool, bool]


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
    plan, required_names = _plan(spec, nested)
    m = node if node.__class__ is MappingNode else mapping(node, ctx, f"the fields of {what}")
    # The mapping is walked here rather than through MappingWalker.pairs, and a known field
    # written once is read inline through its plan: this loop runs for every field of every
    # object (100,000 times for 10k events). Merge keys, unknown keys and duplicates, rare,
    # take `_field`; merged pairs are handed to the walker afterwards; `keys` doubles as the
    # set of keys already seen.
    merged: list[Node] = []
    for knode, vnode in m.value if m is not None else ():
        if knode.__class__ is not ScalarNode:
            ctx.walker._not_a_name(knode)
            continue
        key = knode.value
        step = plan.get(key)
        if step is None or key in keys:
            if key == "<<" and knode.tag == MERGE_TAG:
                merged.append(vnode)
            else:
                _field(key, knode, vnode, spec, plan, ctx, what, data, marks, keys, extra)
            continue
        marks[key] = vnode.start_mark
        keys[key] = knode.start_mark
        conv, required, takes_null = step
        # is_null() inlined, most selective test first (a value is seldom a null word).
        if (vnode.__class__ is ScalarNode and vnode.value in NULL_WORDS and not vnode.style
                and not takes_null):
            if required:
                ctx.error("MC003", f"{what}: '{key}' is empty; give a value", vnode)
            continue
        try:
            data[key] = conv(vnode, ctx)
        except Skip:
            data.setdefault("__invalid__", set()).add(key)
    if merged:
        for key, knode, vnode in ctx.walker._merged(merged, dict(keys)):
            _field(key, knode, vnode, spec, plan, ctx, what, data, marks, keys, extra)
    for name in required_names:
        if name not in marks:
            ctx.error("MC004", f"{what} has no '{name}'; it is required", key_node)
    return data, locs, extra


#: A spec's reading plan and the names of its required fields.
Plan = tuple[dict[str, Step], tuple[str, ...]]
_PLANS: dict[int, Plan] = {}


def _plan(spec: dict[str, F], nested: dict[str, Converter] | None) -> Plan:
    """Each field's `Step` and the required names, worked out once per spec (the specs of
    `fields.py` live as long as the process); a spec read with `nested` converters gets its
    own."""
    if nested is None:
        found = _PLANS.get(id(spec))
        if found is None:
            found = _PLANS[id(spec)] = (_make_plan(spec, KINDS), _required(spec))
        return found
    return _make_plan(spec, {**KINDS, **nested}), _required(spec)


def _make_plan(spec: dict[str, F], kinds: dict[str, Converter]) -> dict[str, Step]:
    def enum(fs: F) -> Converter:
        choices = frozenset(fs.choices)

        def conv(node: Node, ctx: Ctx) -> str:
            # A plain choice is its own value; anything else is worded by `_enum`.
            if node.__class__ is ScalarNode and node.value in choices:
                return str(node.value)
            return _enum(node, ctx, fs)

        return conv

    return {name: (enum(fs) if fs.kind == "enum" else kinds[fs.kind], fs.required,
                   fs.kind in _TAKES_NULL) for name, fs in spec.items()}


def _field(key: str, knode: Node, vnode: Node, spec: dict[str, F], plan: dict[str, Step],
           ctx: Ctx, what: str, data: dict[str, Any], marks: dict[str, Any],
           keys: dict[str, Any], extra: dict[str, Any]) -> None:
    first = keys.get(key)
    if first is not None:
        ctx.walker._duplicate(key, knode, first)
        return
    step = plan.get(key)
    if step is None:
        keys[key] = knode.start_mark  # seen: written again, it is a duplicate too
        if key.startswith("x-"):
            extra[key] = plain(vnode)
        else:
            hint = v.did_you_mean(key, list(spec))
            ctx.error("MC002", f"{what} has no field '{key}'{hint}", knode)
        return
    marks[key] = vnode.start_mark
    keys[key] = knode.start_mark
    conv, required, takes_null = step
    if is_null(vnode) and not takes_null:
        if required:
            ctx.error("MC003", f"{what}: '{key}' is empty; give a value", vnode)
        return
    try:
        data[key] = conv(vnode, ctx)
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


# read.py takes the reading state from here with read_fields.
__all__ = ["KINDS", "Ctx", "F", "NodeLocs", "Skip", "plain", "read_fields", "scalar", "seq"]
