"""Score flueko's file recognition on the blind corpus in this folder.

Each corpus file (plus its declared companions, e.g. SoSci variables/values tables) is put alone
into a fresh workspace round ``W/data/raw/r/`` and ``flueko --workspace W ingest r`` is run. What
flueko read it as is decided from the processed tables only (the scorer does not know flueko's
internals):

* survey_responses rows > 0 -> survey; ratings rows > 0 -> ratings; contributions rows > 0 -> cards;
  measures rows > 0 with no contributions and no ratings -> plan (several can apply: "a+b");
  contributions and measures both > 0 (no ratings) and the "verstanden als" text names exactly one
  of plan/cards -> that kind.
* no rows at all -> "contacts" if the output (stdout, stderr, ingest_log.csv, file name masked)
  speaks of personal data / a contact or participant list, else "refuse".

Usage: ``.venv/bin/python tests/wild_sets/recognition/score.py [--jobs 4] [--only SUBSTR]``.
Writes score_results.json and score_report.txt beside this file. Never raises on a file.
"""

from __future__ import annotations

import argparse
import contextlib
import csv
import json
import re
import shutil
import subprocess
import sys
import tempfile
import time
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[2]
FLUEKO = REPO / ".venv" / "bin" / "flueko"
TABLES = ["contributions", "ratings", "measures", "survey_responses", "survey_items"]
DIALOGUE = {"cards", "ratings", "survey", "plan"}
CONTACT_RE = re.compile(
    r"personenbezog|persönliche daten|personendaten|kontaktliste|teilnehmerliste|"
    r"teilnehmendenliste|kontaktdaten|adressliste|personal data|contact list|participant list",
    re.I,
)
KIND_WORDS = {
    "cards": re.compile(r"karte", re.I),
    "ratings": re.compile(r"bewertung", re.I),
    "survey": re.compile(r"rückmelde|umfrage|survey|fragebogen", re.I),
    "plan": re.compile(r"maßnahmenplan|massnahmenplan", re.I),
}
IMPORT_ERR = re.compile(r"ImportError|ModuleNotFoundError")


def run_cli(ws: Path, timeout=600):
    t0 = time.time()
    try:
        p = subprocess.run(
            [str(FLUEKO), "--workspace", str(ws), "ingest", "r"],
            capture_output=True,
            text=True,
            timeout=timeout,
        )
        return p.returncode, p.stdout, p.stderr, time.time() - t0
    except subprocess.TimeoutExpired as e:
        return "timeout", e.stdout or "", e.stderr or "", time.time() - t0
    except Exception as e:
        return "error", "", repr(e), time.time() - t0


def read_tables(proc: Path):
    out, frames, errors = {}, {}, []
    try:
        import pandas as pd
    except Exception as e:
        return out, frames, [f"pandas: {e!r}"]
    for t in TABLES:
        f = proc / f"{t}.parquet"
        if f.exists():
            try:
                df = pd.read_parquet(f)
                out[t] = len(df)
                frames[t] = df
            except Exception as e:
                out[t] = None
                errors.append(f"{t}: {e!r}")
        else:
            out[t] = None
    for f in sorted(proc.glob("*.parquet")):
        if f.stem not in frames:
            try:
                frames[f.stem] = pd.read_parquet(f)
            except Exception as e:
                errors.append(f"{f.name}: {e!r}")
    return out, frames, errors


def read_log(proc: Path):
    f = proc / "ingest_log.csv"
    if not f.exists():
        return []
    try:
        with f.open(encoding="utf-8-sig", newline="") as fh:
            return list(csv.DictReader(fh))
    except Exception as e:
        return [{"message": f"<unreadable ingest_log.csv: {e!r}>"}]


def strip_echo(text):
    """Drop quoted cell echoes („…“, "…") so a title cell like 'Teilnehmerliste …' is not taken for
    flueko saying the file holds personal data (found after the first run)."""
    return re.sub(r"„[^“]*“|\"[^\"\n]*\"", "", text)


