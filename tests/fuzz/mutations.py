"""Hostile mission files: mutations of real missions, and fragments built to break a loader.

Shared by `tests/test_fuzz.py` (Hypothesis drives the `random.Random`, and shrinks) and by
the long campaign `tests/fuzz/campaign.py` (a `random.Random` seeded by the input's number,
so input N is the same file on every machine and can be made again from its number).

`mutate(rnd)` picks a seed mission and applies one to six mutations, each one of:
- a line operation (delete, duplicate, swap, insert or splice a YAML token);
- a value replaced by a hostile one for its kind of field (edge dates, absurd spans, empty
  values, odd e-mails, control and invisible characters, huge numbers, wrong references);
- a structure appended: a deep chain or cycle of groups, a group listing itself, a chain of
  merge keys, many overlapping events, an odd B2B session, odd includes.
"""

from __future__ import annotations

import random
import re
from collections.abc import Callable
from pathlib import Path

from missionctl.template import new_mission

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = sorted((ROOT / "missions").rglob("mission.yaml"))

# A small mission with every kind of object, so that most mutations still load and reach
# the checks and every export (the examples are ten times larger, and so ten times slower).
RICH = """\
missionctl: 1
mission:
  id: rich
  title: Rich seed
  organiser: cluster
  host_country: MA
  timezone: Africa/Casablanca
  start: 2027-05-10
  end: 2027-05-14
  languages: [fr, pt]
  contact: ana
  website: https://example.org/m
x-defaults:
  visit: &visit {kind: visit, venue: plant, duration: 1h30m}
organisations:
  cluster: {name: Cluster, type: cluster, country: PT, email: c@example.org}
  acme: {name: Acme, type: company, country: MA, phone: "+212 522 000 000"}
people:
  ana: {name: Ana Silva, organisation: cluster, side: organiser, email: ana@example.org,
        phone: "+351 912 000 000", languages: [pt, fr], arrival: 2027-05-09 18:00,
        departure: 2027-05-14 20:00, groups: [delegation], private: [phone]}
  bo: {name: Bo, organisation: cluster, email: bo@example.org, languages: [pt]}
  karim: {name: Karim, organisation: acme, side: host, email: karim@example.com,
          languages: [fr, ar]}
  ines: {name: Ines, side: interpreter, languages: [pt, fr], email: ines@example.org}
groups:
  delegation: {name: Delegation, members: [bo, group:core]}
  core: {members: [ana]}
venues:
  plant: {name: Acme plant, city: Tangier, geo: [35.72, -5.58], capacity: 10,
          hours: {mon-thu: "08:00-17:30", fri: "08:00-12:00", sat-sun: closed},
          rooms: {hall: {name: Hall, capacity: 8}}}
  hotel: {name: Hotel, city: Casablanca, geo: [33.59, -7.62], timezone: Africa/Casablanca}
  lisbon: {name: Lisbon airport, city: Lisbon, geo: [38.77, -9.13], timezone: Europe/Lisbon}
events:
  flight: {kind: travel, title: Flight, from: lisbon, to: hotel, mode: flight,
           start: 2027-05-10 08:10, end: "09:40", attendees: [group:delegation]}
  stay: {kind: stay, title: Hotel, venue: hotel, start: 2027-05-10 14:00,
         end: 2027-05-14 11:00, attendees: [group:delegation]}
  visit: {<<: *visit, title: Plant visit, start: 2027-05-11 10:00, room: hall,
          attendees: [group:delegation], hosts: [karim], interpreters: [ines],
          organisation: acme, language: fr, capacity: 8}
  lunch: {kind: meal, title: Lunch, venue: plant, start: 2027-05-11 12:30, duration: 1h,
          attendees: [org:cluster, karim], status: tentative, notes: "Halal"}
  prayer: {kind: meeting, title: Friday meeting, venue: plant, start: 2027-05-14 13:00,
           end: "14:00", attendees: [ana], hosts: [karim], waive: {MC303: agreed}}
b2b:
  match: {title: Matchmaking, venue: hotel, date: 2027-05-12, start: "14:00", end: "16:00",
          slot: 25m, gap: 5m, tables: 2, participants: [org:cluster, org:acme],
          requests: [{from: cluster, to: acme, priority: high}],
          meetings: [{at: "14:00", table: 1, between: [cluster, acme]}]}
travel_times:
  - {from: hotel, to: plant, duration: 3h30m, mode: car}
checks:
  fail_on: error
  severity: {MC306: warning}
  working_hours: "08:30-18:30"
  max_day: 12h
  travel: {urban_kmh: 25, intercity_kmh: 80, road_factor: 1.3, buffer: 15m}
"""

