"""`missionctl schedule --format text`: the meetings planned, the summary, the unmet requests
with their reasons, and what happened to the file. Plain text (no rich): it is short, and the
same in a terminal, a pipe or a CI log."""

from __future__ import annotations

import textwrap
from typing import TYPE_CHECKING

from missionctl.render import Options

if TYPE_CHECKING:
    from missionctl.schedule.outcome import Stage
    from missionctl.schedule.report import Change, ScheduleReport, SessionReport

WIDTH = 100
#: How each stage's value reads, for the line about optimality.
UNITS = {"high": "high", "normal": "normal", "low": "low", "breaks": "breaks",
         "fairness": "most unmet for one organisation", "moves": "moved"}


def render(report: ScheduleReport, options: Options) -> str:
    out: list[str] = []
    for session in report.sessions:
        out += _session(session, report.dry_run)
        out.append("")
    out += _file(report)
    return "\n".join(out) + "\n"


def _session(s: SessionReport, dry_run: bool) -> list[str]:
    lines = [f"B2B session '{s.title}' ({s.id}): {len(s.meetings)} meeting"
             f"{'s' if len(s.meetings) != 1 else ''}"]
    width = max((len(f"{m.names[0]} – {m.names[1]}") for m in s.meetings), default=0)
    for m in s.meetings:
        pair = f"{m.names[0]} – {m.names[1]}"
        lines.append(f"  {m.at}  table {m.table:<3} {pair:<{width}}  {m.how}")
    met = ", ".join(f"{p} {n} of {total}" for p, (n, total) in s.met.items() if total)
    lines.append(f"Requests met: {met or 'no requests'}")
    lines.append(f"Breaks: {s.breaks}")
    per_org = ", ".join(f"{name} {n}" for name, n in s.per_org.items())
    lines += textwrap.wrap(f"Meetings per organisation: {per_org or 'none'}", WIDTH,
                           subsequent_indent="  ", break_on_hyphens=False)
    lines.append(_quality(s))
    if s.unmet:
        lines.append(f"Unmet requests ({len(s.unmet)}):")
        lines += [f"  {u.loc}: {u.from_} -> {u.to} ({u.priority}): {u.reason}" for u in s.unmet]
    # The meetings above say which are new or moved; a dry run lists every change, a run
    # the meetings it dropped (they are no longer above).
    changes = s.changes if dry_run else [c for c in s.changes if c.kind == "dropped"]
    if changes:
        lines.append(("Would change" if dry_run else "Dropped") + " from the previous schedule:")
        lines += [f"  {_change(c)}" for c in changes]
    return lines


def _quality(s: SessionReport) -> str:
    if s.engine == "heuristic":
        return ("Not proven optimal: planned by the built-in heuristic (OR-Tools is not "
                "installed; pip install ortools for the solver)")
    if s.proven:
        return "Proven optimal (CP-SAT): no schedule meets more requests by priority, " \
               "with fewer breaks, more fairly" + (", moving fewer meetings" if any(
                   st.name == "moves" for st in s.stages) else "")
    why = {"wall": "the --time-limit ran out (a rerun may differ)",
           "work": "its work limit ran out"}.get(s.stopped or "", "it stopped")
    open_ = "; ".join(_stage(st) for st in s.stages if not st.proven)
    return f"Best found, not proven optimal: {why}; {open_}"


def _stage(st: Stage) -> str:
    unit = UNITS.get(st.name, st.name)
    better = "at most" if st.name in ("high", "normal", "low") else "at least"
    return f"{unit}: {st.value}, the solver's bound {better} {st.bound}"


def _change(c: Change) -> str:
    pair = f"{c.names[0]} – {c.names[1]}"
    if c.kind == "added":
        assert c.after is not None
        return f"added   {pair} at {c.after[0]}, table {c.after[1]}"
    if c.kind == "moved":
        assert c.before is not None and c.after is not None
        return (f"moved   {pair} from {c.before[0]}, table {c.before[1]} to {c.after[0]}, "
                f"table {c.after[1]}")
    assert c.before is not None
    return f"dropped {pair} (was at {c.before[0]}, table {c.before[1]})"


def _file(r: ScheduleReport) -> list[str]:
    count = sum(1 for s in r.sessions for m in s.meetings if m.how != "by hand")
    lines = []
    for sid in r.dropped_sessions:
        lines.append(f"Dropped the meetings of session '{sid}': the mission has no such "
                     "session any more")
    if r.dry_run:
        lines.append(f"Dry run: {r.output} was not written")
    elif r.unchanged:
        lines.append(f"{r.output} already holds this schedule: unchanged")
    elif r.written:
        lines.append(f"Wrote {count} planned meeting{'s' if count != 1 else ''} to {r.output}")
    if not r.included:
        if r.include_hint is None:
            lines.append(f"{r.output} is outside the mission's folder, so the mission cannot "
                         "include it: write it beside the mission file instead")
        else:
            lines.append(f"{r.mission_file.name} does not include {r.output.name} yet, so "
                         "`check` and every export do not see these meetings. missionctl "
                         f"never edits your files: put this line in {r.mission_file.name} "
                         f"(replacing its include line, if it has one):\n  {r.include_hint}")
    return lines


VIEWS = {"schedule": render}
