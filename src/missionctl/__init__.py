"""missionctl: check, print and export trade-mission programmes kept as YAML files."""

__version__ = "0.1.0"
