"""Every rule code of the contract (section 9) with its name, default severity and summary.

This table is static and cheap to import: the loader uses it to validate `checks.severity`
and `waive` keys. The conflict checks themselves live in `missionctl.checks`, one module per
rule, and add their longer documentation there.
"""

from __future__ import annotations

from typing import NamedTuple


class RuleInfo(NamedTuple):
    code: str
    name: str
    default: str  # error | warning | info
    summary: str

    @property
    def format_rule(self) -> bool:
        return self.code.startswith("MC0")

    @property
    def optional(self) -> bool:
        """Off unless `checks.severity` gives it a severity or `--select` names its code."""
        return self.code in OPTIONAL


#: Rules that run only when asked for (`RuleInfo.optional`).
OPTIONAL = frozenset({"MC108"})

_TABLE = """
MC001|invalid-yaml|error|the file is not readable YAML of one document (syntax, encoding, alias bomb)
MC002|unknown-key|error|a key the format does not define
MC003|invalid-value|error|a value of the wrong kind or out of range (date, time, zone, duration, code, number, URL, e-mail)
MC004|missing-field|error|a required field is absent
MC005|duplicate-id|error|an id or key defined twice
MC006|unknown-reference|error|a reference to nothing; a group cycle
MC007|bad-time-range|error|end not after start; both end and duration; neither
MC008|include-failed|error|an include missing, unreadable, outside the mission directory, or in a cycle
MC009|unsupported-version|error|missionctl: missing or not 1 in a mission file
MC101|person-double-booked|error|one person in two overlapping events
MC102|travel-too-tight|error|a person's consecutive events at different places leave less time than the transfer takes
MC103|outside-stay|error|an event before a person's arrival or after their departure
MC104|outside-mission-dates|warning|an event outside mission.start..mission.end (travel and stays excepted)
MC105|long-day|warning|a person's first start to last end in one local day exceeds max_day
MC106|no-lunch-break|info|a person busy without a 45-minute gap between 11:30 and 15:00
MC107|language-gap|warning|visitors and hosts of an event share no language and no interpreter bridges them
MC108|missing-translation|info|a text written in several languages lacks one of mission.languages (optional: off unless turned on)
MC201|room-double-booked|error|two events overlap in the same room, or in a venue without rooms
MC202|over-capacity|error|more attendees than the event's, room's or venue's capacity
MC203|venue-closed|warning|an event outside its venue's hours
MC204|b2b-conflict|error|a B2B meeting off the slot grid or outside the session, more meetings than tables in a slot, a table or organisation used twice in a slot
MC205|b2b-request-unmet|info|a B2B request with no meeting
MC301|public-holiday|warning|a non-travel event on a public holiday of the venue's country (estimated dates say so)
MC302|weekend|warning|a business event on the venue country's weekend
MC303|friday-prayer|warning|a business event overlapping the Friday prayer window where it is observed
MC304|ramadan-hours|info|a business event outside ramadan_hours during Ramadan where it is observed
MC305|utc-offset-change|info|a zone used by the mission changes its UTC offset during the mission
MC306|outside-working-hours|info|a business event outside working_hours
MC307|recent-tz-change|info|events where a recent tz release changed their zone's rules: calendar apps with older tz data show them at the wrong time
MC401|no-host-contact|warning|a visit or meeting with another organisation and no host person named
MC402|unreachable-person|warning|a person with neither phone nor e-mail
MC403|no-venue|warning|a non-travel event without a venue
MC404|tentative-event|info|an event still tentative
MC405|no-attendees|warning|an event nobody attends
MC406|night-without-stay|info|a delegate present overnight with no stay covering that night
MC407|unused-waiver|info|a waiver that waives nothing: its rule never reports about that place, or found nothing there
"""

RULES: dict[str, RuleInfo] = {
    code: RuleInfo(code, name, default, summary)
    for code, name, default, summary in (
        line.split("|", 3) for line in _TABLE.strip().splitlines()
    )
}
BY_NAME: dict[str, RuleInfo] = {r.name: r for r in RULES.values()}
