"""The README's sample output is what copydesk prints: every line it shows, in order."""

from __future__ import annotations

import re

from conftest import ROOT, run

README = (ROOT / "README.md").read_text(encoding="utf-8")


def test_the_readmes_sample_run_matches_the_real_output(monkeypatch):
    sample = re.search(r"```\n\$ (copydesk check seeds/)\n(.*?)```", README, re.S)
    shown = [line for line in sample[2].splitlines() if line != "..."]
    monkeypatch.chdir(ROOT)
    result = run(*sample[1].split()[1:])
    assert result.exit_code == 1
    printed = result.stdout.splitlines()
    positions = [printed.index(line) for line in shown]  # each shown line is printed as shown
    assert positions == sorted(positions) and shown[-1] == printed[-1]
