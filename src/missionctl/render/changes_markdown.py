"""`changes --format markdown`: the notices as Markdown, one section per person."""

from __future__ import annotations

from missionctl.changes.notices import Notice, Report
from missionctl.i18n import translator
from missionctl.render import Options
from missionctl.render.changes_text import FOOTER, heading, summary
from missionctl.wording import day_full


def _escape(text: str) -> str:
    """Markdown's inline markup characters written literally."""
    return "".join("\\" + c if c in "\\`*_[]<>#|" else c for c in text)


def notice_markdown(r: Report, n: Notice) -> list[str]:
    tr = translator(n.lang)
    out = [f"## {_escape(n.name)}", "", _escape(tr._("Hello {name},").format(name=n.name)), "",
           _escape(tr._("What changes for you:")), ""]
    for day in n.days:
        out += [f"### {day_full(day.day, n.lang)}", ""]
        out += [f"- {_escape(line)}" for line in day.lines]
        out.append("")
    for day in n.programme:
        heading = tr._("Your programme for {day}").format(day=day_full(day.day, n.lang))
        out += [f"**{_escape(heading)}**", ""]
        out += ([f"- {_escape(line)}" for line in day.lines]
                or ["- " + _escape(tr._("nothing: the day is free"))])
        out.append("")
    return out


def render(r: Report, options: Options) -> str:
    out = [f"# {_escape(heading(r))}", "", *(_escape(s) for s in summary(r)), ""]
    for n in r.notices:
        out += notice_markdown(r, n)
    out.append(f"*{FOOTER} ({_escape(r.source)} → {_escape(r.target)}).*")
    return "\n".join(out) + "\n"


VIEWS = {"changes": render}
