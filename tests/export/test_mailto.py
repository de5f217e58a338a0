"""E-mail addresses in exports: what `check` accepts is always written validly (issue 9)."""

from __future__ import annotations

import icalendar
import pytest
import vobject
from hypothesis import given, settings
from hypothesis import strategies as st

from missionctl import values
from missionctl.export.ics import CalEvent, attendee_address, calendar_bytes
from missionctl.export.mailto import is_address, mailto
from missionctl.tz import zone

CASA = zone("Africa/Casablanca")


@pytest.mark.parametrize(("text", "uri"), [
    ("ana.silva@example.pt", "mailto:ana.silva@example.pt"),
    ("rui+mission@example.pt", "mailto:rui+mission@example.pt"),
    ('"john doe"@example.org', "mailto:%22john%20doe%22@example.org"),  # RFC 6068's example
    ("ana?cc=x@example.org", "mailto:ana%3Fcc%3Dx@example.org"),  # no header fields smuggled
    ("a&b=c%d#e/f@example.org", "mailto:a%26b%3Dc%25d%23e%2Ff@example.org"),
    ("josé@exemplo.pt", "mailto:jos%C3%A9@exemplo.pt"),  # RFC 6532 UTF-8, percent-encoded
    ("a@[192.0.2.1]", "mailto:a@%5B192.0.2.1%5D"),
    ('"a,b"@example.org', "mailto:%22a%2Cb%22@example.org"),  # "," separates addresses
    ('x"@evil.com', None),  # an unbalanced quote: no address (found by the trial)
    (":duty@example.org", None),  # ":" is not atext (found by the trial)
    ("a,b@example.org", None),
    ("a..b@example.org", None),
    (".a@example.org", None),
    ("a<b>@example.org", None),
    ("a\x00b@example.org", None),
    ("a@b@example.org", None),
    ("a@exa mple.org", None),
    ("@example.org", None),
    ("ana@", None),
    ("", None),
])
def test_mailto(text: str, uri: str | None) -> None:
    assert mailto(text) == uri
    assert is_address(text) == (uri is not None)


def _event(email: str) -> CalEvent:
    from datetime import datetime

    return CalEvent(uid="x@t", summary="Meeting", start=datetime(2027, 5, 11, 10, tzinfo=CASA),
                    start_zone="Africa/Casablanca", end=datetime(2027, 5, 11, 11, tzinfo=CASA),
                    end_zone="Africa/Casablanca", attendees=(("Duty desk", email),))


@pytest.mark.parametrize("email", ['x"@evil.com', ":duty@example.org"])
def test_the_trials_addresses_leave_the_uri_and_keep_the_name(email: str) -> None:
    with pytest.raises(values.Invalid):  # check refuses them (MC003) since i9-model's grammar
        values.email(email)
    data = calendar_bytes([_event(email)], name="m", dtstamp=_event(email).start)
    (vevent,) = icalendar.Calendar.from_ical(data).walk("VEVENT")
    attendee = vevent["ATTENDEE"]
    assert str(attendee) == attendee_address("Duty desk", None)
    assert attendee.params["CN"] == "Duty desk"


def _accepted(text: str) -> bool:
    try:
        values.email(text)
    except values.Invalid:
        return False
    return True


@settings(max_examples=300, deadline=None)
@given(st.from_regex(r"[\w!#$%&'*+/=?^`{|}~.-]{1,12}@[\w.-]{1,12}\.[^\W\d_]{1,6}", fullmatch=True)
       .filter(_accepted))
def test_every_address_check_accepts_is_exported(email: str) -> None:
    """ICS: a valid calendar whose ATTENDEE is the address's mailto: or the name's urn:uuid:;
    vCard: the EMAIL reads back as written, without its control characters."""
    from missionctl.export.text import one_line

    data = calendar_bytes([_event(email)], name="m", dtstamp=_event(email).start)
    (vevent,) = icalendar.Calendar.from_ical(data).walk("VEVENT")
    written = str(vevent["ATTENDEE"])
    assert written == (mailto(email) or attendee_address("Duty desk", None))
    assert "\r" not in written and "\n" not in written and '"' not in written
    card = vobject.vCard()
    card.add("fn").value = "Duty desk"
    prop = card.add("email")
    prop.value = one_line(email)
    prop.type_param = "INTERNET"
    back = vobject.readOne(card.serialize())
    assert back.email.value == one_line(email)
