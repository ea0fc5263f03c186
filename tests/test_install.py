"""Every install recipe of the README, run as written, in fresh virtual environments.

The first command of the README, the git install at the release tag (GitLab's recipe), the
pre-commit hook at that tag, and the GitHub Action's steps with its inputs set. Each installs
copydesk and its dependencies from the package index, which takes a minute or more, so these run
in CI (CI is set) or with COPYDESK_INSTALL_TESTS=1, and are skipped otherwise, saying so.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from action_runner import run_action
from conftest import ROOT, SEED

pytestmark = pytest.mark.skipif(
    not (os.environ.get("CI") or os.environ.get("COPYDESK_INSTALL_TESTS")) or shutil.which("git") is None,
    reason="install recipes run in CI, or with COPYDESK_INSTALL_TESTS=1 (each installs from the package index)")

README = (ROOT / "README.md").read_text(encoding="utf-8")
REPOSITORY_URL = "https://github.com/<owner>/copydesk"
TAG = re.search(r"copydesk@(v\d+\.\d+\.\d+)", README)[1]  # the release every recipe names


def yaml_block(heading: str) -> str:
    """The first ```yaml block after a README heading."""
    section = README[README.index(heading):]
    return re.search(r"```yaml\n(.*?)```", section, re.S)[1]


def sh(command: str, cwd: Path, env: dict | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(["bash", "-c", command], cwd=cwd, capture_output=True, text=True,
                          env={**os.environ, "PYTHONPATH": "", **(env or {})})


@pytest.fixture(scope="module")
def release(tmp_path_factory) -> Path:
    """A clone of this repository's committed HEAD, with the release tag the recipes name
    (a CI clone may come without tags; the tag then marks HEAD, as at release time)."""
    clone = tmp_path_factory.mktemp("release") / "copydesk"
    subprocess.run(["git", "clone", "--quiet", str(ROOT), str(clone)], check=True)
    if TAG not in subprocess.run(["git", "tag"], cwd=clone, capture_output=True, text=True, check=True).stdout.split():
        subprocess.run(["git", "-c", "user.name=t", "-c", "user.email=t@t", "tag", TAG], cwd=clone, check=True)
    return clone


@pytest.fixture
def newsroom(tmp_path) -> Path:
    """A newsroom's repository with one article that has errors."""
    (tmp_path / "articles").mkdir()
    shutil.copy(SEED, tmp_path / "articles" / SEED.name)
    return tmp_path


def test_the_readmes_first_command_installs_and_checks_the_seed(release):
    first = re.search(r"```sh\n(.*?)\n", README)[1]
    assert first.endswith("copydesk check seeds/")
    result = sh(first, release)
    assert result.returncode == 1, result.stderr[-3000:]  # the sample article has errors to fix
    assert "seeds/hifter-visit-to-france.txt:2:1: error:" in result.stdout and "[haftar]" in result.stdout


def test_the_gitlab_recipe_installs_the_tag_and_writes_a_junit_report(release, newsroom):
    script = yaml_block("### GitLab CI")
    lines = re.search(r"script:\n((?:    - .*\n)+)", script)[1]
    # pip reads a named requirement's file: URL only with a host in it
    commands = [line.strip()[2:].replace(f"git+{REPOSITORY_URL}", f"git+file://localhost{release}")
                for line in lines.splitlines()]
    assert any(f"@{TAG}" in command for command in commands)
    result = sh("set -e\n" + "\n".join(commands), newsroom)
    assert result.returncode == 1, result.stderr[-3000:]  # the job fails on the article's errors
    suite = ET.parse(newsroom / "copydesk-junit.xml").getroot()
    assert int(suite.get("failures") or suite.find("testsuite").get("failures")) > 0


def test_the_pre_commit_recipe_runs_the_hook_at_the_tag(release, newsroom, tmp_path_factory):
    tools = tmp_path_factory.mktemp("pre-commit")
    subprocess.run([sys.executable, "-m", "venv", str(tools / "venv")], check=True)
    subprocess.run([str(tools / "venv" / "bin" / "pip"), "install", "--quiet", "pre-commit>=3,<5"], check=True)
    config = yaml_block("### pre-commit").replace(REPOSITORY_URL, f"file://{release}")
    assert f"rev: {TAG}" in config
    (newsroom / ".pre-commit-config.yaml").write_text(config, encoding="utf-8")
    for command in ("git init --quiet", "git add -A"):
        subprocess.run(command.split(), cwd=newsroom, check=True)
    result = sh(f"{tools / 'venv' / 'bin' / 'pre-commit'} run --all-files", newsroom,
                env={"PRE_COMMIT_HOME": str(tools / "home")})
    assert result.returncode == 1, result.stdout[-3000:]
    assert "copydesk" in result.stdout and "Failed" in result.stdout
    assert "articles/hifter-visit-to-france.txt:2:1: error:" in result.stdout


def test_the_action_annotates_uploads_sarif_and_fails_on_errors(release, newsroom, tmp_path_factory):
    assert f"<owner>/copydesk@{TAG}" in yaml_block("### GitHub Actions: the copydesk Action")
    run = run_action(release / "action.yml", {"paths": "articles/", "sarif": "true"}, newsroom,
                     tmp_path_factory.mktemp("runner"))
    install, check = run.steps[1], run.steps[2]
    assert install["exit"] == 0, install["stderr"][-3000:]
    assert check["exit"] == 0 and run.outputs["check"]["exit-code"] == "1"
    assert "::error file=articles/hifter-visit-to-france.txt,line=2,col=1," in check["stdout"]
    upload = run.steps[3]
    assert upload["ran"] and upload["uses"].startswith("github/codeql-action/upload-sarif@")
    sarif = json.loads((newsroom / upload["with"]["sarif_file"]).read_text(encoding="utf-8"))
    assert sarif["runs"][0]["results"]
    assert run.steps[4]["ran"] and run.exit_code == 1  # the job fails, after the upload


def test_the_action_passes_a_clean_article_and_skips_the_upload(release, tmp_path, tmp_path_factory):
    (tmp_path / "clean.md").write_text("# Talks\n\nThe talks went well, officials said.\n", encoding="utf-8")
    run = run_action(release / "action.yml", {"paths": "clean.md", "format": "text"}, tmp_path,
                     tmp_path_factory.mktemp("runner"))
    assert run.outputs["check"]["exit-code"] == "0", run.steps[2].get("stderr")
    assert "No problems in 1 file." in run.steps[2]["stdout"]
    assert not run.steps[3]["ran"] and run.exit_code == 0
