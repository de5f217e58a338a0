"""`parsed` memoises the parsers of `values.py`: the same value or the same finding as the
parser called afresh, for any text, however often it is read."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from missionctl import values as v
from missionctl.findings import Finding
from missionctl.loader import context
from missionctl.loader.context import Ctx, Skip, parsed
from missionctl.yamlnodes import ScalarNode, compose_text

PARSERS: dict[str, Callable[[str], Any]] = {
    "date": v.a_date, "time": v.a_time, "datetime": v.date_time, "end": v.time_or_date_time,
    "duration": v.duration, "id": v.ident, "int": v.integer, "bool": v.boolean,
    "country": v.country, "language": v.language, "url": v.url, "email": v.email,
    "timerange": v.time_range,
}
# Texts near the valid ones, so that both branches (value and finding) are exercised.
PIECES = ["2027-09-13", " ", "09:00", "T", "10:30", "24:00", "1h30m", "PT1H", "45m", "2d",
          "-", "+01:00", "Z", "ana", "x", "MA", "pt", "true", "12", "_", ":", "http://a.b",
          "a@b.pt", "2027-02-30", "99:99", ""]
TEXTS = st.one_of(st.lists(st.sampled_from(PIECES), max_size=4).map("".join),
                  st.text(max_size=12))


_ROOT = compose_text("v: x\n", "t.yaml").root
assert _ROOT is not None
_MARK = _ROOT.value[0][1].start_mark


def _node(text: str) -> ScalarNode:
    """A quoted scalar of `text`, as libyaml gives it."""
    return ScalarNode("tag:yaml.org,2002:str", text, _MARK, _MARK, "'")


def _fresh(parse: Callable[[str], Any], text: str) -> tuple[str, Any]:
    try:
        return "value", parse(text)
    except v.Invalid as exc:
        return "finding", str(exc)


def _through(conv: Callable[..., Any], text: str) -> tuple[str, Any]:
    findings: list[Finding] = []
    try:
        return "value", conv(_node(text), Ctx("t.yaml", findings))
    except Skip:
        assert [f.code for f in findings] == ["MC003"]
        return "finding", findings[0].message


@settings(max_examples=300)
@given(st.sampled_from(sorted(PARSERS)), st.lists(TEXTS, min_size=1, max_size=6))
def test_memoised_parser_answers_as_the_parser(kind: str, texts: list[str]) -> None:
    conv = parsed(PARSERS[kind])
    for text in [*texts, *texts]:  # each text a second time: from the memo
        assert _through(conv, text) == _fresh(PARSERS[kind], text)


def test_the_memo_keeps_only_values_and_stays_bounded(monkeypatch: Any) -> None:
    calls: list[str] = []

    def parse(text: str) -> str:
        calls.append(text)
        if text == "bad":
            raise v.Invalid("bad")
        return text.upper()

    monkeypatch.setattr(context, "PARSED_KEPT", 3)
    conv = parsed(parse)
    for text in ["a", "a", "bad", "bad", "b", "c", "a", "d", "a"]:
        _through(conv, text)
    # "a" parsed once until the memo filled (a, b, c) and was emptied for "d"; a wrong
    # value is parsed each time it is met, to be reported where it stands.
    assert calls == ["a", "bad", "bad", "b", "c", "d", "a"]
