"""Typed access to a parsed iCalendar property, for the tests that read our output back.

icalendar types `component[name]` as the union of every property value type, because which
one a property parses to depends on its name (DTSTART a `vDDDTypes`, GEO a `vGeo`, ATTENDEE
a `vCalAddress` or a list of them). `prop` says which one a test expects and checks it.
"""

from __future__ import annotations

from datetime import datetime
from typing import TypeVar

from icalendar.cal.component import Component
from icalendar.prop import vDDDTypes

T = TypeVar("T")


def prop(component: Component, name: str, kind: type[T]) -> T:
    """`component[name]`, checked to be a `kind`."""
    value = component[name]
    assert isinstance(value, kind), f"{name} is a {type(value).__name__}, not a {kind.__name__}"
    return value


def instant(component: Component, name: str) -> datetime:
    """A date-time property's value (DTSTART, DTEND), checked to be a date and a time."""
    value = prop(component, name, vDDDTypes).dt
    assert isinstance(value, datetime), f"{name} is {value!r}, not a date and time"
    return value
