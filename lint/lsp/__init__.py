"""copydesk as a language server (``copydesk lsp``): the findings of ``copydesk check``
as an editor's diagnostics while the article is written, with quick fixes.

Modules: ``handlers`` (the protocol's messages), ``server`` (the passes, the
rules reloads, the commands' files), ``positions``
(the client's position encoding), ``diagnostics`` (findings as diagnostics),
``actions`` and ``rulesedit`` (code actions and the edits they make),
``workspace`` (each document's rules file, the batch rules' workspace pass).
"""

from __future__ import annotations


def serve() -> None:
    from .handlers import serve as start

    start()


__all__ = ["serve"]
