"""--fix and --diff: unambiguous suggestions of names and substitution rules, applied safely."""

from __future__ import annotations

import os
import shutil
import stat
import subprocess

import pytest
from conftest import ROOT, SEED, run, write_rules

from lint import fix

FIXTURES = ROOT / "tests" / "fixtures"
PACKAGED = str(ROOT / "rules.yaml")
FIXED_RULES = {"haftar", "transliterations", "institutions"}


@pytest.fixture
def articles(tmp_path):
    for source in (SEED, FIXTURES / "hifter-visit.md", FIXTURES / "hifter-visit.html"):
        shutil.copy(source, tmp_path / source.name)
    return tmp_path


def findings(*paths) -> list[dict]:
    return run("check", "-c", PACKAGED, "-f", "json", *map(str, paths)).json()["findings"]


def test_fix_applies_names_and_substitutions_and_leaves_the_rest(articles):
    before = findings(articles)
    fixable = [f for f in before if f["rule"] in FIXED_RULES]
    assert len(fixable) == 32
    seed = articles / SEED.name
    os.chmod(seed, 0o640)
    result = run("check", "-c", PACKAGED, "-f", "json", "--fix", str(articles))
    assert result.stderr == "copydesk: 32 problems in 3 files fixed.\n"
    after = result.json()["findings"]
    # what is left is what --fix does not touch, at its new place
    assert [f["rule"] for f in after] == [f["rule"] for f in before if f["rule"] not in FIXED_RULES]
    assert findings(articles) == after  # a re-lint agrees
    text = seed.read_text(encoding="utf-8")
    assert "Hifter" not in text and "Rejep" not in text and "reconciliation government" not in text
    assert text.count("Haftar") == 17 and "Recep Tayyip" in text
    assert "Obsevers believe" in text and "Written by Journalist" in text
    assert stat.S_IMODE(os.stat(seed).st_mode) == 0o640
    assert not [name for name in os.listdir(articles) if name.endswith(".copydesk")]  # no temporary left


def test_fix_never_touches_markup_or_code(articles):
    run("check", "-c", PACKAGED, "--fix", str(articles))
    markdown = (articles / "hifter-visit.md").read_text(encoding="utf-8")
    assert "`hifter-goverment`" in markdown and "https://example.com/hifter/goverment" in markdown
    assert 'class="hifter-goverment"' in markdown and "title: Hifter visit to France" in markdown
    assert "# Haftar’s visit" in markdown
    html = (articles / "hifter-visit.html").read_text(encoding="utf-8")
    assert '<h1 class="hifter-goverment">Haftar&rsquo;s' in html and "<pre>Hifter goverment" in html


def test_fix_twice_changes_nothing(articles):
    run("check", "-c", PACKAGED, "--fix", str(articles))
    contents = {path: path.read_bytes() for path in articles.iterdir()}
    result = run("check", "-c", PACKAGED, "--fix", str(articles))
    assert result.stderr == "copydesk: 0 problems in 0 files fixed.\n"
    assert {path: path.read_bytes() for path in articles.iterdir()} == contents


def test_diff_shows_the_fix_and_writes_nothing(articles, monkeypatch):
    monkeypatch.chdir(articles)
    original = (articles / SEED.name).read_bytes()
    result = run("check", "-c", PACKAGED, "--diff", SEED.name)
    assert result.exit_code == 1
    assert (articles / SEED.name).read_bytes() == original
    assert result.stdout.startswith(f"--- a/{SEED.name}\n+++ b/{SEED.name}\n@@ ")
    assert "-Hifter’s visit to France" in result.stdout and "+Haftar’s visit to France" in result.stdout
    assert result.stderr == "copydesk: 19 problems in 1 file would be fixed.\n"
    # the diff is exactly the change --fix makes
    (articles / "fix.patch").write_text(result.stdout, encoding="utf-8")
    subprocess.run(["git", "apply", "fix.patch"], cwd=articles, check=True)
    patched = (articles / SEED.name).read_bytes()
    (articles / SEED.name).write_bytes(original)
    run("check", "-c", PACKAGED, "--fix", SEED.name)
    assert (articles / SEED.name).read_bytes() == patched
    assert run("check", "-c", PACKAGED, "--diff", SEED.name).exit_code == 0


def test_diff_of_standard_input_and_fix_refuses_it():
    result = run("check", "-c", PACKAGED, "--diff", "-", input="Hifter met Rejep.")
    assert result.stdout == ("--- a/<stdin>\n+++ b/<stdin>\n@@ -1 +1 @@\n-Hifter met Rejep.\n"
                             "\\ No newline at end of file\n+Haftar met Recep.\n\\ No newline at end of file\n")
    refused = run("check", "-c", PACKAGED, "--fix", "-", input="Hifter")
    assert refused.exit_code == 2 and "cannot change standard input" in refused.stderr
    both = run("check", "-c", PACKAGED, "--fix", "--diff", str(SEED))
    assert both.exit_code == 2 and "choose one" in both.stderr


def test_a_file_changed_since_it_was_read_is_not_fixed(articles):
    seed = articles / SEED.name
    snapshot = fix.Snapshot(str(seed))
    seed.write_text(seed.read_text(encoding="utf-8") + "A late paragraph from the desk.\n", encoding="utf-8")
    edited = seed.read_bytes()
    with pytest.raises(fix.FixError, match="changed by someone else since copydesk read it"):
        snapshot.replace("Haftar")
    assert seed.read_bytes() == edited
    assert sorted(os.listdir(articles)) == sorted([SEED.name, "hifter-visit.md", "hifter-visit.html"])


def test_the_changed_file_refusal_reaches_the_report(articles, monkeypatch):
    seed = articles / SEED.name
    real_apply = fix.apply

    def apply_while_someone_edits(document, prose, found):  # the editor saves while copydesk works
        seed.write_text("Hifter, edited meanwhile.\n", encoding="utf-8")
        return real_apply(document, prose, found)

    monkeypatch.setattr(fix, "apply", apply_while_someone_edits)
    result = run("check", "-c", PACKAGED, "--fix", "-j", "1", str(seed))
    assert result.exit_code == 2
    assert f"{seed}: changed by someone else since copydesk read it; not fixed" in result.stderr
    assert seed.read_text(encoding="utf-8") == "Hifter, edited meanwhile.\n"


def test_fix_keeps_encoding_line_ends_and_symbolic_links(tmp_path):
    target = tmp_path / "article.txt"
    target.write_bytes(b"\xff\xfe" + "Hifter met\r\nRejep.\r\n".encode("utf-16-le"))
    link = tmp_path / "link.txt"
    link.symlink_to(target)
    rules = write_rules(tmp_path, """
        version: 1
        rules:
          haftar: {type: names, preferred: Haftar, variants: [Hifter]}
          terms: {type: substitution, replace: {Rejep: Recep}}
        """)
    run("check", "-c", str(rules), "--fix", str(link))
    assert link.is_symlink()
    assert target.read_bytes() == b"\xff\xfe" + "Haftar met\r\nRecep.\r\n".encode("utf-16-le")


def test_choices_are_not_fixed(tmp_path):
    rules = write_rules(tmp_path, """
        version: 1
        rules:
          terms: {type: substitution, replace: {Tripolis: [Tripoli, Tarabulus]}}
        """)
    article = tmp_path / "a.txt"
    article.write_text("Tripolis at night.\n")
    result = run("check", "-c", str(rules), "--fix", str(article))
    assert article.read_text() == "Tripolis at night.\n"
    assert "[terms]" in result.stdout
