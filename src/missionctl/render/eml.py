"""`changes --format eml`: one person's notice as an RFC 5322 message (`email.message`),
UTF-8, addressed to their e-mail, with their changed events attached as an `.ics`.

missionctl sends nothing: the message is ready for any mail client (open it, or hand it to
`sendmail -t`). The sender is the mission's contact person (else its organiser
organisation), the body is the text notice, the attachment holds every event that changed for
the person: as it is now, or, for an event removed or one they left, marked cancelled (so a
calendar drops it). Other people's e-mail addresses in the attachment follow `private`.
"""

from __future__ import annotations

import hashlib
from dataclasses import replace
from datetime import UTC, datetime
from email.headerregistry import Address
from email.message import EmailMessage
from email.policy import SMTP

from missionctl.changes.diff import Change
from missionctl.changes.notices import Notice, Report
from missionctl.i18n import translator
from missionctl.model import Event, Mission
from missionctl.render import Options
from missionctl.render.changes_text import notice_text

MAILER = "missionctl changes"


def message(r: Report, n: Notice, options: Options) -> EmailMessage:
    msg = EmailMessage(policy=SMTP)
    sender = _sender(r.mission)
    if sender is not None:
        msg["From"] = sender
    if n.email:
        msg["To"] = Address(display_name=n.name, addr_spec=n.email)
    msg["Subject"] = translator(n.lang)._("Programme change: {title}").format(
        title=_title(r, n))
    when = r.sent or datetime.now(UTC)
    msg["Date"] = when
    token = hashlib.sha256(f"{r.source}\0{r.target}\0{n.person}".encode()).hexdigest()[:16]
    msg["Message-ID"] = f"<{n.person}.{token}@{r.mission.info.id}.missionctl>"
    msg["X-Mailer"] = MAILER
    msg.set_content(notice_text(r, n))
    msg.add_attachment(attachment(r, n, options), maintype="text", subtype="calendar",
                       filename=f"{n.person}.ics", params={"method": "PUBLISH"})
    return msg


def _title(r: Report, n: Notice) -> str:
    """The mission's title in the notice's language."""
    from missionctl.views.localise import localised

    return localised(r.mission, n.lang).info.title


def _sender(m: Mission) -> Address | None:
    p = m.people.get(m.info.contact) if m.info.contact else None
    if p is not None and p.email:
        return Address(display_name=p.name, addr_spec=p.email)
    org = m.organisations.get(m.info.organiser) if m.info.organiser else None
    if org is not None and org.email:
        return Address(display_name=org.name, addr_spec=org.email)
    return None


def changed_events(r: Report, changes: tuple[Change, ...]) -> list[tuple[Mission, Event, bool]]:
    """(mission, event, gone) of each event that changed for the person, once: `gone` for an
    event removed or one they left (sent as cancelled)."""
    seen: dict[str, tuple[Mission, Event, bool]] = {}
    for c in changes:
        if c.event is None:
            continue
        left = c.change == "people" and not c.after.get("taking_part")
        if c.change == "removed" or left:
            assert c.old is not None
            seen[c.old.id] = (r.diff.old, c.old, True)
        elif c.new is not None:
            seen[c.new.id] = (r.diff.new, c.new, False)
            if c.old is not None and c.old.id != c.new.id:  # a B2B meeting moved: new UID
                seen[c.old.id] = (r.diff.old, c.old, True)
    return list(seen.values())


def attachment(r: Report, n: Notice, options: Options) -> bytes:
    from missionctl.export.ics import calendar_bytes
    from missionctl.render.ics import cal_event, dtstamp
    from missionctl.views.localise import localised

    events = []
    for m, e, gone in changed_events(r, n.changes):
        stamp = r.sequences.get(e.id, (0, None))
        m = localised(m, n.lang)  # titles and notes in the person's language
        e = m.events.get(e.id, e)
        ev = cal_event(m, e, public=True, stamp=stamp, lang=n.lang)
        if gone:  # no longer in the person's calendar: cancel the copy they have
            ev = replace(ev, status="CANCELLED", sequence=stamp[0] + 1)
        events.append(ev)
    name = f"{_title(r, n)} – {n.name}"
    return calendar_bytes(events, name=name, dtstamp=dtstamp(r.mission, options.dtstamp))


def render(r: Report, options: Options) -> bytes:
    if len(r.notices) != 1:
        raise ValueError("eml is one message per person: render a report with one notice")
    return message(r, r.notices[0], options).as_bytes()


VIEWS = {"changes": render}
