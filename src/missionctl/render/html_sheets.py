"""`--format html` for the operational sheets (`missionctl sheets`): one table per section,
badges eight to an A4 page (page.css). The page, its header and footer are `html.py`'s."""

from __future__ import annotations

from typing import TYPE_CHECKING

from missionctl.i18n import Translator, translator
from missionctl.render.html import _footer, _header, esc, page, tel
from missionctl.views.table import Cell, Table, heading_text, shown

if TYPE_CHECKING:
    from missionctl.render import Options


def sheet(t: Table) -> str:
    tr = translator(t.lang)
    head = _header(f"{t.heading} · {t.dates}" if t.dates else t.heading, t.title, [], tr)
    if t.kind == "badges":
        body = _badges(t)
    else:
        body = "".join(_sheet_section(t, key, rows) for key, rows in t.sections())
    if not t.rows:
        body = _empty(tr)
    return page(f"{t.title} – {t.heading}",
                head + "<main>\n" + body + "</main>\n" + _footer(t.mission_id, tr), t.lang)


def _empty(tr: Translator) -> str:
    text = tr._("Nothing in this selection.")
    return f'<p class="empty">{esc(text)}</p>\n'


def _sheet_section(t: Table, key: tuple[Cell, ...], rows: list[tuple[Cell, ...]]) -> str:
    cols = t.body_columns
    title = f"<h2>{esc(heading_text(key, t.columns, t.lang))}</h2>" if t.group else ""
    head = "".join(f"<th>{esc(c.label)}</th>" for c in cols)
    body = "".join("<tr>" + "".join(
        f"<td>{tel(v) if c.kind == 'phone' and isinstance(v, str) else _cell(v, c.kind, t)}"
        "</td>" for v, c in zip(row, cols, strict=False)) + "</tr>\n" for row in rows)
    return (f"<section>{title}<table class=\"sheet\"><thead><tr>{head}</tr></thead>"
            f"<tbody>\n{body}</tbody></table></section>\n")


def _cell(value: Cell, kind: str, t: Table) -> str:
    return esc(shown(value, kind, t.lang))


def _badges(t: Table) -> str:
    """Eight badges per A4 page (two across, four down; page.css)."""
    cards = "".join(
        f'<div class="namebadge"><div class="name">{esc(name)}</div>'
        + (f'<div class="org">{esc(org)}</div>' if org else "")
        + (f'<div class="role">{esc(role)}</div>' if role else "") + "</div>\n"
        for name, org, role, *_rest in t.rows)
    return f'<div class="namebadges">\n{cards}</div>\n'


def _sheet(t: Table, options: Options) -> str:
    return sheet(t)


VIEWS = {"sheet": _sheet}
