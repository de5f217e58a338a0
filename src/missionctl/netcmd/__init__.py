"""The logic of the four network commands (`travel`, `geocode`, `holidays`, `publish`).

Each module wires the mission model to one client of `missionctl.net` and returns a plain
result the thin Typer command (`missionctl.cli.network`) prints. Nothing here is imported at
CLI start-up: every module imports httpx through `missionctl.net.*`, and the commands import
them inside their function bodies, so `missionctl check` never loads httpx.
"""
