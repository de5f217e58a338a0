"""`missionctl changes`: what changed between two versions of a mission, for whom.

    missionctl changes PATH --since REV [--until REV]    # git revisions (default: working tree)
    missionctl changes OLD_PATH NEW_PATH                 # two files

Thin: the versions (`changes.versions`), the diff (`changes.diff`), the notices
(`changes.notices`), rendered by the registry's `changes` view; files through the output guard.
"""

from __future__ import annotations

import os
import sys
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from missionctl import render
from missionctl.cli.common import Force
from missionctl.cli.views import Lang

if TYPE_CHECKING:
    from missionctl.changes.diff import Diff
    from missionctl.changes.notices import Report
    from missionctl.changes.versions import Versions
    from missionctl.outputs import Guard

    ChangesFormat = str
else:
    ChangesFormat = render.choice("changes")


def changes(
    path: Annotated[Path, typer.Argument(help="The mission file (or a directory holding one); "
                                         "with NEW-PATH, the old version's file.",
                                         show_default=False)],
    new_path: Annotated[Path | None, typer.Argument(
        help="The new version's file, to compare two files instead of two revisions.",
        show_default=False)] = None,
    since: Annotated[str | None, typer.Option(
        "--since", help="The older git revision (a commit, branch, tag, HEAD~1).")] = None,
    until: Annotated[str | None, typer.Option(
        "--until", help="The newer git revision (default: the working tree).")] = None,
    person: Annotated[str | None, typer.Option("--person", help="Only this person's "
                                               "notice.")] = None,
    org: Annotated[str | None, typer.Option("--org", help="Only the notices of this "
                                            "organisation's people.")] = None,
    group: Annotated[str | None, typer.Option("--group", help="Only the notices of this "
                                              "group's members.")] = None,
    format: Annotated[ChangesFormat, typer.Option(
        "--format", "-f", help=f"Output format: {render.listed('changes')} (eml: one "
        "message per person, with --per-person or for one person).")] = "text",
    output: Annotated[Path | None, typer.Option(
        "--output", "-o", help="Write to FILE (atomically) instead of standard "
        "output.")] = None,
    per_person: Annotated[Path | None, typer.Option(
        "--per-person", help="Write one notice per person with a change into DIR "
        "(<person-id>.<ext>).")] = None,
    lang: Lang = None,
    force: Force = False,
) -> int:
    """What changed between two versions of a mission, as a notice for each person it touches."""
    from missionctl.changes import versions as v
    from missionctl.errors import UserError
    from missionctl.outputs import guard

    if per_person is not None and output is not None:
        raise UserError("give either --output or --per-person, not both")
    if new_path is not None:
        if since is not None or until is not None:
            raise UserError("compare either two files (OLD_PATH NEW_PATH) or two revisions "
                            "(--since REV), not both")
        both = v.from_files(path, new_path)
    elif since is None:
        raise UserError("say what to compare: --since REV (a git revision), or two files: "
                        "missionctl changes OLD_PATH NEW_PATH")
    else:
        both = v.from_git(path, since, until)
    built = _report(both, (person, org, group), path if format == "eml" and new_path is None
                    else None, until, (lang, per_person is not None or person is not None))
    rules = guard("changes", (*both.old.files, *both.new.files), force=force)  # never either
    if per_person is not None:
        return _per_person(built, format, per_person, rules)
    if format == "eml" and len(built.notices) != 1:
        raise UserError(f"--format eml writes one message per person and {len(built.notices)} "
                        "people have changes: add --per-person DIR, or --person ID")
    from missionctl.cli.common import emit

    emit(render.render("changes", format, built, render.Options()), output, rules)
    return 0


def _report(both: Versions, who: tuple[str | None, str | None, str | None],
            history: Path | None, until: str | None, reader: tuple[str | None, bool]
            ) -> Report:
    """The notices of the people in view (`who`: --person, --org, --group), in the reader's
    language (`reader`: --lang, and whether each person reads their own)."""
    from missionctl.changes.diff import diff
    from missionctl.changes.notices import report
    from missionctl.views.select import make_selection, people_in_view

    d = diff(both.old, both.new)
    sel = make_selection(both.new, *who)
    chosen = people_in_view(both.new, sel)
    people = [p for p in d.people if chosen is None or p in chosen]
    lang, langs = _languages(d, people, *reader)
    built = report(d, both.source, both.target, people, lang=lang, langs=langs)
    from dataclasses import replace

    if who[0] is not None and langs is not None and built.notices:  # --person: all theirs
        built = replace(built, lang=built.notices[0].lang)

    return replace(built, sent=_sent(), sequences=_sequences(built, history, until))


def _languages(d: Diff, people: list[str], lang: str | None, own: bool
               ) -> tuple[str, dict[str, str] | None]:
    """(the report's language, each person's): `--lang` for every notice; else the
    mission's first language we write, and with `--per-person` or `--person` each person's
    own (English, with a note, when that needs Babel and Babel is missing)."""
    from missionctl.cli.viewing import _default_lang, _with_lang

    if lang is not None:
        _with_lang(render.Options(), lang)  # Babel asked for once, with the install line
        return lang, None
    if not own:
        return _default_lang(d.new), None
    return _default_lang(d.new), {
        p: _default_lang(d.new if p in d.new.people else d.old, p) for p in people}


def _sent() -> datetime:
    """The messages' Date: SOURCE_DATE_EPOCH when set (reproducible output), else now."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    return datetime.fromtimestamp(int(epoch), UTC) if epoch.isdigit() else datetime.now(UTC)


def _sequences(built: Report, history: Path | None,
               until: str | None) -> dict[str, tuple[int, datetime | None]]:
    """SEQUENCE and LAST-MODIFIED of the events an e-mail's calendar carries: from the git
    history (`history`: the mission's path), else version 1 for what changed between the two
    files (the old file's events being version 0)."""
    if history is not None:
        from missionctl.changes.sequence import history as stamps

        return dict(stamps(history, until))
    return {e: (1, None) for e in built.diff.changed_events()}


def _per_person(built: Report, fmt: str, folder: Path, rules: Guard) -> int:
    """One file per person with a change; every target is checked before the first is written."""
    from dataclasses import replace

    from missionctl import outputs
    from missionctl.cli.viewing import _make_folder

    ext = render.extension(fmt)
    files = ((folder / f"{n.person}.{ext}",
              render.render("changes", fmt, replace(built, notices=(n,), lang=n.lang),
                            render.Options()))
             for n in built.notices)
    written = outputs.write_all(files, rules, prepare=lambda: _make_folder(folder))
    print(f"missionctl: wrote {written} notice(s) to {folder}", file=sys.stderr)
    return 0
