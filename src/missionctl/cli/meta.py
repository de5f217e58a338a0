"""`missionctl rules`, `schema` and `new`: commands about the format itself."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from missionctl import render
from missionctl.cli.common import Force

if TYPE_CHECKING:
    Format = str
else:  # the registry's formats of the rule catalogue (one rule explained has the same)
    Format = render.choice("rules")


def rules(
    code: Annotated[str | None, typer.Argument(help="A rule code (MC101) or name.")] = None,
    format: Annotated[Format, typer.Option("--format", "-f", help="Output format: "
                                           f"{render.listed('rules')}.")] = "text",
) -> int:
    """The rule catalogue, or one rule explained with an example."""
    from missionctl.cli.common import emit
    from missionctl.errors import UserError
    from missionctl.rules import docs
    from missionctl.rules.catalogue import RULES

    if code is None:
        emit(render.render("rules", format, list(RULES.values())), None)
        return 0
    info = docs.find(code)
    if info is None:
        from missionctl.values import did_you_mean

        raise UserError(f"no rule '{code}'{did_you_mean(code.upper(), list(RULES))}; "
                        "`missionctl rules` lists them")
    emit(render.render("rule", format, info), None)
    return 0


def schema(
    output: Annotated[Path | None, typer.Option("--output", "-o",
                                                help="Write the schema to FILE.")] = None,
    force: Force = False,
) -> int:
    """The JSON Schema (draft-07) of the mission format, for editors."""
    import json

    from missionctl.cli.common import emit
    from missionctl.outputs import guard
    from missionctl.schema import json_schema

    emit(json.dumps(json_schema(), indent=2) + "\n", output, guard("schema", force=force))
    return 0


def new(
    path: Annotated[Path, typer.Argument(help="The mission file to create.")],
    country: Annotated[str, typer.Option(help="Host country, ISO 3166-1 alpha-2.")] = "MA",
    timezone: Annotated[str, typer.Option(help="IANA zone of the host country.")] = (
        "Africa/Casablanca"),
    start: Annotated[str | None, typer.Option(
        help="First day, YYYY-MM-DD (default: a Tuesday at least two weeks ahead).")] = None,
    force: Annotated[bool, typer.Option("--force", help="Overwrite an existing file.")] = False,
) -> int:
    """Write a new mission file that passes `check`, to start from, and the schema beside it
    that its `$schema` line names."""
    import json
    import sys

    from missionctl import outputs
    from missionctl.errors import UserError
    from missionctl.schema import SCHEMA_FILE, json_schema
    from missionctl.template import new_mission

    if path.exists() and not force:
        raise UserError(f"{path} already exists; choose another name or pass --force")
    text = new_mission(path.stem, country, timezone, start)
    outputs.write(path, text, outputs.guard("new", force=force))
    schema_path = path.parent / SCHEMA_FILE
    try:  # the schema is ours to refresh; somebody else's file of that name is left alone
        outputs.write(schema_path, json.dumps(json_schema(), indent=2) + "\n",
                      outputs.guard("new"))
    except UserError as exc:
        print(f"missionctl: {exc}; the $schema line of {path.name} names it, so an editor "
              "will not complete keys until it is the schema (missionctl schema -o FILE)",
              file=sys.stderr)
    typer.echo(f"wrote {path} (and {schema_path.name} beside it, for editors); now run: "
               f"missionctl check {path}")
    return 0
