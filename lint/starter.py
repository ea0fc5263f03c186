"""`copydesk init`: a commented starter rules file, never written over an existing one."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

NAME = "copydesk.yaml"


class StarterError(Exception):
    """The starter could not be written; the message says why, for a person."""


def starter_text() -> str:
    return (resources.files("lint") / "data" / "starter.yaml").read_text(encoding="utf-8")


def write_starter(folder: Path) -> Path:
    path = folder / NAME
    try:
        with open(path, "x", encoding="utf-8") as handle:  # "x": fails if the file exists
            handle.write(starter_text())
    except FileExistsError:
        raise StarterError(f"{path} already exists; copydesk init does not overwrite it") from None
    except OSError as error:
        raise StarterError(f"cannot write {path}: {error.strerror}") from None
    return path
