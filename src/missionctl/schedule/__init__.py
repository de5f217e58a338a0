"""`missionctl schedule`: plan the B2B meetings of a mission's sessions (docs/b2b.md).

| module | owns |
| --- | --- |
| `command.py` | the command: open the mission, plan the chosen sessions, write the file |
| `session.py` | one session: problem, solve, tables, the report |
| `problem.py` | a session as data: slots, who is free when, meetings that stay, pairs to meet |
| `grid.py` | the slot grid (as MC204 judges it) |
| `availability.py` | who is free in each slot, by the rules of MC101, MC102 and MC103 |
| `cpmodel.py`, `solver.py` | the CP-SAT model and its staged, deterministic solve (OR-Tools) |
| `lns.py` | fewer breaks on large sessions: a deterministic large-neighbourhood search |
| `heuristic.py` | the built-in planner (without OR-Tools; also the solver's first hint) |
| `outcome.py` | the objective's measures, the solvers' result and progress types |
| `tables.py` | tables for the meetings placed |
| `explain.py` | why a request is unmet |
| `genfile.py` | the generated include file (`b2b_meetings:`) |
| `report.py` | the result as plain data, for the renderers |

Only `solver.py`, `cpmodel.py` and `lns.py` import OR-Tools, and only `session.py` imports
them, when the solver is used: `check` never loads it (tests/schedule/test_startup.py).
"""
