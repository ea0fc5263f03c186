"""The packaged rules.yaml: one romanisation policy, cited sources, and real sentences it gets right.

Each names group carries two kinds of comment above it (see the file's header):
``# house: <url>`` where the house spelling is defined, on a reference publisher
(tests/data/reference_publishers.txt), and ``# seen: <variant> <url>; ...`` where
each variant was seen in print.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import pytest
import yaml
from conftest import ROOT, run

from lint import config, lint_text
from lint.names.transliteration import same_name
from lint.words import words

RULES = ROOT / "rules.yaml"
DATA = Path(__file__).resolve().parent / "data"
URL = re.compile(r"https?://\S+")
REGION = re.compile(r"^  # =+ (.+?) \((\w+(?:, \w+)*)\) =+$")
RULE = re.compile(r"^  ([a-z0-9-]+):\s*$")


@dataclass
class Group:
    id: str
    languages: tuple[str, ...]
    preferred: str
    variants: tuple[str, ...]
    house: list[str] = field(default_factory=list)
    seen: dict[str, list[str]] = field(default_factory=dict)  # label -> urls


def groups() -> list[Group]:
    """The names groups of the packaged file with the citations in the comments above each."""
    bodies = yaml.safe_load(RULES.read_text(encoding="utf-8"))["rules"]
    found, comments, languages = [], [], ()
    for line in RULES.read_text(encoding="utf-8").splitlines():
        if region := REGION.match(line):
            languages, comments = tuple(region[2].split(", ")), []
        elif line.startswith("  # "):
            comments.append(line[4:])
        elif (rule := RULE.match(line)) and bodies[rule[1]]["type"] == "names":
            body = bodies[rule[1]]
            group = Group(rule[1], languages, body["preferred"], tuple(body["variants"]))
            for comment in comments:
                if comment.startswith("house:"):
                    group.house += URL.findall(comment)
                elif comment.startswith("seen:"):
                    for entry in comment[len("seen:"):].split("; "):
                        labels, _, rest = entry.strip().partition(" http")
                        for label in labels.split(", "):
                            group.seen.setdefault(label.strip(), []).extend(URL.findall("http" + rest))
            found.append(group)
            comments = []
        elif not line.startswith("  #"):
            comments = []
    return found


GROUPS = groups()
PUBLISHERS = [line.strip() for line in (DATA / "reference_publishers.txt").read_text(encoding="utf-8").splitlines()
              if line.strip() and not line.startswith("#")]
SENTENCES: dict[str, str] = yaml.safe_load((DATA / "house_sentences.yaml").read_text(encoding="utf-8"))


def reference(url: str) -> bool:
    host = (urlsplit(url).hostname or "").lower()
    return any(host == domain or host.endswith("." + domain) for domain in PUBLISHERS)


def test_the_file_has_the_groups_of_every_region():
    assert len(GROUPS) >= 45
    regions = {language for group in GROUPS for language in group.languages}
    assert regions == {"ar", "he", "fa", "ru", "uk", "tr"}


@pytest.mark.parametrize("url, allowed", [
    ("https://www.conservapedia.com/Yevgeny_Prigozhin", False),
    ("https://quotessense.com/biography/ahmet_davutoglu", False),
    ("http://russianwomenblog.hotrussianbrides.com/post/Why.aspx", False),
    ("https://aquamedfarm.com/moju/navalny", False),
    ("https://en.wikipedia.org/wiki/Misrata", False),
    ("https://notbbc.co.uk.example.com/x", False),
    ("https://feeds.bbci.co.uk/news/world-middle-east-19256730", True),
    ("https://www.britannica.com/place/Erbil", True),
])
def test_the_reference_list_refuses_blogs_wikis_and_shops(url, allowed):
    assert reference(url) is allowed


@pytest.mark.parametrize("group", GROUPS, ids=lambda g: g.id)
def test_the_house_spelling_is_defined_by_a_reference_publisher(group):
    assert group.house, f"{group.id}: no '# house: <url>' comment"
    refused = [url for url in group.house if not reference(url)]
    assert not refused, f"{group.id}: not on tests/data/reference_publishers.txt: {refused}"


@pytest.mark.parametrize("group", GROUPS, ids=lambda g: g.id)
def test_every_variant_is_cited_where_it_was_seen(group):
    assert set(group.seen) == set(group.variants), f"{group.id}: '# seen:' labels must be exactly the variants"
    assert all(group.seen[variant] for variant in group.variants)


def tokens(phrase: str) -> list[str]:
    return [word.text for word in words(phrase)]


def test_a_given_name_is_spelled_one_way_in_every_group():
    """Sergei Lavrov and Sergei Shoigu: no word of one group's house spelling is a variant of
    another's word, as the file lists it (Sergei/Sergey) or as copydesk's transliteration
    model judges it (Mohammed/Muhammad, Yevgeny/Evgeny), within one source language."""
    listed = {}  # (a variant's word, language) -> the house word it replaces, aligned word by word
    for group in GROUPS:
        for variant, language in itertools.product(group.variants, group.languages):
            house, other = tokens(group.preferred), tokens(variant)
            if len(house) == len(other):
                listed.update({(b, language): (a, group.id) for a, b in zip(house, other) if a != b})
    house_words = {(word, language): group.id for group in GROUPS for word in tokens(group.preferred)
                   for language in group.languages if len(word) > 2}
    clashes = [f"{key[0]!r} ({where}) is listed as a variant of {listed[key][0]!r} ({listed[key][1]})"
               for key, where in house_words.items() if key in listed]
    for ((a, language), first), ((b, other_language), second) in itertools.combinations(house_words.items(), 2):
        if language == other_language and a != b and same_name(a, b):
            clashes.append(f"{a!r} ({first}) and {b!r} ({second}) are one name spelled two ways")
    assert not clashes


def test_the_sentences_cover_every_group_with_its_house_spelling():
    assert set(SENTENCES) == {group.id for group in GROUPS}
    for group in GROUPS:
        assert SENTENCES[group.id].count(group.preferred) == 1, group.id


@pytest.fixture(scope="module")
def packaged():
    return config.load(RULES)


def test_the_default_rules_find_nothing_in_house_style_copy(packaged):
    text = "\n\n".join(SENTENCES.values()) + "\n"
    assert [(f.rule, f.text) for f in lint_text(text, packaged)] == []


@pytest.mark.parametrize("group, variant", [(g, v) for g in GROUPS for v in g.variants],
                         ids=lambda value: value if isinstance(value, str) else value.id)
def test_each_variant_in_that_copy_is_found_and_nothing_else(packaged, group, variant):
    sentence = SENTENCES[group.id].replace(group.preferred, variant)
    found = [(f.rule, f.text, f.suggestions) for f in lint_text(sentence, packaged)]
    assert found == [(group.id, variant, (group.preferred,))]


def test_sergei_lavrov_and_sergei_shoigu_are_treated_alike(packaged):
    text = "Sergei Lavrov and Sergei Shoigu flew to Tehran. Sergey Lavrov, Sergey Shoigu and Shoygu spoke."
    assert [(f.rule, f.text) for f in lint_text(text, packaged)] == [
        ("sergei-lavrov", "Sergey Lavrov"), ("sergei-shoigu", "Sergey Shoigu"), ("shoigu", "Shoygu")]


def test_chicken_kiev_is_neither_reported_nor_fixed(tmp_path):
    article = tmp_path / "menu.txt"
    article.write_text("Restaurants in Kiev still serve chicken Kiev, the city's best-known dish.\n", encoding="utf-8")
    report = run("check", "-c", str(RULES), "-f", "json", str(article)).json()
    assert [(f["rule"], f["text"], f["column"]) for f in report["findings"]] == [("kyiv", "Kiev", 16)]
    run("check", "-c", str(RULES), "--fix", str(article))
    assert article.read_text(encoding="utf-8") == \
        "Restaurants in Kyiv still serve chicken Kiev, the city's best-known dish.\n"


def test_the_readme_counts_the_groups_it_ships():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert f"Coverage: {len(GROUPS)} groups." in readme
    assert f"{len(GROUPS)} groups of names in the news" in readme


def test_historical_names_keep_kiev(packaged):
    text = "Historians of Kievan Rus' met in Kyiv, where the Battle of Kiev was fought in 1941."
    assert lint_text(text, packaged) == []
