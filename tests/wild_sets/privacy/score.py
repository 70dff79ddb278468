"""Score flueko's personal-data masking against the blind set in ``cases.jsonl``.

Usage::

    python score.py                      # flueko.privacy (fallback: flueko.kernel.privacy)
    python score.py --module flueko.kernel.privacy --func mask_personal_data
    python score.py --json details.json  # full per-line details ("-" for stdout)

Rules
-----
* A personal-data substring is *caught* when it no longer appears in the masked text and no
  token of it (``\\w+``, length >= 3) survives as a whole word — so ``Tarek [Name]`` is a miss.
  Only the token rule differs from the plain substring rule for multi-token items.
* E-mail/phone items also get a *strict* check reported separately: a caught item whose
  pieces leak (a digit group of >= 3 digits of a number, or a word of >= 3 letters of an
  address other than at/dot/punkt and the top-level domain) counts as a partial leak.
* A keep substring is *kept* when it appears unchanged in the masked text.
* A trap line is a *false positive* when masking changes it at all.

Uses only the library's public masking function; it does not read the implementation.
"""

from __future__ import annotations

import argparse
import importlib
import json
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent
DEFAULT_MODULES = ("flueko.privacy", "flueko.kernel.privacy")
DEFAULT_FUNC = "mask_personal_data"
EMAIL_HINT = re.compile(r"@|\(at\)|\[at\]|\{at\}|\(ät\)|\bat\b|\bAT\b", re.IGNORECASE)
EMAIL_FILLER = {"at", "dot", "punkt", "de", "com", "net", "org", "ru", "pl"}


def load_mask(module: str | None, func: str):
    tried = []
    candidates = [module] if module else []
    candidates += [m for m in DEFAULT_MODULES if m not in candidates]
    for name in candidates:
        try:
            mod = importlib.import_module(name)
        except ImportError as exc:
            tried.append(f"{name}: {exc}")
            continue
        fn = getattr(mod, func, None)
        if callable(fn):
            return name, fn
        tried.append(f"{name}: no callable {func!r}")
    raise SystemExit("could not import the masking function:\n  " + "\n  ".join(tried))


def pii_type(item: str) -> str:
    if EMAIL_HINT.search(item):
        return "email"
    if sum(c.isdigit() for c in item) >= 4:
        return "phone"
    return "name"


def word_present(token: str, text: str) -> bool:
    return re.search(r"(?<!\w)" + re.escape(token) + r"(?!\w)", text) is not None


def caught(item: str, masked: str) -> bool:
    if item in masked:
        return False
    tokens = [t for t in re.findall(r"\w+", item) if len(t) >= 3]
    return not any(word_present(t, masked) for t in tokens)


def leaked_pieces(item: str, kind: str, masked: str) -> list[str]:
    if kind == "phone":
        pieces = [g for g in re.findall(r"\d+", item) if len(g) >= 3]
    elif kind == "email":
        pieces = [
            w
            for w in re.findall(r"[^\W\d_]+", item)
            if len(w) >= 3 and w.lower() not in EMAIL_FILLER
        ]
    else:
        return []
    return [p for p in pieces if word_present(p, masked)]


def score(cases: list[dict], mask) -> dict:
    lines = []
    for i, case in enumerate(cases, 1):
        text = case["text"]
        try:
            masked = mask(text)
            error = None
        except Exception as exc:
            masked, error = text, f"{type(exc).__name__}: {exc}"
        pii = []
        for item in case["pii"]:
            t = pii_type(item)
            ok = caught(item, masked)
            pii.append(
                {
                    "item": item,
                    "type": t,
                    "caught": ok,
                    "leaks": leaked_pieces(item, t, masked) if ok else [],
                }
            )
        keep = [{"item": k, "kept": k in masked} for k in case["keep"]]
        lines.append(
            {
                "line": i,
                "kind": case["kind"],
                "text": text,
                "masked": masked,
                "changed": masked != text,
                "error": error,
                "pii": pii,
                "keep": keep,
            }
        )
    return summarise(lines)


def ratio(a: int, b: int) -> float | None:
    return round(a / b, 4) if b else None


