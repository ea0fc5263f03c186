"""``python -m lint``: the same program as ``copydesk``."""

from .cli import entry_point

entry_point()
