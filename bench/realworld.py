"""Try flueko on real third-party files: what does it make of each one?

Reads a folder of real exports and odd workbooks (by default ``../shared/realworld`` beside the
checkout, when it exists; the files are not part of the project), ingests each file alone in a
temporary workspace and prints one line per file: what flueko read it as (cards with their
count, ratings, plan, survey with respondents, refused, failed), and whether anything crashed.
None of those files holds workshop cards, so every "cards" line is a misread.

    python bench/realworld.py [FOLDER] [--json OUT]
"""

from __future__ import annotations

import argparse
import contextlib
import io
import json
import shutil
import sys
import tempfile
import traceback
from pathlib import Path

import pandas as pd

DEFAULT = Path(__file__).resolve().parent.parent.parent / "shared" / "realworld"
SUFFIXES = {".xlsx", ".xlsm", ".xls", ".ods", ".csv", ".tsv", ".txt"}


def classify(root: Path, rel: str) -> dict:
    """Ingest one file alone and say what came out."""
    from flueko.cli import main

    with tempfile.TemporaryDirectory() as tmp:
        ws = Path(tmp)
        target = ws / "data" / "raw" / "r" / Path(rel).name
        target.parent.mkdir(parents=True)
        shutil.copy(root / rel, target)
        out, err = io.StringIO(), io.StringIO()
        crashed = ""
        try:
            with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
                code = main(["--workspace", str(ws), "ingest", "r"])
        except BaseException as exc:  # a crash is what this script is looking for
            code, crashed = -1, "".join(traceback.format_exception_only(exc)).strip()
        text = out.getvalue() + err.getvalue()
        if "Traceback" in text or "interner Fehler" in text:
            crashed = crashed or "interner Fehler"
        processed = ws / "data" / "processed" / "r"

        def rows(name: str) -> int:
            path = processed / f"{name}.parquet"
            return len(pd.read_parquet(path)) if path.is_file() else 0

        cards, ratings, measures = rows("contributions"), rows("ratings"), rows("measures")
        responses = processed / "survey_responses.parquet"
        respondents = (
            pd.read_parquet(responses)["respondent"].nunique() if responses.is_file() else 0
        )
    if crashed:
        kind = "CRASH"
    elif cards:
        kind = f"cards ({cards})"
    elif respondents:
        kind = f"survey ({respondents} Befragte)"
    elif ratings:
        kind = f"ratings ({ratings})"
    elif measures:
        kind = f"plan ({measures})"
    else:
        kind = "refused/empty"
    return {"file": rel, "exit": code, "kind": kind, "crash": crashed}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("folder", nargs="?", type=Path, default=DEFAULT)
    parser.add_argument("--json", type=Path)
    args = parser.parse_args(argv)
    if not args.folder.is_dir():
        print(f"{args.folder} gibt es hier nicht — nichts zu messen")
        return 0
    files = sorted(
        p.relative_to(args.folder).as_posix()
        for p in args.folder.rglob("*")
        if p.is_file() and p.suffix.lower() in SUFFIXES
    )
    results = [classify(args.folder, rel) for rel in files]
    for r in results:
        print(f"{r['kind']:<24} exit {r['exit']:>2}  {r['file']}  {r['crash']}")
    cards = sum(r["kind"].startswith("cards") for r in results)
    crashes = sum(r["kind"] == "CRASH" for r in results)
    surveys = sum(r["kind"].startswith("survey") for r in results)
    print(
        f"{len(results)} Dateien: {cards} als Karten gelesen (alle falsch), {surveys} als Umfrage, "
        f"{crashes} Abstürze"
    )
    if args.json:
        args.json.write_text(json.dumps(results, ensure_ascii=False, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
