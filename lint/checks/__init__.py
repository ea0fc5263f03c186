"""The check types: few, written in code; rules of each type are written in YAML."""

from __future__ import annotations

from .base import Check
from .consistency import Consistency
from .glossary import Glossary
from .grammar import Grammar
from .names import Names
from .numbers import Numbers
from .pattern import Pattern
from .spelling import Spelling
from .substitution import Substitution
from .tags import Tags
from .untranslated import Untranslated
from .variants import Variants

CHECK_TYPES: dict[str, type[Check]] = {
    check.type_name: check for check in (Names, Substitution, Variants, Pattern, Spelling, Grammar,
                                         Numbers, Untranslated, Glossary, Consistency, Tags)}