def summarise(lines: list[dict]) -> dict:
    by_kind = defaultdict(lambda: Counter())
    by_type = defaultdict(lambda: Counter())
    for ln in lines:
        c = by_kind[ln["kind"]]
        c["lines"] += 1
        c["errors"] += ln["error"] is not None
        for p in ln["pii"]:
            c["pii"] += 1
            c["caught"] += p["caught"]
            t = by_type[p["type"]]
            t["pii"] += 1
            t["caught"] += p["caught"]
            t["partial_leaks"] += bool(p["leaks"])
        for k in ln["keep"]:
            c["keep"] += 1
            c["kept"] += k["kept"]
        c["changed"] += ln["changed"]
    total = Counter()
    for c in by_kind.values():
        total.update(c)
    per_kind = {}
    for kind, c in sorted(by_kind.items()):
        per_kind[kind] = {
            "lines": c["lines"],
            "pii": c["pii"],
            "recall": ratio(c["caught"], c["pii"]),
            "keep": c["keep"],
            "keep_rate": ratio(c["kept"], c["keep"]),
            "lines_changed": c["changed"],
            "errors": c["errors"],
        }
    traps = by_kind.get("trap", Counter())
    summary = {
        "lines": len(lines),
        "recall_overall": ratio(total["caught"], total["pii"]),
        "pii_items": total["pii"],
        "per_kind": per_kind,
        "per_pii_type": {
            t: {
                "pii": c["pii"],
                "recall": ratio(c["caught"], c["pii"]),
                "partial_leaks": c["partial_leaks"],
            }
            for t, c in sorted(by_type.items())
        },
        "trap_keep_rate": ratio(traps["kept"], traps["keep"]),
        "trap_lines_changed": traps["changed"],
        "trap_false_positive_rate": ratio(traps["changed"], traps["lines"]),
        "keep_rate_overall": ratio(total["kept"], total["keep"]),
        "errors": total["errors"],
    }
    misses = {
        "pii": [
            {
                "line": ln["line"],
                "kind": ln["kind"],
                "type": p["type"],
                "item": p["item"],
                "text": ln["text"],
                "masked": ln["masked"],
            }
            for ln in lines
            for p in ln["pii"]
            if not p["caught"]
        ],
        "partial_leaks": [
            {"line": ln["line"], "item": p["item"], "leaks": p["leaks"], "masked": ln["masked"]}
            for ln in lines
            for p in ln["pii"]
            if p["leaks"]
        ],
        "keep": [
            {
                "line": ln["line"],
                "kind": ln["kind"],
                "item": k["item"],
                "text": ln["text"],
                "masked": ln["masked"],
            }
            for ln in lines
            for k in ln["keep"]
            if not k["kept"]
        ],
        "trap_changed": [
            {"line": ln["line"], "text": ln["text"], "masked": ln["masked"]}
            for ln in lines
            if ln["kind"] == "trap" and ln["changed"]
        ],
        "errors": [
            {"line": ln["line"], "text": ln["text"], "error": ln["error"]}
            for ln in lines
            if ln["error"]
        ],
    }
    return {"summary": summary, "misses": misses, "lines": lines}


def fmt(x: float | None) -> str:
    return "  n/a" if x is None else f"{x:5.3f}"


def report(result: dict, source: str, limit: int) -> str:
    s, m = result["summary"], result["misses"]
    out = [
        f"masking function: {source}",
        f"cases: {s['lines']}   pii items: {s['pii_items']}",
        f"PII recall overall: {fmt(s['recall_overall'])}",
        "",
        "kind     lines  pii  recall  keep  keep-rate  lines-changed",
    ]
    for kind, k in s["per_kind"].items():
        out.append(
            f"{kind:<8} {k['lines']:>5} {k['pii']:>4}  {fmt(k['recall'])}  {k['keep']:>4}"
            f"  {fmt(k['keep_rate'])}      {k['lines_changed']:>4}"
        )
    out.append("")
    out.append(
        "by PII type: "
        + "; ".join(
            f"{t} {fmt(v['recall'])} of {v['pii']} (partial leaks {v['partial_leaks']})"
            for t, v in s["per_pii_type"].items()
        )
    )
    out.append(
        f"trap keep-rate (substrings): {fmt(s['trap_keep_rate'])}   "
        f"trap lines changed: {s['trap_lines_changed']} "
        f"(false-positive rate {fmt(s['trap_false_positive_rate'])})"
    )
    if s["errors"]:
        out.append(f"ERRORS: {s['errors']} lines raised")
    sections = [
        ("missed PII", m["pii"], lambda r: f"[{r['type']}] {r['item']!r}  ->  {r['masked']}"),
        (
            "partial leaks (caught, but pieces remain)",
            m["partial_leaks"],
            lambda r: f"{r['item']!r} leaks {r['leaks']}  ->  {r['masked']}",
        ),
        ("trap lines changed", m["trap_changed"], lambda r: f"{r['text']}  ->  {r['masked']}"),
        (
            "keep substrings lost (all kinds)",
            m["keep"],
            lambda r: f"[{r['kind']}] {r['item']!r}  ->  {r['masked']}",
        ),
        ("errors", m["errors"], lambda r: f"{r['text']}: {r['error']}"),
    ]
    for title, rows, show in sections:
        if not rows:
            continue
        out.append("")
        out.append(f"{title}: {len(rows)}" + (f" (first {limit})" if len(rows) > limit else ""))
        out.extend(f"  {r['line']:>3}  {show(r)}" for r in rows[:limit])
    return "\n".join(out)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument(
        "--module",
        default=DEFAULT_MODULES[0],
        help=f"module holding the masking function (falls back to {', '.join(DEFAULT_MODULES)})",
    )
    ap.add_argument("--func", default=DEFAULT_FUNC, help="masking function: str -> str")
    ap.add_argument("--cases", type=Path, default=HERE / "cases.jsonl")
    ap.add_argument("--limit", type=int, default=40, help="misses listed per section")
    ap.add_argument("--json", metavar="FILE", help="write full details as JSON ('-' for stdout)")
    args = ap.parse_args(argv)

    source, mask = load_mask(args.module, args.func)
    cases = [
        json.loads(line)
        for line in args.cases.read_text(encoding="utf-8").splitlines()
        if line.strip()
    ]
    result = score(cases, mask)
    result["source"] = f"{source}.{args.func}"
    if args.json == "-":
        json.dump(result, sys.stdout, ensure_ascii=False, indent=1)
        print()
    else:
        print(report(result, result["source"], args.limit))
        if args.json:
            Path(args.json).write_text(
                json.dumps(result, ensure_ascii=False, indent=1), encoding="utf-8"
            )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
