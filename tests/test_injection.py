"""User text that looks like markup or a formula stays text, in the report and in the browser."""

from __future__ import annotations

import openpyxl
import pytest

from flueko.cli import main

ROUND = "2024-03-14_test"
EVIL = "<script>alert(1)</script>"
IMG = '<img src=x onerror="alert(2)">'


@pytest.fixture(scope="module")
def evil_report(tmp_path_factory):
    root = tmp_path_factory.mktemp("evil")
    folder = root / "data" / "raw" / ROUND
    folder.mkdir(parents=True)
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "AK Wohnen"
    ws.append(["Leitfrage", "Beitrag", "Punkte"])
    ws.append(["Wo sind die Probleme in der Praxis?", EVIL, 3])
    ws.append([None, IMG, 2])
    ws.append([None, '=HYPERLINK("http://example.org")', 1])
    ws.append([None, "Mietpaten für Wohnungssuche", 4])
    wb.save(folder / "karten.xlsx")
    code = main(["--workspace", str(root), "run", ROUND, "--no-progress"])
    assert code == 0
    return root / "reports" / ROUND / "bericht.html"


def test_markup_in_cards_is_escaped(evil_report):
    html = evil_report.read_text("utf-8")
    assert EVIL not in html and "<img src=x" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html


def test_nothing_executes_in_the_browser(evil_report, chromium):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(
            executable_path=chromium, args=["--no-sandbox", "--disable-gpu"], headless=True
        )
        page = browser.new_page()
        dialogs = []
        page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
        page.goto(evil_report.as_uri(), wait_until="load")
        page.wait_for_timeout(500)
        text = page.inner_text("body")
        browser.close()
    assert dialogs == []
    assert EVIL in text  # shown as text
