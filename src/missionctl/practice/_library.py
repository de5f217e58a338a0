"""Public holidays computed by the `holidays` package (python-holidays).

Imported only when a calendar is not in the cache: `import holidays` plus building one
country costs about 165 ms here (80 ms import, 85 ms for Morocco), too much for a pre-commit
hook that runs on every commit.

How estimated dates are recognised. python-holidays has no per-date "estimated" flag in its
API: an Islamic (or other lunar) holiday whose date is computed rather than confirmed gets the
entity's `estimated_label` (English: "%s (estimated)") wrapped around its name, and an
observed day of such a holiday gets `observed_estimated_label` ("%s (observed, estimated)").
Both labels are translated by the same `tr` function that produced the names, so we match the
names against the translated labels (never against a hard-coded English string) and unwrap
them. The labels are empty for countries with no estimated holidays.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

LANGUAGE = "en_US"
"""Holiday names in US English when the country offers it, else in the country's own language.
Passed explicitly: left unset, python-holidays guesses from LANG/LC_ALL, and the same check
would print different names on different machines."""


def _split_label(label: str) -> tuple[str, str] | None:
    # A label is a %-format with one "%s": "%s (estimated)" -> ("", " (estimated)").
    if label.count("%s") != 1:
        return None
    head, tail = label.split("%s")
    return head, tail


def _unwrap(name: str, label: tuple[str, str] | None) -> str | None:
    """The inner name if `name` is `label` wrapped around something, else None."""
    if label is None:
        return None
    head, tail = label
    if not (head or tail):
        return None
    if len(name) > len(head) + len(tail) and name.startswith(head) and name.endswith(tail):
        return name[len(head) : len(name) - len(tail)]
    return None


def _translated(tr: Callable[[str], str], label: str | None) -> tuple[str, str] | None:
    # gettext("") returns the catalogue header, not "": never translate an empty label.
    if not label:
        return None
    return _split_label(tr(label))


def compute(country: str, year: int) -> list[tuple[dt.date, str, bool]] | None:
    """(date, name, estimated) for every public holiday of `country` in `year`, sorted;
    None when python-holidays does not know the country."""
    import holidays

    try:
        cal = holidays.country_holidays(country, years=year, language=LANGUAGE)
    except NotImplementedError:
        # python-holidays' answer for a country it does not cover.
        return None
    tr: Callable[[str], str] = cal.tr
    estimated = _translated(tr, getattr(cal, "estimated_label", None))
    observed_estimated = _translated(tr, getattr(cal, "observed_estimated_label", None))
    observed = _translated(tr, getattr(cal, "observed_label", None))

    out: list[tuple[dt.date, str, bool]] = []
    for day in sorted(cal):
        if day.year != year:
            continue
        # One date can carry several holidays ("Oued Ed-Dahab Day; Prophet's Birthday").
        for raw in cal.get_list(day):
            inner = _unwrap(raw, observed_estimated)
            if inner is not None:
                # Keep "observed" in the name (it tells why this weekday is off), drop the
                # estimation marker (it becomes the flag).
                head, tail = observed if observed is not None else ("", " (observed)")
                out.append((day, f"{head}{inner}{tail}", True))
                continue
            inner = _unwrap(raw, estimated)
            if inner is not None:
                out.append((day, inner, True))
            else:
                out.append((day, raw, False))
    out.sort()
    return out
