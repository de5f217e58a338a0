"""Local times as written -> UTC instants, and where those findings go while resolving.

`Resolver` holds the state of one resolution: the findings, the mission's zone and the
window its instants may fall in (`bounds.py`). `event_times` reads an event's start and its
end or duration: MC007 for a missing, empty or backward end, MC003 for a wall time the
clocks skip or a span out of bounds.
"""

from __future__ import annotations

from datetime import date, datetime, time
from typing import Any

from missionctl import values as v
from missionctl.findings import Finding, Loc
from missionctl.loader.bounds import Window, event_span
from missionctl.loader.read import Raw, RawMission
from missionctl.tz import zone as get_zone


class Resolver:
    """The state of resolving one mission: findings, the mission zone, the date window."""

    def __init__(self, raw: RawMission) -> None:
        self.raw = raw
        self.findings = raw.findings
        info = raw.info.data if raw.info else {}
        self.zone: str = info.get("timezone", "UTC")
        self.host: str = info.get("host_country", "ZZ")
        # Set once the mission's dates are read and sound: where its instants may fall.
        self.window: Window | None = None

    def error(self, code: str, message: str, loc: Loc, related: tuple[Loc, ...] = ()) -> None:
        self.findings.append(Finding(code, message, loc, related))

    def report(self, finding: Finding | None) -> bool:
        """Add `finding` if there is one; whether there was."""
        if finding is not None:
            self.findings.append(finding)
        return finding is not None

    def outside(self, what: str, instant: datetime, day: date, loc: Loc) -> bool:
        """MC003 (and True) when `instant` is too far from the mission's dates."""
        return self.window is not None and self.report(self.window.outside(what, instant, day,
                                                                           loc))

    # -- instants ----------------------------------------------------------------------
    def instant(self, value: v.LocalDateTime, zone: str, r: Raw, field: str) -> datetime | None:
        try:
            return value.instant(zone)
        except v.Invalid as exc:
            self.error("MC003", str(exc), r.locs[field])
            return None

    def event_times(self, r: Raw, zone: str, end_zone: str) -> tuple[datetime, datetime] | None:
        d = r.data
        if "__invalid__" not in d:
            found = self._sound_times(d, zone, end_zone)
            if found is not None:
                return found
        start_v: v.LocalDateTime | None = d.get("start")
        invalid = d.get("__invalid__", set())
        # Written with a value (right or wrong): `end: ~` is "not given", as for any
        # optional field, so `end: ~` beside a duration is that duration.
        has_end = "end" in d or "end" in invalid
        has_dur = "duration" in d or "duration" in invalid
        if has_end and has_dur:
            self.error("MC007", f"event '{r.id}' has both 'end' and 'duration'; keep one",
                       r.locs["key:duration"])
            return None
        if not has_end and not has_dur:
            self._no_end(r)
            return None
        if start_v is None or invalid & {"end", "duration"}:
            return None
        start = self.instant(start_v, zone, r, "start")
        if start is None:
            return None
        field = "duration" if has_dur else "end"
        if has_dur:
            end = start + d["duration"]
        else:
            end_v = d["end"]
            if isinstance(end_v, time):
                end_v = self._bare_end(start_v, start, end_v, end_zone)
            end = self.instant(end_v, end_zone, r, "end")
            if end is None:
                return None
        if end <= start:
            self.error("MC007", f"event '{r.id}' ends before or when it starts "
                       f"({_show(start, zone)} -> {_show(end, end_zone)}); for an overnight "
                       "event write the full end date and time", r.locs[field])
            return None
        # The local times are shown only in the finding: formatted for every event, they
        # were a sixth of loading a 10k mission (issue 10).
        if end - start > v.MAX_SPAN and self.report(event_span(
                r.id, start, end, (_show(start, zone), _show(end, end_zone)), r.locs[field])):
            return None
        # Both within the window (start < end): the usual case, decided without the words,
        # positions and local day that a finding needs (they were a third of this method).
        w = self.window
        if w is not None and not (w.first <= start and end < w.last) and (
                self.outside(f"event '{r.id}' is", start, start_v.wall.date(), r.locs["start"])
                or self.outside(f"event '{r.id}' ends", end, _day(end, end_zone),
                                r.locs[field])):
            return None
        return start, end

    def _sound_times(self, d: dict[str, Any], zone: str,
                     end_zone: str) -> tuple[datetime, datetime] | None:
        """The instants of an event with no finding to report (a start, one of end and
        duration, both sound and within the mission's window), as `event_times` gives them;
        None for any other event, which `event_times` then reads step by step, reporting.
        The usual event, decided with fewer steps: this runs for every event."""
        start_v = d.get("start")
        duration = d.get("duration")
        end_v: Any = d.get("end")  # a bare time or a LocalDateTime
        if start_v is None or (duration is None) == (end_v is None):
            return None
        try:
            start = start_v.instant(zone)
            if duration is not None:
                end = start + duration
            else:
                if isinstance(end_v, time):
                    end_v = self._bare_end(start_v, start, end_v, end_zone)
                end = end_v.instant(end_zone)
        except v.Invalid:
            return None
        w = self.window
        if end <= start or end - start > v.MAX_SPAN or (
                w is not None and not (w.first <= start and end < w.last)):
            return None
        return start, end

    def _no_end(self, r: Raw) -> None:
        """MC007 for an event with no end: at an empty `end:`/`duration:`, else at its id."""
        empty = next((name for name in ("end", "duration") if name in r.locs), None)
        if empty is None:
            self.error("MC007", f"event '{r.id}' has neither 'end' nor 'duration'; add one",
                       r.loc)
            return
        self.error("MC007", f"event '{r.id}' has an empty '{empty}'; write when it ends "
                   "(end: 11:30) or how long it lasts (duration: 1h30m)", r.locs[empty])

    @staticmethod
    def _bare_end(
        start_v: v.LocalDateTime, start: datetime, end_t: time, end_zone: str
    ) -> v.LocalDateTime:
        """A bare HH:MM end: on the start's local date, never rolled to the next day."""
        if start_v.offset is not None:
            return v.LocalDateTime(datetime.combine(start_v.wall.date(), end_t), start_v.offset)
        local_date = start.astimezone(get_zone(end_zone)).date()
        return v.LocalDateTime(datetime.combine(local_date, end_t), None)


def _day(instant: datetime, zone: str) -> date:
    return instant.astimezone(get_zone(zone)).date()


def _show(instant: datetime, zone: str) -> str:
    return f"{instant.astimezone(get_zone(zone)):%Y-%m-%d %H:%M}"
