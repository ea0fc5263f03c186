"""``python -m lint``: the same program as ``copydesk``."""

from .cli import main

main(prog_name="copydesk")
