"""Work counted, never timed: instants that count the comparisons made with them."""

from __future__ import annotations

from datetime import datetime

from missionctl.model import Mission


class Counted(datetime):
    """A UTC instant that counts its comparisons: the rule's work, whatever the machine."""

    compared = 0

    def __lt__(self, other: object) -> bool:
        Counted.compared += 1
        return datetime.__lt__(self, other)  # type: ignore[operator]

    def __le__(self, other: object) -> bool:
        Counted.compared += 1
        return datetime.__le__(self, other)  # type: ignore[operator]

    def __gt__(self, other: object) -> bool:
        Counted.compared += 1
        return datetime.__gt__(self, other)  # type: ignore[operator]

    def __ge__(self, other: object) -> bool:
        Counted.compared += 1
        return datetime.__ge__(self, other)  # type: ignore[operator]

    __hash__ = datetime.__hash__


def counted(mission: Mission) -> Mission:
    def c(t: datetime) -> Counted:
        return Counted.fromtimestamp(t.timestamp(), t.tzinfo)

    return mission._replace(events={k: e._replace(start=c(e.start), end=c(e.end))
                                    for k, e in mission.events.items()})
