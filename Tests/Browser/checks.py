"""Checks every page the suite sees: 0 axe-core violations at WCAG 2.2 AA (axe-core as bundled
by the axe-playwright-python package, run in Chromium through Selenium), and a screenshot."""

import importlib.resources
import os
import re

AXE = (importlib.resources.files("axe_playwright_python") / "axe.min.js").read_text(encoding="utf8")
TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
SCREENSHOTS = os.environ.get("TRIANGULATE_SCREENSHOTS", ".build/browser-screenshots")


def axe_violations(driver):
    driver.execute_script(AXE)
    result = driver.execute_async_script(
        "const done = arguments[arguments.length - 1];"
        "axe.run(document, {runOnly: {type: 'tag', values: arguments[0]}}).then(done, e => done({error: String(e)}));",
        TAGS,
    )
    assert "error" not in result, result
    return result["violations"]


def check_page(driver, name):
    """Saves a screenshot of the page as `name`, and fails on any accessibility violation."""
    os.makedirs(SCREENSHOTS, exist_ok=True)
    driver.save_screenshot(os.path.join(SCREENSHOTS, re.sub(r"[^a-z0-9-]", "-", name.lower()) + ".png"))
    violations = axe_violations(driver)
    assert violations == [], f"{name}: " + "; ".join(
        f"{v['id']} ({v['impact']}): {v['help']} at {[node['target'] for node in v['nodes']][:3]}" for v in violations
    )
