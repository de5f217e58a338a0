"""The import is linear in the rows: work is counted (never timed) at N and 2N rows, for the
paths that could turn quadratic: unique ids for people who share a name, repeats, organisation
merges and re-import matching."""

from __future__ import annotations

import pytest

from missionctl.importers import names, orgs, reconcile, rows
from missionctl.importers.names import Ids
from missionctl.importers.reconcile import Existing
from missionctl.importers.rows import Registration


def test_ids_for_people_sharing_a_name_are_linear() -> None:
    for n in (1000, 2000):
        ids = Ids(taken={"joao-ferreira", "joao-ferreira-3"})
        made = [ids.new("joao-ferreira") for _ in range(n)]
        assert len(set(made)) == n
        assert made[:3] == ["joao-ferreira-2", "joao-ferreira-4", "joao-ferreira-5"]
        assert ids.steps <= n + 2


def registrations(n: int) -> list[Registration]:
    out = []
    for i in range(n):
        org = ["Moldes Norte, Lda.", "MOLDES NORTE LDA"][i % 2] if i % 3 == 0 else f"Firma {i}"
        out.append(Registration([i + 2], f"Pessoa {i % 50} Silva", org, "PT",
                                {"email": f"p{i}@example.org"}, [(org, i + 2)]))
    return out


def work(n: int, monkeypatch: pytest.MonkeyPatch) -> int:
    """Calls of the key functions (and id steps) to match n registrations with n earlier
    people and to make their organisations."""
    calls = 0
    for module, name in ((orgs, "org_key"), (reconcile, "org_key"), (reconcile, "person_key"),
                         (rows, "org_key"), (rows, "person_key")):
        real = getattr(names, name)

        def counted(text: str, real=real) -> str:  # type: ignore[no-untyped-def]
            nonlocal calls
            calls += 1
            return str(real(text))

        monkeypatch.setattr(module, name, counted)
    regs = registrations(n)
    merged = rows.Rows()
    merger = rows._Merger(merged)
    for reg in regs:
        merger.add(reg)
    ids = Ids()
    made = orgs.organisations(merged.registrations, [], [], ids)
    earlier = [Existing(f"p{i}", f"Pessoa {i % 50} Silva", f"p{i}@example.org", "")
               for i in range(0, n, 2)]
    people = Ids(taken={e.id for e in earlier})
    reconcile.reconcile([(r, {"name": r.name}) for r in merged.registrations], [], earlier, [],
                        people)
    monkeypatch.undo()
    return calls + ids.steps + people.steps + len(made.made)


def test_merges_and_matching_are_linear(monkeypatch: pytest.MonkeyPatch) -> None:
    small, large = work(2000, monkeypatch), work(4000, monkeypatch)
    assert large <= 2.1 * small, (small, large)
