"""--jobs: the same report from worker processes as from one; the progress bar only on a terminal."""

from __future__ import annotations

import io
import os
import shutil
import subprocess
import sys

from conftest import ROOT, SEED, run, write_rules

from lint.parallel import SMALL_RUN, cores, map_in_order, workers
from lint.progress import ProgressBar

FIXTURES = ROOT / "tests" / "fixtures"
PACKAGED = str(ROOT / "rules.yaml")


def test_two_jobs_give_the_same_output_in_the_same_order_as_one(tmp_path):
    for index in range(12):
        folder = tmp_path / f"section-{index % 3}"
        folder.mkdir(exist_ok=True)
        source = [SEED, FIXTURES / "hifter-visit.md", FIXTURES / "hifter-visit.html"][index % 3]
        shutil.copy(source, folder / f"{index:02d}-{source.name}")
    (tmp_path / "broken.txt").write_bytes(b"\xff\xfe\x00")
    for format_name in ("text", "json", "sarif", "junit"):
        serial = run("check", "-c", PACKAGED, "-f", format_name, "-j", "1", str(tmp_path))
        parallel = run("check", "-c", PACKAGED, "-f", format_name, "-j", "2", str(tmp_path))
        assert (parallel.exit_code, parallel.stdout, parallel.stderr) == \
            (serial.exit_code, serial.stdout, serial.stderr)
    assert serial.exit_code == 2 and serial.stdout.count("<testsuite ") == 13


def test_fix_in_two_jobs_fixes_every_file(tmp_path):
    for index in range(6):
        shutil.copy(SEED, tmp_path / f"{index}.txt")
    result = run("check", "-c", PACKAGED, "--fix", "-j", "2", str(tmp_path))
    assert result.stderr == "copydesk: 114 problems in 6 files fixed.\n"
    assert all("Hifter" not in path.read_text(encoding="utf-8") for path in tmp_path.iterdir())


def test_workers_keep_the_order_of_the_items():
    assert list(map_in_order(abs, list(range(-50, 0)), jobs=2)) == list(range(50, 0, -1))


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_progress_bar_draws_on_a_terminal_after_its_delay_and_clears_itself():
    screen = Terminal()
    bar = ProgressBar(screen, delay=0)
    for done in range(1, 5):
        bar(done, 4)
    bar.close()
    assert "\rChecking 4/4 files [" in screen.getvalue() and screen.getvalue().endswith("\r\x1b[K")


def test_no_progress_bar_in_a_pipe_or_for_a_short_run():
    piped = io.StringIO()
    bar = ProgressBar(piped, delay=0)
    bar(1, 1)
    bar.close()
    assert piped.getvalue() == ""
    screen = Terminal()
    quick = ProgressBar(screen)  # a run shorter than the delay
    quick(1, 1)
    quick.close()
    assert screen.getvalue() == ""


def test_jobs_left_to_copydesk_start_no_workers_for_a_few_files():
    assert workers(None, SMALL_RUN - 1) == 1
    assert workers(None, 1000) == min(cores(), 1000)
    assert workers(2, 5) == 2 and workers(4, 3) == 3  # asked for: used, up to one per file


def test_batch_rules_learn_from_every_file_in_workers_too(tmp_path):
    rules = write_rules(tmp_path, "version: 1\nrules:\n  variants: {type: variants, scope: batch}\n")
    articles = tmp_path / "articles"
    articles.mkdir()
    for index in range(40):
        name = "Misurata" if index == 7 else "Misrata"
        (articles / f"{index:02d}.md").write_text(f"# Port\n\nFighters left {name} on Monday, `Misurata` said.\n")
    serial = run("check", "-c", str(rules), "-f", "json", "-j", "1", str(articles))
    parallel = run("check", "-c", str(rules), "-f", "json", "-j", "2", str(articles))
    assert parallel.stdout == serial.stdout
    assert [(f["path"][-5:], f["text"]) for f in serial.json()["findings"]] == [("07.md", "Misurata")]


def test_suggestions_are_the_same_in_every_process(tmp_path):
    """Workers are other processes, with other string hashes: nothing may depend on a set's order."""
    article = tmp_path / "a.txt"
    article.write_text("The hirings went on, a manana attitude, said kamel and arjen to the wirers.\n")
    outputs = {subprocess.run([sys.executable, "-m", "lint", "check", "-c", PACKAGED, "-f", "json", str(article)],
                              capture_output=True, text=True, env={**os.environ, "PYTHONHASHSEED": seed}).stdout
               for seed in ("1", "2", "3", "4")}
    assert len(outputs) == 1 and '"arjen"' in outputs.pop()
