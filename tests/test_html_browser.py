"""The HTML report in a real browser: Debian's headless Chromium, driven by Selenium
through Debian's chromedriver (never a downloaded browser). Skipped, saying why,
only when those two are not installed (apt-get install chromium chromium-driver).

Set COPYDESK_SCREENSHOT=docs/report.png to keep the sample article's screenshot.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from conftest import ROOT, SEED, run, write_rules
from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.wait import WebDriverWait
from test_format_html import HOSTILE, HOSTILE_RULES

CHROMIUM, CHROMEDRIVER = Path("/usr/bin/chromium"), Path("/usr/bin/chromedriver")
FLAGS = ("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--window-size=1280,900")

pytestmark = pytest.mark.skipif(
    not (CHROMIUM.exists() and CHROMEDRIVER.exists()),
    reason=f"needs Debian's {CHROMIUM} and {CHROMEDRIVER} (apt-get install chromium chromium-driver)")


@pytest.fixture(scope="module")
def browser(tmp_path_factory):
    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    for flag in (*FLAGS, f"--user-data-dir={tmp_path_factory.mktemp('chromium-profile')}"):
        options.add_argument(flag)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(service=Service(str(CHROMEDRIVER)), options=options)
    yield driver
    driver.quit()


def open_report(browser, folder: Path, *args: str) -> Path:
    report = folder / "report.html"
    run("check", "--format", "html", "-o", str(report), *args)
    browser.get(report.as_uri())
    browser.get_log("browser")  # start each page with an empty console
    return report


@pytest.fixture
def seed_page(browser, tmp_path, monkeypatch):
    """The sample article's report, made as the README says, from the repository's root."""
    monkeypatch.chdir(ROOT)
    open_report(browser, tmp_path, str(SEED.relative_to(ROOT)))
    return browser


def highlights(browser) -> list:
    return browser.find_elements(By.CSS_SELECTOR, "mark[tabindex]")


def shown_highlights(browser) -> int:
    """Marks that still look like highlights: a background colour the eye can see."""
    return browser.execute_script(
        "return [...document.querySelectorAll('mark[tabindex]')]"
        ".filter(m => getComputedStyle(m).backgroundColor !== 'rgba(0, 0, 0, 0)').length")


def in_viewport(browser, element) -> bool:
    return browser.execute_script(
        "const r = arguments[0].getBoundingClientRect();"
        "return r.top >= 0 && r.bottom <= window.innerHeight && r.height > 0", element)


def test_one_highlight_per_finding(seed_page):
    findings = run("check", "-f", "json", "-c", str(ROOT / "rules.yaml"), str(SEED)).json()["findings"]
    marks = highlights(seed_page)
    assert len(marks) == len(findings) == len(seed_page.find_elements(By.CSS_SELECTOR, "#findings li"))
    assert [mark.text for mark in marks] == [finding["text"] for finding in findings]
    assert shown_highlights(seed_page) == len(findings)
    assert seed_page.get_log("browser") == []


def test_clicking_a_listed_problem_scrolls_to_and_focuses_it(seed_page):
    last = seed_page.find_elements(By.CSS_SELECTOR, "#findings a.jump")[-1]
    target = seed_page.find_element(By.ID, "f-22")
    assert seed_page.execute_script("return window.scrollY") == 0
    assert not in_viewport(seed_page, target)
    last.click()
    assert seed_page.switch_to.active_element == target
    assert in_viewport(seed_page, target)
    tip = seed_page.find_element(By.ID, "tip")
    assert tip.is_displayed() and 'write "Haftar"' in tip.text and "Suggestion: Haftar" in tip.text


def test_jumps_reach_the_last_article_of_a_long_run(browser, tmp_path):
    folder = tmp_path / "articles"
    folder.mkdir()
    for number in range(40):
        shutil.copyfile(SEED, folder / f"article-{number:02}.txt")
    open_report(browser, tmp_path, "-c", str(ROOT / "rules.yaml"), str(folder))
    links = browser.find_elements(By.CSS_SELECTOR, "#findings a.jump")
    assert len(links) == len(highlights(browser)) == 40 * 22
    for link in (links[-1], links[0], links[500]):
        link.click()
        target = browser.find_element(By.ID, link.get_attribute("hash")[1:])
        assert browser.switch_to.active_element == target
        assert in_viewport(browser, target)
        # The tip ends up just under the mark's first line, once the articles around it are laid out.
        WebDriverWait(browser, 2).until(lambda _: 0 <= browser.execute_script(
            "const tip = document.getElementById('tip').getBoundingClientRect();"
            "return tip.top - arguments[0].getClientRects()[0].bottom", target) <= 10)


def test_message_and_suggestion_on_hover_and_on_keyboard_focus(seed_page):
    tip = seed_page.find_element(By.ID, "tip")
    assert not tip.is_displayed()
    spelling = seed_page.find_element(By.XPATH, "//mark[text()='Obsevers']")
    webdriver.ActionChains(seed_page).move_to_element(spelling).perform()
    assert tip.is_displayed() and "Obsevers" in tip.text and "Suggestion: Observers" in tip.text
    seed_page.find_element(By.TAG_NAME, "h1").click()
    webdriver.ActionChains(seed_page).send_keys(Keys.TAB).perform()  # from the title to the first mark
    assert seed_page.switch_to.active_element.get_attribute("id") == "f-1"
    assert tip.is_displayed() and "Suggestion: Haftar" in tip.text and "Observers" not in tip.text
    webdriver.ActionChains(seed_page).send_keys(Keys.TAB).perform()
    assert seed_page.switch_to.active_element.get_attribute("id") == "f-2"
    description = seed_page.find_element(By.ID, seed_page.switch_to.active_element.get_attribute("aria-describedby"))
    assert "is not the house spelling" in description.get_attribute("textContent")


def test_filters_hide_and_show_highlights(seed_page):
    haftar = seed_page.find_element(By.CSS_SELECTOR, 'input[data-filter="rule"][value="haftar"]')
    errors = seed_page.find_element(By.CSS_SELECTOR, 'input[data-filter="severity"][value="error"]')
    shown = seed_page.find_element(By.ID, "shown")
    haftar.click()
    assert shown_highlights(seed_page) == 6 and shown.text == "Showing 6 of 22"
    assert len([item for item in seed_page.find_elements(By.CSS_SELECTOR, "#findings li") if item.is_displayed()]) == 6
    assert seed_page.find_element(By.ID, "f-1").get_attribute("tabindex") == "-1"
    errors.click()
    assert shown_highlights(seed_page) == 2  # the spelling and grammar warnings
    haftar.click()
    errors.click()
    assert shown_highlights(seed_page) == 22 and shown.text == "Showing all 22"
    assert seed_page.find_element(By.ID, "f-1").get_attribute("tabindex") == "0"


def test_script_in_an_article_is_shown_and_never_runs(browser, tmp_path):
    article = tmp_path / '"><img src=x onerror=window.pwned=4>.txt'
    article.write_text(HOSTILE, encoding="utf-8")
    rules = write_rules(tmp_path, HOSTILE_RULES)
    findings = run("check", "-f", "json", "-c", str(rules), str(article)).json()["findings"]
    open_report(browser, tmp_path, "-c", str(rules), str(article))
    assert browser.execute_script("return typeof window.pwned") == "undefined"
    assert browser.find_elements(By.TAG_NAME, "img") == []
    lines = [line.text for line in browser.find_elements(By.CSS_SELECTOR, "#articles .tx")]
    assert lines[0] == "Headline <script>window.pwned=1</script> and more"
    assert lines[1] == 'A quote "><img src=x onerror="window.pwned=2"> ends here &amp; there.'
    assert len(highlights(browser)) == len(findings) == 7
    assert browser.get_log("browser") == []  # escaped, so nothing for the page's policy to block


def test_printed_report_numbers_highlights_and_hides_controls(seed_page):
    seed_page.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "print"})
    try:
        first = seed_page.find_element(By.ID, "f-1")
        assert seed_page.execute_script("return getComputedStyle(arguments[0], '::after').content", first) == '"1"'
        assert not seed_page.find_element(By.CSS_SELECTOR, "input[data-filter]").is_displayed()
        assert seed_page.execute_script("return getComputedStyle(document.querySelector('aside')).position") == "static"
    finally:
        seed_page.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": ""})


def test_screenshot_of_the_sample_article(seed_page, tmp_path):
    seed_page.find_element(By.CSS_SELECTOR, "#findings a.jump").click()  # show the first tooltip
    seed_page.execute_script("window.scrollTo(0, 0)")
    shot = tmp_path / "report.png"
    assert seed_page.save_screenshot(str(shot))
    assert shot.read_bytes().startswith(b"\x89PNG") and shot.stat().st_size > 20_000
    if os.environ.get("COPYDESK_SCREENSHOT"):
        shutil.copyfile(shot, os.environ["COPYDESK_SCREENSHOT"])
