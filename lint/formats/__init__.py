"""Report formats: each turns a finished Report into text, deciding nothing."""

from __future__ import annotations

from collections.abc import Callable

from ..report import Report
from . import github, html, json, junit, sarif, text

Formatter = Callable[[Report, bool], str]

# name -> render(report, terminal): ``terminal`` is true when a person reads it live.
FORMATS: dict[str, Formatter] = {
    "text": text.render, "json": json.render, "html": html.render,
    "sarif": sarif.render, "github": github.render, "junit": junit.render,
}
