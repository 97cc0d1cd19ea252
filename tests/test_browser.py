"""The HTML report and the review page, used in a real headless Chromium as a person would use them.

Needs Debian's chromium and chromium-driver and the selenium package (test extra); .ci/run installs
them. Screenshots are written to tests/artifacts/ (not committed) and their paths printed.
"""
import shutil
import threading
from pathlib import Path

import pytest
from conftest import HERE

selenium = pytest.importorskip("selenium", reason="selenium is not installed (pip install -e '.[test]')")
from selenium import webdriver  # noqa: E402
from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.support import expected_conditions as EC  # noqa: E402
from selenium.webdriver.support.ui import WebDriverWait  # noqa: E402

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
DRIVER = shutil.which("chromedriver")
pytestmark = pytest.mark.skipif(not (CHROMIUM and DRIVER),
                                reason="headless Chromium not found: apt-get install chromium chromium-driver")
ARTIFACTS = HERE / "artifacts"
SEED = HERE / "corpus" / "seeds" / "002_39cc25592c2554a0.txt"


@pytest.fixture
def browser(tmp_path):
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync",
                 "--window-size=1280,1600", f"--user-data-dir={tmp_path / 'profile'}"):
        options.add_argument(flag)
    driver = webdriver.Chrome(service=webdriver.ChromeService(executable_path=DRIVER), options=options)
    driver.set_page_load_timeout(60)
    yield driver
    driver.quit()


def _lint(paths):
    from fiscal_lint.run.engine import lint_paths
    from fiscal_lint.run.settings import Settings
    from fiscal_lint.run.suppress import apply

    results = lint_paths([str(p) for p in paths])
    apply(results, lambda _p: Settings())
    return results


def _shot(driver, name: str) -> Path:
    ARTIFACTS.mkdir(exist_ok=True)
    path = ARTIFACTS / name
    driver.save_screenshot(str(path))
    print(f"screenshot: {path}")
    return path


def test_report_marks_every_finding_and_selection_highlights_its_figures(browser, tmp_path):
    from fiscal_lint.reports.html import render

    results = _lint([SEED])
    findings = results[0].findings
    assert findings
    report = tmp_path / "report.html"
    report.write_text(render(results, "en"), encoding="utf-8")
    browser.get(report.as_uri())
    marks = browser.find_elements(By.CSS_SELECTOR, "mark.finding")
    assert len(marks) == len(findings)
    # select the first finding: every figure of its relation is highlighted
    target = next(i for i, f in enumerate(findings) if len(f.figures) > 2)
    browser.find_element(By.ID, f"item-f{target}").click()
    lit = browser.find_elements(By.CSS_SELECTOR, "span.fig.hl")
    wanted = {fig.text for fig in findings[target].figures}
    assert {e.text for e in lit} == wanted
    assert browser.find_element(By.ID, f"item-f{target}").get_attribute("class").endswith("selected")
    assert _shot(browser, "report.png").stat().st_size > 10_000


def test_hostile_document_renders_as_text(browser, tmp_path):
    from fiscal_lint.reports.html import render

    doc = tmp_path / "evil.txt"
    doc.write_text('<script>document.title="owned"</script><img src=x onerror="document.title=\'owned\'">\n'
                   "本年支出合计1,010.52万元，其中：基本支出331.66万元，项目支出688.86万元。\n", encoding="utf-8")
    report = tmp_path / "report.html"
    report.write_text(render(_lint([doc]), "en"), encoding="utf-8")
    browser.get(report.as_uri())
    assert browser.title == "fiscal-lint report"
    assert "<script>document.title" in browser.find_element(By.CSS_SELECTOR, ".text").text
    assert not browser.find_elements(By.CSS_SELECTOR, ".text img, .text script")


def test_review_page_paste_and_see_the_finding(browser):
    from fiscal_lint.front.serve import make_server

    server = make_server("127.0.0.1", 0, "en", 1_000_000)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        paragraph = SEED.read_text(encoding="utf-8").split("\n")[26]  # line 27: the wrong share
        browser.get(f"http://127.0.0.1:{server.server_address[1]}/")
        box = browser.find_element(By.ID, "text")
        browser.execute_script("arguments[0].value = arguments[1];", box, paragraph)
        browser.find_element(By.ID, "check").click()
        WebDriverWait(browser, 30).until(EC.presence_of_element_located((By.CSS_SELECTOR, "mark.finding")))
        items = browser.find_elements(By.CSS_SELECTOR, ".findings li")
        assert any("FL401" in i.text and "67.18%" in i.text for i in items)
        _shot(browser, "review.png")
        # an empty submission gets a clear message, not a crash
        browser.get(f"http://127.0.0.1:{server.server_address[1]}/")
        browser.find_element(By.ID, "check").click()
        WebDriverWait(browser, 30).until(EC.presence_of_element_located((By.ID, "error")))
        assert "nothing to check" in browser.find_element(By.ID, "error").text
    finally:
        server.shutdown()
        server.server_close()
