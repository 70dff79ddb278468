"""The privacy and safety gate every stakeholder file passes before it is written.

It scans what a reader would see (text, attributes and the data of the charts — not the embedded
plotly.js library) for e-mail addresses, phone numbers and names — with the same detectors that
mask the input (:func:`flueko.privacy.find_personal_data`) — and checks
that no user text arrived as live markup. A finding stops the report with a message that says
where the text is.
"""

from __future__ import annotations

import html
import re

import nbformat
import pandas as pd

from flueko import schema
from flueko.errors import PrivacyError
from flueko.privacy import Finding, find_personal_data, mask_personal_data

_LIBRARY_SCRIPT = re.compile(r'<script id="plotly-js">.*?</script>', re.S)
_STYLE = re.compile(r"<style[^>]*>.*?</style>", re.S)
_TAGS = re.compile(r"<[^>]+>")
_ROW_LABELS = {schema.MEASURE_ID: "Maßnahme", schema.IDEA_ID: "Idee"}
_KIND_LABELS = {"email": "E-Mail-Adresse", "phone": "Telefonnummer", "name": "Personenname"}


def visible_text(markup: str) -> str:
    """Text of ``markup`` as far as it can reach a reader: tags and library code removed."""
    markup = _LIBRARY_SCRIPT.sub(" ", markup)
    markup = _STYLE.sub(" ", markup)
    text = _TAGS.sub(" ", markup)
    text = html.unescape(text)
    # JSON strings in chart data escape non-ASCII as \uXXXX
    return re.sub(r"\\u([0-9a-fA-F]{4})", lambda m: chr(int(m.group(1), 16)), text)


def _abbreviated(finding: Finding) -> str:
    """The finding shortened so that the message itself holds no personal data."""
    if finding.kind == "phone":
        digits = "".join(ch for ch in finding.match if ch.isdigit())
        return f"{digits[:3]}…"
    if finding.kind == "email":
        return f"{finding.match[:1]}…@…"
    return " ".join(f"{word[:1]}." for word in finding.match.split())


def check_text(text: str, *, where: str) -> None:
    """Raise :class:`PrivacyError` if ``text`` holds personal data.

    The message names ``where`` (output and cell or section), the kind of data and the finding
    abbreviated (``T. H.``, ``062…``, ``m…@…``) with its context masked — never the data itself.
    """
    findings = find_personal_data(text)
    if findings:
        first = findings[0]
        start = max(first.start - 30, 0)
        context = " ".join(mask_personal_data(text[start : first.end + 30]).split())
        raise PrivacyError(
            f"{_KIND_LABELS.get(first.kind, first.kind)} „{_abbreviated(first)}“ gefunden "
            f"({where}): „…{context}…“ ({len(findings)} Fundstelle(n))",
            hint="Eingabedaten prüfen oder die Stelle in den Rohdaten unkenntlich machen; "
            "die Datei wurde nicht geschrieben",
        )


def check_frame(df: pd.DataFrame, *, output: str, key: str | None = None) -> None:
    """Scan every text cell of ``df`` before it goes into ``output`` (a workbook).

    The message names the output, the row (its ``key`` value, e.g. the measure id, or the
    1-based row number) and the column of the first finding.
    """
    if key in df.columns:
        rows = [f"{_ROW_LABELS.get(key, key)} {value}" for value in df[key]]
    else:
        rows = [f"Zeile {number}" for number in range(1, len(df) + 1)]
    for col in df.columns:
        for row, value in zip(rows, df[col], strict=True):
            if isinstance(value, str) and value:
                check_text(value, where=f"{output}, {row}, Spalte {col}")


def check_markdown(markdown: str, *, output: str) -> None:
    """Scan a Markdown document section by section, naming the heading of the first finding."""
    section = "Anfang"
    for line in markdown.splitlines():
        if line.startswith("#"):
            section = line.lstrip("#").strip() or section
        check_text(line, where=f"{output}, Abschnitt „{section}“")


def check_notebook(nb: nbformat.NotebookNode) -> None:
    """Scan every output of an executed notebook, naming the cell of the first finding."""
    for number, cell in enumerate(nb.cells, start=1):
        for output in cell.get("outputs", []):
            data = output.get("data", {})
            for mime in ("text/html", "text/markdown", "text/plain"):
                if mime in data:
                    content = data[mime]
                    content = "".join(content) if isinstance(content, list) else content
                    check_text(visible_text(content), where=f"Notebook-Zelle {number}, {mime}")
            if output.get("output_type") == "stream" and output.get("name") == "stdout":
                check_text(output.get("text", ""), where=f"Notebook-Zelle {number}, Ausgabe")
        if cell.get("cell_type") == "markdown":
            check_text(cell.get("source", ""), where=f"Notebook-Zelle {number}, Text")


def check_html(markup: str, *, where: str) -> None:
    """Scan a finished HTML file's visible text."""
    check_text(visible_text(markup), where=where)
