"""`missionctl import people`: a registration spreadsheet -> a generated include file of people
and organisations. A plain result, no printing (the CLI words it: `cli/importer.py`).

The steps, each its own module: read one sheet (`readers`), find the columns (`columns`),
parse and merge rows (`rows`), make organisations (`orgs`), match people with the mission's
(`reconcile`), write the file (`yamltext`, `output`). Every step is linear in the rows.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from missionctl.importers import output
from missionctl.importers.names import Ids, org_key
from missionctl.importers.orgs import Known, Orgs, organisations
from missionctl.importers.reconcile import Existing, Outcome, reconcile
from missionctl.importers.rows import PERSON_ORDER, Registration, Rows, read_rows

if TYPE_CHECKING:
    from missionctl.importers.columns import Mapping
    from missionctl.importers.table import Sheet
    from missionctl.model import Mission

DEFAULT_OUTPUT = "imported-people.yaml"
ORG_ORDER = ("name", "country")


@dataclass(slots=True)
class PeopleResult:
    mission_file: Path
    output: Path
    sheet: Sheet
    mapping: Mapping
    rows: Rows
    orgs: Orgs
    outcome: Outcome
    org_changes: dict[str, list[str]] = field(default_factory=dict)  # added/changed/removed
    text: str = ""
    written: bool = False
    unchanged_file: bool = False
    included: bool = False
    include_hint: str | None = None

    @property
    def skipped_rows(self) -> int:
        return len(self.rows.skipped)


def run(spreadsheet: Path, mission_path: Path, *, output_path: Path | None = None,
        maps: list[str] | None = None, sheet: str | None = None, dry_run: bool = False,
        force: bool = False, side: str | None = None) -> PeopleResult:
    """Import the people of `spreadsheet` into the mission at `mission_path`. Raises
    `UserError` (an unreadable spreadsheet, a bad option, a file we may not write) or
    `FormatErrors` (the mission cannot be read); bad rows are in the result, never raised."""
    from missionctl.importers.columns import detect
    from missionctl.importers.readers import read_sheet
    from missionctl.missions import mission_file, open_mission
    from missionctl.netcmd.common import real_files

    file = mission_file(mission_path)
    target = output_path if output_path is not None else file.parent / DEFAULT_OUTPUT
    output.check_target(target, "people", (), force)
    _, mission, pending = open_mission(file, creating=target)
    table = read_sheet(spreadsheet, sheet=sheet)
    mapping = detect(table, maps or [])
    rows = read_rows(table, mapping, mission.info.timezone)
    own = real_files(mission).get(target.resolve())
    previous = output.read_previous(target, "people")
    orgs, outcome = _match(mission, own, previous, rows, side)
    result = PeopleResult(file, target, table, mapping, rows, orgs, outcome)
    orgs_out = _organisations_written(outcome, orgs, previous, result)
    result.text = render(table, orgs_out, dict(sorted(outcome.people.items())))
    output.settle(result, file, target, "people", included=own is not None or pending,
                  mission_files=mission.files, force=force, dry_run=dry_run)
    return result


def _match(mission: Mission, own: str | None, previous: output.Previous, rows: Rows,
           side: str | None) -> tuple[Orgs, Outcome]:
    authors_orgs = [Known(o.id, o.name, str(o.loc)) for o in mission.organisations.values()
                    if o.loc.file != own]
    last_orgs = [Known(i, str(o.get("name", i)), None)
                 for i, o in previous["organisations"].items()]
    org_ids = Ids(taken={*mission.organisations, *previous["organisations"]})
    orgs = organisations(rows.registrations, authors_orgs, last_orgs, org_ids)
    names = {o.id: o.name for o in mission.organisations.values()}
    names.update({k.id: k.name for k in last_orgs})

    def org_of(ident: Any) -> str:
        return org_key(names.get(str(ident), str(ident))) if ident else ""

    author = [Existing(p.id, p.name, p.email, org_of(p.organisation), str(p.loc))
              for p in mission.people.values() if p.loc.file != own]
    last = [Existing(i, str(p.get("name", "")), _text(p.get("email")),
                     org_of(p.get("organisation")), None, p)
            for i, p in previous["people"].items()]
    regs = [(reg, person_fields(reg, orgs, side)) for reg in rows.registrations]
    person_ids = Ids(taken={*mission.people, *previous["people"]})
    return orgs, reconcile(regs, author, last, rows.skipped, person_ids)


def _text(value: Any) -> str | None:
    return value if isinstance(value, str) and value else None


def person_fields(reg: Registration, orgs: Orgs, side: str | None) -> dict[str, Any]:
    """The fields written for one person, in the format's order."""
    found: dict[str, Any] = {"name": reg.name, "organisation": orgs.id_of(reg.organisation)}
    if side and side != "delegate":
        found["side"] = side
    found.update(reg.fields)
    return {k: found[k] for k in PERSON_ORDER if found.get(k) not in (None, "", [])}


def _organisations_written(outcome: Outcome, orgs: Orgs, previous: output.Previous,
                           result: PeopleResult) -> dict[str, dict[str, Any]]:
    """The organisations the written people name that the author does not define: those made
    now, and those of the last import still named (by a person kept for a bad row)."""
    named = {p.get("organisation") for p in outcome.people.values()}
    out: dict[str, dict[str, Any]] = {}
    for org_id in sorted(i for i in named if isinstance(i, str)):
        if org_id in orgs.made:
            out[org_id] = orgs.made[org_id]
        elif org_id in previous["organisations"]:
            out[org_id] = previous["organisations"][org_id]
    before = previous["organisations"]
    result.org_changes = {
        "added": [i for i in out if i not in before],
        "changed": [f"{i} ({', '.join(_differ(before[i], out[i]))})"
                    for i in out if i in before and _differ(before[i], out[i])],
        "removed": [i for i in before if i not in out],
    }
    return out


def _differ(before: dict[str, Any], after: dict[str, Any]) -> list[str]:
    return [k for k in dict.fromkeys([*before, *after]) if before.get(k) != after.get(k)]


def render(sheet: Sheet, orgs: dict[str, dict[str, Any]],
           people: dict[str, dict[str, Any]]) -> str:
    from missionctl.importers.yamltext import section

    where = sheet.source + (f" (sheet {sheet.name})" if sheet.name else "")
    lines = [
        f"{output.marker('people')} from {where}.",
        "# Importing again rewrites this whole file: correct the spreadsheet and import again.",
        "# To change someone by hand, move them (same id) into a file of your own: the import",
        "# then leaves them alone.",
        "",
        *section("organisations", orgs, ORG_ORDER),
        "",
        *section("people", people, PERSON_ORDER),
    ]
    return "\n".join(lines) + "\n"