TEMPLATE = new_mission("seed", "MA", "Africa/Casablanca", "2027-05-11")

TOKENS = ["", ":", "- ", "\ud800", "[", "]", "{", "}", "&a ", "*a", "<<: *a", "\t", "'", '"', "#",
          "2027-13-40", "25:99", "group:", "org:", "!!int", "~", "null", "---", "\x00",
          "é", "MC101", "end: 00:00", "duration: -1h", "include: [x.yaml]", "- *a",
          "x-r: &r [*r]", "<<: *r", "end:", "duration: ~", "\u0085", "\u2028", "\ufeff"]

# Hostile values by the kind of field they replace (the field's name decides).
DATES = ["0001-01-01", "9999-12-31", "1899-12-31", "1900-01-01", "2999-12-31", "3000-01-01",
         "2027-02-29", "2028-02-29", "2027-00-10", "27-05-10", "2027-5-1", "2072-05-10"]
DATETIMES = ["0001-01-01 00:00-12:00", "0001-01-01 00:30+12:00", "9999-12-31 23:59",
             "9999-12-31 23:00+14:00", "2999-12-31 23:59", "2027-05-11 25:00",
             "2027-05-11 10:00+14:59", "2027-05-11 10:00-12:00", "2027-05-11T10:00Z",
             "2026-03-22 02:30", "2026-09-20 02:30", "2027-05-11 10:00:60", "2028-05-12 10:01"]
TIMES = ["00:00", "23:59", "24:00", "24:01", "9:5", "10:60", "-1:00", "10:00:59"]
DURATIONS = ["0m", "PT0S", "PT1S", "P366D", "P367D", "8784h", "99999999999d",
             "P99999999999D", "1h-30m", "PT", "366d", "1d1h1m", "-1h"]
EMPTY = ["", "~", "null", "[]", "{}", '""', "''"]
EMAILS = ['x"@evil.com', ":duty@example.org", "a@b", '"a b"@c.org', "josé@exemplo.pt",
          "a..b@c.org", "a@[192.0.2.1]", "a@localhost", "=cmd@example.org",
          "x@y.z\u200b", "a@b.c\u0000", "a\u202eb@c.org", "user@xn--bcher-kva.example"]
TEXTS = ["\x00", "\x07bell", "\x1b[31mred", "\x7f", "\u0085next", "line\u2028sep", "\u200b=1+1",
         "\ufeff=cmd", "\u202eevil", "=HYPERLINK(\"http://x\")", "+1", "-1", "@SUM(A1)",
         "\r\nBEGIN:VEVENT", "a\\,b;c", "<script>alert(1)</script>", "x" * 5000, "😀" * 50,
         "END:VCALENDAR", "--"]
NUMBERS = ["-1", "0", "1e308", "-1e308", "nan", "inf", "99999999999999999999999", "0x10",
           "1_000", "1e-300", "0.5", "10.5"]
REFS = ["group:delegation", "group:core", "group:nobody", "org:acme", "org:nobody",
        "delegation", "acme", "ana ana", "group:", "org:", ":", "group:group:x", "ANA",
        "a" * 65, "ana,bo"]
CODES = ["pt", "PT", "Portuguese", "português", "por", "xx", "p", "ptt", "", "ZZ", "MA", "ma",
         "Europe/Lisbon", "Africa/Casablanca", "Mars/Olympus", "UTC", "EST5EDT", "Etc/GMT+12"]

