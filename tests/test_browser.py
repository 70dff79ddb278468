"""Every demo report in a real headless Chromium: charts drawn (also in the print view), no
console errors, no network, working table of contents. Screenshots land in the test's temporary
folder."""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import sync_playwright

pytestmark = pytest.mark.slow

ARGS = [
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
DRAWN = (
    "() => [...document.querySelectorAll('div.plotly-graph-div')]"
    ".filter(d => d.querySelector('.main-svg') && d.getBoundingClientRect().height > 50)"
    ".length"
)


@pytest.fixture(scope="module")
def browser(chromium):
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=chromium, args=ARGS, headless=True)
        yield b
        b.close()


def _reports(root: Path) -> list[Path]:
    return [root / "reports" / "index.html", *sorted((root / "reports").glob("*/bericht.html"))]


def test_every_report_renders_offline(demo_run, browser, tmp_path):
    assert demo_run.exit_code == 0, demo_run.output
    reports = _reports(demo_run.root)
    assert len(reports) == 4
    for path in reports:
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        errors: list[str] = []
        remote: list[str] = []
        page.on("console", lambda m, errors=errors: m.type == "error" and errors.append(m.text))
        page.on("pageerror", lambda e, errors=errors: errors.append(str(e)))

        def guard(route, remote=remote):
            if route.request.url.startswith("file://"):
                route.continue_()
            else:
                remote.append(route.request.url)
                route.abort()

        page.route("**/*", guard)
        page.goto(path.as_uri(), wait_until="load")
        n_divs = page.locator("div.plotly-graph-div").count()
        assert n_divs >= 1, path
        page.wait_for_function(
            "n => document.querySelectorAll('div.plotly-graph-div .main-svg').length >= n",
            arg=n_divs,
            timeout=30_000,
        )
        drawn = page.evaluate(DRAWN)
        assert drawn == n_divs, (path, drawn, n_divs)
        links = page.eval_on_selector_all("nav.inhalt a", "els => els.map(e => e.hash)")
        assert links, f"{path}: kein Inhaltsverzeichnis"
        for hash_ in links:
            assert page.locator(f"[id='{hash_[1:]}']").count() == 1, (path, hash_)
        page.click(f"nav.inhalt a[href='{links[-1]}']")
        page.screenshot(path=str(tmp_path / f"{path.parent.name}_{path.stem}.png"), full_page=True)
        page.emulate_media(media="print")
        assert page.evaluate(DRAWN) == n_divs, (path, "Druckansicht")
        assert errors == [], (path, errors)
        assert remote == [], (path, remote)
        page.close()


def test_a_browser_without_decompression_says_so(demo_run, browser):
    path = _reports(demo_run.root)[1]
    page = browser.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.add_init_script("delete window.DecompressionStream")
    page.goto(path.as_uri(), wait_until="load")
    first = page.locator("div.plotly-graph-div").first
    assert "aktuellen Browser" in first.inner_text(), path
    assert errors == [], errors
    page.close()
