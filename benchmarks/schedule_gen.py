#!/usr/bin/env python3
"""Generate a realistic B2B brokerage mission for `benchmarks/schedule.py` (deterministic).

    python benchmarks/schedule_gen.py --orgs 60 --requests 240 --slots 10 --tables 24 \
        --out benchmarks/out/schedule-60.yaml

The mission: a brokerage event at a Casablanca hotel between visiting companies (about two
fifths of the organisations) and host companies, with one or two people each, all of them
participants. Requests go mostly from visitors to hosts, with a few host-to-visitor and
visitor-to-visitor ones; some hosts are far more popular than others (a Pareto draw), a tenth
of the pairs ask in both directions, and priorities are about 1 high : 2 normal : 1 low.

About a quarter of the organisations are busy for part of the session, as on a real mission:
a plant visit in Nouaceur or Mohammedia (a modelled transfer of about 40 minutes) that ends
after the first slots or starts before the last ones, a short meeting in the city in the
middle of the afternoon, a coach from Kenitra that arrives during the session, a person who
lands after the start (`arrival`) or flies home before the end (`departure`). So availability
comes from the checks' own rules (MC101-MC103), travel included.

The mission already includes `b2b-meetings.yaml` (the include may come before the first run).
"""

from __future__ import annotations

import argparse
import random
from datetime import date, datetime, timedelta
from pathlib import Path

DAY = date(2027, 5, 11)  # a Tuesday; no Moroccan holiday
HEAD = """\
missionctl: 1
mission:
  id: brokerage-{orgs}
  title: Brokerage event, {orgs} organisations
  host_country: MA
  timezone: Africa/Casablanca
  start: 2027-05-10
  end: 2027-05-13
include: [b2b-meetings.yaml]
checks:
  severity: {{MC401: off, MC402: off, MC404: off, MC406: off, MC205: off}}
venues:
  forum: {{name: Forum hotel, city: Casablanca, geo: [33.5890, -7.6300],
          rooms: {{hall: {{name: Hall}}}}}}
  kenitra: {{name: Kenitra station, city: Kenitra, geo: [34.2610, -6.5800]}}
"""
# Where the busy organisations go: (name, city, latitude, longitude); each event gets a site of
# its own there (a plant, an office), so the generated programme books no room twice.
PLACES = {
    "nouaceur": ("Nouaceur plant", "Nouaceur", 33.3670, -7.5850),
    "mohammedia": ("Mohammedia plant", "Mohammedia", 33.6860, -7.3830),
    "maarif": ("Maarif offices", "Casablanca", 33.5790, -7.6330),
}


