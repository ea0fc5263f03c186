"""A progress bar on a terminal, for runs long enough to wonder about; never in a pipe or a log."""

from __future__ import annotations

import sys
import time
from typing import TextIO

DELAY = 2.0  # seconds before a bar appears: short runs finish without one
WIDTH = 30


class ProgressBar:
    def __init__(self, stream: TextIO = sys.stderr, delay: float = DELAY) -> None:
        self.stream = stream
        self.enabled = stream.isatty()
        self.delay = delay
        self.started = time.monotonic()
        self.drawn = 0.0  # when the bar was last drawn (0: never)

    def __call__(self, done: int, total: int) -> None:
        if not self.enabled:
            return
        now = time.monotonic()
        if now - self.started < self.delay or (now - self.drawn < 0.1 and done < total):
            return
        filled = WIDTH * done // total
        self.stream.write(f"\rChecking {done}/{total} files [{'#' * filled}{'.' * (WIDTH - filled)}] "
                          f"{100 * done // total}%")
        self.stream.flush()
        self.drawn = now

    def close(self) -> None:
        """Clear the bar, so that what follows starts on a clean line."""
        if self.drawn:
            self.stream.write("\r\x1b[K")
            self.stream.flush()
