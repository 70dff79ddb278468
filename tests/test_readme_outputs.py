"""The README's table "Was Sie bekommen, und wo" matches what 'flueko run --all' writes."""

from __future__ import annotations

import fnmatch
import re

from .conftest import REPO

OPTIONAL = {"reports/<runde>/kodierung.xlsx"}  # only after 'flueko codebook export'


def readme_paths() -> list[str]:
    text = (REPO / "README.md").read_text("utf-8")
    table = text.split("## Was Sie bekommen, und wo", 1)[1].split("\n\n", 2)[1]
    paths = []
    for line in table.splitlines()[2:]:
        first = line.split("|")[1]
        names = re.findall(r"`([^`]+)`", first)
        for name in names:
            if name.startswith("."):  # `reports/dokumentation.md`, `.html`
                name = paths[-1].rsplit(".", 1)[0] + name
            paths.append(name)
    return paths


def test_readme_table_lists_what_a_run_writes(demo_run):
    assert demo_run.exit_code == 0, demo_run.output
    written = sorted(
        p.relative_to(demo_run.root).as_posix()
        for folder in ("reports", "data/processed")
        for p in (demo_run.root / folder).rglob("*")
        if p.is_file() and not p.name.startswith(".")
    )
    patterns = {p: p.replace("<runde>", "*") for p in readme_paths()}
    assert "reports/<runde>/massnahmenplan.xlsx" in patterns
    unlisted = [w for w in written if not any(fnmatch.fnmatch(w, g) for g in patterns.values())]
    assert unlisted == [], "in README.md nicht genannt"
    missing = [
        p for p, g in patterns.items() if p not in OPTIONAL and not fnmatch.filter(written, g)
    ]
    assert missing == [], "in README.md genannt, aber nicht geschrieben"
