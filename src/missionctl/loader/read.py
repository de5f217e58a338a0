"""Read a mission file and its includes into raw, typed objects (not yet cross-resolved)."""

from __future__ import annotations

from pathlib import Path
from typing import Any, NamedTuple

from missionctl import values as v
from missionctl.findings import Finding, Loc
from missionctl.loader import fields as f
from missionctl.loader.convert import Ctx, NodeLocs, read_fields, seq
from missionctl.loader.includes import include, listed
from missionctl.yamlnodes import Budget, MappingNode, Node, compose_file, is_null


class Raw(NamedTuple):
    """One object as read: its id, where its id key stands, typed fields and their places.

    A NamedTuple (built with `tuple.__new__` in `_section`): one per object of the file."""

    id: str
    loc: Loc
    data: dict[str, Any]
    locs: NodeLocs
    extra: dict[str, Any]


class RawMission:
    """A mission file and its includes as read. (A plain class, not a dataclass: see
    `checks.support.timeline.Timelines`.)"""

    __slots__ = ("b2b_meetings", "budget", "checks", "extra", "failed_includes", "fatal",
                 "file", "files", "findings", "info", "is_mission", "missing_includes", "refs",
                 "roots", "sections", "texts", "travel_times", "version")

    def __init__(self, file: str) -> None:
        self.file = file
        self.files: list[str] = []
        self.version: Any = None
        self.info: Raw | None = None
        self.checks: Raw | None = None
        self.sections: dict[str, dict[str, Raw]] = {name: {} for name in f.SECTIONS}
        self.travel_times: list[Raw] = []
        # `b2b_meetings:` (loader/meetings.py): session id -> (where its key is, its meetings)
        self.b2b_meetings: dict[str, tuple[Loc, list[Raw]]] = {}
        self.refs: list[tuple[str, str, Loc, bool]] = []  # context.RefUse
        self.findings: list[Finding] = []
        self.missing_includes: list[tuple[Loc, Path]] = []
        #: include entries that were not read (where, why in words): `includes.fold_unresolved`
        self.failed_includes: list[tuple[Loc, str]] = []
        self.extra: dict[str, Any] = {}
        self.is_mission = False
        self.fatal = False
        #: what the whole mission may still read (bytes over all its files)
        self.budget = Budget()
        #: each file's text as read (by the name findings carry), for the report's source lines
        self.texts: dict[str, str] = {}
        #: each file's root node, kept with the rest (`load(keep=...)`)
        self.roots: list[Node] = []


def read_mission(path: Path, shown: str) -> RawMission:
    """Read the mission file at `path` (named `shown` in findings) with all its includes."""
    raw = RawMission(shown)
    root_dir = path.resolve().parent
    _read_file(path, shown, raw, root_dir, stack=[], seen=set(), top=True)
    return raw


def _read_file(
    path: Path,
    shown: str,
    raw: RawMission,
    root_dir: Path,
    stack: list[Path],
    seen: set[Path],
    top: bool,
) -> None:
    composed = compose_file(path, shown, raw.budget, end_marks=False)  # starts are enough
    if composed.error is not None:
        raw.findings.append(composed.error)
        raw.fatal = raw.fatal or top
        return
    raw.files.append(shown)
    raw.texts[shown] = composed.text
    node = composed.root
    ctx = Ctx(shown, raw.findings)
    assert node is not None  # compose_file gives a root or an error
    raw.roots.append(node)
    if not isinstance(node, MappingNode):
        raw.findings.append(
            Finding("MC001", "a mission file is a mapping of keys such as 'mission:' and "
                    "'events:', not a list or a single value", ctx.loc(node))
        )
        raw.fatal = raw.fatal or top
        return
    resolved = path.resolve()
    stack.append(resolved)
    seen.add(resolved)
    includes: list[tuple[str, Node]] = []
    present: set[str] = set()
    for key, knode, vnode in ctx.walker.pairs(node):
        present.add(key)
        if key.startswith("x-"):
            from missionctl.loader.convert import plain

            raw.extra[key] = plain(vnode)
        elif key not in f.TOP_LEVEL:
            hint = v.did_you_mean(key, list(f.TOP_LEVEL))
            ctx.error("MC002", f"'{key}' is not a top-level key of a mission file{hint}", knode)
        elif not top and key in f.NOT_IN_INCLUDES:
            ctx.error("MC002", f"'{key}' belongs in the mission file, not in an included file",
                      knode)
        else:
            _top_key(key, knode, vnode, ctx, raw, includes)
    if top:
        raw.is_mission = "mission" in present or "missionctl" in present
        if raw.is_mission and "mission" not in present:
            ctx.error("MC004", "this mission file has no 'mission:' section (id, title, "
                      "host_country, timezone, start, end); add it", node)
        if raw.is_mission:
            _version(node, ctx, raw, present)
    raw.refs.extend(ctx.refs)
    def read_file(target: Path, target_shown: str) -> None:
        _read_file(target, target_shown, raw, root_dir, stack, seen, top=False)

    for inc_text, inc_node in includes:
        include(inc_text, inc_node, path, shown, ctx, raw, root_dir, stack, seen, read_file)
    stack.pop()