FIELDS: dict[str, list[str]] = {
    "start": DATETIMES + TIMES + DATES, "end": DATETIMES + TIMES + DATES,
    "arrival": DATETIMES, "departure": DATETIMES, "date": DATES, "at": TIMES,
    "duration": DURATIONS, "slot": DURATIONS, "gap": DURATIONS, "max_day": DURATIONS,
    "buffer": DURATIONS, "same_city": DURATIONS, "email": EMAILS,
    "name": TEXTS, "title": TEXTS, "notes": TEXTS, "phone": TEXTS, "city": TEXTS,
    "role": TEXTS, "carrier": TEXTS, "reference": TEXTS, "description": TEXTS,
    "capacity": NUMBERS, "tables": NUMBERS, "table": NUMBERS, "geo": ["[90, 180]",
    "[-91, 0]", "[nan, 0]", "[1e308, 1e308]", "[0]", "0", "[0, 0, 0]"],
    "urban_kmh": NUMBERS, "intercity_kmh": NUMBERS, "road_factor": NUMBERS,
    "attendees": REFS, "hosts": REFS, "members": REFS, "participants": REFS,
    "interpreters": REFS, "contact": REFS, "organisation": REFS, "venue": REFS,
    "languages": CODES, "language": CODES, "country": CODES, "host_country": CODES,
    "timezone": CODES, "working_hours": ["00:00-24:00", "24:00-00:00", "10:00-10:00",
    "08:00–18:00", "8-18"], "hours": ["00:00-24:00", "{mon-sun: closed}", "{sun-mon: 1-2}"],
}
ANY = EMPTY + TEXTS[:8] + NUMBERS[:4] + DATES[:3]

# Odd values `check` accepts: they reach the checks and every export (a hostile value mostly
# stops at a format error, and the exports never see it).
ODD_TEXTS = [t for t in TEXTS if t not in ("\x00",)] + ["ação", "مرحبا", "日本語", "a" * 300,
                                                      "'quoted'", '"dq"', "#hash", "a: b"]
ODD_VALID: dict[str, list[str]] = {
    **{key: ODD_TEXTS for key in ("name", "title", "notes", "phone", "city", "role", "carrier",
                                  "reference", "description", "address", "sector", "dietary")},
    "email": ["o'brien+x@example.ie", "a!#$%&'*+/=?^_`{|}~-z@example.org", "josé@exemplo.pt",
              "محمد@مثال.ma", "x@sub.domain-1.example.ma", "user@xn--bcher-kva.example"],
    "start": ["2027-05-11 10:00+14:00", "2027-05-11 10:00-12:00", "2027-05-11T10:00:59Z",
              "2027-05-11 00:00", "2027-05-11 23:59", "2026-09-20 02:30", "2026-03-22 03:00"],
    "end": ["23:59", "2027-05-12 00:00", "2027-05-14 23:59+14:00", "2028-05-09 10:00"],
    "duration": ["1m", "PT1S", "8784h", "P366D", "23h59m", "1d"],
    "capacity": ["1", "1000000", "99999999999999999999"], "tables": ["1", "100"],
    "geo": ["[90, 180]", "[-90, -180]", "[0, 0]", "[0.0000001, -0.0000001]"],
    "languages": ["[]", "[pt, pt]", "[ar, fr, pt, en, es, de, zh, ja]"],
    "language": ["pt", "ar", "zh"],
    "timezone": ["Etc/GMT+12", "Etc/GMT-14", "Pacific/Kiritimati", "America/St_Johns",
                 "Asia/Kathmandu", "Australia/Lord_Howe", "Europe/Lisbon", "UTC"],
    "attendees": ["[group:delegation, org:cluster, ana, ana]", "[]", "group:core"],
    "hosts": ["[org:acme]", "[]"], "members": ["[ana, group:core]", "[]"],
    "working_hours": ["00:00-24:00", "23:00-23:01"], "max_day": ["1m", "P366D"],
    "urban_kmh": ["1", "1000"], "intercity_kmh": ["1", "1000"], "road_factor": ["1", "10"],
    "status": ["cancelled", "tentative"], "mode": ["walk", "ferry"],
    "kind": ["stay", "free", "travel", "other", "reception"],
}

_FIELD_LINE = re.compile(r"(?P<key>[A-Za-z_][\w-]*):[ \t]*(?P<value>[^,{}\[\]\n]*)")


def yaml_quoted(text: str) -> str:
    """`text` as a double-quoted YAML scalar: every character survives, control ones too."""
    out = []
    for ch in text:
        if ch in '"\\':
            out.append("\\" + ch)
        elif ch.isprintable() and ch not in "\u2028\u2029\u0085\ufeff":
            out.append(ch)
        elif ord(ch) < 0x10000:
            out.append(f"\\u{ord(ch):04x}")
        else:
            out.append(f"\\U{ord(ch):08x}")
    return '"' + "".join(out) + '"'


