"""tags: inline tags and placeholders are the same in the source and its translation.

In XLIFF and TMX, the inline elements of a segment (``<g>``, ``<x/>``, ``<ph>``, ``<bpt>``,
``<pc>``, ``<mrk>``…, told apart by their id) must all be in the target, and no other; in
any bilingual file, so must placeholders of the text: printf's (``%s``, ``%d``, ``%1$s``,
``%(name)s``), braces (``{0}``, ``{name}``) and ``${name}``. A tag or placeholder too many is
reported where it is; one missing is reported on the whole target segment.

.. code-block:: yaml

    tags:
      type: tags
      severity: error
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator

import regex

from ..context import Context
from ..finding import Problem
from .base import Check

PLACEHOLDER = regex.compile(r"%(?:\d+\$)?(?:\([\w.]+\))?[-+#0]*\d*(?:\.\d+)?[sdifuxXeEgGc@]|\{[\w.]*\}|\$\{\w+\}")


class Tags(Check):
    type_name = "tags"

    def check(self, context: Context) -> Iterator[Problem]:
        for segment, target in context.compared():
            found = [(code.name, code.start, code.end) for code in segment.target_codes]
            found += [(match.group(), segment.start + match.start(), segment.start + match.end())
                      for match in PLACEHOLDER.finditer(target)]
            in_text = (match.group() for match in PLACEHOLDER.finditer(segment.source))
            wanted = Counter([*segment.source_codes, *in_text])
            for name, start, end in sorted(found, key=lambda item: item[1]):
                if wanted[name] > 0:
                    wanted[name] -= 1
                else:
                    yield Problem(start, end, f"{name} is not in the source")
            missing = [name for name, count in wanted.items() for _ in range(count)]
            if missing:
                yield Problem(segment.start, segment.end, f"The source has {', '.join(missing)}, missing here")
