"""Rule documentation: the catalogue table, one rule explained, and docs/rules.md.

Format rules (MC0xx) are documented here; each conflict check documents itself in its
module (`missionctl.checks.*`), so a rule and its explanation live side by side.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from missionctl.rules.catalogue import BY_NAME, RULES, RuleInfo


@dataclass(frozen=True, slots=True)
class Doc:
    why: str
    bad: str
    fix: str


FORMAT_DOCS: dict[str, Doc] = {
    "MC001": Doc(
        "missionctl cannot read the file at all: a YAML syntax error, text that is not "
        "UTF-8, tab indentation, several documents in one file, an empty or binary file, or "
        "aliases that would expand past 1,000,000 nodes (an alias bomb).",
        "events:\n\tvisit: {kind: visit}     # a tab indents this line",
        "Indent with spaces, save as UTF-8, keep one document per file.",
    ),
    "MC002": Doc(
        "A key the format does not define is almost always a typo, and a typo silently "
        "drops information (`atendees:` would leave an event empty).",
        "events:\n  plant-visit:\n    atendees: [ana-silva]",
        "Use the field's name (`attendees`); put your own data under a key starting "
        "with `x-`.",
    ),
    "MC003": Doc(
        "Every value is typed by its field: dates, times, zones, durations, codes, numbers, "
        "URLs and e-mails are checked so that a typo never shifts an event or loses a "
        "phone number.",
        "events:\n  lunch:\n    start: 2027-05-32 13:00",
        "Write the value in the documented form (here a real date).",
    ),
    "MC004": Doc(
        "A required field is missing, so the object cannot be placed or shown.",
        "people:\n  ana-silva:\n    phone: +351 220 000 101     # no name",
        "Add the field (`name: Ana Silva`).",
    ),
    "MC005": Doc(
        "Ids are unique so that references are unambiguous; YAML would otherwise keep only "
        "the last of two equal keys and silently drop the first.",
        "people:\n  ana-silva: {name: Ana Silva}\n  ana-silva: {name: Ana Sousa}",
        "Rename one of them.",
    ),
    "MC006": Doc(
        "A reference to a person, group, organisation, venue or room that does not exist, "
        "or groups that contain each other.",
        "events:\n  visit:\n    attendees: [ana-silv]",
        "Fix the id (missionctl suggests the closest one).",
    ),
    "MC007": Doc(
        "An event must have exactly one of `end` or `duration`, and end after it starts. A "
        "bare `end: HH:MM` is on the start's local date and never rolls over to the next day.",
        "events:\n  dinner:\n    start: 2027-05-11 21:00\n    end: 00:30",
        "Write the full end date-time for overnight events: `end: 2027-05-12 00:30`.",
    ),
    "MC008": Doc(
        "An included file is missing, unreadable, outside the mission's directory, or "
        "includes itself through a cycle.",
        "include: [../shared/people.yaml]",
        "Keep included files beside the mission file or below it.",
    ),
    "MC009": Doc(
        "A mission file says which format version it is written in, so that a later "
        "missionctl can read it correctly.",
        "mission:\n  id: x     # no 'missionctl: 1' line",
        "Add `missionctl: 1` at the top of the file.",
    ),
}


def find(code_or_name: str) -> RuleInfo | None:
    return RULES.get(code_or_name.upper()) or BY_NAME.get(code_or_name.lower())


def doc_for(code: str) -> Doc | None:
    if code in FORMAT_DOCS:
        return FORMAT_DOCS[code]
    from missionctl.checks import registry

    rule = registry().get(code)
    return Doc(rule.why, rule.bad, rule.fix) if rule else None


def catalogue(fmt: str = "text") -> str:
    rows = list(RULES.values())
    if fmt == "json":
        return json.dumps([{"code": r.code, "name": r.name, "severity": r.default,
                            "summary": r.summary} for r in rows], indent=2) + "\n"
    width = max(len(r.name) for r in rows)
    lines = [f"{r.code}  {r.name:<{width}}  {r.default:<7}  {r.summary}" for r in rows]
    return "\n".join(lines) + "\n"


def explain(code: str, fmt: str = "text") -> str:
    info = RULES[code]
    doc = doc_for(code)
    if fmt == "json":
        body: dict[str, object] = {"code": code, "name": info.name, "severity": info.default,
                                   "summary": info.summary}
        if doc:
            body |= {"why": doc.why, "example": doc.bad, "fix": doc.fix}
        return json.dumps(body, indent=2) + "\n"
    note = " (a format rule: always an error)" if info.format_rule else ""
    out = [f"{code} {info.name}: {info.summary}", f"default severity: {info.default}{note}", ""]
    if doc:
        out += [doc.why, "", "Example that fails:", *("    " + ln for ln in doc.bad.splitlines()),
                "", f"Fix: {doc.fix}"]
    else:
        out.append("(not checked by this version yet)")
    return "\n".join(out) + "\n"


def markdown() -> str:
    """docs/rules.md, generated; a test keeps the file in step with this."""
    out = ["# Rules", "", "Generated by `python -m missionctl.rules.docs`; do not edit by hand.",
           "", "| code | name | default | finding |", "| --- | --- | --- | --- |"]
    out += [f"| {r.code} | {r.name} | {r.default} | {r.summary} |" for r in RULES.values()]
    for r in RULES.values():
        doc = doc_for(r.code)
        out += ["", f"## {r.code} {r.name}", "", f"Default severity: **{r.default}**. "
                f"{r.summary[0].upper()}{r.summary[1:]}.", ""]
        if doc:
            out += [doc.why, "", "```yaml", doc.bad, "```", "", f"Fix: {doc.fix}"]
    return "\n".join(out) + "\n"


if __name__ == "__main__":
    import sys

    sys.stdout.write(markdown())
