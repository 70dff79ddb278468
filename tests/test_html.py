"""Report HTML builders escape user text and format German numbers."""

from __future__ import annotations

import pandas as pd

from flueko.report import fmt
from flueko.report import markup as html
from flueko.report.export import TOC_PLACEHOLDER, table_of_contents


def test_table_escapes_injection_text():
    df = pd.DataFrame({"text": ["<script>alert(1)</script>", "a & b"], "n": [1, None]})
    out = html.table(df, columns={"text": "Karte", "n": "Punkte"}, formats={"n": fmt.number})
    assert "<script>" not in out
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in out
    assert "a &amp; b" in out
    assert "<td>–</td>" in out  # missing is shown as a dash, not "nan"


def test_heading_anchor_is_ascii_and_stable():
    assert html.heading("Beiträge & Punkte") == (
        '<h2 id="beitraege-punkte">Beiträge &amp; Punkte</h2>'
    )


def test_table_of_contents_links_every_section():
    body = f'<header></header>{TOC_PLACEHOLDER}<h2 id="a">Erstens</h2><h2 id="b">Zweitens</h2>'
    out = table_of_contents(body)
    assert '<li><a href="#a">Erstens</a></li><li><a href="#b">Zweitens</a></li>' in out
    assert TOC_PLACEHOLDER not in out


def test_german_formats():
    assert fmt.money(7000) == "7.000\xa0€"
    assert fmt.number(3.5, digits=1) == "3,5"
    assert fmt.money_range(2000, 4000) == "2.000\xa0€ – 4.000\xa0€"
    assert fmt.money_range(None, None) == "unbekannt"
    assert fmt.day("2016-10-20") == "20. Oktober 2016"
    assert fmt.number(pd.NA) == "–"
