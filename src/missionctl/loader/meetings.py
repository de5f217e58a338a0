"""`b2b_meetings:`: a B2B session's meetings listed outside the session, in any file.

`missionctl schedule` writes the meetings it plans to a generated include file; the author's
session (`b2b.<id>`, with its requests and any meetings written by hand) stays where it is,
untouched. So a top-level key, allowed in every file, maps a session id to a list of
meetings written exactly as in `b2b.<id>.meetings`:

    b2b_meetings:
      casablanca-matchmaking:
        - {at: "14:00", table: 1, between: [moldes-norte, atlas-auto]}

The resolver appends these meetings to the session's own (`meetings_of`), so every check,
view and export sees them as if written by hand, and every finding about one points at its
entry in the file that lists it. Where the contract is silent:

- one list per session in the whole mission: the same session id under `b2b_meetings` in a
  second file is MC005 at the later key, with the first in `related` (in one file, the
  duplicate key is MC005 already);
- a session id that names no session is MC006 at the key, with "did you mean";
- hand-written meetings (`b2b.<id>.meetings`) and these are one grid: MC204 judges them
  together, and reports the entry read later (files are read mission file first), so a
  listed meeting that clashes with a hand-written one is reported where it is listed.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from missionctl import values as v
from missionctl.findings import Finding, Loc
from missionctl.loader import fields as f
from missionctl.loader.convert import Ctx, NodeLocs, read_fields, seq
from missionctl.yamlnodes import MappingNode, Node, is_null

if TYPE_CHECKING:
    from missionctl.loader.read import Raw, RawMission


#: `loader.read.Raw`, handed in by the reader (this module does not import it: no cycle).
MakeRaw = Callable[[str, Loc, dict[str, Any], NodeLocs, dict[str, Any]], "Raw"]


def read_b2b_meetings(vnode: Node, ctx: Ctx, raw: RawMission, make: MakeRaw) -> None:
    """Read a `b2b_meetings:` mapping into `raw.b2b_meetings` (session id -> (key, items))."""
    if is_null(vnode):
        return
    if not isinstance(vnode, MappingNode):
        ctx.error("MC003", "'b2b_meetings' maps B2B session ids to lists of meetings "
                  "(session-id: [{at: ..., table: ..., between: [...]}]), not a list or a "
                  "single value", vnode)
        return
    for sid, idnode, lnode in ctx.walker.pairs(vnode):
        if sid.startswith("x-"):
            continue
        try:
            v.ident(sid)
        except v.Invalid as exc:
            ctx.error("MC003", str(exc), idnode)
            continue
        loc = ctx.loc(idnode)
        first = raw.b2b_meetings.get(sid)
        if first is not None:
            raw.findings.append(Finding(
                "MC005", f"the meetings of B2B session '{sid}' are already listed at "
                f"{first[0]}; list a session's meetings in one file", loc, (first[0],)))
            continue
        ctx.refs.append(("b2b", sid, loc, False))
        items: list[Raw] = []
        for item in seq(lnode, ctx, "B2B meetings"):
            data, locs, extra = read_fields(item, f.B2B_MEETING, ctx, "B2B meeting", item)
            items.append(make("", ctx.loc(item), data, locs, extra))
        raw.b2b_meetings[sid] = (loc, items)


def meetings_of(raw: RawMission, session: Raw) -> list[Raw]:
    """A session's meetings: its own (`b2b.<id>.meetings`), then those of `b2b_meetings`."""
    own: list[Raw] = session.data.get("meetings", [])
    listed = raw.b2b_meetings.get(session.id)
    return own if listed is None else [*own, *listed[1]]


def listed_at(raw: RawMission, session_id: str) -> Loc | None:
    """Where `b2b_meetings.<session_id>` is written, if it is."""
    listed = raw.b2b_meetings.get(session_id)
    return None if listed is None else listed[0]
