"""--fix killed at any moment (SIGKILL: no handler runs, nothing is cleaned up) leaves the
article as it was or as fixed, byte for byte, never truncated or mixed; the temporary file a
killed fix leaves is never checked, and the next fix removes it.

COPYDESK_KILLS sets the number of kills (default 40)."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

from conftest import ROOT, SEED, run

KILLS = int(os.environ.get("COPYDESK_KILLS", "40"))
RULES = str(ROOT / "rules.yaml")


def fix_command(article: Path) -> list[str]:
    return [sys.executable, "-m", "lint", "check", "--fix", "-c", RULES, "-f", "json", "-o", os.devnull, str(article)]


def temporaries(folder: Path) -> list[Path]:
    return sorted(folder.glob(".*.copydesk"))


def kill_when(process: subprocess.Popen, folder: Path, delay: float, mid_write: bool) -> bool:
    """SIGKILL the fix ``delay`` seconds after it starts, or, for ``mid_write``, that long
    after its temporary file appears. Whether the temporary file was there when it died."""
    if mid_write:
        give_up = time.monotonic() + 60
        while not temporaries(folder) and process.poll() is None and time.monotonic() < give_up:
            pass  # poll as fast as we can: writing 200 kB takes a few milliseconds
    time.sleep(delay)
    process.send_signal(signal.SIGKILL)
    process.wait(timeout=60)
    return bool(temporaries(folder))


def test_fix_killed_at_any_moment_leaves_the_old_text_or_the_new(tmp_path):
    folder = tmp_path / "news"
    folder.mkdir()
    article = folder / "article.txt"
    old = SEED.read_bytes() * 80  # 200 kB, 1,520 fixes
    article.write_bytes(old)
    started = time.monotonic()
    subprocess.run(fix_command(article), cwd=ROOT, check=False, timeout=120)
    duration = time.monotonic() - started
    new = article.read_bytes()
    assert new != old and len(new) > len(old) // 2

    rng = random.Random(20261124)
    outcomes: Counter[str] = Counter()
    for kill in range(KILLS):
        article.write_bytes(old)
        process = subprocess.Popen(fix_command(article), cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        mid_write = kill % 3 != 0  # two kills in three aimed at the write, one anywhere in the run
        delay = rng.uniform(0, 0.004) if mid_write else rng.uniform(0, duration)
        left_temporary = kill_when(process, folder, delay, mid_write)
        data = article.read_bytes()
        assert data in (old, new), f"kill {kill}: {len(data)} bytes, neither the old text nor the new"
        outcomes[("old" if data == old else "new") + (" + temporary file" if left_temporary else "")] += 1
    print(f"\n{KILLS} kills: {dict(outcomes)}")
    assert sum(outcomes.values()) == KILLS
    assert outcomes["old + temporary file"] > 0, "no kill landed while the new text was being written"

    # what killed fixes left is hidden: a check of the folder reads the article alone
    leftovers = temporaries(folder)
    article.write_bytes(old)
    report = run("check", "-c", RULES, "-f", "json", str(folder)).json()
    assert [entry["path"] for entry in report["files"]] == [str(article)]
    # the next fix of the article removes them, and fixes it
    assert run("check", "-c", RULES, "--fix", str(article)).exit_code in (0, 1)
    assert article.read_bytes() == new
    assert temporaries(folder) == [] and (not leftovers or not leftovers[0].exists())
