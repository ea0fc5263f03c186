"""Measure the HTML report of a long run: its size, the time to write it, and the time
headless Chromium takes to load and paint it.

    python bench/html_report.py --news DIR [--articles 100] [--rules rules.yaml] [--keep DIR]

--news: a folder of real English news articles (.txt), which the project does not ship.
Each measured article is one of them followed by the sample article, so that every file
has findings of every kind. The articles and the report go to a temporary folder (or
--keep DIR, which then also holds a screenshot). Chromium is Debian's, through its
chromedriver, as in tests/test_html_browser.py; without them only the Python side is timed.
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from pathlib import Path

from lint import config
from lint.formats import html
from lint.run import lint_paths

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM, CHROMEDRIVER = Path("/usr/bin/chromium"), Path("/usr/bin/chromedriver")
TIMINGS = """
const navigation = performance.getEntriesByType('navigation')[0];
const paint = performance.getEntriesByName('first-contentful-paint')[0];
const filter = document.querySelector('input[data-filter=rule]');
const started = performance.now();
filter.click();
document.body.offsetHeight;  // the layout the filter causes
const toggled = performance.now() - started;
filter.click();
return [navigation.domContentLoadedEventEnd, navigation.loadEventEnd, paint ? paint.startTime : NaN, toggled];
"""


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--news", type=Path, required=True)
    parser.add_argument("--articles", type=int, default=100)
    parser.add_argument("--rules", type=Path, default=ROOT / "rules.yaml")
    parser.add_argument("--keep", type=Path, help="write the articles, report and screenshot here")
    parser.add_argument("--loads", type=int, default=5, help="page loads to time (after one to warm up)")
    args = parser.parse_args()
    folder = args.keep or Path(tempfile.mkdtemp(prefix="copydesk-html-"))
    articles = folder / "articles"
    articles.mkdir(parents=True, exist_ok=True)
    news = sorted(args.news.rglob("*.txt"))
    seed = (ROOT / "seeds" / "hifter-visit-to-france.txt").read_text(encoding="utf-8")
    for number in range(args.articles):
        story = news[number * len(news) // args.articles].read_text(encoding="utf-8")
        (articles / f"article-{number:03}.txt").write_text(story + "\n\n" + seed, encoding="utf-8")

    started = time.perf_counter()
    report = lint_paths([str(articles)], config.load(args.rules))
    linting = time.perf_counter() - started
    writes = []
    for _ in range(5):
        started = time.perf_counter()
        page = html.render(report)
        writes.append(time.perf_counter() - started)
    output = folder / "report.html"
    output.write_text(page, encoding="utf-8")
    text = sum(len(result.document.text.encode()) for result in report.files if result.document)
    print(f"{len(report.files)} articles, {text / 1e6:.2f} MB of text, {len(report.findings)} findings; "
          f"linted in {linting:.2f} s")
    print(f"report: {len(page.encode()) / 1e6:.2f} MB, written in {1000 * statistics.median(writes):.0f} ms "
          f"(median of {len(writes)})")
    if CHROMIUM.exists() and CHROMEDRIVER.exists():
        browse(output, folder, args.loads)
    else:
        print(f"no {CHROMIUM} and {CHROMEDRIVER}: browser times not measured")


def browse(report: Path, folder: Path, loads: int) -> None:
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    for flag in ("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync",
                 "--window-size=1280,900", f"--user-data-dir={tempfile.mkdtemp(prefix='copydesk-chromium-')}"):
        options.add_argument(flag)
    driver = webdriver.Chrome(service=Service(str(CHROMEDRIVER)), options=options)
    try:
        rows = []
        for _ in range(loads + 1):
            driver.get("about:blank")
            started = time.perf_counter()
            driver.get(report.as_uri())
            rows.append((1000 * (time.perf_counter() - started), *driver.execute_script(TIMINGS)))
        get, loaded, ready, painted, toggled = (statistics.median(column) for column in zip(*rows[1:], strict=False))
        print(f"chromium, median of {loads} loads: DOMContentLoaded {loaded:.0f} ms, load {ready:.0f} ms, "
              f"first contentful paint {painted:.0f} ms, page open for the driver {get:.0f} ms; "
              f"one rule filter toggled in {toggled:.0f} ms")
        driver.save_screenshot(str(folder / "report.png"))
        print(f"report and screenshot: {report}, {folder / 'report.png'}")
    finally:
        driver.quit()


if __name__ == "__main__":
    main()
