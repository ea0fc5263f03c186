"""What each configured rule checks, for `copydesk rules` and the SARIF report.

A check type's documentation is its module's docstring; its first paragraph
says what the type is for (``RuleSet.docs()`` gathers them). This module only
holds and lays out what was gathered, so the reports need nothing of the checks.
"""

from __future__ import annotations

from dataclasses import dataclass

from .finding import Severity


@dataclass(frozen=True)
class RuleDoc:
    id: str
    type: str
    severity: Severity
    enabled: bool
    summary: str      # what this rule checks, in a line ("Haftar, not Hifter, Hafter or Heftar")
    description: str  # the check type's first paragraph
    help: str         # the check type's documentation


def table(docs: list[RuleDoc]) -> str:
    """The rules as `copydesk rules` shows them: id, type, severity, what each checks."""
    rows = [("RULE", "TYPE", "SEVERITY", "CHECKS")]
    rows += [(doc.id, doc.type, str(doc.severity) if doc.enabled else "off", shorten(doc.summary)) for doc in docs]
    widths = [max(len(row[column]) for row in rows) for column in range(3)]
    return "".join("  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=False)) + "  " + row[3] + "\n"
                   for row in rows)


def as_markdown(text: str) -> str:
    """A docstring (reStructuredText as written in the check modules) in Markdown, as
    SARIF viewers show rule help: ``code`` becomes `code`, and the indented block after
    a paragraph ending in '::' or a '.. code-block:: LANG' line becomes a fenced block."""
    out: list[str] = []
    lines = text.splitlines()
    index = 0
    while index < len(lines):
        line = lines[index]
        directive = line.strip().startswith(".. code-block::")
        if directive or (line.rstrip().endswith("::") and line.strip() != "::"):
            if not directive:
                out.append(_inline(line.rstrip()[:-1]))
            language = line.split("::", 1)[1].strip() if directive else ""
            index += 1
            block: list[str] = []
            while index < len(lines) and (not lines[index].strip() or lines[index].startswith(" ")):
                block.append(lines[index])
                index += 1
            body = "\n".join(row[4:] if row.startswith("    ") else row.lstrip() for row in block).strip("\n")
            out += ["", f"```{language}", body, "```", ""]
            continue
        out.append(_inline(line))
        index += 1
    return "\n".join(out).strip() + "\n"


def _inline(line: str) -> str:
    return line.replace("``", "`")


def shorten(text: str, limit: int = 100) -> str:
    return text if len(text) <= limit else text[:limit - 1].rstrip() + "…"
