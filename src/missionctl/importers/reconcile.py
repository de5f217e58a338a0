"""Registrations matched with the people the mission already has, so that ids survive.

A registration is the same person as an existing one when they share an e-mail address (and,
if several people share it, the name), else when they share the name and the organisation.
Existing people are of two kinds:
- the **author's** (defined in a file missionctl did not generate): left alone, never
  written, and reported, so the author sees that the spreadsheet's row was not used;
- the **last import's** (in the file this import rewrites): the id is kept, and the person is
  "changed" when a field differs, else "unchanged".
The rest are added with new ids; people of the last import no row names any more are removed,
except those whose row is bad this time (kept as they were, so a typo never deletes anyone).
Every lookup is by key: linear in the rows and the people.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from missionctl.importers.names import Ids, org_key, person_key, slug
from missionctl.importers.rows import Registration, SkippedRow


@dataclass(frozen=True, slots=True)
class Existing:
    """A person the mission has: id, name, e-mail, organisation's name key, and (for the
    author's) where they are defined; `fields` as the last import wrote them."""

    id: str
    name: str
    email: str | None
    org: str  # org_key of the organisation's name ('' for none)
    where: str | None = None  # "people.yaml:40" for the author's; None for the last import's
    fields: dict[str, Any] | None = None


@dataclass(slots=True)
class Outcome:
    people: dict[str, dict[str, Any]] = field(default_factory=dict)  # id -> fields to write
    added: list[str] = field(default_factory=list)
    changed: list[tuple[str, tuple[str, ...]]] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    kept_bad: list[tuple[str, int]] = field(default_factory=list)  # id, the bad row
    by_hand: list[tuple[Registration, Existing]] = field(default_factory=list)
    rows_of: dict[str, list[int]] = field(default_factory=dict)


class Index:
    """Existing people by e-mail and by (name, organisation)."""

    def __init__(self, people: list[Existing]) -> None:
        self.by_email: dict[str, list[Existing]] = {}
        self.by_name: dict[tuple[str, str], Existing] = {}
        for p in people:
            if p.email:
                self.by_email.setdefault(p.email.lower(), []).append(p)
            self.by_name.setdefault((person_key(p.name), p.org), p)

    def find(self, name: str, email: str | None, org: str, *, loose: bool = False
             ) -> Existing | None:
        """The same e-mail and name, else the same name and organisation; `loose`: also the
        one person with that e-mail whatever their name (a name corrected since)."""
        key = person_key(name)
        found = self.by_email.get(email.lower(), []) if email else []
        same = next((p for p in found if person_key(p.name) == key), None)
        if same is not None:
            return same
        if loose and len(found) == 1:
            return found[0]
        return self.by_name.get((key, org))


def reconcile(regs: list[tuple[Registration, dict[str, Any]]], author: list[Existing],
              previous: list[Existing], skipped: list[SkippedRow], ids: Ids) -> Outcome:
    """`regs`: each registration with the fields to write for it (organisation resolved)."""
    theirs, ours = Index(author), Index(previous)
    out = Outcome()
    used: set[str] = set()
    pending = list(regs)
    for loose in (False, True):  # exact matches first, so a loose one never takes theirs
        later: list[tuple[Registration, dict[str, Any]]] = []
        for reg, fields in pending:
            org = org_key(reg.organisation) if reg.organisation else ""
            mine = theirs.find(reg.name, reg.email, org, loose=loose)
            if mine is not None:
                out.by_hand.append((reg, mine))
                continue
            before = ours.find(reg.name, reg.email, org, loose=loose)
            if before is None or before.id in used:
                later.append((reg, fields))
                continue
            used.add(before.id)
            _keep(out, before, reg, fields)
        pending = later
    for reg, fields in pending:  # new ids only once every kept id is known
        new = ids.new(slug(reg.name, "person"))
        out.people[new] = fields
        out.rows_of[new] = reg.rows
        out.added.append(new)
    _left_over(previous, ours, skipped, used, out)
    return out


def _keep(out: Outcome, before: Existing, reg: Registration, fields: dict[str, Any]) -> None:
    out.people[before.id] = fields
    out.rows_of[before.id] = reg.rows
    diff = _differences(before.fields or {}, fields)
    if diff:
        out.changed.append((before.id, diff))
    else:
        out.unchanged.append(before.id)


def _left_over(previous: list[Existing], ours: Index, skipped: list[SkippedRow],
               used: set[str], out: Outcome) -> None:
    """People of the last import no good row names: kept when a bad row does, else removed."""
    for bad in skipped:
        if not bad.name:
            continue
        before = ours.find(bad.name, bad.email,
                           org_key(bad.organisation) if bad.organisation else "")
        if before is not None and before.id not in used and before.fields is not None:
            used.add(before.id)
            out.people[before.id] = before.fields
            out.kept_bad.append((before.id, bad.row))
    out.removed = sorted(p.id for p in previous if p.id not in used)


def _differences(before: dict[str, Any], after: dict[str, Any]) -> tuple[str, ...]:
    return tuple(k for k in dict.fromkeys([*before, *after]) if before.get(k) != after.get(k))
