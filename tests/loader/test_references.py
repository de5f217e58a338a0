"""References (MC006): 'did you mean' across kinds where a person would expect it."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from hypothesis import given
from hypothesis import strategies as st
from yaml.error import Mark

from missionctl.loader import Loaded

BODY = """\
organisations:
  acme: {name: Acme}
people:
  ana: {name: Ana, organisation: acme}
  interp: {name: Ines, side: interpreter}
groups:
  delegation: {members: [ana]}
events:
  e:
    kind: visit
    title: V
    start: 2027-05-11 10:00
    end: '11:00'
"""


def mc006(result: Loaded) -> list[tuple[int, int, str]]:
    return [(f.loc.line, f.loc.column, f.message) for f in result.findings if f.code == "MC006"]


@pytest.mark.parametrize(("written", "message"), [
    ("delegation", "there is no person 'delegation' (did you mean 'group:delegation'?)"),
    ("acme", "there is no person 'acme' (did you mean 'org:acme'?)"),
    ("group:ana", "there is no group 'ana' (did you mean 'ana'?)"),
    ("org:delegation", "there is no organisation 'delegation' (did you mean "
                       "'group:delegation'?)"),
    ("group:acme", "there is no group 'acme' (did you mean 'org:acme'?)"),
    ("anna", "there is no person 'anna' (did you mean 'ana'?)"),
    ("group:delegaton", "there is no group 'delegaton' (did you mean 'delegation'?)"),
    ("nobody", "there is no person 'nobody'"),
])
@pytest.mark.parametrize("field", ["attendees", "hosts"])
def test_a_reference_of_the_wrong_kind_suggests_the_right_one(
    loaded: Callable[..., Loaded], field: str, written: str, message: str
) -> None:
    assert mc006(loaded(BODY + f"    {field}: [{written}]\n")) == [(22, 13 if field == "hosts"
                                                                   else 17, message)]


def test_group_members_and_b2b_participants_suggest_too(loaded: Callable[..., Loaded]) -> None:
    body = BODY.replace("members: [ana]", "members: [ana]}\n  all: {members: [delegation]") + (
        "b2b:\n  s: {title: S, date: 2027-05-12, start: '14:00', end: '16:00', slot: 25m, "
        "tables: 2, participants: [acme]}\n")
    assert [m for _, _, m in mc006(loaded(body))] == [
        "there is no person 'delegation' (did you mean 'group:delegation'?)",
        "there is no person 'acme' (did you mean 'org:acme'?)"]


@pytest.mark.parametrize(("written", "message"), [
    ("    interpreters: [delegation]\n", "there is no person 'delegation'"),
    ("    organisation: delegation\n", "there is no organisation 'delegation'"),
])
def test_a_field_taking_one_kind_suggests_no_other(
    loaded: Callable[..., Loaded], written: str, message: str
) -> None:
    assert [m for _, _, m in mc006(loaded(BODY + written))] == [message]


def test_a_persons_groups_suggest_no_person(loaded: Callable[..., Loaded]) -> None:
    body = BODY.replace("organisation: acme}", "organisation: acme, groups: [interp]}")
    assert [m for _, _, m in mc006(loaded(body))] == ["there is no group 'interp'"]


def test_did_you_mean_work_stays_linear(
    loaded: Callable[..., Loaded], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Each suggestion compares the unknown id with every known one (difflib): for 2,000
    distinct unknown ids among 2,000 people that was 4 million comparisons (minutes). The
    first 100 distinct unknown ids of a mission get a suggestion, a repeated one reuses it."""
    from missionctl import values

    calls: list[int] = []
    real = values.did_you_mean

    def counting(word: str, options: list[str]) -> str:
        calls.append(len(options))
        return real(word, options)

    monkeypatch.setattr(values, "did_you_mean", counting)
    people = "".join(f"  person-{i:04d}: {{name: P{i}}}\n" for i in range(500))
    refs = ", ".join([f"persn-{i:04d}" for i in range(300)] + ["persn-0001"] * 50)
    result = loaded(f"people:\n{people}groups:\n  all: {{members: [{refs}]}}\n")
    found = mc006(result)
    assert len(found) == 350
    assert len(calls) == 100
    assert found[0][2] == "there is no person 'persn-0000' (did you mean 'person-0000'?)"
    assert found[1][2] == "there is no person 'persn-0001' (did you mean 'person-0001'?)"
    assert found[-1][2] == "there is no person 'persn-0001' (did you mean 'person-0001'?)"
    assert found[299][2] == "there is no person 'persn-0299'"


# --- parse_ref remembers what each text is -------------------------------------------------

_REF_TEXTS = st.one_of(
    st.lists(st.sampled_from(["group", "org", "person", "team", ":", "ana", "-x", " ", "a.b",
                              "_", "é", "x" * 70]), max_size=4).map("".join),
    st.text(max_size=10))


def _read_ref(text: str, persons_only: bool, line: int) -> tuple[object, list[object]]:
    """What `parse_ref` gives for `text` at `line`: the Ref or the finding, and the use it
    records for MC006."""
    from missionctl.findings import Finding
    from missionctl.loader.context import Ctx, Skip
    from missionctl.loader.references import parse_ref
    from missionctl.yamlnodes import ScalarNode

    mark = Mark("t.yaml", 0, line, 4, None, 0)
    findings: list[Finding] = []
    ctx = Ctx("t.yaml", findings)
    try:
        got: object = parse_ref(ScalarNode("tag:yaml.org,2002:str", text, mark, mark, "'"), ctx,
                                persons_only)
    except Skip:
        got = findings
    return got, list(ctx.refs)


@given(st.lists(st.tuples(_REF_TEXTS, st.booleans()), min_size=1, max_size=8))
def test_a_remembered_reference_reads_as_a_fresh_one(items: list[tuple[str, bool]]) -> None:
    from missionctl.loader import references

    remembered = [_read_ref(text, only, i) for i, (text, only) in enumerate(items * 2)]
    fresh = []
    for i, (text, only) in enumerate(items * 2):
        references._ANY.clear()
        references._PERSONS.clear()
        fresh.append(_read_ref(text, only, i))
    assert remembered == fresh  # same Ref (kind, id, position) or the same finding


def _read_list(texts: list[str], persons_only: bool) -> tuple[object, ...]:
    """What `refs` gives for a list of `texts`: the Refs, the findings, the uses recorded."""
    from missionctl.findings import Finding
    from missionctl.loader.context import Ctx
    from missionctl.loader.references import refs
    from missionctl.yamlnodes import ScalarNode, SequenceNode

    items = [ScalarNode("tag:yaml.org,2002:str", text, mark, mark, "'")
             for i, text in enumerate(texts)
             for mark in [Mark("t.yaml", 0, i, 6, None, 0)]]
    mark = Mark("t.yaml", 0, 0, 4, None, 0)
    findings: list[Finding] = []
    ctx = Ctx("t.yaml", findings)
    got = refs(SequenceNode("tag:yaml.org,2002:seq", items, mark, mark), ctx, persons_only)
    return got, tuple(findings), tuple(ctx.refs)


@given(st.lists(_REF_TEXTS, max_size=8), st.booleans())
def test_a_list_of_remembered_references_reads_as_a_fresh_one(texts: list[str],
                                                              persons_only: bool) -> None:
    from missionctl.loader import references

    references._ANY.clear()
    references._PERSONS.clear()
    fresh = _read_list(texts, persons_only)
    assert _read_list(texts, persons_only) == fresh  # now every text is remembered
