"""`include:`: which files a mission file names, reading each one, and what a failed include
explains.

- **The list.** `include` takes a list of paths; one path alone reads as a list of one. A
  single string with commas (`include: people.yaml, venues.yaml`) is a list written without
  its brackets: MC003 saying so, and none of it is read (the author meant a list, and we do
  not guess which part is a file).
- **Each entry** is MC008 when it cannot be read: a name no file system takes, a path leaving
  the mission's directory, a cycle, a missing file (with "did you mean" among the YAML files
  where it was looked for), something that is not a file, a file that is not readable YAML.
- **What a failed include explains.** Every reference to an id the unread file would have
  defined is an MC006 of its own: a mistyped `venue.yaml` gives one per venue used. While an
  include has failed, those MC006 ("there is no venue 'x'") are folded into one finding at the
  first of them, naming the include and counting the references by kind, with the include
  entries as related places. Once the include is fixed they are checked again, one by one.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from missionctl.findings import Finding
from missionctl.loader.convert import Ctx, Skip, scalar, seq
from missionctl.yamlnodes import Node, ScalarNode, is_null

if TYPE_CHECKING:
    from missionctl.loader.read import RawMission

#: The longest name of one file or folder most file systems take (ext4, XFS, APFS, NTFS).
NAME_MAX = 255

#: read_file(path, shown) reads one more file of the mission (loader/read.py).
ReadFile = Callable[[Path, str], None]


def listed(vnode: Node, ctx: Ctx, raw: RawMission) -> list[tuple[str, Node]]:
    """The entries of an `include:` value: (path text, its node)."""
    if isinstance(vnode, ScalarNode) and not is_null(vnode) and "," in vnode.value:
        names = [part.strip() for part in vnode.value.split(",") if part.strip()]
        ctx.error("MC003", f"`include` takes a list: [{short(', '.join(names), 100)}]; write "
                  "the file names in brackets", vnode)
        raw.failed_includes.append((ctx.loc(vnode), "`include` is not a list"))
        return []
    out: list[tuple[str, Node]] = []
    for item in seq(vnode, ctx, "file paths"):
        try:
            out.append((scalar(item, ctx, "a file path"), item))
        except Skip:
            continue
    return out


def include(text: str, node: Node, parent: Path, parent_shown: str, ctx: Ctx,
            raw: RawMission, root_dir: Path, stack: list[Path], seen: set[Path],
            read_file: ReadFile) -> None:
    """Read the file an include entry names (through `read_file`), or say why not."""
    named = short(text)

    def failed(message: str) -> None:
        ctx.error("MC008", message, node)
        raw.failed_includes.append((ctx.loc(node), f"the include '{named}' could not be read"))

    problem = unusable_name(text)
    if problem is not None:
        return failed(f"include '{named}' {problem}")
    target = parent.parent / text
    shown = os.path.normpath(os.path.join(os.path.dirname(parent_shown), text))
    try:
        resolved = target.resolve()
    except (OSError, RuntimeError, ValueError):
        return failed(f"cannot resolve the include '{named}'")
    if Path(text).is_absolute() or not resolved.is_relative_to(root_dir):
        return failed(f"include '{named}' leaves the mission's directory; keep included files "
                      "beside the mission file or below it")
    if resolved in stack:
        chain = " -> ".join(p.name for p in [*stack[stack.index(resolved):], resolved])
        ctx.error("MC008", f"include '{named}' makes a cycle ({chain}); remove one include",
                  node)
        return None
    if resolved in seen or raw.budget.spent:
        # read already through another include (once is enough); or the mission is over
        # its size or alias bound, which one MC001 already says
        return None
    try:
        exists, is_file = resolved.exists(), resolved.is_file()
    except (OSError, ValueError) as exc:  # a path too long for the system, say
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
        return failed(f"cannot read the include '{named}': {reason}")
    if not exists:
        failed(f"included file '{named}' does not exist (looked for {short(shown)})"
               f"{_close_file(text, resolved.parent)}")
        raw.missing_includes.append((ctx.loc(node), resolved))
        return None
    if not is_file:
        return failed(f"include '{named}' is not a file")
    before = len(raw.findings)
    read_file(target, shown)
    if shown not in raw.files and len(raw.findings) > before:
        # The file could not be read at all: say so where it is included, too.
        failed(f"included file '{named}' could not be read: {raw.findings[before].message}")
    return None


def _close_file(text: str, folder: Path) -> str:
    """'; did you mean 'venues.yaml'?' among the YAML files of the folder looked in."""
    from difflib import get_close_matches

    try:
        names = [e.name for e in os.scandir(folder)
                 if e.name.endswith((".yaml", ".yml")) and e.is_file()]
    except OSError:
        return ""
    head, name = os.path.split(text)
    best = get_close_matches(name, names, n=1, cutoff=0.6)
    return f"; did you mean '{os.path.join(head, best[0])}'?" if best else ""


def unusable_name(text: str) -> str | None:
    """Why `text` cannot name a file on any system we run on, in a person's words; or None."""
    if "\x00" in text:
        return "holds a NUL character (\\x00), which no file name can; remove it"
    longest = max((len(part.encode("utf-8", "surrogateescape")) for part in text.split("/")),
                  default=0)
    if longest > NAME_MAX:
        return (f"has a name part of {longest} bytes; a file or folder name may have at most "
                f"{NAME_MAX}: shorten it")
    return None


def short(text: str, limit: int = 60) -> str:
    """`text` for a message: control characters shown, cut to `limit` characters."""
    from missionctl.wording import clean

    shown = clean(text)
    return shown if len(shown) <= limit else shown[:limit - 1] + "…"


def fold_unresolved(raw: RawMission, findings: list[Finding]) -> list[Finding]:
    """`findings` with the MC006 that failed includes explain folded into one (docstring)."""
    if not raw.failed_includes:
        return findings
    unknown = {loc: table for table, ident, loc, _any_kind in raw.refs
               if ident not in raw.sections[table]}
    held = [f for f in findings
            if f.code == "MC006" and f.loc in unknown and f.message.startswith("there is no ")]
    if len(held) < 2:
        return findings  # one reference reads well enough on its own
    counts: dict[str, int] = {}
    for f in held:
        counts[unknown[f.loc]] = counts.get(unknown[f.loc], 0) + 1
    ordered = sorted(counts.items(), key=lambda item: (-item[1], item[0]))
    kinds = (f" to {ordered[0][0]}" if len(ordered) == 1 else
             " (" + ", ".join(f"{n} to {table}" for table, n in ordered) + ")")
    why = " and ".join(dict.fromkeys(reason for _loc, reason in raw.failed_includes))
    first = min(held, key=Finding.sort_key)
    folded = Finding(
        "MC006",
        f"{len(held)} references{kinds} are unresolved because {why}; fix that first, and "
        "they are checked again one by one",
        first.loc, tuple(loc for loc, _reason in raw.failed_includes))
    dropped = {id(f) for f in held}
    return [f for f in findings if id(f) not in dropped] + [folded]