def classify(counts, text_masked, verstanden):
    n = lambda t: counts.get(t) or 0  # noqa: E731
    kinds = []
    if n("survey_responses"):
        kinds.append("survey")
    if n("ratings"):
        kinds.append("ratings")
    if n("contributions"):
        if n("measures") and not n("ratings"):
            said = {k for k, rx in KIND_WORDS.items() if rx.search(verstanden)} & {"plan", "cards"}
            kinds.append(said.pop() if len(said) == 1 else "cards")
        else:
            kinds.append("cards")
    elif n("measures") and not n("ratings"):
        kinds.append("plan")
    if kinds:
        return "+".join(kinds)
    return "contacts" if CONTACT_RE.search(strip_echo(text_masked)) else "refuse"


def respondents(frames):
    df = frames.get("survey_responses")
    if df is None or not len(df) or "respondent" not in df.columns:
        return None, None
    raw = int(df["respondent"].nunique())
    if "excluded" in df.columns:
        ex = df["excluded"]
        keep = ex.isna() | (ex.astype(str).str.strip().isin(["", "None", "nan", "False"]))
        return raw, int(df.loc[keep, "respondent"].nunique())
    return raw, raw


def share_positive(frames, item):
    df = frames.get("survey_items")
    if df is None or not len(df) or "item" not in df.columns or "share_positive" not in df.columns:
        return None
    sel = df[df["item"].astype(str).str.lower() == item]
    if "group" in df.columns:
        sel = sel[sel["group"].isna()]
    if not len(sel):
        return None
    v = sel["share_positive"].iloc[0]
    try:
        return round(float(v), 3)
    except (TypeError, ValueError):
        return None


def leaks(pii, frames, log_rows, stdout):
    """Which contact-list values occur in processed tables / the log / stdout (case-insensitive)."""
    vals = [v for v in pii if len(v) >= 4]
    found = {"tables": set(), "ingest_log": set(), "stdout": set()}
    blobs = []
    for _name, df in frames.items():
        for c in df.columns:
            with contextlib.suppress(Exception):
                blobs.append(("tables", "\n".join(map(str, df[c].tolist()))))
        blobs.append(("tables", " ".join(map(str, df.columns))))
    blobs.append(("ingest_log", "\n".join(" ".join(map(str, r.values())) for r in log_rows)))
    blobs.append(("stdout", stdout))
    for where, b in blobs:
        low = b.lower()
        for v in vals:
            if v.lower() in low:
                found[where].add(v)
    return {k: sorted(v) for k, v in found.items()}


def score_one(rel: str, meta: dict):
    src = HERE / rel
    res = {"file": rel, "truth": meta["kind"], "ambiguous": bool(meta.get("ambiguous"))}
    with tempfile.TemporaryDirectory(prefix="flueko_rec_") as td:
        ws = Path(td)
        rd = ws / "data" / "raw" / "r"
        rd.mkdir(parents=True)
        for f in [rel, *meta.get("companions", [])]:
            shutil.copy(HERE / f, rd / Path(f).name)
        attempts = 0
        while True:
            attempts += 1
            rc, so, se, dt = run_cli(ws)
            if IMPORT_ERR.search(se or "") and attempts < 4:
                res.setdefault("import_error_retries", []).append(
                    (se or "").strip().splitlines()[-1:]
                )
                time.sleep(120)
                shutil.rmtree(ws / "data" / "processed", ignore_errors=True)
                continue
            break
        proc = ws / "data" / "processed" / "r"
        counts, frames, terr = (
            read_tables(proc) if proc.exists() else ({}, {}, ["no processed dir"])
        )
        log_rows = read_log(proc)
    log_text = "\n".join(" | ".join(str(v) for v in r.values()) for r in log_rows)
    all_text = "\n".join([so or "", se or "", log_text])
    masked = all_text
    for token in sorted({src.name, src.stem, Path(rel).name}, key=len, reverse=True):
        masked = masked.replace(token, "<DATEI>")
    verst = "\n".join(line for line in masked.splitlines() if "verstanden" in line.lower())
    res.update(
        {
            "exit_code": rc,
            "seconds": round(dt, 1),
            "traceback": "Traceback" in (so or "") + (se or ""),
            "counts": counts,
            "table_errors": terr,
            "log_rows": len(log_rows),
            "log_codes": dict(Counter(r.get("code", "") for r in log_rows).most_common(8)),
            "predicted": classify(counts, masked, verst),
            "not_recognised_msg": bool(re.search(r"nicht erkannt", masked, re.I)),
            "contacts_msg": bool(CONTACT_RE.search(strip_echo(masked))),
            "verstanden": verst[:600],
            "stdout_tail": (so or "")[-700:],
            "stderr_tail": (se or "")[-700:],
        }
    )
    if meta["kind"] == "survey":
        raw, kept = respondents(frames)
        res["respondents_raw"], res["respondents"] = raw, kept
        res["n_truth"] = meta.get("n_respondents")
        exp = meta.get("expect_share_positive") or {}
        res["share_positive"] = {
            k: {"truth": v, "flueko": share_positive(frames, k)} for k, v in exp.items()
        }
    if meta.get("pii"):
        res["leaks"] = leaks(meta["pii"], frames, log_rows, so or "")
    return res


