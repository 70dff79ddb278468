"""Markdown of the documentation draft: literal user text, tables and the HTML page.

:func:`escape_md` turns user text into one line of literal Markdown, :func:`md_table` and the
other builders put escaped cells together, and :func:`documentation_html` renders the finished
Markdown (from :func:`flueko.report.docdraft.documentation_markdown`, or edited by hand) as a
self-contained, print-friendly page with mistune; raw HTML in it is escaped, images are shown as
their alt text.
"""

from __future__ import annotations

import html
import re
from collections.abc import Mapping, Sequence

import pandas as pd

from flueko.report import fmt

TODO = "[bitte ergänzen]"
_TODO_UNESCAPED = re.compile(r"(?<!\\)" + re.escape(TODO))
_TODO_SENTINEL = "fluekotodoplaceholder9d2c"
"""Placeholder for everything the office has to fill in by hand."""

_MD_INLINE = re.compile(r"([\\*_\[\]<>&|~])")
_MD_LINE_START = re.compile(r"^(\s*)([#+=-])")
_MD_ORDERED = re.compile(r"^(\s*\d+)([.)])")


# --- escaping and small builders ---------------------------------------------------------------


def is_missing(value: object) -> bool:
    """True for None and for a scalar :func:`pandas.isna` calls missing (NaN, NA, NaT)."""
    if value is None:
        return True
    try:
        return bool(pd.isna(value))
    except (TypeError, ValueError):
        return False


def escape_md(value: object, *, line_start: bool = True) -> str:
    """User text as one line of literal Markdown text (nothing in it is markup).

    Whitespace (newlines too) collapses to single spaces; ``\\ * _ [ ] < > & | ~`` are
    backslash-escaped everywhere, ``# + = -`` and "1." at the start (only where the text may
    start a line: ``line_start``; "20. Oktober" inside a sentence stays as it is), backticks
    become ``'``. Missing values become "–".
    """
    if is_missing(value):
        return fmt.MISSING
    text = " ".join(str(value).split()).replace("`", "'")
    text = _MD_INLINE.sub(r"\\\1", text)
    if not line_start:
        return text
    text = _MD_LINE_START.sub(r"\1\\\2", text)
    return _MD_ORDERED.sub(r"\1\\\2", text)


def md_table(headers: Sequence[str], rows: Sequence[Sequence[str]], *, right: int = 1) -> str:
    """A Markdown table; cells are already escaped; columns from index ``right`` right-aligned."""
    align = ["---" if i < right else "---:" for i in range(len(headers))]
    lines = ["| " + " | ".join(headers) + " |", "| " + " | ".join(align) + " |"]
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    return "\n".join(lines)


def md_label(labels: Mapping[str, str], key: object, *, missing: str = "ohne Zuordnung") -> str:
    """The escaped label of ``key`` (the key itself when unknown; ``missing`` when missing)."""
    if is_missing(key):
        return escape_md(missing)
    return escape_md(labels.get(str(key), str(key)))


def plural(n: int, one: str, many: str) -> str:
    """``n`` formatted, with the singular or plural noun ("1 Beitrag", "3 Beiträge")."""
    return f"{fmt.number(n)} {one if n == 1 else many}"


_CSS = """
body { font-family: "Segoe UI", Helvetica, Arial, sans-serif; color: #1d1d1d;
  max-width: 900px; margin: 0 auto; padding: 16px 24px 48px; line-height: 1.45; }
h1, h2, h3 { color: #123a5c; }
h1 { border-bottom: 4px solid #123a5c; padding-bottom: 6px; }
h2 { border-bottom: 2px solid #123a5c; padding-bottom: 4px; margin-top: 2em; }
blockquote { background: #fff6e0; border-left: 4px solid #e0a000; margin: 1em 0;
  padding: 6px 12px; }
table { border-collapse: collapse; margin: 0.6em 0 1.2em; font-size: 0.92em; width: 100%; }
th { background: #123a5c; color: #fff; text-align: left; padding: 5px 8px; }
td { border-bottom: 1px solid #ddd; padding: 4px 8px; vertical-align: top; }
tr:nth-child(even) td { background: #f7f9fb; }
mark { background: #fff0b3; padding: 0 2px; }
@media print {
  body { max-width: none; padding: 0; font-size: 10.5pt; }
  h2, h3 { page-break-after: avoid; }
  table, li { page-break-inside: avoid; }
  th { background: #fff; color: #000; border-bottom: 2px solid #000; }
  mark { background: none; border: 1px dotted #000; }
}
"""


def _markdown_renderer():
    """mistune with tables; raw HTML escaped; images shown as their alt text (no resources)."""
    import mistune
    from mistune.renderers.html import HTMLRenderer

    class _NoImages(HTMLRenderer):
        def image(self, text: str, url: str, title: str | None = None) -> str:
            return text

    return mistune.create_markdown(renderer=_NoImages(escape=True), plugins=["table"])


def documentation_html(markdown: str, *, title: str) -> str:
    """A self-contained, print-friendly HTML page of ``markdown`` (raw HTML in it is escaped).

    Parameters
    ----------
    markdown
        Text from :func:`flueko.report.docdraft.documentation_markdown` (or edited by hand).
    title
        Page title (escaped).
    """
    # Only flueko's own placeholders are highlighted: user text reaches the Markdown escaped
    # (``\\[bitte ergänzen\\]``), so an unescaped placeholder is one flueko wrote. A token
    # stands in for it while mistune renders (plain letters pass through unchanged).
    marked = _TODO_UNESCAPED.sub(_TODO_SENTINEL, markdown)
    body = str(_markdown_renderer()(marked)).replace(_TODO_SENTINEL, f"<mark>{TODO}</mark>")
    return (
        "<!DOCTYPE html>\n"
        '<html lang="de">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{html.escape(title)}</title>\n<style>{_CSS}</style>\n</head>\n"
        f"<body>\n{body}</body>\n</html>\n"
    )
