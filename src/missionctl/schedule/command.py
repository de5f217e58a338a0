"""`missionctl schedule`: plan the B2B sessions of a mission into a generated include file.

The steps: open the mission (an `include:` of the file about to be written may come before
the first run: its MC008 does not stop us; findings inside our own generated file, which is
rewritten anyway, do not either), refuse an output missionctl did not write, read what our
previous run planned, plan each chosen session in time order, render the file, and write it
unless nothing changed or `dry_run`. Sessions planned earlier in the run are busy time for
the later ones; the meetings of sessions not chosen (`--session`) are carried over as they
were. Nothing here prints: the result is a `ScheduleReport`.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from missionctl.errors import FormatErrors, UserError
from missionctl.missions import mission_file
from missionctl.model import B2BSession, Event, Mission
from missionctl.netcmd.common import owned_by_us, real_files, relative_to_mission
from missionctl.schedule.availability import meeting_event, timelines_for
from missionctl.schedule.genfile import DEFAULT_OUTPUT, MARKER, read_previous, render
from missionctl.schedule.outcome import ProgressHook
from missionctl.schedule.problem import Listed, Pair
from missionctl.schedule.report import ScheduleReport
from missionctl.schedule.session import Limits, plan_session

#: Deterministic work (the solver's seconds) allowed per wall-clock second of --time-limit:
#: below 1, so that the work limit, not the wall clock, ends a long solve (a solver second
#: took 1.6 wall seconds on this 2-core machine, 3 when others loaded it, model building
#: included).
WORK_PER_SECOND = 0.25
NOTHING_WRITTEN = "the mission has format errors; nothing was planned or written"
ENGINES = ("auto", "cp-sat", "heuristic")


def run(path: Path, *, sessions: Sequence[str] = (), output: Path | None = None,
        time_limit: float = 60.0, work: float | None = None, repair: bool = False,
        dry_run: bool = False, engine: str = "auto",
        progress: ProgressHook | None = None) -> ScheduleReport:
    """Plan the mission's B2B sessions (or `sessions`) into `output` (default:
    b2b-meetings.yaml beside the mission file). Raises FormatErrors, UserError, or
    `solver.Interrupted` (Ctrl-C: nothing is written)."""
    mission_path = mission_file(path)
    target = output if output is not None else mission_path.parent / DEFAULT_OUTPUT
    mission, pending = open_for_schedule(mission_path, target)
    from missionctl import outputs

    # Never a file of the mission (but our own generated include), never a file missionctl
    # did not write: checked before any planning.
    rules = outputs.guard("schedule", mission.files, marker=MARKER)
    outputs.check(target, rules)
    own = real_files(mission).get(target.resolve())
    previous = {sid: meetings for sid, meetings in read_previous(target).items()}
    chosen = choose(mission, sessions)
    limits = Limits(pick_engine(engine), time_limit * WORK_PER_SECOND if work is None else work,
                    time_limit)
    report = ScheduleReport(mission_path, target, [], dry_run=dry_run)
    report.dropped_sessions = sorted(s for s in previous if s not in mission.b2b)
    ours = {sid: _valid(mission, sid, ms) for sid, ms in previous.items()
            if sid in mission.b2b and sid not in {s.id for s in chosen}}
    _plan_all(mission, chosen, own, previous, ours, report, repair, limits, progress)
    text = render(ours)
    report.unchanged = target.is_file() and owned_by_us(target, MARKER) and \
        target.read_bytes() == text.encode("utf-8")
    report.included = own is not None or pending
    rel = relative_to_mission(target, mission_path)
    if not report.included and rel is not None:
        from missionctl.netcmd.travel import include_hint

        report.include_hint = include_hint(mission_path, rel)
    if not dry_run and not report.unchanged:
        outputs.write(target, text, rules)
        report.written = True
    return report


def _plan_all(mission: Mission, chosen: list[B2BSession], own: str | None,
              previous: dict[str, list[Listed]], ours: dict[str, list[Listed]],
              report: ScheduleReport, repair: bool, limits: Limits,
              progress: ProgressHook | None) -> None:
    """Plan the chosen sessions in turn into `ours` (session id -> our meetings)."""
    from missionctl.checks.support.travel import TravelModel

    model = TravelModel(mission)
    busy_sessions = sum(1 for s in chosen if s.requests) or 1
    for i, session in enumerate(chosen):
        later = [] if repair else [(s, previous.get(s.id, [])) for s in chosen[i + 1:]]
        elsewhere = [(mission.b2b[sid], ms) for sid, ms in ours.items()] + later
        extra = [e for s, ms in elsewhere for m in ms
                 if (e := meeting_event(mission, s, m.at, m.table, m.between,
                                        m.loc or s.loc)) is not None]

        def leave_out(event: Event, sid: str = session.id) -> bool:
            return event.b2b == sid or (own is not None and event.loc.file == own)

        lines = timelines_for(mission, leave_out, extra)
        share = limits._replace(work=limits.work / busy_sessions)
        plan, listed = plan_session(
            mission, session, lines, model, own_file=own,
            previous=_valid(mission, session.id, previous.get(session.id, [])), repair=repair,
            met_elsewhere=_met_elsewhere(mission, session, own, elsewhere), limits=share,
            progress=progress)
        report.sessions.append(plan)
        ours[session.id] = listed


def _met_elsewhere(mission: Mission, session: B2BSession, own: str | None,
                   elsewhere: list[tuple[B2BSession, list[Listed]]]) -> dict[Pair, str]:
    """Pairs that meet in another session (MC205 counts a meeting in any session)."""
    out: dict[Pair, str] = {}
    for other in mission.b2b.values():
        if other.id != session.id:
            for m in other.meetings:
                if m.loc.file != own:
                    out.setdefault(frozenset(m.between), f"'{other.title}' at {m.at_text}")
    for other, meetings in elsewhere:
        for listed in meetings:
            out.setdefault(frozenset(listed.between), f"'{other.title}' at {listed.at_text}")
    return out


def _valid(mission: Mission, sid: str, meetings: list[Listed]) -> list[Listed]:
    """Meetings of a previous run whose organisations still exist."""
    return [m for m in meetings if all(o in mission.organisations for o in m.between)]


def open_for_schedule(mission_path: Path, target: Path) -> tuple[Mission, bool]:
    """The mission, and whether an include names the file about to be written (`pending`).

    Findings that do not stop us: the MC008 of that include (the file does not exist yet),
    and any finding inside our own generated file (it is rewritten whole)."""
    from missionctl.loader import load

    loaded = load(mission_path, str(mission_path))
    if not loaded.is_mission:
        raise UserError(f"{mission_path} is not a mission file (no 'mission:' key)")
    resolved = target.resolve()
    ours = target.is_file() and owned_by_us(target, MARKER)
    pending = False
    rest = []
    for finding in loaded.findings:
        if not target.exists() and loaded.missing_include(finding) == resolved:
            pending = True
        elif not (ours and Path(finding.loc.file).resolve() == resolved):
            rest.append(finding)
    if rest or loaded.mission is None:
        raise FormatErrors(loaded._replace(findings=tuple(rest) or loaded.findings),
                           NOTHING_WRITTEN)
    return loaded.mission, pending


def choose(mission: Mission, names: Sequence[str]) -> list[B2BSession]:
    """The sessions to plan, in time order: all, or those named (UserError for others)."""
    if not mission.b2b:
        raise UserError(f"{mission.file} has no B2B session (`b2b:`) to plan")
    known = ", ".join(sorted(mission.b2b))
    for name in names:
        if name not in mission.b2b:
            raise UserError(f"there is no B2B session '{name}' in {mission.file}; its "
                            f"sessions are: {known}")
    chosen = [s for s in mission.b2b.values() if not names or s.id in names]
    return sorted(chosen, key=lambda s: (s.window[0], s.id))


def pick_engine(engine: str) -> str:
    """"cp-sat" when OR-Tools is installed (or asked for), else the built-in heuristic."""
    if engine not in ENGINES:
        raise UserError(f"unknown engine '{engine}': choose {', '.join(ENGINES)}")
    if engine == "heuristic":
        return engine
    import importlib.util

    try:
        found = importlib.util.find_spec("ortools.sat.python.cp_model") is not None
    except (ImportError, ValueError):
        found = False
    if found:
        return "cp-sat"
    if engine == "cp-sat":
        raise UserError("the CP-SAT solver is not installed: pip install ortools (or, in "
                        "missionctl's clone, pip install -e '.[schedule]')")
    return "heuristic"
