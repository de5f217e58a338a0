"""Network clients for missionctl: OSRM, Nominatim, Nager.Date and CalDAV.

Everything here imports httpx, so the command line imports these modules lazily, inside the
commands that talk to a server. Every function takes plain data (coordinates, addresses, ICS
bytes) and raises :class:`missionctl.net.errors.NetError` - and only that - when the network,
the server or its answer lets it down. ``str(error)`` is a one-line message fit for the user.

This ``__init__`` imports nothing heavy on purpose: ``from missionctl.net.errors import NetError``
costs no httpx import, so a command can catch the error type before deciding to go online.
"""

from missionctl.net.errors import NetError

__all__ = ["NetError"]
