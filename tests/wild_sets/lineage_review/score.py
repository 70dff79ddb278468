"""Score how flueko takes back the analyst's answers in the Maßnahmenplan (blind set).

Builds one workspace from the demo's two rounds (kick-off cards and rating round, copied from the
project's ``data/raw``), runs ``flueko run --all`` there and takes the exported
``reports/2016-12-07_vertiefung/massnahmenplan.xlsx``. For every case in ``cases.py``: a copy of
that workspace, the case's edit of a copy of the workbook, saved (as .xlsx, or as .ods through
LibreOffice) into ``data/raw/2017-06-01_stand/``, ``flueko ingest 2017-06-01_stand``, then:

- ``measures.parquet`` ``idea_ids`` of every measure must equal the expected set (measures the
  case does not touch keep the cards they had without edits);
- every answer the case expects to be named as not understood must appear in ``ingest_log.csv``
  as a warning or error, at its row of its sheet or quoting its value;
- no clear answer may be named there.

    python tests/wild_sets/lineage_review/score.py [CASE …]

Prints PASS/FAIL per case with a one-line reason and "N of M cases right"; exit code 0 always.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import pandas as pd
from openpyxl import load_workbook

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[2]
sys.path.insert(0, str(HERE))

import cases as C  # noqa: E402

KICKOFF, LATER, NEW = "2016-10-20_auftakt", "2016-12-07_vertiefung", "2017-06-01_stand"
PLAN = Path("reports") / LATER / "massnahmenplan.xlsx"


def _flueko() -> str:
    local = Path(sys.executable).parent / "flueko"
    return str(local) if local.exists() else "flueko"


def _run(root: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [_flueko(), "--workspace", str(root), *args],
        cwd=root,
        capture_output=True,
        text=True,
    )


def build_base(root: Path) -> None:
    for round_id in (KICKOFF, LATER):
        shutil.copytree(REPO / "data" / "raw" / round_id, root / "data" / "raw" / round_id)
    done = _run(root, "run", "--all")
    if not (root / PLAN).exists():
        raise SystemExit(f"no Maßnahmenplan after flueko run --all:\n{done.stdout}\n{done.stderr}")


def ingest_new(root: Path):
    """Ingest the new round; return (rc, idea_ids by measure, log rows, output tail)."""
    done = _run(root, "ingest", NEW)
    processed = root / "data" / "processed" / NEW
    ids: dict[str, set[str]] = {}
    log = pd.DataFrame(columns=["sheet", "cell", "severity", "code", "message"])
    if (processed / "measures.parquet").exists():
        measures = pd.read_parquet(processed / "measures.parquet")
        for mid, raw in zip(measures["measure_id"], measures["idea_ids"], strict=True):
            raw = "" if raw is None or (pd.api.types.is_scalar(raw) and pd.isna(raw)) else str(raw)
            ids[str(mid)] = {i.strip() for i in raw.split(";") if i.strip()}
    if (processed / "ingest_log.csv").exists():
        log = pd.read_csv(processed / "ingest_log.csv", dtype=str).fillna("")
    tail = (done.stdout + done.stderr).strip().splitlines()[-3:]
    return done.returncode, ids, log, " | ".join(tail)


def _warnings(log: pd.DataFrame) -> list[tuple[str, str, str]]:
    bad = log[log["severity"].str.lower().isin(["warning", "error", "warnung", "fehler"])]
    return [(s, c, m) for s, c, m in zip(bad["sheet"], bad["cell"], bad["message"], strict=True)]


def _row(cell: str) -> int | None:
    found = re.search(r"(\d+)\s*$", cell or "")
    return int(found.group(1)) if found else None


QUOTES = [("‚", "‘"), ("„", "“"), ("'", "'"), ('"', '"'), ("«", "»"), ("»", "«"), ("“", "”")]


def _names(message: str, value) -> bool:
    if value is None:
        return False
    v = str(value)
    return any(f"{a}{v}{b}" in message or f"{a}{v.strip()}{b}" in message for a, b in QUOTES)


def write_case(root: Path, case) -> C.Expect:
    wb = load_workbook(root / PLAN)
    edit = C.Edit(wb)
    case(edit)
    expect = edit.resolve()
    target = root / "data" / "raw" / NEW
    target.mkdir(parents=True)
    if expect.save_as == "ods":
        scratch = root / "scratch"
        scratch.mkdir()
        wb.save(scratch / "massnahmenplan.xlsx")
        subprocess.run(
            [
                "soffice",
                "--headless",
                f"-env:UserInstallation=file://{scratch / 'lo_profile'}",
                "--convert-to",
                "ods",
                "--outdir",
                str(target),
                str(scratch / "massnahmenplan.xlsx"),
            ],
            capture_output=True,
            text=True,
            timeout=180,
        )
        shutil.rmtree(scratch)
        if not (target / "massnahmenplan.ods").exists():
            raise RuntimeError("LibreOffice did not write massnahmenplan.ods")
    else:
        wb.save(target / "massnahmenplan.xlsx")
    return expect


def judge(expect: C.Expect, base, baseline_warn, rc, ids, log) -> list[str]:
    problems: list[str] = []
    if rc != 0:
        problems.append(f"flueko ingest returned {rc}")
    for measure, accepted in sorted(C.expected_ids(base, expect).items()):
        got = ids.get(measure)
        if got is None:
            problems.append(f"{measure} missing from measures.parquet")
            continue
        if got not in accepted:
            want = accepted[0]
            parts = []
            if want - got:
                parts.append("missing " + ", ".join(sorted(want - got)))
            if got - want:
                parts.append("extra " + ", ".join(sorted(got - want)))
            problems.append(f"{measure}: " + "; ".join(parts))
    new = [w for w in _warnings(log) if w not in baseline_warn]
    for group in expect.reports:
        if not any(
            (s == sheet and _row(c) == row) or (s == sheet and _names(m, value))
            for sheet, row, value in group
            for s, c, m in new
        ):
            sheet, row, value = group[0]
            problems.append(f"not named: {value!r} ({sheet} row {row})")
    for s, c, m in new:
        if (s, _row(c)) in set(expect.clear):
            problems.append(f"clear answer named as not understood: {s}!{c} „{m[:90]}“")
    return problems


def main(argv: list[str]) -> int:
    chosen = [c for c in C.CASES if not argv or any(a in c.__name__ for a in argv)]
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        base_root = tmp / "base"
        build_base(base_root)
        # baseline: the unedited workbook in the new round
        plain = tmp / "plain"
        shutil.copytree(base_root, plain)
        (plain / "data" / "raw" / NEW).mkdir(parents=True)
        shutil.copy(plain / PLAN, plain / "data" / "raw" / NEW / "massnahmenplan.xlsx")
        rc, base, log, tail = ingest_new(plain)
        if rc != 0 or not base:
            print(f"baseline ingest failed ({rc}): {tail}")
            return 0
        baseline_warn = set(_warnings(log))
        print(f"baseline: {len(base)} measures, {len(baseline_warn)} warnings without edits")
        right = 0
        for case in chosen:
            root = tmp / case.__name__
            shutil.copytree(base_root, root)
            try:
                expect = write_case(root, case)
            except Exception as exc:  # the edit itself failed: a broken case, count as FAIL
                print(f"FAIL {case.__name__}: edit not applicable: {exc}")
                shutil.rmtree(root, ignore_errors=True)
                continue
            rc, ids, log, tail = ingest_new(root)
            problems = judge(expect, base, baseline_warn, rc, ids, log)
            if problems:
                print(f"FAIL {case.__name__}: " + " · ".join(problems))
            else:
                right += 1
                print(f"PASS {case.__name__}")
            shutil.rmtree(root, ignore_errors=True)
        print(f"{right} of {len(chosen)} cases right")
    return 0


if __name__ == "__main__":
    main(sys.argv[1:])
    sys.exit(0)
