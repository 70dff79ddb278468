"""The privacy gate refuses reports with personal data and names where it is."""

from __future__ import annotations

import nbformat
import pytest

from flueko.errors import PrivacyError
from flueko.report import gate


def _nb(html_output: str) -> nbformat.NotebookNode:
    nb = nbformat.v4.new_notebook()
    cell = nbformat.v4.new_code_cell("x")
    cell.outputs = [
        nbformat.v4.new_output("display_data", data={"text/html": html_output}),
    ]
    nb.cells = [nbformat.v4.new_markdown_cell("# Bericht"), cell]
    return nb


def test_planted_email_is_refused_with_cell_number():
    nb = _nb("<p>Rückfragen an kontakt@example.org</p>")
    with pytest.raises(PrivacyError) as err:
        gate.check_notebook(nb)
    assert "Notebook-Zelle 2" in err.value.one_line()
    assert "E-Mail-Adresse" in err.value.one_line()


def test_phone_number_inside_chart_data_is_found():
    markup = '<script>Plotly.newPlot("a", [{"text": ["Tel. 0711 1234567"]}])</script>'
    with pytest.raises(PrivacyError):
        gate.check_html(markup, where="bericht.html")


def test_unicode_escaped_name_in_chart_json_is_found():
    markup = '<script>{"text": "Frau M\\u00fcller kommt"}</script>'
    with pytest.raises(PrivacyError):
        gate.check_html(markup, where="bericht.html")


def test_masked_text_and_report_numbers_pass():
    markup = (
        "<p>Frau [Name] schrieb an [E-Mail]: 7.000 € für 41 Teilnehmende am 20.10.2016, "
        "Rang 3, n = 27, Fingerabdruck 3f2a9c0d4e5b6a7f.</p>"
    )
    gate.check_notebook(_nb(markup))
    gate.check_html(markup, where="bericht.html")


def test_library_script_is_not_scanned():
    markup = '<script id="plotly-js">var a="x@y.de";</script><p>ok</p>'
    assert "x@y.de" not in gate.visible_text(markup)
