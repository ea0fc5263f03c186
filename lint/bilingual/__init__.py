"""Bilingual input: units of XLIFF, PO and TMX files, and aligned article pairs.

A bilingual file is checked through a view of it in which everything but the targets' text
is blank (as the prose views of lint.prose do for Markdown and HTML): every rule reads the
targets at their own offsets in the file, and bilingual rules also read each target's
``Segment``, which holds its source.
"""

from .segment import Code, Segment
from .store import Bilingual, kind, read

__all__ = ["Bilingual", "Code", "Segment", "kind", "read"]