def generate(orgs: int, requests: int, slots: int, tables: int, seed: int = 7,
             slot_minutes: int = 25, gap_minutes: int = 5) -> str:
    rng = random.Random(seed)
    visitors = [f"pt-{i:03d}" for i in range(orgs * 2 // 5)]
    hosts = [f"ma-{i:03d}" for i in range(orgs - len(visitors))]
    everyone = visitors + hosts
    start = datetime.combine(DAY, datetime.min.time()).replace(hour=14)
    if slots > 12:
        start = start.replace(hour=9)
    step = timedelta(minutes=slot_minutes + gap_minutes)
    end = start + step * slots - timedelta(minutes=gap_minutes)
    people = {o: [f"{o}-p{k}" for k in range(1 + (rng.random() < 0.4))] for o in everyone}
    sites, events, busy = [], ["events:\n"], set()
    for n, o in enumerate(everyone):
        if rng.random() < 0.22:  # some of its people are busy during part of the session
            site, text, who = _busy(rng, n, people[o], start, end, step)
            sites.append(site)
            events.append(text)
            busy.update(who)
    out = [HEAD.format(orgs=orgs), *sites, "organisations:\n"]
    out += [f"  {o}: {{name: {'Visiting' if o in visitors else 'Host'} company {o}}}\n"
            for o in everyone]
    out.append("people:\n")
    for o in everyone:
        for p in people[o]:
            extra = "" if p in busy else _stay(rng, start, end)  # no MC103 of our own making
            out.append(f"  {p}: {{name: Person {p}, organisation: {o}, "
                       f"email: {p}@example.org{extra}}}\n")
    out += events
    out.append(_session(start, end, slot_minutes, gap_minutes, tables, everyone))
    out += _requests(rng, visitors, hosts, requests)
    return "".join(out)


def _stay(rng: random.Random, start: datetime, end: datetime) -> str:
    roll = rng.random()
    if roll < 0.04:
        return f", arrival: {start + timedelta(minutes=rng.choice((50, 80, 110))):%Y-%m-%d %H:%M}"
    if roll < 0.07:
        return f", departure: {end - timedelta(minutes=rng.choice((45, 75, 105))):%Y-%m-%d %H:%M}"
    return ""


def _busy(rng: random.Random, n: int, who: list[str], start: datetime, end: datetime,
          step: timedelta) -> tuple[str, str, list[str]]:
    """(its venue's line, or "", the event, the people it keeps busy)"""
    attendees = who if rng.random() < 0.7 else who[:1]
    kind = rng.choice(("visit-before", "visit-after", "city-meeting", "coach"))
    if kind == "visit-before":
        venue, s = rng.choice(("nouaceur", "mohammedia")), start - timedelta(hours=2)
        e = start + step * rng.randint(0, 2) + timedelta(minutes=10)
        title, ev = "Plant visit", "visit"
    elif kind == "visit-after":
        venue, e = rng.choice(("nouaceur", "mohammedia")), end + timedelta(hours=1)
        s = end - step * rng.randint(1, 3)
        title, ev = "Plant visit", "visit"
    elif kind == "city-meeting":
        venue, s = "maarif", start + step * rng.randint(2, 5)
        e = s + timedelta(minutes=60)
        title, ev = "Meeting at the offices", "meeting"
    else:
        venue, e = "forum", start + step * rng.randint(1, 4)
        s = e - timedelta(hours=2)
        title, ev = "Coach from Kenitra", "travel"
    site = ""
    if venue in PLACES:
        name, city, lat, lon = PLACES[venue]
        venue, site = f"site-{n:03d}", (
            f"  site-{n:03d}: {{name: {name} {n}, city: {city}, geo: "
            f"[{lat + rng.uniform(-0.01, 0.01):.4f}, {lon + rng.uniform(-0.01, 0.01):.4f}]}}\n")
    place = (f"from: kenitra\n    to: {venue}\n    mode: coach" if ev == "travel"
             else f"venue: {venue}")
    return site, (f"  busy-{n:03d}:\n    kind: {ev}\n    title: {title}\n    {place}\n"
            f"    start: {s:%Y-%m-%d %H:%M}\n    end: {e:%Y-%m-%d %H:%M}\n"
            f"    attendees: [{', '.join(attendees)}]\n"), attendees


def _session(start: datetime, end: datetime, slot: int, gap: int, tables: int,
             everyone: list[str]) -> str:
    return (f"b2b:\n  forum:\n    title: Brokerage event\n    venue: forum\n    room: hall\n"
            f"    date: {DAY}\n    start: \"{start:%H:%M}\"\n    end: \"{end:%H:%M}\"\n"
            f"    slot: {slot}m\n    gap: {gap}m\n    tables: {tables}\n"
            f"    participants: [{', '.join('org:' + o for o in everyone)}]\n    requests:\n")


def _requests(rng: random.Random, visitors: list[str], hosts: list[str],
              count: int) -> list[str]:
    appeal = [rng.paretovariate(1.6) for _ in hosts]
    asked: set[frozenset[str]] = set()
    out: list[str] = []
    tries = 0
    while len(out) < count and tries < count * 50:
        tries += 1
        roll = rng.random()
        a = rng.choice(visitors)
        b = rng.choice(visitors) if roll < 0.05 else rng.choices(hosts, appeal)[0]
        if a == b or frozenset((a, b)) in asked:
            continue
        if roll > 0.92:
            a, b = b, a  # a host asks a visitor
        asked.add(frozenset((a, b)))
        priority = rng.choices(("high", "normal", "low"), (1, 2, 1))[0]
        out.append(f"      - {{from: {a}, to: {b}, priority: {priority}}}\n")
        if rng.random() < 0.1 and len(out) < count:  # mutual interest
            out.append(f"      - {{from: {b}, to: {a}, priority: "
                       f"{rng.choice(('high', 'normal', 'low'))}}}\n")
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--orgs", type=int, default=60)
    parser.add_argument("--requests", type=int, default=240)
    parser.add_argument("--slots", type=int, default=10)
    parser.add_argument("--tables", type=int, default=24)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--out", type=Path, required=True)
    args = parser.parse_args()
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(generate(args.orgs, args.requests, args.slots, args.tables, args.seed),
                        encoding="utf-8")


if __name__ == "__main__":
    main()
