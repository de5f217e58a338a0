"""The structured fields of a venue: `geo` and opening `hours` (`rooms` are objects read by
`convert.read_fields`, like any other)."""

from __future__ import annotations

from missionctl import values as v
from missionctl.loader.context import Ctx, mapping, parsed, scalar, seq
from missionctl.model import Hours
from missionctl.yamlnodes import Node, ScalarNode

WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")


def geo(node: Node, ctx: Ctx) -> tuple[float, float]:
    items = seq(node, ctx, "two numbers")
    if len(items) != 2:
        raise ctx.invalid("geo is [latitude, longitude]: two numbers", node)
    lat, lon = (parsed(v.number)(i, ctx) for i in items)
    if not -90 <= lat <= 90:
        raise ctx.invalid(f"latitude {lat} is not between -90 and 90", items[0])
    if not -180 <= lon <= 180:
        raise ctx.invalid(f"longitude {lon} is not between -180 and 180", items[1])
    return (lat, lon)


def weekdays(text: str) -> list[int]:
    """'mon-fri', 'sat,sun', 'fri-mon' (wrapping) -> weekday numbers, 0 = Monday."""
    days: list[int] = []
    for part in text.replace(" ", "").lower().split(","):
        first, _, last = part.partition("-")
        if first not in WEEKDAYS or (last and last not in WEEKDAYS):
            raise v.Invalid(f"'{text}' is not a weekday or range such as mon-fri")
        a = WEEKDAYS.index(first)
        b = WEEKDAYS.index(last) if last else a
        days.extend(range(a, b + 1) if a <= b else [*range(a, 7), *range(0, b + 1)])
    return days


def hours(node: Node, ctx: Ctx) -> Hours:
    if isinstance(node, ScalarNode):
        rng = parsed(v.time_range)(node, ctx)
        return Hours((rng,) * 7)
    m = mapping(node, ctx, "weekdays to opening hours")
    days: list[v.TimeRange | None] = [None] * 7
    for key, knode, vnode in ctx.walker.pairs(m) if m else ():
        try:
            idx = weekdays(key)
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