def pr(tp, fp, fn):
    p = tp / (tp + fp) if tp + fp else float("nan")
    r = tp / (tp + fn) if tp + fn else float("nan")
    return p, r


def report(results):
    L = []
    main = [r for r in results if not r["ambiguous"]]
    truths = ["cards", "ratings", "survey", "plan", "contacts", "refuse"]
    preds = sorted(
        {r["predicted"] for r in main}, key=lambda k: (truths.index(k) if k in truths else 99, k)
    )
    L.append(
        f"files scored: {len(results)} ({len(main)} unambiguous, "
        f"{len(results) - len(main)} ambiguous)"
    )
    L.append("\nconfusion (rows = truth, columns = flueko):")
    w = max(10, *(len(p) for p in preds))
    L.append(f"{'':10}" + "".join(f"{p:>{w + 1}}" for p in preds) + f"{'total':>7}")
    for t in truths:
        row = [r for r in main if r["truth"] == t]
        if row:
            L.append(
                f"{t:10}"
                + "".join(f"{sum(r['predicted'] == p for r in row):>{w + 1}}" for p in preds)
                + f"{len(row):>7}"
            )
    isdlg = lambda k: any(x in DIALOGUE for x in k.split("+"))  # noqa: E731
    tp = sum(r["truth"] in DIALOGUE and isdlg(r["predicted"]) for r in main)
    fp = sum(r["truth"] not in DIALOGUE and isdlg(r["predicted"]) for r in main)
    fn = sum(r["truth"] in DIALOGUE and not isdlg(r["predicted"]) for r in main)
    p, rc = pr(tp, fp, fn)
    L.append(
        f"\nrecognition as dialogue data (any kind): precision {p:.2f} ({tp}/{tp + fp}), "
        f"recall {rc:.2f} ({tp}/{tp + fn})"
    )
    exact = sum(r["truth"] in DIALOGUE and r["predicted"] == r["truth"] for r in main)
    npred = sum(isdlg(r["predicted"]) for r in main)
    ntrue = sum(r["truth"] in DIALOGUE for r in main)
    L.append(
        f"right kind (exact):  precision {exact / npred if npred else float('nan'):.2f} "
        f"({exact}/{npred}), "
        f"recall {exact / ntrue:.2f} ({exact}/{ntrue})"
    )
    for k in ["cards", "ratings", "survey", "plan"]:
        tpk = sum(r["truth"] == k and r["predicted"] == k for r in main)
        fpk = sum(r["truth"] != k and k in r["predicted"].split("+") for r in main)
        fnk = sum(r["truth"] == k and r["predicted"] != k for r in main)
        pk, rk = pr(tpk, fpk, fnk)
        L.append(f"  {k:8} precision {pk:.2f}  recall {rk:.2f}  (tp {tpk}, fp {fpk}, fn {fnk})")
    nd = [r for r in main if r["truth"] not in DIALOGUE]
    L.append(
        "non-dialogue correctly kept out (refuse or contacts): "
        f"{sum(not isdlg(r['predicted']) for r in nd)}"
        f"/{len(nd)}"
    )
    ref = [r for r in main if r["truth"] == "refuse" and r["predicted"] == "refuse"]
    L.append(
        "refused files with a 'nicht erkannt' message: "
        f"{sum(r['not_recognised_msg'] for r in ref)}/{len(ref)}"
    )
    con = [r for r in main if r["truth"] == "contacts"]
    L.append(
        "contact lists flagged as personal data & skipped: "
        f"{sum(r['predicted'] == 'contacts' for r in con)}"
        f"/{len(con)}"
    )
    leak_t = {r["file"]: r["leaks"]["tables"] for r in con if r.get("leaks", {}).get("tables")}
    leak_l = {
        r["file"]: r["leaks"]["ingest_log"] for r in con if r.get("leaks", {}).get("ingest_log")
    }
    leak_s = {r["file"]: r["leaks"]["stdout"] for r in con if r.get("leaks", {}).get("stdout")}
    L.append(f"contact values in processed parquet tables: {'NONE' if not leak_t else ''}")
    for f, v in leak_t.items():
        L.append(f"  LEAK {f}: {len(v)} values, e.g. {v[:4]}")
    L.append(
        f"contact values in ingest_log.csv: {len(leak_l)} files"
        + "".join(f"\n  {f}: {len(v)} values, e.g. {v[:3]}" for f, v in leak_l.items())
    )
    L.append(
        f"contact values in stdout: {len(leak_s)} files"
        + "".join(f"\n  {f}: {len(v)} values, e.g. {v[:3]}" for f, v in leak_s.items())
    )
    L.append(
        f"\ntracebacks: {sum(r['traceback'] for r in results)} files; exit codes: "
        f"{dict(Counter(str(r['exit_code']) for r in results))}; "
        f"total {sum(r['seconds'] for r in results):.0f} s"
    )
    L.append(
        "\nsurveys (respondents: truth / flueko kept / flueko raw; "
        "moderation share positive truth/flueko):"
    )
    for r in results:
        if r["truth"] == "survey":
            sp = r.get("share_positive", {}).get("moderation")
            sps = f"  mod {sp['truth']}/{sp['flueko']}" if sp else ""
            L.append(
                f"  {r['file'][:58]:58} {r['predicted']:>10}  n {r['n_truth']}/{r['respondents']}/"
                f"{r['respondents_raw']}{sps}"
            )
    L.append("\nper file (truth -> flueko, exit, rows contrib/ratings/measures/survey_resp):")
    for r in results:
        c = r["counts"]
        mark = "" if r["predicted"] == r["truth"] else "   <-- MISREAD"
        L.append(
            f"  {r['file'][:60]:60} {r['truth']:>8} -> {r['predicted']:<14} exit {r['exit_code']}  "
            f"{c.get('contributions')}/{c.get('ratings')}/{c.get('measures')}/{c.get('survey_responses')}"
            f"{' [ambiguous]' if r['ambiguous'] else ''}{mark}"
        )
    return "\n".join(L)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--jobs", type=int, default=4)
    ap.add_argument("--only", default="")
    a = ap.parse_args()
    truth = json.loads((HERE / "truth.json").read_text(encoding="utf-8"))
    items = [(k, v) for k, v in truth.items() if a.only in k]
    # preflight: the library is being restructured; wait on ImportError (2 min, up to 5 times)
    for i in range(6):
        p = subprocess.run([str(FLUEKO), "--version"], capture_output=True, text=True)
        if not IMPORT_ERR.search(p.stderr):
            break
        print(
            f"flueko ImportError, waiting 120 s ({i + 1}): {p.stderr.strip().splitlines()[-1:]}",
            file=sys.stderr,
        )
        time.sleep(120)
    with ThreadPoolExecutor(a.jobs) as ex:
        futs = {k: ex.submit(score_one, k, v) for k, v in items}
        results = []
        for k, f in futs.items():
            try:
                results.append(f.result())
            except Exception as e:
                results.append(
                    {
                        "file": k,
                        "truth": truth[k]["kind"],
                        "ambiguous": bool(truth[k].get("ambiguous")),
                        "predicted": "scorer-error",
                        "exit_code": "scorer-error",
                        "seconds": 0,
                        "traceback": False,
                        "counts": {},
                        "error": repr(e),
                        "not_recognised_msg": False,
                    }
                )
    results.sort(key=lambda r: (r["truth"], r["file"]))
    suffix = "" if not a.only else "_partial"
    (HERE / f"score_results{suffix}.json").write_text(
        json.dumps(results, ensure_ascii=False, indent=1, default=str), encoding="utf-8"
    )
    txt = report(results)
    (HERE / f"score_report{suffix}.txt").write_text(txt + "\n", encoding="utf-8")
    print(txt)


if __name__ == "__main__":
    main()
