#!/usr/bin/env python3
"""Score flueko against the blind rating/cost wild set (cases/ written by make_cases.py).

For each case: copy its files into a temporary workspace ``W/data/raw/<case_id>/``, run
``flueko --workspace W ingest <case_id>``, and compare ``measures.parquet``,
``ratings.parquet`` and ``ingest_log.csv`` with ``truth.json`` exactly:

* n_measures (rows of measures.parquet) and every title verbatim, each exactly once;
* per measure: distinct raters with a value in ratings.parquet, impact/effort medians
  (measures.parquet ``impact``/``effort``; computed from ratings.parquet when absent),
  cost_min/cost_max (null = unknown; 0 is not unknown);
* for rating cases the number of distinct raters of the round;
* every ``unparsed`` cell of the truth appears in ingest_log.csv (same file, same cell).

Usage:  .venv/bin/python tests/wild_sets/ratings/score.py [--json] [--keep] [CASE_ID ...]

The truth keeps ratings on the scale as typed and per-period amounts as written. By default the
scorer expects flueko's conventions: 1-10 and verbal 1-3 truth medians mapped linearly onto 1-5
(--rescale) and truth amounts marked per month multiplied by 12 (--annualise);
--no-rescale / --no-annualise score against the truth as typed.
Never stops at a failing case; exit code 0 if all exact, 1 otherwise.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pandas as pd

HERE = Path(__file__).resolve().parent
CASES_DIR = HERE / "cases"
FLUEKO = os.environ.get("FLUEKO", str(Path(sys.executable).with_name("flueko")))
TOL = 1e-6

IMPACT_WORDS = ("impact", "wirkung", "nutzen")
EFFORT_WORDS = ("effort", "aufwand")


def is_null(x) -> bool:
    if x is None:
        return True
    try:
        return bool(pd.isna(x))
    except (TypeError, ValueError):
        return False


def same_num(a, b) -> bool:
    if is_null(a) or is_null(b):
        return is_null(a) and is_null(b)
    return math.isclose(float(a), float(b), rel_tol=TOL, abs_tol=TOL)


def fmt(x) -> str:
    if is_null(x):
        return "null"
    x = float(x)
    return str(int(x)) if x.is_integer() else f"{x:g}"


def find_col(df: pd.DataFrame, *names):
    low = {c.lower(): c for c in df.columns}
    for n in names:
        if n in low:
            return low[n]
    return None


def crit_kind(value) -> str | None:
    v = str(value).lower()
    if any(w in v for w in IMPACT_WORDS):
        return "impact"
    if any(w in v for w in EFFORT_WORDS):
        return "effort"
    return None


def run_flueko(ws: Path, case_id: str, import_retries: int, wait: int):
    cmd = [FLUEKO, "--workspace", str(ws), "ingest", case_id]
    for attempt in range(import_retries + 1):
        try:
            p = subprocess.run(cmd, capture_output=True, text=True, timeout=600)
        except subprocess.TimeoutExpired:
            return None, "", "timeout after 600 s"
        err = p.stderr or ""
        if (
            p.returncode != 0
            and ("ImportError" in err or "ModuleNotFoundError" in err)
            and attempt < import_retries
        ):
            print(
                f"  [{case_id}] flueko ImportError, waiting {wait}s and retrying",
                file=sys.stderr,
                flush=True,
            )
            time.sleep(wait)
            continue
        return p.returncode, p.stdout or "", err
    return None, "", "unreachable"


def score_case(case_dir: Path, args) -> dict:
    truth = json.loads((case_dir / "truth.json").read_text(encoding="utf-8"))
    cid = truth["id"]
    res = {"id": cid, "what": truth.get("what", ""), "pass": False, "reasons": [], "details": {}}
    reasons = res["reasons"]
    tmp = Path(tempfile.mkdtemp(prefix=f"wild_{cid}_"))
    try:
        raw = tmp / "data" / "raw" / cid
        raw.mkdir(parents=True)
        for f in case_dir.iterdir():
            if f.name != "truth.json" and f.is_file():
                shutil.copy2(f, raw / f.name)
        rc, out, err = run_flueko(tmp, cid, args.import_retries, args.wait)
        res["details"]["rc"] = rc
        res["details"]["stdout"] = out[-3000:]
        res["details"]["stderr"] = err[-3000:]
        if rc != 0:
            last = (err.strip().splitlines() or out.strip().splitlines() or ["?"])[-1]
            reasons.append(f"flueko ingest rc={rc}: {last[:200]}")
            return res
        proc = tmp / "data" / "processed" / cid
        try:
            m = pd.read_parquet(proc / "measures.parquet")
        except Exception as e:
            reasons.append(f"measures.parquet unreadable: {e!r}")
            return res
        try:
            r = pd.read_parquet(proc / "ratings.parquet")
        except Exception as e:
            r = pd.DataFrame()
            if truth["kind"] == "ratings":
                reasons.append(f"ratings.parquet unreadable: {e!r}")
        try:
            log = pd.read_csv(proc / "ingest_log.csv", dtype=str, keep_default_na=False)
        except Exception as e:
            log = pd.DataFrame(columns=["file", "sheet", "cell"])
            if truth.get("unparsed"):
                reasons.append(f"ingest_log.csv unreadable: {e!r}")
        compare(truth, m, r, log, res, args)
    except Exception as e:
        reasons.append(f"scorer error: {e!r}")
    finally:
        if args.keep:
            res["details"]["workspace"] = str(tmp)
        else:
            shutil.rmtree(tmp, ignore_errors=True)
    res["pass"] = not reasons
    return res


def rescale(x, scale, on):
    """Truth median on its typed scale -> 1-5 (only with --rescale)."""
    if x is None or not on:
        return x
    if scale == "1-10":
        return 1 + (x - 1) * 4 / 9
    if scale == "verbal->1-3":
        return 1 + (x - 1) * 2
    return x


def compare(truth, m: pd.DataFrame, r: pd.DataFrame, log: pd.DataFrame, res, args):
    reasons, det = res["reasons"], res["details"]
    c_title, c_id = find_col(m, "title"), find_col(m, "measure_id")
    if c_title is None:
        reasons.append(f"measures.parquet has no title column ({list(m.columns)})")
        return
    titles = [str(t) for t in m[c_title].tolist()]
    det["titles_out"] = titles
    want = [t["title"] for t in truth["measures"]]
    if len(m) != truth["n_measures"]:
        reasons.append(f"n_measures {len(m)}≠{truth['n_measures']}")
    missing = [t for t in want if t not in titles]
    extra = [t for t in titles if t not in want]
    dup = sorted({t for t in titles if titles.count(t) > 1 and t in want})
    if missing:
        reasons.append(f"{len(missing)} titles missing, e.g. {missing[:2]}")
    if extra:
        reasons.append(f"{len(extra)} extra measures, e.g. {extra[:3]}")
    if dup:
        reasons.append(f"duplicated titles {dup[:2]}")

    # ratings: rater / criterion / value per measure_id
    rc = (
        {k: find_col(r, k) for k in ("measure_id", "rater", "criterion", "value")}
        if len(r.columns)
        else {}
    )
    have_r = bool(rc) and all(rc.values())
    if truth["kind"] == "ratings" and not have_r:
        reasons.append(f"ratings.parquet lacks contract columns ({list(r.columns)})")
    if have_r:
        rv = r[r[rc["value"]].notna()].copy()
        rv["_kind"] = rv[rc["criterion"]].map(crit_kind)
        det["criteria_out"] = sorted({str(x) for x in r[rc["criterion"]].dropna().unique()})
    cols = {k: find_col(m, k) for k in ("impact", "effort", "n_raters", "cost_min", "cost_max")}

    bad = {"n_raters": [], "impact": [], "effort": [], "cost": []}
    per = []
    for tm in truth["measures"]:
        rows = m[m[c_title].astype(str) == tm["title"]]
        if len(rows) != 1:
            continue
        row = rows.iloc[0]
        got = {"title": tm["title"]}
        if "n_raters" in tm:
            mid = row[c_id] if c_id else None
            sub = rv[rv[rc["measure_id"]] == mid] if have_r and mid is not None else None
            n = int(sub[rc["rater"]].nunique()) if sub is not None else None
            got["n_raters_ratings"] = n
            got["n_raters_measures"] = (
                None
                if not cols["n_raters"] or is_null(row[cols["n_raters"]])
                else int(row[cols["n_raters"]])
            )
            if n != tm["n_raters"]:
                bad["n_raters"].append(f"'{tm['title'][:30]}' {n}≠{tm['n_raters']}")
            for crit in ("impact", "effort"):
                exp = rescale(tm[f"{crit}_median"], truth.get("scale"), args.rescale)
                from_r = None
                if sub is not None:
                    vals = sub[sub["_kind"] == crit][rc["value"]].astype(float)
                    from_r = float(vals.median()) if len(vals) else None
                got[f"{crit}_from_ratings"] = from_r
                if cols[crit]:
                    val = row[cols[crit]]
                    got[crit] = None if is_null(val) else float(val)
                else:
                    val = from_r
                    got[crit] = from_r
                if not same_num(val, exp):
                    bad[crit].append(f"'{tm['title'][:30]}' {fmt(val)}≠{fmt(exp)}")
        for k in ("cost_min", "cost_max"):
            got[k] = None if not cols[k] or is_null(row[cols[k]]) else float(row[cols[k]])
        k12 = 12.0 if args.annualise and tm.get("per") == "month" else 1.0
        emin = None if tm["cost_min"] is None else tm["cost_min"] * k12
        emax = None if tm["cost_max"] is None else tm["cost_max"] * k12
        if not (same_num(got["cost_min"], emin) and same_num(got["cost_max"], emax)):
            typed = f" typed {tm['typed']!r}" if "typed" in tm else ""
            bad["cost"].append(
                f"'{tm['title'][:30]}'{typed}: {fmt(got['cost_min'])}–"
                f"{fmt(got['cost_max'])}≠{fmt(emin)}–{fmt(emax)}"
            )
        per.append(got)
    det["measures_out"] = per
    for k, lst in bad.items():
        if lst:
            reasons.append(
                f"{k} wrong for {len(lst)}: "
                + "; ".join(lst[:2])
                + (f" (+{len(lst) - 2})" if len(lst) > 2 else "")
            )

    if truth["kind"] == "ratings" and have_r:
        n_all = int(rv[rc["rater"]].nunique())
        det["raters_out"] = n_all
        if n_all != truth["raters"]:
            reasons.append(f"raters {n_all}≠{truth['raters']}")

    # unparsed cells must be logged (same file basename, same cell)
    lf, lc = find_col(log, "file"), find_col(log, "cell")
    missing_log = []
    for u in truth.get("unparsed", []):
        if lc is None:
            missing_log.append(u["cell"])
            continue
        cells = log[lc].astype(str).str.replace("$", "", regex=False).str.upper()
        hit = cells == u["cell"].upper()
        if lf is not None:
            files = log[lf].astype(str).map(lambda s: Path(s.replace("\\", "/")).name)
            hit &= (files == u["file"]) | (log[lf].astype(str) == "")
        if not hit.any():
            missing_log.append(u["cell"])
    if missing_log:
        reasons.append(f"unparsed cells not in ingest_log: {missing_log}")


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("cases", nargs="*", help="case ids (default: all)")
    ap.add_argument("--json", action="store_true", help="print details as JSON")
    ap.add_argument("--keep", action="store_true", help="keep the temporary workspaces")
    ap.add_argument(
        "--import-retries",
        type=int,
        default=1,
        help="retries after an ImportError from flueko (default 1)",
    )
    ap.add_argument("--wait", type=int, default=120, help="seconds before such a retry")
    ap.add_argument(
        "--rescale",
        action=argparse.BooleanOptionalAction,
        default=True,
        help="expect 1-10 and verbal 1-3 medians mapped onto 1-5 (default)",
    )
    ap.add_argument(
        "--annualise",
        action=argparse.BooleanOptionalAction,
        default=True,
        help="expect per-month amounts x12 (default)",
    )
    args = ap.parse_args(argv)
    dirs = (
        sorted(p for p in CASES_DIR.iterdir() if (p / "truth.json").exists())
        if CASES_DIR.exists()
        else []
    )
    if args.cases:
        dirs = [d for d in dirs if d.name in args.cases]
    if not dirs:
        print("no cases (run make_cases.py first)", file=sys.stderr)
        return 2
    results = []
    for d in dirs:
        res = score_case(d, args)
        results.append(res)
        if not args.json:
            tag = "PASS" if res["pass"] else "FAIL"
            print(
                f"{tag} {res['id']}" + ("" if res["pass"] else " — " + " | ".join(res["reasons"])),
                flush=True,
            )
    n_ok = sum(r["pass"] for r in results)
    summary = f"{n_ok}/{len(results)} cases exact"
    if args.json:
        print(
            json.dumps(
                {"summary": summary, "passed": n_ok, "total": len(results), "cases": results},
                ensure_ascii=False,
                indent=1,
                default=str,
            )
        )
    else:
        print(summary)
    return 0 if n_ok == len(results) else 1


if __name__ == "__main__":
    sys.exit(main())
