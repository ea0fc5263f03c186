"""copydesk: a translation-quality linter for newsrooms.

Public API: ``lint_text``, ``lint_paths``, ``Finding``, ``Severity``.
"""

from .finding import Finding, Severity
from .run import lint_paths, lint_text
from .version import __version__

__all__ = ["Finding", "Severity", "__version__", "lint_paths", "lint_text"]