def _value_for(key: str, rnd: random.Random, valid: bool = False) -> str:
    if valid:
        value = rnd.choice(ODD_VALID[key])
    else:
        value = rnd.choice(FIELDS.get(key, ANY) if rnd.random() < 0.9 else ANY)
    if value in EMPTY or value.startswith(("[", "{")):
        return value
    return yaml_quoted(value) if rnd.random() < 0.7 or not value.isprintable() else value


def replace_value(lines: list[str], rnd: random.Random, valid: bool = False) -> None:
    """One `key: value` of the file gets a hostile value for that key (`valid`: an odd one
    that `check` accepts)."""
    spots = [(i, m) for i, line in enumerate(lines) for m in _FIELD_LINE.finditer(line)
             if m.group("value").strip() and (not valid or m.group("key") in ODD_VALID)]
    if not spots:
        return
    i, m = rnd.choice(spots)
    line = lines[i]
    value = _value_for(m.group("key"), rnd, valid)
    lines[i] = line[:m.start("value")] + value + line[m.end("value"):]


def line_operation(lines: list[str], rnd: random.Random) -> None:
    if not lines:
        return
    op = rnd.choice(["delete", "duplicate", "insert", "splice", "swap"])
    i = rnd.randrange(len(lines))
    if op == "delete":
        del lines[i]
    elif op == "duplicate":
        lines.insert(i, lines[i])
    elif op == "insert":
        lines.insert(i, rnd.choice(TOKENS) + rnd.choice([*TEXTS[:10], ""]))
    elif op == "splice":
        j = rnd.randint(0, len(lines[i]))
        lines[i] = lines[i][:j] + rnd.choice(TOKENS) + lines[i][j:]
    else:
        k = rnd.randrange(len(lines))
        lines[i], lines[k] = lines[k], lines[i]


# -- structures: (top-level section, its entries) pairs, placed into the seed's section of
# that name (written after the section's key, so that they join it), else added ----------
Structure = list[tuple[str, str]]


def place(lines: list[str], section: str, body: str) -> None:
    """Put `body` (entries indented by two spaces) into `section`, or add the section."""
    for i, line in enumerate(lines):
        if line.split("#")[0].rstrip() == f"{section}:":
            lines[i + 1:i + 1] = body.splitlines()
            return
    if section.startswith("x-"):  # anchors: before anything that may name them
        lines[0:0] = [f"{section}:", *body.splitlines()]
    else:
        lines.extend([f"{section}:", *body.splitlines()])


def deep_groups(rnd: random.Random) -> Structure:
    n = rnd.choice([1, 2, 3, 50, 999, 1000, 1001, 3000])
    shape = rnd.choice(["chain", "cycle", "self", "fan"])
    if shape == "self":
        body = "  me: {members: [group:me, ana]}\n"
        first = "me"
    elif shape == "fan":  # every group lists every later one: many paths, no cycle
        k = min(n, 40)
        body = "".join(f"  f{i}: {{members: [{', '.join(f'group:f{j}' for j in range(i + 1, k))}"
                       f"{', ' if i + 1 < k else ''}ana]}}\n" for i in range(k))
        first = "f0"
    else:
        last = "group:g0" if shape == "cycle" else "ana"
        body = "".join(f"  g{i}: {{members: [group:g{i + 1}]}}\n" for i in range(n - 1))
        body += f"  g{n - 1}: {{members: [{last}]}}\n"
        first = "g0"
    return [("groups", body), ("events", f"  deep: {{kind: visit, title: Deep, start: "
                                          f"2027-05-11 16:00, duration: 1h, attendees: "
                                          f"[group:{first}]}}\n")]


def merge_chain(rnd: random.Random) -> Structure:
    n = rnd.choice([1, 2, 10, 100, 200, 249, 250, 251, 400, 1000])
    anchors = "".join(f"  m{i}: &m{i} {{<<: *m{i - 1}, notes: n{i}}}\n" for i in range(1, n))
    return [("x-merge", f"  m0: &m0 {{kind: visit, title: Merged, duration: 1h}}\n{anchors}"),
            ("events", f"  merged: {{<<: *m{n - 1}, start: 2027-05-11 17:00}}\n")]


