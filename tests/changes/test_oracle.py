"""`changes.diff` against a brute-force oracle on random edits of a random mission: every
event compared field by field with its old self by id (no renames in these edits), every
person's expected changes worked out one by one."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from missionctl.changes.diff import diff
from missionctl.loader import load
from missionctl.model import Mission

PEOPLE = [f"p{i}" for i in range(8)]
HEAD = """\
missionctl: 1
mission: {id: r, title: R, host_country: MA, timezone: Africa/Casablanca, start: 2027-05-10,
          end: 2027-05-12}
people:
""" + "".join(f"  {p}: {{name: Person {p}}}\n" for p in PEOPLE) + """\
venues:
  a: {name: A, rooms: {r1: {name: R1}, r2: {name: R2}}}
  b: {name: B, rooms: {r1: {name: R1}}}
events:
"""


def event(rng: random.Random, i: int) -> dict[str, object]:
    return {"hour": rng.randint(8, 18), "venue": rng.choice(["a", "b"]), "room": "r1",
            "title": f"Event {i}", "status": rng.choice(["confirmed", "confirmed", "cancelled"]),
            "people": sorted(rng.sample(PEOPLE, rng.randint(1, 4)))}


def text(events: dict[str, dict[str, object]]) -> str:
    out = [HEAD]
    for ident, e in events.items():
        out.append(f"  {ident}: {{kind: meeting, title: {e['title']}, venue: {e['venue']}, "
                   f"room: {e['room']}, start: 2027-05-10 {e['hour']:02d}:00, end: "
                   f"\"{e['hour']:02d}:45\", status: {e['status']}, attendees: "
                   f"[{', '.join(e['people'])}]}}\n")  # type: ignore[arg-type]
    return "".join(out)


def edit(rng: random.Random, events: dict[str, dict[str, object]]) -> dict[str, dict[str, object]]:
    new = {k: dict(v) for k, v in events.items()}
    for ident in list(new):
        roll = rng.random()
        if roll < 0.1:
            del new[ident]
        elif roll < 0.2:
            new[ident]["hour"] = (int(new[ident]["hour"]) % 18) + 1  # type: ignore[call-overload]
        elif roll < 0.3:
            new[ident]["room"] = "r2" if new[ident]["venue"] == "a" else "r1"
            new[ident]["venue"] = "a"
        elif roll < 0.4:
            new[ident]["status"] = "cancelled" if new[ident]["status"] == "confirmed" \
                else "confirmed"
        elif roll < 0.5:
            new[ident]["people"] = sorted(rng.sample(PEOPLE, rng.randint(1, 4)))
        elif roll < 0.6:
            new[ident]["title"] = f"{new[ident]['title']} (new)"
    for i in range(rng.randint(0, 3)):
        new[f"added{i}"] = event(rng, 100 + i)
    return new


def oracle(old: Mission, new: Mission) -> dict[str, set[tuple[str, str]]]:
    """person -> {(event, change)}, one event and one person at a time."""
    out: dict[str, set[tuple[str, str]]] = {}

    def give(people: frozenset[str], item: tuple[str, str]) -> None:
        for p in people:
            out.setdefault(p, set()).add(item)

    for ident in set(old.events) | set(new.events):
        a, b = old.events.get(ident), new.events.get(ident)
        was = old.taking_part.get(ident, frozenset())
        now = new.taking_part.get(ident, frozenset())
        if a is None or b is None:
            give(now if a is None else was, (ident, "added" if a is None else "removed"))
            continue
        if a.cancelled != b.cancelled:
            give(was | now, (ident, "cancelled" if b.cancelled else "reinstated"))
        if b.cancelled:
            continue
        give(was ^ now, (ident, "people"))
        for kind, same in (("time", a.start == b.start), ("place", (a.venue, a.room) ==
                                                           (b.venue, b.room)),
                           ("details", a.title == b.title)):
            if not same:
                give(was & now, (ident, kind))
    return out


@pytest.mark.parametrize("seed", range(25))
def test_diff_agrees_with_the_oracle(tmp_path: Path, seed: int) -> None:
    rng = random.Random(seed)
    before = {f"e{i}": event(rng, i) for i in range(rng.randint(5, 30))}
    after = edit(rng, before)
    missions = []
    for name, events in (("old.yaml", before), ("new.yaml", after)):
        (tmp_path / name).write_text(text(events), encoding="utf-8")
        loaded = load(tmp_path / name)
        assert loaded.mission is not None and not loaded.findings, loaded.findings
        missions.append(loaded.mission)
    d = diff(missions[0], missions[1])
    got = {p: {(c.event or "", c.change) for c in cs} for p, cs in d.people.items()}
    assert got == oracle(missions[0], missions[1])
    assert d.renamed == {}
