"""Shared helpers: the repository's paths, a rules-file writer and a command-line runner."""

from __future__ import annotations

import json
import os
import textwrap
from dataclasses import dataclass
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, settings

from lint import config, lint_text
from lint.cli import main

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "hifter-visit-to-france.txt"
CACHE_ENV = "COPYDESK_CACHE_DIR"
# shared/ sits beside the repository (CI's clone, /work/main) or higher up (a worktree in /work/wt).
SHARED = next((folder / "shared" for folder in ROOT.parents if (folder / "shared").is_dir()), ROOT.parent / "shared")


@dataclass
class Result:
    exit_code: int
    stdout: str
    stderr: str

    def json(self) -> dict:
        return json.loads(self.stdout)


def run(*args: str, input: str | bytes | None = None, env: dict | None = None) -> Result:
    """Run the copydesk command in-process, as a user would type it."""
    result = CliRunner().invoke(main, list(args), input=input, env=env, catch_exceptions=False)
    return Result(result.exit_code, result.stdout, result.stderr)


def write_rules(folder: Path, yaml_text: str, name: str = "rules.yaml") -> Path:
    path = folder / name
    path.write_text(textwrap.dedent(yaml_text).lstrip(), encoding="utf-8")
    return path


def rules(yaml_text: str, folder: Path | None = None) -> config.RuleSet:
    """A RuleSet from YAML text (paths in it relative to ``folder``)."""
    return config.parse(textwrap.dedent(yaml_text), "rules.yaml", str(folder or ROOT))


def found(text: str, yaml_text: str) -> list[tuple[str, tuple[str, ...]]]:
    """What a rules file finds in a text: each finding's text and suggestions."""
    return [(f.text, f.suggestions) for f in lint_text(text, rules(yaml_text))]


@pytest.fixture(autouse=True)
def _no_config_from_environment(monkeypatch):
    monkeypatch.delenv(config.CONFIG_ENV, raising=False)


@pytest.fixture(autouse=True, scope="session")
def _no_cache_in_the_repository(tmp_path_factory):
    """Fixtures wider than one test cache in a temporary folder too."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv(CACHE_ENV, str(tmp_path_factory.mktemp("session-cache")))
        yield


@pytest.fixture(autouse=True)
def _cache_of_its_own(monkeypatch, tmp_path_factory):
    """Each test starts with an empty cache: what one test sets up never answers for another."""
    monkeypatch.setenv(CACHE_ENV, str(tmp_path_factory.mktemp("cache")))


@pytest.fixture(autouse=True)
def _grammar_on_harper(monkeypatch, tmp_path_factory):
    """Grammar runs on Harper unless a test sets up LanguageTool: no server from the
    environment, and not the LanguageTool that language-tool-python may have downloaded."""
    monkeypatch.delenv("COPYDESK_LANGUAGETOOL_URL", raising=False)
    monkeypatch.setenv("LTP_PATH", str(tmp_path_factory.getbasetemp() / "no-languagetool"))


# Property tests: a few seconds each by default; HYPOTHESIS_PROFILE=thorough fuzzes for minutes.
settings.register_profile("ci", max_examples=120, deadline=None,
                          suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])
settings.register_profile("thorough", settings.get_profile("ci"), max_examples=3000)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))