def overlapping(rnd: random.Random) -> Structure:
    n = rnd.choice([2, 10, 50, 100, 300])
    return [("events", "".join(
        f"  o{i}: {{kind: meeting, title: O{i}, venue: plant, start: 2027-05-12 09:00, "
        f"duration: {1 + i % 5}h, attendees: [ana]}}\n" for i in range(n)))]


def odd_b2b(rnd: random.Random) -> Structure:
    slot = rnd.choice(["1m", "PT1S", "25m", "0m", "366d", "24h"])
    tables = rnd.choice(["1", "1000", "99999999999999999999", "0"])
    meetings = "".join(f"{{at: \"{h:02d}:{m:02d}\", table: {t}, between: [cluster, acme]}}, "
                       for h, m, t in [(0, 0, 1), (14, 0, 1), (14, 0, 1), (23, 59, 2)])
    return [("b2b", f"  odd: {{title: Odd, venue: hotel, date: 2027-05-12, start: \"00:00\", "
                    f"end: \"23:59\", slot: {slot}, gap: 0m, tables: {tables}, participants: "
                    f"[org:cluster, org:acme, org:nobody], meetings: [{meetings}]}}\n")]


def odd_includes(rnd: random.Random) -> Structure:
    name = rnd.choice(["../outside.yaml", "/etc/passwd", ".", "", "sub/../../x.yaml", "m.yaml",
                       "é.yaml", "x" * 200 + ".yaml", "x" * 300 + ".yaml", "a\\u0000b.yaml"])
    return [("include", f"  - {yaml_quoted(name)}\n")]


def empty_times(rnd: random.Random) -> Structure:
    end = rnd.choice(["end:", "end: ~", "duration:", "duration: null", "end: ''",
                      "end: ~\n    duration: ~", "end:\n    duration: 1h"])
    return [("events", "  empty:\n    kind: visit\n    title: Empty\n    start: "
                       f"2027-05-11 18:00\n    {end}\n")]


def edge_event(rnd: random.Random) -> Structure:
    start, end = rnd.choice(DATETIMES), rnd.choice(DATETIMES + TIMES)
    kind = rnd.choice(["visit", "stay", "travel", "free"])
    return [("events", f"  edge: {{kind: {kind}, title: Edge, start: {start}, "
                       f"end: {yaml_quoted(end)}, attendees: [ana]}}\n")]


def odd_people(rnd: random.Random) -> Structure:
    """A person whose every field is hostile, taking part in an event."""
    fields = ", ".join(f"{key}: {_value_for(key, rnd)}" for key in
                       rnd.sample(["name", "email", "phone", "role", "notes", "languages",
                                   "arrival", "departure", "organisation"], 4))
    return [("people", f"  odd: {{name: Odd, {fields}}}\n".replace("name: Odd, name:", "name:")),
            ("events", "  with-odd: {kind: briefing, title: With odd, start: 2027-05-11 "
                       "19:00, duration: 30m, attendees: [odd, ana]}\n")]


STRUCTURES: list[Callable[[random.Random], Structure]] = [
    deep_groups, merge_chain, overlapping, odd_b2b, odd_includes, empty_times, edge_event,
    odd_people]


def seeds() -> list[str]:
    """The missions mutations start from: the rich seed most often, then the template and
    the two examples (larger, so rarer)."""
    examples = [p.read_text(encoding="utf-8") for p in EXAMPLES]
    return [RICH] * 8 + [TEMPLATE] * 2 + examples


SEEDS = seeds()


def mutate(rnd: random.Random, seed: str | None = None) -> str:
    """A mutated mission file: one to six mutations of a seed."""
    text = seed if seed is not None else rnd.choice(SEEDS)
    lines = text.splitlines()
    if rnd.random() < 0.4:  # odd but accepted: through to the checks and the exports
        for _ in range(rnd.randint(1, 6)):
            replace_value(lines, rnd, valid=True)
        return "\n".join(lines) + "\n"
    for _ in range(rnd.randint(1, 6)):
        roll = rnd.random()
        if roll < 0.45:
            replace_value(lines, rnd)
        elif roll < 0.75:
            line_operation(lines, rnd)
        else:
            for section, body in rnd.choice(STRUCTURES)(rnd):
                place(lines, section, body)
    return "\n".join(lines) + "\n"
