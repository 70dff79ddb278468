"""Score how flueko reads back its own rating-sheet template as offices fill it in (blind set).

Builds one workspace from the demo's kick-off round only (``data/raw/2016-10-20_auftakt``),
runs ``flueko run --all`` there and takes the template
``reports/2016-10-20_auftakt/bewertungsbogen_vorlage.xlsx``.
For every case in ``cases.py``: a copy of that workspace, the case's edit of a copy of the
template, saved (as .xlsx, or as .ods/.xls through LibreOffice) into
``data/raw/2016-12-07_bewertung/``, ``flueko ingest 2016-12-07_bewertung``, then:

- ``measures.parquet`` ``idea_ids`` of every measure the case names must be the expected set;
- ``ratings.parquet`` must hold exactly the expected ratings (title, criterion, value), from the
  expected number of raters; a rating that may be dropped must then be named in the log;
- every value the case expects to be named must appear in ``ingest_log.csv`` as a warning or
  error (by its sheet and cell, or quoting its value);
- nothing may come from the sheets „Anleitung“ and „Karten“ (no workshop cards in the new
  round, no measure or rating with those sheets as source).

    python tests/wild_sets/template_roundtrip/score.py [CASE …]

Prints PASS/FAIL per case with a one-line reason and "N of M cases right"; exit code 0 always.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from collections import Counter
from pathlib import Path

import pandas as pd
from openpyxl import load_workbook

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[2]
sys.path.insert(0, str(HERE))

import cases as C  # noqa: E402

KICKOFF, NEW = "2016-10-20_auftakt", "2016-12-07_bewertung"
TEMPLATE = Path("reports") / KICKOFF / "bewertungsbogen_vorlage.xlsx"
NOT_DATA = {"anleitung", "karten"}
BAD = {"warning", "warnung", "error", "fehler"}


def _flueko() -> str:
    local = Path(sys.executable).parent / "flueko"
    return str(local) if local.exists() else "flueko"


def _run(root: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [_flueko(), "--workspace", str(root), *args], cwd=root, capture_output=True, text=True
    )


def build_base(root: Path) -> None:
    shutil.copytree(REPO / "data" / "raw" / KICKOFF, root / "data" / "raw" / KICKOFF)
    done = _run(root, "run", "--all")
    if not (root / TEMPLATE).exists():
        raise SystemExit(f"no template after flueko run --all:\n{done.stdout}\n{done.stderr}")


def _read(path: Path) -> pd.DataFrame | None:
    return pd.read_parquet(path) if path.exists() else None


def ingest_new(root: Path) -> dict:
    done = _run(root, "ingest", NEW)
    processed = root / "data" / "processed" / NEW
    log = pd.DataFrame(columns=["file", "sheet", "cell", "severity", "code", "message"])
    if (processed / "ingest_log.csv").exists():
        log = pd.read_csv(processed / "ingest_log.csv", dtype=str).fillna("")
    tail = (done.stdout + done.stderr).strip().splitlines()[-2:]
    return {
        "rc": done.returncode,
        "measures": _read(processed / "measures.parquet"),
        "ratings": _read(processed / "ratings.parquet"),
        "cards": _read(processed / "contributions.parquet"),
        "log": log,
        "tail": " | ".join(tail),
    }


def write_case(root: Path, case) -> C.Expect:
    wb = load_workbook(root / TEMPLATE)
    edit = C.Edit(wb)
    case(edit)
    expect = edit.expect
    target = root / "data" / "raw" / NEW
    target.mkdir(parents=True)
    if expect.save_as in ("ods", "xls"):
        scratch = root / "scratch"
        scratch.mkdir()
        wb.save(scratch / "bewertungsbogen.xlsx")
        subprocess.run(
            [
                "soffice",
                "--headless",
                f"-env:UserInstallation=file://{scratch / 'lo_profile'}",
                "--convert-to",
                expect.save_as,
                "--outdir",
                str(target),
                str(scratch / "bewertungsbogen.xlsx"),
            ],
            capture_output=True,
            text=True,
            timeout=180,
        )
        shutil.rmtree(scratch)
        if not (target / f"bewertungsbogen.{expect.save_as}").exists():
            raise RuntimeError(f"LibreOffice did not write bewertungsbogen.{expect.save_as}")
    else:
        wb.save(target / "bewertungsbogen.xlsx")
    return expect


def _named(log: pd.DataFrame, group) -> bool:
    bad = log[log["severity"].str.lower().isin(BAD)]
    for sheet, cell, value in group:
        for s, c, m in zip(bad["sheet"], bad["cell"], bad["message"], strict=True):
            if cell and s == sheet and (c.upper() == cell.upper() or cell in m):
                return True
            v = str(value).strip()
            if not v:
                continue
            quoted = any(f"{a}{v}{b}" in m for a, b in C_QUOTES)
            if quoted or (len(v) >= 4 and v.casefold() in m.casefold()):
                return True
    return False


C_QUOTES = [("‚", "‘"), ("„", "“"), ("'", "'"), ('"', '"'), ("«", "»"), ("»", "«"), ("“", "”")]


def _ids(raw) -> set[str]:
    if raw is None or (pd.api.types.is_scalar(raw) and pd.isna(raw)):
        return set()
    return {i.strip() for i in str(raw).split(";") if i.strip()}


def judge(expect: C.Expect, out: dict) -> list[str]:
    problems: list[str] = []
    if out["rc"] != 0:
        problems.append(f"flueko ingest returned {out['rc']} ({out['tail'][:120]})")
    measures, ratings, log = out["measures"], out["ratings"], out["log"]
    if measures is None or ratings is None:
        return [*problems, "no measures.parquet / ratings.parquet written"]
    by_title: dict[str, list[set[str]]] = {}
    for title, raw in zip(measures["title"], measures["idea_ids"], strict=True):
        by_title.setdefault(C.norm(title), []).append(_ids(raw))
    for title, want in expect.ids.items():
        got = by_title.get(C.norm(title))
        if not got:
            problems.append(f"measure „{title[:40]}“ missing")
            continue
        if want == C.ANY:
            continue
        accepted = want if isinstance(want, list) else [want]
        for g in got:
            if g not in accepted:
                w = accepted[0]
                diff = []
                if w - g:
                    diff.append("missing " + ", ".join(sorted(w - g)))
                if g - w:
                    diff.append("extra " + ", ".join(sorted(g - w)))
                problems.append(f"„{title[:30]}“ ids: " + "; ".join(diff))
    # ratings
    got = Counter(
        (C.norm(t), c, float(v))
        for t, c, v in zip(ratings["title"], ratings["criterion"], ratings["value"], strict=True)
    )
    lost, unnamed = [], []
    for title, crit, value, mode, _ in expect.ratings:
        key = (C.norm(title), crit, value)
        if mode == C.MUST:
            if got[key] > 0:
                got[key] -= 1
            else:
                lost.append(f"{title[:25]}/{crit}={value}")
    for title, crit, value, mode, group in expect.ratings:
        if mode == C.MUST:
            continue
        key = (C.norm(title), crit, value)
        if mode == C.EITHER and got[key] > 0:
            got[key] -= 1
            continue
        if not _named(log, group):
            unnamed.append(f"{group[0][2]!r} ({group[0][0]}!{group[0][1]})")
    extra = [f"{t[:25]}/{c}={v}" for (t, c, v), n in got.items() for _ in range(n)]
    if lost:
        problems.append(f"{len(lost)} ratings lost, e.g. " + ", ".join(lost[:3]))
    if extra:
        problems.append(f"{len(extra)} unexpected ratings, e.g. " + ", ".join(extra[:3]))
    if unnamed:
        problems.append("dropped rating not named: " + ", ".join(unnamed[:3]))
    for group in expect.warn:
        if not _named(log, group):
            problems.append(f"not named in log: {group[0][2]!r}")
    raters = ratings["rater"].nunique()
    if raters != expect.raters:
        problems.append(f"{raters} raters, expected {expect.raters}")
    # nothing from „Anleitung“ / „Karten“
    if out["cards"] is not None and len(out["cards"]):
        problems.append(f"{len(out['cards'])} workshop cards read in the rating round")
    for name, df in (("measures", measures), ("ratings", ratings)):
        sheets = df["source_sheet"].astype(str).str.casefold() if "source_sheet" in df else None
        if sheets is not None and sheets.isin(NOT_DATA).any():
            problems.append(f"{name} read from „Anleitung“/„Karten“")
    return problems


def main(argv: list[str]) -> int:
    chosen = [c for c in C.CASES if not argv or any(a in c.__name__ for a in argv)]
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        base_root = tmp / "base"
        build_base(base_root)
        right = 0
        for case in chosen:
            root = tmp / case.__name__
            shutil.copytree(base_root, root)
            try:
                expect = write_case(root, case)
            except Exception as exc:  # the edit itself failed: a broken case, count as FAIL
                print(f"FAIL {case.__name__}: edit not applicable: {exc!r}")
                shutil.rmtree(root, ignore_errors=True)
                continue
            out = ingest_new(root)
            problems = judge(expect, out)
            n = 0 if out["ratings"] is None else len(out["ratings"])
            if problems:
                print(f"FAIL {case.__name__}: " + " · ".join(problems))
            else:
                right += 1
                print(f"PASS {case.__name__} ({n} ratings)")
            shutil.rmtree(root, ignore_errors=True)
        print(f"{right} of {len(chosen)} cases right")
    return 0


if __name__ == "__main__":
    main(sys.argv[1:])
    sys.exit(0)
