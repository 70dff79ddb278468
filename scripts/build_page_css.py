"""Rebuild ``flueko/resources/templates/flueko_report/page.css`` (developers only).

Usage: ``.venv/bin/python scripts/build_page_css.py``

nbconvert's lab template inlines all of JupyterLab's stylesheets (about 260 KB: the editor, the
file browser, icons, dark and light theme variables). A report shows rendered outputs only, so
``page.css`` keeps the rules whose every class belongs to the rendered notebook (cells, output
areas, rendered HTML, Markdown, text and images), the plain element rules, the print rules of
nbconvert's template, and the theme variables those rules use. Run it after upgrading nbconvert
and compare a report before and after in a browser.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

import tinycss2

REPO = Path(__file__).resolve().parent.parent
TARGET = REPO / "flueko" / "resources" / "templates" / "flueko_report" / "page.css"
KEEP_CLASS = re.compile(
    r"jp-(Notebook|Cell|Cell-\w+|Collapser|InputArea|OutputArea(-\w+)?|MarkdownOutput|"
    r"Rendered(HTMLCommon|HTML|Markdown|Text|Image|SVG)|mod-noOutputs)$"
)
NBCONVERT_EXTRA = """\
* { -webkit-print-color-adjust: exact; }
a.anchor-link { display: none; }
.jp-OutputArea-output pre { line-height: inherit; font-family: inherit; }
.jp-RenderedText pre { color: var(--jp-content-font-color1); font-size: var(--jp-code-font-size); }
.jp-Collapser { display: none; }
@page { margin: 0.5in; }
@media print { .jp-Cell-inputWrapper, .jp-Cell-outputWrapper { display: block; } }
"""


def lab_static() -> Path:
    import jupyter_core.paths

    for base in jupyter_core.paths.jupyter_path("nbconvert", "templates", "lab", "static"):
        if (Path(base) / "index.css").is_file():
            return Path(base)
    raise SystemExit("nbconvert's lab template (static/index.css) not found")


def keep_selector(part: str) -> bool:
    if "[" in part or "::-" in part or ":hover" in part or ":focus" in part:
        return False
    classes = re.findall(r"\.([\w-]+)", re.sub(r":not\([^)]*\)", "", part))
    return all(KEEP_CLASS.match(c) for c in classes)


def pick(rules, out: list[str]) -> None:
    for rule in rules:
        if rule.type == "qualified-rule":
            parts = [p.strip() for p in tinycss2.serialize(rule.prelude).split(",")]
            kept = [p for p in parts if p and p != ":root" and keep_selector(p)]
            if kept:
                body = tinycss2.serialize(rule.content).strip()
                out.append(f"{', '.join(kept)} {{ {body} }}")
        elif rule.type == "at-rule" and rule.lower_at_keyword == "media" and rule.content:
            inner: list[str] = []
            nested = tinycss2.parse_rule_list(
                rule.content, skip_comments=True, skip_whitespace=True
            )
            pick(nested, inner)
            if inner:
                query = tinycss2.serialize(rule.prelude).strip()
                out.append(f"@media {query} {{\n" + "\n".join(inner) + "\n}")


def variables(sheets: list[str]) -> dict[str, str]:
    found: dict[str, str] = {}
    for text in sheets:
        for rule in tinycss2.parse_stylesheet(text, skip_comments=True, skip_whitespace=True):
            prelude = tinycss2.serialize(getattr(rule, "prelude", [])).strip()
            if rule.type == "qualified-rule" and prelude == ":root":
                for decl in tinycss2.parse_declaration_list(rule.content, skip_comments=True):
                    if decl.type == "declaration" and decl.name.startswith("--"):
                        found[decl.name] = tinycss2.serialize(decl.value).strip()
    return found


def main() -> int:
    static = lab_static()
    index = (static / "index.css").read_text(encoding="utf-8")
    theme = (static / "theme-light.css").read_text(encoding="utf-8")
    rules: list[str] = []
    pick(tinycss2.parse_stylesheet(index, skip_comments=True, skip_whitespace=True), rules)
    text = "\n".join(rules) + "\n" + NBCONVERT_EXTRA
    defined = variables([index, theme])
    needed: dict[str, str] = {}
    todo = set(re.findall(r"var\((--[\w-]+)", text))
    while todo:
        name = todo.pop()
        if name in needed or name not in defined:
            continue
        needed[name] = defined[name]
        todo |= set(re.findall(r"var\((--[\w-]+)", defined[name]))
    root = "\n".join(f"  {k}: {v};" for k, v in sorted(needed.items()))
    header = (
        "/* JupyterLab's rules for rendered notebook outputs (from nbconvert's lab template, "
        "BSD-3-Clause,\n   Copyright (c) Jupyter Development Team); "
        "built by scripts/build_page_css.py. */\n"
    )
    TARGET.write_text(f"{header}:root {{\n{root}\n}}\n{text}", encoding="utf-8")
    print(f"{TARGET.relative_to(REPO)}: {TARGET.stat().st_size / 1e3:.1f} KB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
