"""values.py: the e-mail grammar `check` accepts, tested against the standard library's
RFC 5322 parser and through every export that writes an e-mail."""

from __future__ import annotations

from collections.abc import Callable
from email import _header_value_parser as rfc5322
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from missionctl import values as v
from missionctl.cli.app import main

ACCEPTED = [
    "ana@example.org", "a.squalli@example.com", "o'brien+mission@example.ie",
    "a!#$%&'*+/=?^_`{|}~-z@example.org", "josé.núñez@exemplo.pt", "x@sub.domain-1.example.ma",
    "user@xn--bcher-kva.example", "محمد@مثال.ma",
]
REFUSED = [
    'x"@evil.com', ":duty@example.org", "duty:@example.org", "a b@example.org", "a..b@example.org",
    ".a@example.org", "a.@example.org", '"quoted"@example.org', "a@[192.0.2.1]", "a@localhost",
    "a@-x.example", "a@x-.example", "a@x..example", "a@example.123", "a@b@example.org",
    "a<b>@example.org", "a,b@example.org", "a;b@example.org", "a\\b@example.org",
    "a(b)@example.org", "a\x07b@example.org", "a\u0085b@example.org", "a@exa\u200bmple.org",
    "x" * 65 + "@example.org", "a@" + "b" * 64 + ".org", "a@" + ("b" * 60 + ".") * 5 + "org",
    "@example.org", "a@", "",
]


@pytest.mark.parametrize("address", ACCEPTED)
def test_email_accepts_dot_atom_addresses(address: str) -> None:
    assert v.email(address) == address


@pytest.mark.parametrize("address", REFUSED)
def test_email_refuses_what_an_export_cannot_write_plainly(address: str) -> None:
    with pytest.raises(v.Invalid, match="is not an e-mail address"):
        v.email(address)


def test_email_message_says_what_is_accepted() -> None:
    with pytest.raises(v.Invalid) as caught:
        v.email('x"@evil.com')
    assert str(caught.value) == (
        "'x\"@evil.com' is not an e-mail address: write name@domain.tld, with letters, "
        "digits and . _ + - ' before the @ (no spaces, quotes, : or ;)")


ODD = st.text(alphabet="ab.@-_+'\":;, <>()[]\\é\x00\t", min_size=1, max_size=14)


@settings(max_examples=400, deadline=None)
@given(text=ODD)
def test_everything_accepted_is_one_clean_rfc5322_addr_spec(text: str) -> None:
    """The standard library's RFC 5322 parser reads what we accept as exactly that address,
    with no defect but non-ASCII (RFC 6531 allows it)."""
    try:
        address = v.email(text)
    except v.Invalid:
        return
    parsed, rest = rfc5322.get_addr_spec(address)
    defects = [d for d in parsed.all_defects if "non-ASCII" not in str(d)]
    assert (parsed.addr_spec, rest, defects) == (address, "", [])


@pytest.mark.parametrize("args", [["itinerary", "--format", "ics"],
                                  ["itinerary", "--format", "json"],
                                  ["itinerary", "--format", "html"],
                                  ["contacts", "--format", "csv"],
                                  ["contacts", "--format", "vcf"]])
def test_every_accepted_address_exports(
    write: Callable[..., Path], capsys: pytest.CaptureFixture[str], args: list[str]
) -> None:
    people = "".join(f"  p{i}: {{name: P{i}, email: \"{a}\"}}\n" for i, a in enumerate(ACCEPTED))
    refs = ", ".join(f"p{i}" for i in range(len(ACCEPTED)))
    path = write(f"people:\n{people}events:\n  e: {{kind: briefing, title: B, start: "
                 f"2027-05-11 10:00, end: '11:00', attendees: [{refs}]}}\n", header=True)
    assert main([*args, str(path)]) == 0, capsys.readouterr().err


@pytest.mark.parametrize("address", ['x"@evil.com', ":duty@example.org"])
def test_the_addresses_that_crashed_the_ics_export_are_mc003(
    write: Callable[..., Path], capsys: pytest.CaptureFixture[str], address: str
) -> None:
    path = write(f"people:\n  ana: {{name: Ana, email: '{address}'}}\nevents:\n  e: {{kind: "
                 "briefing, title: B, start: 2027-05-11 10:00, end: '11:00', attendees: [ana]}\n",
                 header=True)
    assert main(["check", str(path)]) == 1
    assert "m.yaml:10:27: MC003 error" in capsys.readouterr().out
    assert main(["itinerary", "--format", "ics", str(path)]) == 1
    assert "internal error" not in capsys.readouterr().err


@pytest.mark.parametrize(("written", "hint"), [
    ("Portuguese", "pt"), ("português", "pt"), ("portugais", "pt"), ("Arabic", "ar"),
    ("PT", "pt"), ("por", "pt"),
])
def test_a_language_name_suggests_its_code(written: str, hint: str) -> None:
    with pytest.raises(v.Invalid) as caught:
        v.language(written)
    assert str(caught.value) == (f"'{written}' is not an ISO 639-1 language code "
                                 f"(did you mean '{hint}'?)")


def test_languages_portuguese_is_mc003_with_did_you_mean_pt(
    write: Callable[..., Path], capsys: pytest.CaptureFixture[str]
) -> None:
    path = write("people:\n  ana: {name: Ana, languages: [Portuguese, fr]}\n", header=True)
    assert main(["check", str(path)]) == 1
    assert ("m.yaml:10:32: MC003 error 'Portuguese' is not an ISO 639-1 language code "
            "(did you mean 'pt'?)") in capsys.readouterr().out


def test_the_instant_memo_is_bounded(monkeypatch: pytest.MonkeyPatch) -> None:
    """A long-running process (a server, the fuzz campaign) reads ever new wall times: the
    memo of local_instant must not grow without end."""
    from datetime import datetime, timedelta

    monkeypatch.setattr(v, "_INSTANTS", {})
    monkeypatch.setattr(v, "INSTANTS_KEPT", 100)
    start = datetime(2027, 1, 1)
    for minutes in range(1_000):
        v.local_instant(start + timedelta(minutes=minutes), "Africa/Casablanca")
        assert len(v._INSTANTS) <= 100
    assert v.local_instant(start, "Africa/Casablanca").isoformat() == "2027-01-01T00:00:00+00:00"
