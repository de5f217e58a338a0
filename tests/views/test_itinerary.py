"""The itinerary: local times with zones, travel legs, groups by name, hosts, flags,
cancelled events, B2B folding, and terminal safety."""

from __future__ import annotations

from missionctl.linter import run_checks
from missionctl.model import Mission
from missionctl.render import terminal
from missionctl.views.flags import flags_by_event
from missionctl.views.itinerary import Itinerary, Line, build
from missionctl.views.select import Selection


def lines(it: Itinerary) -> dict[str, Line]:
    return {ln.event_id: ln for d in it.days for ln in d.lines}


def text(mission: Mission, sel: Selection | None = None, width: int = 100) -> str:
    it = build(mission, sel or Selection(), flags_by_event(run_checks(mission)))
    return terminal.itinerary(it, width)


def test_travel_starts_in_origin_zone_and_ends_in_destination_zone(small: Mission) -> None:
    flight = lines(build(small, Selection(), {}))["flight"]
    assert (flight.start_zone, f"{flight.start:%H:%M}") == ("Europe/Lisbon", "07:00")
    assert (flight.end_zone, f"{flight.end:%H:%M}") == ("Africa/Casablanca", "08:40")
    assert flight.route == ("Lisbon airport", "Casablanca airport")
    assert flight.transport == "Flight · TAP · TP1450"
    out = text(small)
    assert "07:00" in out and "Europe/Lisbon, UTC+1" in out
    assert "Africa/Casablanca, UTC" not in out  # the mission's zone is not repeated


def test_groups_by_name_and_host_contact(small: Mission) -> None:
    visit = lines(build(small, Selection(), {}))["visit"]
    assert visit.attending == ("The Portuguese team",)
    assert visit.attending_count == 4
    assert [h.name for h in visit.hosts] == ["Youssef Amrani"]
    assert "Host: Youssef Amrani (Plant manager), +212 661 000 001" in text(small)


def test_public_leaves_out_private_host_phone(small: Mission) -> None:
    visit = lines(build(small, Selection(), {}, public=True))["visit"]
    assert visit.hosts[0].phone is None
    assert visit.hosts[0].email == "y@acme.example.com"


def test_findings_flagged_beside_the_event(small: Mission) -> None:
    it = build(small, Selection(), flags_by_event(run_checks(small)))
    assert [f.code for f in lines(it)["clash"].flags] == ["MC101"]
    assert "⚠ MC101" in text(small)


def test_a_pairs_finding_is_also_beside_the_earlier_event(small: Mission) -> None:
    """MC101 points at the later event of a pair ('clash'); with the mission, the view also
    carries it beside the earlier one ('visit'), as `paired_flags` (issue 9)."""
    flags = flags_by_event(run_checks(small), small)
    ls = lines(build(small, Selection(), flags))
    (flag,) = ls["clash"].flags
    assert (flag.code, flag.others) == ("MC101", ("visit",))
    assert ls["visit"].flags == () and ls["visit"].paired_flags == (flag,)
    assert ls["clash"].paired_flags == ()
    # worked out the same from a plain mapping of the flags
    assert lines(build(small, Selection(), dict(flags)))["visit"].paired_flags == (flag,)
    # without the mission a flag names no other event: every view is as before
    plain = lines(build(small, Selection(), flags_by_event(run_checks(small))))
    assert plain["visit"].paired_flags == () and plain["clash"].flags[0].others == ()


def test_cancelled_and_tentative_are_marked(small: Mission) -> None:
    out = text(small)
    assert '[CANCELLED]' in out.split("Dinner =HYPERLINK")[1].splitlines()[0]
    assert "[tentative]" in out.split("Round table")[1].splitlines()[0]


def test_cancelled_is_struck_through_in_colour(small: Mission) -> None:
    it = build(small, Selection(), {})
    coloured = terminal.itinerary(it, 100, colour=True)
    assert "\x1b[" in coloured
    assert "\x1b[1;2;9m" in coloured or ";9m" in coloured  # strike


def test_b2b_session_folded_in_whole_view_and_listed_for_a_person(small: Mission) -> None:
    whole = lines(build(small, Selection(), {}))
    assert "matchmaking" in whole and "matchmaking.14:00.1" not in whole
    assert len(whole["matchmaking"].meetings) == 2
    mine = lines(build(small, Selection(person="youssef"), {}))
    assert list(mine) == ["visit", "matchmaking.14:00.1"]


def test_overnight_end_names_its_day(small: Mission) -> None:
    assert "– Tue 11 May 07:30" in text(small)


def test_no_markup_and_no_escape_sequences_from_the_file(small: Mission) -> None:
    out = text(small)
    assert "[bold]the bank[/bold]" in out  # shown, not obeyed
    assert "\x1b" not in out
    assert "\\x1b[2J" in out


def test_plain_text_has_no_trailing_blanks_and_fits(small: Mission) -> None:
    out = text(small, width=72)
    assert all(line == line.rstrip() for line in out.splitlines())
    assert max(len(line) for line in out.splitlines()) <= 72


def test_empty_selection(small: Mission) -> None:
    from datetime import date

    assert "Nothing in this selection." in text(small, Selection(day=date(2027, 6, 1)))


def test_header_names_duty_contact_and_emergency_numbers(small: Mission) -> None:
    head = text(small).split("Monday")[0]
    assert "Duty contact: Ana Silva" in head
    assert "police 19" in head
