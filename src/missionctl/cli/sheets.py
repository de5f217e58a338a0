"""`missionctl sheets PATH KIND`: the operational sheets (rooming, dietary, manifest, badges)
in any of the registry's formats for the view `sheet`."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import typer

from missionctl import render
from missionctl.cli.common import Force
from missionctl.cli.views import Lang, Output, Paper, PathArg, Width

if TYPE_CHECKING:
    SheetFormat = str
    Kind = str
else:  # choices the option parser enforces
    from typing import Literal

    from missionctl.views.sheets import KINDS

    SheetFormat = render.choice("sheet")
    Kind = Literal[KINDS]


def sheets(
    path: PathArg,
    kind: Annotated[Kind, typer.Argument(
        help="rooming (per hotel and night), dietary (per meal), manifest (per travel leg) "
        "or badges (8 per A4 page).", show_default=False)],
    format: Annotated[SheetFormat, typer.Option(
        "--format", "-f", help=f"Output format: {render.listed('sheet')}.")] = "text",
    output: Output = None,
    driver_copy: Annotated[bool, typer.Option(
        "--driver-copy", help="manifest: include the fields people list in `private` (their "
        "phone numbers), for the driver's own copy; left out by default.")] = False,
    paper: Paper = "a4",
    width: Width = None,
    lang: Lang = None,
    force: Force = False,
) -> int:
    """Sheets for the hotel, the caterer, the driver and the badge printer."""
    from missionctl.cli.common import emit
    from missionctl.cli.viewing import _binary_needs_file, _default_lang, _width, _with_lang
    from missionctl.errors import UserError
    from missionctl.missions import open_mission
    from missionctl.outputs import guard
    from missionctl.views.sheets import build

    if driver_copy and kind != "manifest":
        raise UserError(f"--driver-copy is for the manifest, not the {kind} sheet")
    _binary_needs_file(format, output, None)
    mission = open_mission(path).mission
    opts = _with_lang(render.Options(width=_width(width, output), paper=paper),
                      lang or _default_lang(mission))
    table = build(mission, kind, driver=driver_copy, lang=opts.lang)
    emit(render.render("sheet", format, table, opts), output,
         guard("sheets", mission.files, force=force))
    return 0

