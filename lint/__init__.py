"""copydesk: a translation-quality linter for newsrooms.

Public API: ``lint_text``, ``lint_paths``, ``Finding``, ``Severity``.
"""

__version__ = "0.1.0"

from .finding import Finding, Severity  # noqa: E402
from .run import lint_paths, lint_text  # noqa: E402

__all__ = ["Finding", "Severity", "lint_paths", "lint_text", "__version__"]
