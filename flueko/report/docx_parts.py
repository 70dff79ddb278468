"""Building blocks for Word documents (python-docx): styled tables with a repeated header row,
a table-of-contents field, page breaks, landscape sections, the visible text of a document for
the privacy gate, and reproducible bytes (fixed zip dates).
"""

from __future__ import annotations

import io
from collections.abc import Sequence

from docx.enum.section import WD_ORIENT, WD_SECTION
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt

from flueko.io.xlsx import FIXED_TIME, repack_zip

TABLE_STYLE = "Light Grid Accent 1"
"""The Word table style of every table (a built-in style the office can swap)."""
"""Created/modified stamp and zip entry date of every document flueko writes."""


def add_table(
    doc,
    headers: Sequence[str],
    rows: Sequence[Sequence[str]],
    *,
    widths: Sequence[float] | None = None,
    numeric: Sequence[int] = (),
    size: float | None = None,
):
    """A table in :data:`TABLE_STYLE` with a repeated header row; ``widths`` in cm,
    ``numeric`` the columns aligned right, ``size`` the font size in pt."""
    table = doc.add_table(rows=1, cols=len(headers))
    table.style = doc.styles[TABLE_STYLE]
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    for cell, text in zip(table.rows[0].cells, headers, strict=True):
        cell.text = text
    repeat_header(table.rows[0])
    for values in rows:
        row = table.add_row()
        row._tr.get_or_add_trPr().append(OxmlElement("w:cantSplit"))  # a row stays on one page
        for cell, text in zip(row.cells, values, strict=True):
            cell.text = str(text)
    if widths:
        table.autofit = False
        for col, width in zip(table.columns, widths, strict=True):
            col.width = Cm(width)
        for row in table.rows:
            for cell, width in zip(row.cells, widths, strict=True):
                cell.width = Cm(width)
    for row in table.rows:
        for i, cell in enumerate(row.cells):
            for para in cell.paragraphs:
                if i in numeric:
                    para.alignment = WD_ALIGN_PARAGRAPH.RIGHT
                if size:
                    for run in para.runs:
                        run.font.size = Pt(size)
    doc.add_paragraph()
    return table


def repeat_header(row) -> None:
    props = row._tr.get_or_add_trPr()
    flag = OxmlElement("w:tblHeader")
    flag.set(qn("w:val"), "true")
    props.append(flag)


def add_toc(doc, entries: Sequence[tuple[int, str]]) -> None:
    """A Word TOC field; its shown result lists the headings until Word updates it (F9)."""
    doc.add_paragraph("Inhalt", style="TOC Heading")
    para = doc.add_paragraph()

    def fld(kind: str) -> None:
        run = para.add_run()
        char = OxmlElement("w:fldChar")
        char.set(qn("w:fldCharType"), kind)
        run._r.append(char)

    fld("begin")
    instr = OxmlElement("w:instrText")
    instr.set(qn("xml:space"), "preserve")
    instr.text = 'TOC \\o "1-3" \\h \\z \\u'
    para.add_run()._r.append(instr)
    fld("separate")
    for i, (level, text) in enumerate(entries):
        run = para.add_run(("    " * (level - 1)) + text)
        if i < len(entries) - 1:
            run.add_break()
    fld("end")
    doc.add_paragraph(
        "Seitenzahlen: Inhaltsverzeichnis in Word mit Rechtsklick → „Felder aktualisieren“ "
        "(oder F9) erneuern."
    ).runs[0].italic = True
    settings = doc.settings.element
    update = OxmlElement("w:updateFields")
    update.set(qn("w:val"), "true")
    settings.append(update)


def page_break(doc) -> None:
    doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)


def landscape(doc, on: bool) -> None:
    section = doc.add_section(WD_SECTION.NEW_PAGE)
    width, height = section.page_width, section.page_height
    if on != (width > height):
        section.page_width, section.page_height = height, width
    section.orientation = WD_ORIENT.LANDSCAPE if on else WD_ORIENT.PORTRAIT


def document_text(doc) -> str:
    """Every text a reader can see in ``doc``: paragraphs, table cells, headers and footers."""
    parts = [p.text for p in doc.paragraphs]
    for table in doc.tables:
        for row in table.rows:
            parts.extend(cell.text for cell in row.cells)
    for section in doc.sections:
        parts.extend(p.text for p in section.header.paragraphs)
        parts.extend(p.text for p in section.footer.paragraphs)
    return "\n".join(parts)


def text_by_heading(doc) -> list[tuple[str, str]]:
    """(heading, text) pairs in document order: each paragraph and table row under the
    heading it stands under ("Anfang" before the first), then headers and footers — what a
    reader sees, so the privacy gate can name where a finding is."""
    from docx.table import Table

    heading = "Anfang"
    out: list[tuple[str, str]] = []
    for block in doc.iter_inner_content():
        if isinstance(block, Table):
            out.extend((heading, " | ".join(c.text for c in row.cells)) for row in block.rows)
            continue
        if block.style is not None and block.style.name.startswith("Heading"):
            heading = block.text or heading
        out.append((heading, block.text))
    for section in doc.sections:
        out.extend(("Kopfzeile", p.text) for p in section.header.paragraphs)
        out.extend(("Fußzeile", p.text) for p in section.footer.paragraphs)
    return out


def document_bytes(doc) -> bytes:
    """The .docx bytes of ``doc`` with fixed zip entry dates (same document → same bytes)."""
    raw = io.BytesIO()
    doc.save(raw)
    return repack_zip(raw.getvalue(), stamp=FIXED_TIME)
