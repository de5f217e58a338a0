"""missionctl: check, print and export trade-mission programmes kept as YAML files.

The Python API is the one the command line uses (docs/api.md):

    import missionctl

    mission = missionctl.load("missions/x.yaml")      # a Mission, or raises FormatErrors
    findings = missionctl.check(mission, select="MC1")  # stamped, sorted findings
    page = missionctl.render.render("itinerary", "html", missionctl.Programme(mission))

Nothing is imported until it is used (module `__getattr__`): `import missionctl` costs no more
than the interpreter's start, since `missionctl check` runs in a pre-commit hook.
"""

__version__ = "0.1.0"

# No imports at all here, not even `typing` or `__future__` (typing costs more than the rest
# of this module). Type checkers treat a name TYPE_CHECKING as true wherever it comes from.
TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

    from missionctl import render as render
    from missionctl.errors import FormatErrors as FormatErrors
    from missionctl.errors import UserError as UserError
    from missionctl.linter import check as check
    from missionctl.missions import load as load
    from missionctl.render import Options as Options
    from missionctl.views.select import Programme as Programme
    from missionctl.views.select import Selection as Selection

# name -> (module, attribute; None for the module itself)
_LAZY: dict[str, tuple[str, str | None]] = {
    "load": ("missionctl.missions", "load"),
    "check": ("missionctl.linter", "check"),
    "render": ("missionctl.render", None),
    "Options": ("missionctl.render", "Options"),
    "Programme": ("missionctl.views.select", "Programme"),
    "Selection": ("missionctl.views.select", "Selection"),
    "FormatErrors": ("missionctl.errors", "FormatErrors"),
    "UserError": ("missionctl.errors", "UserError"),
}

__all__ = ["FormatErrors", "Options", "Programme", "Selection", "UserError", "__version__",
           "check", "load", "render"]


def __getattr__(name: str) -> "Any":
    try:
        module, attribute = _LAZY[name]
    except KeyError:
        raise AttributeError(f"module 'missionctl' has no attribute {name!r}") from None
    import importlib

    found = importlib.import_module(module)
    return found if attribute is None else getattr(found, attribute)


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(_LAZY))
