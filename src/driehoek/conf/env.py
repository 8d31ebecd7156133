"""The one way settings read the environment.

Every variable is declared here with a default and a line of help, so that
docs/configuration.md can list them all (a test checks that it does).
"""

import os
from dataclasses import dataclass


@dataclass(frozen=True)
class Variable:
    name: str
    default: str | None
    help: str


REGISTRY: dict[str, Variable] = {}

TRUE = {"1", "true", "yes", "on", "ja"}


def config(name: str, default=None, *, help: str, cast=str):
    """Read `name` from the environment, falling back to `default`."""
    REGISTRY[name] = Variable(name, None if default is None else str(default), help)
    raw = os.environ.get(name)
    if raw is None or raw == "":
        return default
    if cast is bool:
        return raw.strip().lower() in TRUE
    if cast is list:
        return [item.strip() for item in raw.split(",") if item.strip()]
    return cast(raw)