def _version(node: MappingNode, ctx: Ctx, raw: RawMission, present: set[str]) -> None:
    if "missionctl" not in present:
        ctx.error("MC009", "this mission file has no 'missionctl: 1' line; add it at the top "
                  "so the format version is known", node)
        return
    if raw.version != 1:
        for knode, vnode in node.value:
            if getattr(knode, "value", None) == "missionctl":
                shown = getattr(vnode, "value", "?")
                ctx.error("MC009", f"format version '{shown}' is not supported; this missionctl "
                          "reads 'missionctl: 1'", vnode)
                break
        raw.fatal = True


def _top_key(
    key: str, knode: Node, vnode: Node, ctx: Ctx, raw: RawMission, includes: list[tuple[str, Node]]
) -> None:
    if key == "missionctl":
        text = getattr(vnode, "value", None)
        raw.version = 1 if text in ("1", "1.0") else text
    elif key == "mission":
        data, locs, extra = read_fields(vnode, f.MISSION, ctx, "mission", knode)
        raw.info = Raw("mission", ctx.loc(knode), data, locs, extra)
    elif key == "checks":
        raw.checks = _checks(vnode, knode, ctx)
    elif key == "include":
        includes.extend(listed(vnode, ctx, raw))
    elif key == "travel_times":
        for item in seq(vnode, ctx, "travel times"):
            data, locs, extra = read_fields(item, f.TRAVEL_TIME, ctx, "travel time", item)
            raw.travel_times.append(Raw("", ctx.loc(item), data, locs, extra))
    elif key == "b2b_meetings":
        from missionctl.loader.meetings import read_b2b_meetings

        read_b2b_meetings(vnode, ctx, raw, Raw)
    else:
        _section(key, vnode, ctx, raw)


def _checks(vnode: Node, knode: Node, ctx: Ctx) -> Raw:
    def travel(node: Node, c: Ctx) -> dict[str, Any]:
        data, _locs, _extra = read_fields(node, f.TRAVEL_SETTINGS, c, "checks.travel", node)
        return data

    data, locs, extra = read_fields(vnode, f.CHECKS, ctx, "checks", knode,
                                    nested={"travel": travel})
    return Raw("checks", ctx.loc(knode), data, locs, extra)


_new = tuple.__new__

SINGULAR = {
    "organisations": "organisation",
    "people": "person",
    "groups": "group",
    "venues": "venue",
    "events": "event",
    "b2b": "B2B session",
}


def _section(key: str, vnode: Node, ctx: Ctx, raw: RawMission) -> None:
    if is_null(vnode):
        return
    if not isinstance(vnode, MappingNode):
        ctx.error("MC003", f"'{key}' is a mapping keyed by id (id: {{...}}), not a list or a "
                  "single value", vnode)
        return
    spec = f.SECTIONS[key]
    table = raw.sections[key]
    noun = SINGULAR[key]
    nested = _nested(key)
    # Per object, the usual case inlined (this loop runs once per event, person, venue...):
    # a well-formed id (`v.ident` only to word a bad one), its Loc built by tuple.__new__.
    match, file = v.ID_RE.match, ctx.file
    for ident, idnode, onode in ctx.walker.pairs(vnode):
        if match(ident) is None:
            try:
                v.ident(ident)
            except v.Invalid as exc:
                ctx.error("MC003", str(exc), idnode)
                continue
        mark = idnode.start_mark
        idloc = _new(Loc, (file, mark.line + 1, mark.column + 1))
        first = table.get(ident)
        if first is not None:
            raw.findings.append(Finding(
                "MC005", f"{noun} '{ident}' is already defined at {first.loc}; "
                "rename one of them", idloc, (first.loc,)))
            continue
        data, locs, extra = read_fields(onode, spec, ctx, f"{noun} '{ident}'", idnode, nested)
        table[ident] = _new(Raw, (ident, idloc, data, locs, extra))


def _nested(section: str) -> dict[str, Any] | None:
    if section != "b2b":
        return None
    return {"requests": _list_of(f.B2B_REQUEST, "B2B request"),
            "meetings": _list_of(f.B2B_MEETING, "B2B meeting")}


def _list_of(spec: dict[str, f.F], what: str) -> Any:
    """A reader for a list of objects of `spec` (B2B requests, meetings)."""

    def read(node: Node, ctx: Ctx) -> list[Raw]:
        out = []
        for item in seq(node, ctx, what + "s"):
            data, locs, extra = read_fields(item, spec, ctx, what, item)
            out.append(Raw("", ctx.loc(item), data, locs, extra))
        return out

    return read
