"""References as written: people (`ana`, `group:x`, `org:y`) and ids of other objects.

Each reference is recorded in `Ctx.refs` with where it stands; the resolver checks them all
once every file is read (MC006), since an id may be defined in a later include.
"""

from __future__ import annotations

from collections.abc import Callable

from missionctl import values as v
from missionctl.findings import Loc
from missionctl.loader.context import Ctx, Skip, scalar, seq
from missionctl.model import Ref
from missionctl.yamlnodes import Node, ScalarNode, SequenceNode

REF_TABLES = {"person": "people", "group": "groups", "org": "organisations"}
#: `tuple.__new__(Loc, (...))` builds a NamedTuple without the Python-level `__new__` that
#: `Loc(...)` runs: one Loc and one Ref per reference (tens of thousands in a large mission).
_new = tuple.__new__


def ref_to(table: str) -> Callable[[Node, Ctx], str]:
    """A converter for the id of one object of `table` (a venue, an organisation...)."""
    what = f"a {table} id"
    valid: set[str] = set()  # ids already found well formed (the same few hundred recur)

    def conv(node: Node, ctx: Ctx) -> str:
        text = node.value if node.__class__ is ScalarNode else scalar(node, ctx, what)
        if text not in valid:
            try:
                v.ident(text)
            except v.Invalid as exc:
                raise ctx.invalid(str(exc), node) from None
            if len(valid) >= KEPT:
                valid.clear()
            valid.add(text)
        mark = node.start_mark
        ctx.refs.append((table, text, _new(Loc, (ctx.file, mark.line + 1, mark.column + 1)),
                         False))
        return text

    return conv


#: Distinct reference texts remembered (per kind of field) before the memo starts again.
KEPT = 50_000
# text -> (kind, id, table), or the message saying why it is no reference: a pure function
# of the text, and the same attendees are written on event after event.
_ANY: dict[str, tuple[str, str, str] | str] = {}
_PERSONS: dict[str, tuple[str, str, str] | str] = {}


def _parts(text: str, persons_only: bool) -> tuple[str, str, str] | str:
    text = text.strip()
    kind, _, ident = text.partition(":") if ":" in text else ("person", "", text)
    table = REF_TABLES.get(kind)
    if table is None or (persons_only and kind != "person"):
        want = "a person id" if persons_only else "a person id, group:<id> or org:<id>"
        return f"'{text}' is not {want}"
    if v.ID_RE.match(ident) is None:
        return v.bad_id(ident)
    return kind, ident, table


def parse_ref(node: Node, ctx: Ctx, persons_only: bool = False) -> Ref:
    text = scalar(node, ctx, "a reference")
    memo = _PERSONS if persons_only else _ANY
    parts = memo.get(text)
    if parts is None:
        if len(memo) >= KEPT:
            memo.clear()
        parts = memo[text] = _parts(text, persons_only)
    if isinstance(parts, str):
        raise ctx.invalid(parts, node)
    kind, ident, table = parts
    mark = node.start_mark
    loc = Loc(ctx.file, mark.line + 1, mark.column + 1)
    ctx.refs.append((table, ident, loc, not persons_only))
    return Ref(kind, ident, loc)


def refs(node: Node, ctx: Ctx, persons_only: bool = False) -> tuple[Ref, ...]:
    """A list of people references; one reached twice is kept once."""
    out: list[Ref] = []
    seen: set[tuple[str, str, str] | str] = set()  # the memo's parts: one per (kind, id)
    items = node.value if node.__class__ is SequenceNode else seq(node, ctx, "people references")
    memo = _PERSONS if persons_only else _ANY
    file, use, any_kind = ctx.file, ctx.refs.append, not persons_only
    for item in items:
        parts = memo.get(item.value) if item.__class__ is ScalarNode else None
        if parts is None or isinstance(parts, str):  # new, wrong or no scalar: the long way
            try:
                ref = parse_ref(item, ctx, persons_only)
            except Skip:
                continue
            parts = memo[item.value]  # parse_ref left it there (a tuple: it succeeded)
        else:  # parse_ref, inlined for a reference already met (the same people recur)
            kind, ident, table = parts
            mark = item.start_mark
            loc = _new(Loc, (file, mark.line + 1, mark.column + 1))
            use((table, ident, loc, any_kind))
            ref = _new(Ref, (kind, ident, loc))
        if parts not in seen:
            seen.add(parts)
            out.append(ref)
    return tuple(out)


def persons(node: Node, ctx: Ctx) -> tuple[Ref, ...]:
    return refs(node, ctx, persons_only=True)


def group_ids(node: Node, ctx: Ctx) -> tuple[Ref, ...]:
    """A person's `groups`: group ids, with or without the `group:` prefix."""
    out = []
    for item in seq(node, ctx, "group ids"):
        text = scalar(item, ctx, "a group id").removeprefix("group:")
        try:
            v.ident(text)
        except v.Invalid as exc:
            ctx.error("MC003", str(exc), item)
            continue
        loc = ctx.loc(item)
        ctx.refs.append(("groups", text, loc, False))
        out.append(Ref("group", text, loc))
    return tuple(out)


def orgpair(node: Node, ctx: Ctx) -> tuple[str, str]:
    """A B2B meeting's `between`: two different organisation ids."""
    items = seq(node, ctx, "two organisation ids")
    if len(items) != 2:
        raise ctx.invalid("between names exactly two organisations", node)
    a, b = (ref_to("organisations")(i, ctx) for i in items)
    if a == b:
        raise ctx.invalid(f"a meeting is between two different organisations, not '{a}' twice",
                          items[1])
    return (a, b)
