"""`waive:` fields: which findings a place waives, and where each waiver is written.

Two forms, read into `model.Waiver` entries:

- everywhere (`checks`, an event, a B2B session, a B2B meeting, a person):
  `waive: {MC303: "reason"}`, every finding of that code about the place;
- on a person, also one local day at a time:
  `waive: {MC105: {2027-05-10: "arrival day", 2027-05-14: "departure day"}}`.

Each entry keeps the position of its code's key (its day's key for one day): MC407 reports
there a waiver that waives nothing. Here only the shape is checked (MC003: not a rule code, a
format rule, no reason, not a date); whether a code can apply where it is written is MC407's
business, a conflict rule of its own, so that a mission that waives too much still checks.

Kept apart from `convert.py` (the field kinds), which maps the kinds `waive`, `waivers` and
`waive_days` here; this module imports nothing of it (no import cycle), so the few node
helpers it needs are its own.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from missionctl import values as v
from missionctl.model import Waiver
from missionctl.yamlnodes import MappingNode, Node, ScalarNode, SequenceNode, is_null

if TYPE_CHECKING:
    from missionctl.loader.context import Ctx


def read(node: Node, ctx: Ctx) -> tuple[Waiver, ...]:
    """`{MC303: "reason"}`: events, B2B sessions and meetings, `checks`."""
    return _read(node, ctx, days=False)


def read_days(node: Node, ctx: Ctx) -> tuple[Waiver, ...]:
    """`{MC402: "reason", MC105: {2027-05-10: "reason"}}`: people."""
    return _read(node, ctx, days=True)


def whole(waivers: tuple[Waiver, ...]) -> dict[str, str]:
    """code -> reason of the waivers for every day (a later entry wins): `Event.waive`."""
    return {w.code: w.reason for w in waivers if w.day is None}


def _read(node: Node, ctx: Ctx, days: bool) -> tuple[Waiver, ...]:
    if is_null(node):
        return ()
    if not isinstance(node, MappingNode):
        ctx.error("MC003", "expected a mapping of rule codes to reasons here", node)
        return ()
    out: list[Waiver] = []
    for code, knode, vnode in ctx.walker.pairs(node):
        if not _code(code, knode, ctx):
            continue
        if isinstance(vnode, MappingNode):
            if days:
                out.extend(_days(code, vnode, ctx))
            else:
                ctx.error("MC003", f"waiving {code} one day at a time is for people "
                          f"(people.<id>.waive); here write {code}: \"reason\"", vnode)
            continue
        reason = _reason(code, vnode, ctx)
        if reason is not None:
            out.append(Waiver(code, reason, ctx.loc(knode)))
    return tuple(out)


def _days(code: str, node: MappingNode, ctx: Ctx) -> list[Waiver]:
    out: list[Waiver] = []
    for text, knode, vnode in ctx.walker.pairs(node):
        try:
            day = v.a_date(text)
        except v.Invalid as exc:
            ctx.error("MC003", f"{exc}; a waiver for one day is keyed by its date: "
                      f"{code}: {{2027-05-10: \"reason\"}}", knode)
            continue
        reason = _reason(code, vnode, ctx)
        if reason is not None:
            out.append(Waiver(code, reason, ctx.loc(knode), day))
    if not out and not node.value:
        ctx.error("MC003", f"waiving {code} for no day waives nothing: name the days, or "
                  f"write {code}: \"reason\" for every day", node)
    return out


def _code(code: str, knode: Node, ctx: Ctx) -> bool:
    """A conflict rule's code (as `checks.severity` takes them)."""
    from missionctl.rules.catalogue import RULES

    if code not in RULES:
        ctx.error("MC003", f"'{code}' is not a rule code{v.did_you_mean(code, list(RULES))}",
                  knode)
        return False
    if code.startswith("MC0"):
        ctx.error("MC003", f"{code} is a format rule: it is always an error and cannot be "
                  "waived", knode)
        return False
    return True


def _reason(code: str, node: Node, ctx: Ctx) -> str | None:
    if isinstance(node, (SequenceNode, MappingNode)):
        shape = "a list" if isinstance(node, SequenceNode) else "a mapping"
        ctx.error("MC003", f"expected a reason here, found {shape}", node)
        return None
    reason = str(node.value).strip() if isinstance(node, ScalarNode) and not is_null(node) \
        else ""
    if not reason:
        ctx.error("MC003", f"waiving {code} needs a reason: write why it is acceptable", node)
        return None
    return reason
