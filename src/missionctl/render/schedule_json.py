"""`missionctl schedule --format json`: the text report's content as data (docs/b2b.md,
"JSON"). Deterministic: the same schedule gives the same bytes."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from missionctl.render import Options

if TYPE_CHECKING:
    from missionctl.schedule.report import ScheduleReport, SessionReport

VERSION = 1


def render(report: ScheduleReport, options: Options) -> str:
    doc = {
        "version": VERSION,
        "mission": str(report.mission_file),
        "output": str(report.output),
        "dry_run": report.dry_run,
        "written": report.written,
        "unchanged": report.unchanged,
        "included": report.included,
        "include_hint": report.include_hint,
        "dropped_sessions": report.dropped_sessions,
        "sessions": [_session(s) for s in report.sessions],
    }
    return json.dumps(doc, ensure_ascii=False, indent=2) + "\n"


def _session(s: SessionReport) -> dict[str, Any]:
    return {
        "id": s.id,
        "title": s.title,
        "engine": s.engine,
        "proven_optimal": s.proven,
        "stopped_by": s.stopped,
        "stages": [{"name": st.name, "value": st.value, "bound": st.bound,
                    "proven": st.proven, "work": st.work} for st in s.stages],
        "requests_met": {p: {"met": n, "requests": total} for p, (n, total) in s.met.items()},
        "breaks": s.breaks,
        "meetings_per_organisation": s.per_org,
        "meetings": [{"at": m.at, "table": m.table, "between": list(m.between),
                      "how": m.how} for m in s.meetings],
        "unmet": [{"from": u.from_, "to": u.to, "priority": u.priority, "reason": u.reason,
                   "file": u.loc.file, "line": u.loc.line, "column": u.loc.column}
                  for u in s.unmet],
        "changes": [{"change": c.kind, "between": list(c.between),
                     "before": _place(c.before), "after": _place(c.after)}
                    for c in s.changes],
    }


def _place(place: tuple[str, int] | None) -> dict[str, Any] | None:
    return None if place is None else {"at": place[0], "table": place[1]}


VIEWS = {"schedule": render}
