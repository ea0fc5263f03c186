"""What a new user meets first: a run that checks nothing is an error, files passed over are
counted, and a rules.yaml of another tool is not taken for copydesk's."""

from __future__ import annotations

from conftest import SEED, run, write_rules

from lint import config

PROMETHEUS_RULES = """\
groups:
  - name: example
    rules:
      - alert: HighRequestLatency
        expr: job:request_latency_seconds:mean5m{job="myjob"} > 0.5
"""


def test_an_empty_folder_is_an_error_not_a_green_run(tmp_path):
    result = run("check", str(tmp_path))
    assert result.exit_code == 2
    assert result.stderr == (f"copydesk: error: no files to check in {tmp_path}: copydesk reads "
                             ".txt, .md, .markdown, .html, .htm, .docx, .xlf, .xliff, .po, .tmx files\n")


def test_a_folder_of_files_it_does_not_read_says_what_it_passed_over(tmp_path):
    for name in ("a.pdf", "b.pdf", "c.odt", "README"):
        (tmp_path / name).write_bytes(b"%PDF-1.4\n")
    result = run("check", str(tmp_path))
    assert result.exit_code == 2
    assert result.stderr.endswith("; it passed over 4 files it does not read (2 .pdf, 1 .odt, 1 no suffix)\n")


def test_files_passed_over_beside_articles_are_counted_and_the_articles_checked(tmp_path):
    (tmp_path / "article.txt").write_text("Obsevers said so.\n", encoding="utf-8")
    (tmp_path / "scan.pdf").write_bytes(b"%PDF-1.4\n")
    (tmp_path / ".hidden.pdf").write_bytes(b"%PDF-1.4\n")  # hidden files are not counted
    result = run("check", "--select", "spelling", str(tmp_path))
    assert result.exit_code == 0 and "Obsevers" in result.stdout
    assert "copydesk: passed over 1 file it does not read (1 .pdf)\n" in result.stderr


def test_files_that_are_all_excluded_say_so_and_fail_nothing(tmp_path):
    rules = write_rules(tmp_path, "version: 1\nexclude: ['drafts/**']\nrules: {spelling: {type: spelling}}\n",
                        name="copydesk.yaml")
    (tmp_path / "drafts").mkdir()
    (tmp_path / "drafts" / "a.txt").write_text("Obsevers\n", encoding="utf-8")
    result = run("check", "-c", str(rules), str(tmp_path / "drafts"))
    assert result.exit_code == 0
    assert f"all 1 file named or found are excluded by the rules file's exclude: in {rules}" in result.stderr


def test_a_rules_yaml_of_another_tool_is_passed_over_with_a_note(tmp_path, monkeypatch):
    (tmp_path / "rules.yaml").write_text(PROMETHEUS_RULES, encoding="utf-8")
    article = tmp_path / "news" / "a.txt"
    article.parent.mkdir()
    article.write_text(SEED.read_text(encoding="utf-8"), encoding="utf-8")
    monkeypatch.chdir(article.parent)
    result = run("check", "-v", "a.txt")
    assert result.exit_code == 1  # the packaged rules ran on the sample article
    assert (f"copydesk: note: passed over {tmp_path / 'rules.yaml'}: it is not a copydesk rules file (no version: "
            "and rules:); using the packaged default rules (choose one with -c FILE)\n") in result.stderr
    assert "copydesk: rules from the packaged default rules\n" in result.stderr
    assert "[haftar]" in result.stdout


def test_a_broken_copydesk_rules_yaml_is_still_read_and_its_mistake_reported(tmp_path):
    (tmp_path / "rules.yaml").write_text("version: 1\nrules:\n  x: {type: names\n", encoding="utf-8")
    assert config.discover(tmp_path) == tmp_path / "rules.yaml"
    (tmp_path / "rules.yaml").write_text(PROMETHEUS_RULES, encoding="utf-8")
    passed_over: list = []
    assert config.discover(tmp_path, passed_over) == config.packaged_rules()
    assert passed_over == [tmp_path / "rules.yaml"]


def test_verbose_names_the_rules_file_found(tmp_path, monkeypatch):
    rules = write_rules(tmp_path, "version: 1\nrules: {spelling: {type: spelling}}\n", name="copydesk.yaml")
    (tmp_path / "a.txt").write_text("Fine.\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    result = run("check", "-v", "a.txt")
    assert result.exit_code == 0 and f"copydesk: rules from {rules.resolve()}\n" in result.stderr
