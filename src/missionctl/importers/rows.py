"""Rows of a registration sheet -> registrations (one per person), bad rows set aside.

Each mapped cell goes through its field's parser (`cells.py`); a value that does not parse
makes the row bad: it is reported at its own cell (`participants.xlsx, sheet Inscrições,
row 17, column E: 'joao@' is not an e-mail address`) and skipped, and the import goes on.

Rows that register the same person again are merged into the first one, later non-empty
values winning (a later row is usually a correction): the same e-mail address and the same
name, or (without e-mails on both) the same name and organisation. Two different names with
one e-mail address (a secretary registering two colleagues) stay two people. Each merge is
reported. Lookups are by key, so N rows cost N steps.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from missionctl.importers import cells
from missionctl.importers.columns import JOINED, Mapping
from missionctl.importers.names import org_key, person_key
from missionctl.importers.table import Sheet, text_of
from missionctl.values import Invalid

#: Fields written on a person, in the order a person writes them (the format's field table).
PERSON_ORDER = ("name", "organisation", "role", "side", "email", "phone", "languages",
                "arrival", "departure", "groups", "dietary", "notes")


@dataclass(frozen=True, slots=True)
class Problem:
    """Something about the spreadsheet the person should see: where, then what."""

    where: str
    message: str

    def __str__(self) -> str:
        return f"{self.where}: {self.message}"


@dataclass(slots=True)
class Registration:
    """One person as registered (several rows when they registered twice)."""

    rows: list[int]
    name: str
    organisation: str | None  # as written in the sheet
    country: str | None
    fields: dict[str, Any] = field(default_factory=dict)  # role, email, phone, ... as written
    spellings: list[tuple[str, int]] = field(default_factory=list)  # organisation, row

    @property
    def email(self) -> str | None:
        value = self.fields.get("email")
        return value.lower() if isinstance(value, str) else None


@dataclass(frozen=True, slots=True)
class Repeat:
    """A row that registers again the person of an earlier row, merged into it."""

    row: int
    first: int  # the row it was merged into
    name: str
    why: str  # "the same e-mail address" | "the same name and organisation"
    changed: tuple[str, ...]  # fields a later row changed


@dataclass(slots=True)
class SkippedRow:
    """A bad row: its problems, and what could be read of it (to keep a person imported
    before rather than drop them for a typo)."""

    row: int
    problems: list[Problem]
    name: str | None
    email: str | None
    organisation: str | None


@dataclass(slots=True)
class Rows:
    registrations: list[Registration] = field(default_factory=list)
    repeats: list[Repeat] = field(default_factory=list)
    skipped: list[SkippedRow] = field(default_factory=list)
    shared_emails: list[tuple[str, tuple[int, ...]]] = field(default_factory=list)


def read_rows(sheet: Sheet, mapping: Mapping, zone: str) -> Rows:
    """Every row below the header row, parsed, bad ones set aside, repeats merged."""
    out = Rows()
    merger = _Merger(out)
    for number in range(mapping.header_row + 1, len(sheet.rows) + 1):
        if not any(text_of(sheet.cell(number, c)) for c in mapping.fields):
            continue  # an empty row (or one with text only in columns not imported)
        reg, problems = _parse_row(sheet, mapping, number, zone)
        if reg is None or problems:
            out.skipped.append(_skipped(sheet, mapping, number, problems))
        else:
            merger.add(reg)
    merger.finish()
    return out


def _parse_row(sheet: Sheet, mapping: Mapping, number: int,
               zone: str) -> tuple[Registration | None, list[Problem]]:
    found: dict[str, Any] = {}
    problems: list[Problem] = []
    for column, name in sorted(mapping.fields.items()):
        value = sheet.cell(number, column)
        text = text_of(value)
        if not text:
            continue
        try:
            parsed = _parse(name, value, text, zone)
        except Invalid as exc:
            problems.append(Problem(sheet.where(number, column), str(exc)))
            continue
        if name in JOINED and name in found:
            found[name] = f"{found[name]}{JOINED[name]}{parsed}"
        else:
            found[name] = parsed
    name = found.pop("name", None) or " ".join(
        p for p in (found.pop("first_name", None), found.pop("last_name", None)) if p)
    found.pop("first_name", None)
    found.pop("last_name", None)
    if not name:
        columns = (mapping.columns_of("name") or mapping.columns_of("first_name")
                   or mapping.columns_of("last_name"))
        problems.insert(0, Problem(sheet.where(number, columns[0]),
                                   "no name: a person needs one; fill it in or delete the row"))
        return None, problems
    mobile = found.pop("mobile", None)
    if mobile:  # the mobile first: it is the number that reaches someone on a mission
        found["phone"] = mobile if "phone" not in found else f"{mobile} / {found['phone']}"
    org = found.pop("organisation", None)
    country = found.pop("country", None)
    return Registration([number], name, org, country, found,
                        [(org, number)] if org else []), problems


def _parse(name: str, value: Any, text: str, zone: str) -> Any:
    if name in ("name", "first_name", "last_name"):
        return cells.person_name(text)
    if name == "email":
        return cells.email(text)
    if name in ("phone", "mobile"):
        return cells.phone(text)
    if name == "country":
        return cells.country(text)
    if name == "languages":
        return cells.languages(text)
    if name in ("arrival", "departure"):
        return cells.moment(value, zone, leaving=name == "departure")
    return text


def _skipped(sheet: Sheet, mapping: Mapping, number: int,
             problems: list[Problem]) -> SkippedRow:
    def first(*names: str) -> str | None:
        for n in names:
            for c in mapping.columns_of(n):
                text = text_of(sheet.cell(number, c))
                if text:
                    return text
        return None

    name = first("name")
    if name is None:
        parts = [first("first_name"), first("last_name")]
        name = " ".join(p for p in parts if p) or None
    email = first("email")
    return SkippedRow(number, problems, name, email.lower() if email else None,
                      first("organisation"))


class _Merger:
    """Repeats found by key as rows arrive."""

    def __init__(self, out: Rows) -> None:
        self.out = out
        self.by_email: dict[tuple[str, str], Registration] = {}
        self.by_name: dict[tuple[str, str], Registration] = {}
        self.email_rows: dict[str, list[int]] = {}

    def add(self, reg: Registration) -> None:
        key = person_key(reg.name)
        okey = org_key(reg.organisation) if reg.organisation else ""
        email = reg.email
        same = self.by_email.get((email, key)) if email else None
        why = "the same e-mail address and name"
        if same is None:
            other = self.by_name.get((key, okey))
            if other is not None and (email is None or other.email is None):
                same, why = other, "the same name and organisation"
        if same is not None:
            self._merge(same, reg, why)
            return
        self.out.registrations.append(reg)
        if email:
            self.by_email[(email, key)] = reg
            self.email_rows.setdefault(email, []).append(reg.rows[0])
        self.by_name.setdefault((key, okey), reg)

    def _merge(self, kept: Registration, later: Registration, why: str) -> None:
        changed = []
        for name, value in later.fields.items():
            if kept.fields.get(name) != value:
                changed.append(name)
                kept.fields[name] = value
        kept.spellings.extend(later.spellings)
        if later.organisation and (not kept.organisation or org_key(later.organisation)
                                   != org_key(kept.organisation)):
            changed.append("organisation")
            kept.organisation = later.organisation
        if later.country and later.country != kept.country:
            changed.append("country")
            kept.country = later.country
        kept.rows.extend(later.rows)
        self.out.repeats.append(Repeat(later.rows[0], kept.rows[0], kept.name, why,
                                       tuple(changed)))

    def finish(self) -> None:
        for email, rows in self.email_rows.items():
            if len(rows) > 1:
                self.out.shared_emails.append((email, tuple(rows)))
