"""Errors that the CLI's one boundary turns into a message and an exit code."""

from __future__ import annotations


class UserError(Exception):
    """A usage error or an unreadable path: a one-line message, exit code 2."""

    exit_code = 2
