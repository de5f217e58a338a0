"""The values of the `checks:` section: rule codes, severities, travel model (`waive:` is
read by `loader/waive.py`)."""

from __future__ import annotations

from typing import Any

from missionctl import values as v
from missionctl.loader.context import Ctx, mapping, parsed, scalar
from missionctl.yamlnodes import Node


def rule_key(code: str, knode: Node, ctx: Ctx, rules: dict[str, Any], verb: str) -> bool:
    """Whether `code` names a rule that may be `verb` (waived, changed); MC003 if not."""
    if code not in rules:
        ctx.error("MC003", f"'{code}' is not a rule code{v.did_you_mean(code, list(rules))}",
                  knode)
        return False
    if code.startswith("MC0"):
        ctx.error("MC003", f"{code} is a format rule: it is always an error and cannot be {verb}",
                  knode)
        return False
    return True


def severities(node: Node, ctx: Ctx) -> dict[str, str]:
    from missionctl.rules.catalogue import RULES

    m = mapping(node, ctx, "rule codes to severities")
    out: dict[str, str] = {}
    for code, knode, vnode in ctx.walker.pairs(m) if m else ():
        if not rule_key(code, knode, ctx, RULES, "changed"):
            continue
        level = scalar(vnode, ctx, "a severity")
        if level not in ("error", "warning", "info", "off"):
            ctx.error("MC003", f"'{level}' is not a severity; write error, warning, info or off",
                      vnode)
            continue
        out[code] = level
    return out


# The travel model's bounds: a transfer is distance x factor / speed, so a speed near 0 or a
# factor near infinity made a transfer time past what timedelta holds (exit 3). Walking is
# about 5 km/h, a plane 900; the worst mountain road is about 3 times the straight line.
SPEEDS = (1.0, 1000.0)
FACTORS = (1.0, 10.0)


def speed(node: Node, ctx: Ctx) -> float:
    value: float = parsed(v.number)(node, ctx)
    if not SPEEDS[0] <= value <= SPEEDS[1]:
        raise ctx.invalid(f"a speed is between {SPEEDS[0]:g} and {SPEEDS[1]:g} km/h, not "
                          f"{scalar(node, ctx)}", node)
    return value


def factor(node: Node, ctx: Ctx) -> float:
    value: float = parsed(v.number)(node, ctx)
    if not FACTORS[0] <= value <= FACTORS[1]:
        raise ctx.invalid(f"a road factor is between {FACTORS[0]:g} (roads are never shorter "
                          f"than a line) and {FACTORS[1]:g}, not {scalar(node, ctx)}", node)
    return value
