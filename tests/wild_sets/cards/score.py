"""Score flueko against the "cards" wild set (run make_cases.py first).

For each case: copy its files into a fresh workspace ``W/data/raw/<case_id>/``, run the CLI
``flueko --workspace W ingest <case_id>``, read ``W/data/processed/<case_id>/contributions.parquet``
and ``ingest_log.csv``, and compare with ``truth.json``:

* the multiset of idea texts, exactly;
* the votes per text (multiset of (text, votes) pairs), exactly — where the truth says
  ``null_equals_zero`` a 0 and a missing value count as the same;
* the total of votes.

Usage::

    .venv/bin/python tests/wild_sets/cards/score.py [CASE_ID ...] [--json out.json]
        [--flueko PATH] [--keep] [--timeout S]

One line per case (PASS/FAIL + short reason), then "N/M cases exact". Exit code 0 when all
cases are exact, 1 otherwise. A crash or a missing output counts as FAIL with the error.
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
import time
import unicodedata
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
CASES = HERE / "cases"
REPO = HERE.parents[2]
DEFAULT_FLUEKO = REPO / ".venv" / "bin" / "flueko"


def _short(s: str, n: int = 48) -> str:
    s = str(s)
    return s if len(s) <= n else s[: n - 1] + "…"


def _loose(s: str) -> str:
    """Comparison key for hints only (never for scoring): quotes/dashes/space folded."""
    table = str.maketrans(
        {"„": '"', "“": '"', "”": '"', "‚": "'", "‘": "'", "’": "'", "–": "-", "—": "-", "…": "..."}
    )
    s = unicodedata.normalize("NFC", s).translate(table)
    return " ".join(s.split()).casefold()


def _votes_value(v):
    """pandas/pyarrow value → int or None."""
    try:
        import pandas as pd

        if v is None or pd.isna(v):
            return None
    except (TypeError, ValueError):
        pass
    try:
        f = float(v)
    except (TypeError, ValueError):
        return ("unparsed", str(v))
    return int(f) if f == int(f) else f


def run_case(case_dir: Path, flueko: str, timeout: float, keep: bool) -> dict:
    case_id = case_dir.name
    truth = json.loads((case_dir / "truth.json").read_text(encoding="utf-8"))
    res: dict = {"case": case_id, "notes": truth.get("notes", ""), "ok": False}
    tmp = Path(tempfile.mkdtemp(prefix=f"wildcards_{case_id}_"))
    res["workspace"] = str(tmp)
    try:
        raw = tmp / "data" / "raw" / case_id
        raw.mkdir(parents=True)
        for f in sorted(case_dir.iterdir()):
            if f.name != "truth.json" and f.is_file():
                shutil.copy2(f, raw / f.name)
        t0 = time.monotonic()
        try:
            proc = subprocess.run(
                [flueko, "--workspace", str(tmp), "ingest", case_id],
                capture_output=True,
                text=True,
                timeout=timeout,
                cwd=tmp,
            )
        except subprocess.TimeoutExpired:
            res["reason"] = f"timeout after {timeout:.0f} s"
            return res
        res["seconds"] = round(time.monotonic() - t0, 2)
        res["returncode"] = proc.returncode
        res["stdout"] = proc.stdout[-4000:]
        res["stderr"] = proc.stderr[-4000:]
        if "ImportError" in proc.stderr or "ModuleNotFoundError" in proc.stderr:
            res["import_error"] = True
        out = tmp / "data" / "processed" / case_id
        contrib = out / "contributions.parquet"
        log = out / "ingest_log.csv"
        if not contrib.exists():
            last = (proc.stderr.strip() or proc.stdout.strip()).splitlines()[-1:] or ["?"]
            last_line = _short(last[0], 120)
            res["reason"] = f"no contributions.parquet (rc={proc.returncode}): {last_line}"
            return res

        import pandas as pd

        df = pd.read_parquet(contrib)
        res["n_log"] = 0
        if log.exists():
            try:
                lg = pd.read_csv(log, dtype=str, keep_default_na=False)
                res["n_log"] = len(lg)
                if "severity" in lg.columns:
                    res["log_severity"] = dict(Counter(lg["severity"]))
                if "code" in lg.columns:
                    res["log_codes"] = dict(Counter(lg["code"]))
            except Exception as e:  # a broken log is reported, not fatal
                res["log_error"] = repr(e)
        else:
            res["log_error"] = "ingest_log.csv missing"
        for col in ("text", "votes"):
            if col not in df.columns:
                res["reason"] = f"contributions.parquet has no column '{col}'"
                return res

        return _compare(res, truth, df)
    except Exception as e:  # never crash on a case
        res["reason"] = f"scorer error: {e!r}"
        return res
    finally:
        if not keep:
            shutil.rmtree(tmp, ignore_errors=True)


def _compare(res: dict, truth: dict, df) -> dict:
    nez = bool(truth.get("null_equals_zero"))

    def norm_v(v):
        return 0 if (nez and v is None) else v

    got_pairs = [(str(t), _votes_value(v)) for t, v in zip(df["text"], df["votes"], strict=True)]
    exp_pairs = [(i["text"], i["votes"]) for i in truth["ideas"]]
    got_texts, exp_texts = Counter(t for t, _ in got_pairs), Counter(t for t, _ in exp_pairs)
    missing = list((exp_texts - got_texts).elements())
    extra = list((got_texts - exp_texts).elements())

    # votes per text, for texts present on both sides
    common = exp_texts & got_texts
    wrong_votes = []
    for text in common:
        ev = sorted((norm_v(v) for t, v in exp_pairs if t == text), key=repr)
        gv = sorted((norm_v(v) for t, v in got_pairs if t == text), key=repr)
        if len(ev) == len(gv) and ev == gv:
            continue
        if len(ev) != len(gv):  # duplicated texts: compare as far as both exist
            n = min(len(ev), len(gv))
            ev, gv = ev[:n], gv[:n]
            if ev == gv:
                continue
        wrong_votes.append({"text": text, "expected": ev, "got": gv})

    def as_num(v):
        return v if isinstance(v, int | float) and not isinstance(v, bool) else 0

    got_total = sum(as_num(v) for _, v in got_pairs)
    exp_total = truth["total_votes"]

    # hints: which missing/extra differ only by typography or whitespace
    loose_extra = {_loose(x): x for x in extra}
    typo = [(m, loose_extra[_loose(m)]) for m in missing if _loose(m) in loose_extra]

    res.update(
        n_expected=len(exp_pairs),
        n_got=len(got_pairs),
        total_expected=exp_total,
        total_got=got_total,
        missing=missing,
        extra=extra,
        wrong_votes=wrong_votes,
        typography_changed=[{"expected": a, "got": b} for a, b in typo],
    )
    if "group" in df.columns:
        exp_g = Counter((i["text"], i["group"]) for i in truth["ideas"] if "group" in i)
        got_g = Counter((str(t), str(g)) for t, g in zip(df["text"], df["group"], strict=True))
        if exp_g:
            res["group_mismatch"] = len(list((exp_g - got_g).elements()))

    ok = not missing and not extra and not wrong_votes and got_total == exp_total
    res["ok"] = ok
    if ok:
        res["reason"] = f"{len(exp_pairs)} ideas, {exp_total} votes"
        return res
    parts = [f"ideas {len(got_pairs)}/{len(exp_pairs)}"]
    if typo:
        parts.append(f"typography changed ×{len(typo)} (e.g. {_short(typo[0][1])!r})")
    if missing:
        parts.append(f"missing {len(missing)} (e.g. {_short(missing[0])!r})")
    if extra:
        shown = ", ".join(repr(_short(x, 30)) for x in extra[:3])
        parts.append(f"extra {len(extra)} ({shown}{', …' if len(extra) > 3 else ''})")
    if wrong_votes:
        w = wrong_votes[0]
        parts.append(
            f"votes wrong ×{len(wrong_votes)} (e.g. {_short(w['text'], 30)!r}: "
            f"exp {w['expected']} got {w['got']})"
        )
    if got_total != exp_total:
        parts.append(f"total {got_total}≠{exp_total}")
    res["reason"] = "; ".join(parts)
    return res


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("cases", nargs="*", help="case ids (default: all under cases/)")
    ap.add_argument("--json", metavar="FILE", help="write per-case results as JSON")
    ap.add_argument("--flueko", default=str(DEFAULT_FLUEKO), help="flueko executable")
    ap.add_argument("--timeout", type=float, default=600.0, help="seconds per case")
    ap.add_argument("--keep", action="store_true", help="keep the temp workspaces")
    args = ap.parse_args(argv)

    if not CASES.exists():
        print(f"no cases in {CASES} — run make_cases.py first", file=sys.stderr)
        return 2
    dirs = sorted(p for p in CASES.iterdir() if (p / "truth.json").exists())
    if args.cases:
        wanted = set(args.cases)
        dirs = [p for p in dirs if p.name in wanted]
        unknown = wanted - {p.name for p in dirs}
        if unknown:
            print(f"unknown case(s): {', '.join(sorted(unknown))}", file=sys.stderr)
            return 2

    results = []
    for d in dirs:
        r = run_case(d, args.flueko, args.timeout, args.keep)
        results.append(r)
        flag = "PASS" if r["ok"] else "FAIL"
        extra = f"  [workspace {r['workspace']}]" if args.keep else ""
        print(f"{flag} {r['case']}: {r.get('reason', '')}{extra}", flush=True)

    n_ok = sum(r["ok"] for r in results)
    ideas_exp = sum(r.get("n_expected", 0) for r in results)
    votes_exp = sum(r.get("total_expected", 0) for r in results)
    votes_got = sum(r.get("total_got", 0) for r in results if r.get("total_got") is not None)
    print(
        f"{n_ok}/{len(results)} cases exact "
        f"(votes read {votes_got} of {votes_exp} expected; {ideas_exp} ideas expected)"
    )
    if any(r.get("import_error") for r in results):
        print("note: ImportError/ModuleNotFoundError seen in flueko's stderr", file=sys.stderr)
    if args.json:
        Path(args.json).write_text(
            json.dumps(
                {"n_exact": n_ok, "n_cases": len(results), "cases": results},
                ensure_ascii=False,
                indent=2,
                default=str,
            )
            + "\n",
            encoding="utf-8",
        )
    return 0 if n_ok == len(results) else 1


if __name__ == "__main__":
    sys.exit(main())
