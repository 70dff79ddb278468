"""The ``flueko`` command: ingest rounds, write reports, run whole batches.

Exit codes: 0 everything worked; 1 a file could not be read or a round failed (the others
were still processed); 2 wrong usage (also an unknown key or a wrong value in ``--param``).
A file that does not look like dialogue data, or a participant/contact list, is skipped with a
``WARNUNG`` line: a warning, not a failure — the exit code stays 0.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import sys
import traceback
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from flueko import __version__
from flueko.config import Workspace
from flueko.console import safe_print as print  # file text reaches the terminal escaped
from flueko.errors import ConfigError, FluekoError, UsageError
from flueko.labels import CLI_DESCRIPTION as DESCRIPTION
from flueko.labels import CLI_EPILOG as EPILOG

if TYPE_CHECKING:
    from flueko.report.kernels import KernelPool


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="flueko",
        description=DESCRIPTION,
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"flueko {__version__}")
    parser.add_argument(
        "--workspace", "-w", default=".", help="Arbeitsordner mit data/ und reports/ (Standard: .)"
    )
    sub = parser.add_subparsers(dest="command", metavar="BEFEHL")

    def rounds_args(p: argparse.ArgumentParser) -> None:
        p.add_argument("rounds", nargs="*", metavar="RUNDE", help="Runden-IDs (Ordnernamen)")
        p.add_argument("--all", action="store_true", help="alle Runden unter data/raw/")

    p = sub.add_parser("ingest", help="Rohdaten einer Runde einlesen und aufbereiten")
    rounds_args(p)
    p.add_argument(
        "--verbose", "-v", action="store_true", help="je Blatt zeigen, wie es verstanden wurde"
    )
    _param_opt(p, "params.yaml-Wert überschreiben, z. B. -p consolidate.lineage_threshold=40")
    p = sub.add_parser("report", help="Bericht(e) aus den aufbereiteten Daten schreiben")
    rounds_args(p)
    _report_opts(p)
    p = sub.add_parser("run", help="einlesen und Berichte schreiben (ingest + report)")
    rounds_args(p)
    _report_opts(p)
    sub.add_parser("rounds", help="vorhandene Runden auflisten")
    p = sub.add_parser("codebook", help="Kodierungstabelle für die Analyse in Excel")
    p.add_argument(
        "action",
        choices=["export"],
        help="export: Tabelle nach reports/<runde>/kodierung.xlsx schreiben; ausgefüllt nach "
        "data/raw/<runde>/ legen",
    )
    p.add_argument("round", metavar="RUNDE")
    p = sub.add_parser(
        "bewertungsbogen",
        help="Vorlage des Bewertungsbogens für die nächste Runde: die Maßnahmen einer Runde mit "
        "Karten und ihre Karten-IDs (Excel)",
    )
    rounds_args(p)
    for name, text in (
        ("plan-doc", "Entwurf des Integrationsplans für den Kreistag (Word, .docx)"),
        ("feedback", "Rückmeldung an die Teilnehmenden: Was aus Ihren Ideen wurde (HTML)"),
    ):
        p = sub.add_parser(name, help=text + " aus den aufbereiteten Daten")
        _param_opt(p, "params.yaml-Wert überschreiben, z. B. -p report.district='Landkreis X'")
    return parser


def _param_opt(p: argparse.ArgumentParser, text: str) -> None:
    p.add_argument(
        "--param", "-p", action="append", default=[], metavar="SCHLÜSSEL=WERT", help=text
    )


def _report_opts(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--jobs",
        "-j",
        type=int,
        default=os.cpu_count() or 1,
        help="Runden gleichzeitig (Standard: Anzahl Kerne)",
    )
    _param_opt(
        p,
        "Notebook-Parameter (top_n=15) oder params.yaml-Wert mit Punkt "
        "(prioritise.weights.votes=0.5; bei run auch fürs Einlesen) überschreiben, mehrfach "
        "möglich",
    )
    p.add_argument("--no-progress", action="store_true", help="keinen Fortschrittsbalken zeigen")


def parse_param(text: str) -> tuple[str, Any]:
    """``key=value`` → (key, value) with value read as YAML (numbers, true/false, text)."""
    import yaml

    if "=" not in text:
        raise UsageError(
            f"Parameter „{text}“ hat kein '='",
            file="--param",
            hint="Form SCHLÜSSEL=WERT, z. B. top_n=15 oder survey.min_group_size=3",
        )
    key, value = text.split("=", 1)
    try:
        parsed = yaml.safe_load(value)
    except yaml.YAMLError:
        parsed = value
    return key.strip(), parsed


def parse_params(
    ws: Workspace, texts: Sequence[str], rounds: Sequence[str] = ()
) -> tuple[dict[str, Any], dict[str, Any]]:
    """``--param`` texts → (notebook parameters, params.yaml overrides), all checked.

    A text without '=', an unknown key (the error names the nearest valid one), a value of the
    wrong type, or prioritisation weights that no longer sum to 1 in one of ``rounds`` is a
    :class:`UsageError` (exit 2), raised before anything is read.
    """
    if not texts:
        return {}, {}
    from flueko.report.runner import split_overrides

    try:
        overrides, settings = split_overrides(ws, [parse_param(t) for t in texts])
    except ConfigError as err:
        raise UsageError(err.message, file=err.file, hint=err.hint) from err
    if "prioritise" in settings:
        from flueko.analyse.prioritise import validate_weights
        from flueko.config import load_params

        for round_id in rounds:
            params = load_params(workspace=ws, round_id=round_id, overrides=settings)
            try:
                validate_weights(params.prioritise.weights)
            except ConfigError as err:
                raise UsageError(
                    f"{err.message} (Runde {round_id})",
                    file="--param",
                    hint="die übrigen Gewichte mit --param so anpassen, dass die Summe 1 ist, "
                    "z. B. -p prioritise.weights.votes=0.3 -p prioritise.weights.impact=0.3",
                ) from err
    return overrides, settings


def _select(ws: Workspace, args: argparse.Namespace) -> list[str]:
    if args.all:
        rounds = ws.rounds()
        if not rounds:
            raise FluekoError(
                f"keine Runden unter {ws.raw}",
                hint="je Dialogrunde einen Unterordner in data/raw/ anlegen und die Dateien "
                "hineinlegen",
            )
        return rounds
    if not args.rounds:
        raise FluekoError("keine Runde angegeben", hint="RUNDE nennen oder --all verwenden")
    for r in args.rounds:
        ws.raw_round(r)
    return list(args.rounds)


OK, PARTIAL, EMPTY, FAILED = "ok", "partial", "empty", "failed"
"""Outcomes of ingesting a round: all read; written but a file could not be read; no input
files (a warning, nothing written); a setting or coding error (nothing written)."""

KEPT = "die bisherigen Ausgaben der Runde bleiben unverändert"


def _record(ws: Workspace, round_id: str, stage: str, *, error: str = "", inputs: str = "") -> None:
    from flueko.io.runstate import record

    record(ws.reports_round(round_id), stage, ok=not error, error=error, inputs=inputs)


def cmd_ingest(
    ws: Workspace,
    rounds: Sequence[str],
    settings: dict[str, Any] | None = None,
    *,
    verbose: bool = False,
) -> dict[str, str]:
    """Ingest each round; print one line per file and a total. Returns each round's outcome.

    A round is written all or nothing: an invalid setting, coding workbook or weights, or a
    round without files, keeps the previous processed tables and reports (``FEHLER`` or
    ``WARNUNG`` says why). ``settings``: params.yaml keys from ``--param`` (nested).
    """
    return dict(ingest_rounds(ws, rounds, settings, verbose=verbose))


def ingest_rounds(
    ws: Workspace,
    rounds: Sequence[str],
    settings: dict[str, Any] | None = None,
    *,
    verbose: bool = False,
) -> Iterator[tuple[str, str]]:
    """:func:`cmd_ingest` one round at a time: yields each round and its outcome once the
    round is written (or kept), so that its report can start while the next is ingested."""
    from flueko.pipeline import ingest_round, write_result

    for round_id in rounds:
        print(f"Runde {round_id}:")
        try:
            result = ingest_round(ws, round_id, overrides=settings)
        except FluekoError as err:
            print(f"  FEHLER {err.one_line()}")
            print(f"  nicht eingelesen — {KEPT}")
            _record(ws, round_id, "ingest", error=err.one_line())
            yield round_id, FAILED
            continue
        for f in result.files:
            st = f.stats
            if f.error:
                print(f"  FEHLER {f.error}")
                continue
            if f.refused:
                print(f"  WARNUNG {f.file}: {f.refused}")
                continue
            if f.ignored:
                print(f"  {f.file}: per Hinweis in round.yaml ignoriert")
                continue
            parts = []
            if st.cells_seen:
                parts.append(f"{st.ideas} Ideen aus {st.cards} Karten, {st.votes} Punkte")
            if f.ratings:
                parts.append(f"{f.ratings} Bewertungen")
            if f.measures:
                parts.append(f"{f.measures} Maßnahmen")
            if f.responses:
                parts.append(f"{f.responses} Rückmeldungen")
            if not parts:
                parts.append(", ".join(sorted(set(f.kinds))) or "kein Inhalt")
            print(f"  {f.file}: {', '.join(parts)}, {f.warnings} Warnungen")
            if f.cells.total:
                print(f"    {f.cells.line()}")
            if verbose:
                understood = result.log[
                    (result.log["file"] == f.file) & (result.log["code"] == "understood_as")
                ]
                for sheet, line in zip(understood["sheet"], understood["message"], strict=True):
                    print(f"    verstanden als{f' [{sheet}]' if sheet else ''}: {line}")
        failed = {f.file for f in result.files if f.error}
        log = result.log
        for _, e in log[(log["severity"] == "error") & ~log["file"].isin(failed)].iterrows():
            where = ", ".join(str(x) for x in (e["file"], e["sheet"], e["cell"]) if x)
            print(f"  FEHLER {where}: {e['message']}")
        if not result.files:
            print(
                f"  WARNUNG keine Eingabedateien in {ws.raw_round(round_id)} — nichts "
                f"eingelesen, {KEPT}; die Dateien der Runde in diesen Ordner legen"
            )
            _record(ws, round_id, "ingest", error="keine Eingabedateien")
            yield round_id, EMPTY
            continue
        if not result.writable:
            reason = "; ".join(result.problems)
            print(f"  nicht geschrieben — {KEPT}; die Fehler oben beheben und erneut einlesen")
            _record(ws, round_id, "ingest", error=reason)
            yield round_id, FAILED
            continue
        write_result(ws, result)
        _record(ws, round_id, "ingest", inputs=result.manifest["fingerprint"])
        counts = result.manifest["counts"]
        n_err = sum(1 for f in result.files if f.error)
        warnings = int((result.log["severity"] != "info").sum()) if len(result.log) else 0
        # a card round's measures are its candidates (Ideenbündel and Einzelideen), not yet
        # measures: those are what a later round rates or plans
        measures = (
            f"{counts['measures']} Ideenbündel/Einzelideen"
            if counts["contributions"]
            and not counts["ratings"]
            and not any("plan" in f.kinds for f in result.files)
            else f"{counts['measures']} Maßnahmen"
        )
        print(
            f"  Summe: {len(result.files)} Dateien ({n_err} nicht lesbar), "
            f"{counts['contributions']} Ideen, {measures}, "
            f"{counts['ratings']} Bewertungen, {counts['survey_responses']} Antworten, "
            f"{warnings} Warnungen → {ws.processed_round(round_id)}"
        )
        yield round_id, OK if result.ok else PARTIAL


def cmd_report(
    ws: Workspace,
    rounds: Sequence[str],
    args: argparse.Namespace,
    overrides: dict[str, Any] | None = None,
    settings: dict[str, Any] | None = None,
    ingested: dict[str, str] | None = None,
    kernels: KernelPool | None = None,
    *,
    ingest: Iterator[tuple[str, str]] | None = None,
) -> bool:
    """Write the reports of ``rounds`` (in parallel) and the overview; print a summary.

    ``overrides``: notebook parameters; ``settings``: params.yaml keys (both from ``--param``).
    ``ingested``: the outcome of ingesting each round in this run; a round that could not be
    ingested gets no new report (its previous one is kept and marked in the overview). A
    round's report and plan workbook are written together or not at all. ``kernels``: warm
    kernels for the notebooks (:mod:`flueko.report.kernels`). ``ingest``: the rounds being
    ingested (:func:`ingest_rounds`): each round's report starts as soon as the round is
    written, while the next is ingested; the outcomes are added to ``ingested``.

    The outputs after the plan (council draft, feedback page, documentation draft) need only
    the processed tables of every round: a thread writes them while the round reports run. The
    overview comes last, as it shows the state of every report and links those outputs.
    """
    from concurrent.futures import Future, ThreadPoolExecutor

    # council_docx, feedback_html, plan_workbook: the writers' libraries are imported before
    # the threads start; openpyxl, python-docx and ElementTree imported by two threads at once
    # can end half-initialised in one ("append() argument must be …ElementTree.Element").
    from flueko.report import council_docx, feedback_html, plan_workbook, runner  # noqa: F401
    from flueko.report.followup import load_rounds, write_followups
    from flueko.report.outputs import write_documentation

    ingested = {} if ingested is None else ingested

    def task(round_id: str) -> list[Path]:
        return runner.report_round(
            ws, round_id, overrides=overrides, settings=settings, kernels=kernels
        )

    def after_plan() -> tuple[list[Path], list[Path]]:
        rounds = load_rounds(ws)  # read once for the three writers
        return (
            write_followups(ws, overrides=settings, rounds=rounds),
            write_documentation(ws, overrides=settings, rounds=rounds),
        )

    side = ThreadPoolExecutor(1, thread_name_prefix="flueko-followup")
    followups: Future[tuple[list[Path], list[Path]]] | None = None

    def todo() -> Iterator[str]:
        nonlocal followups
        for round_id, outcome in ingest or ((r, "") for r in rounds):
            if outcome:
                ingested[round_id] = outcome
            if ingested.get(round_id) not in (FAILED, EMPTY):
                yield round_id
        followups = side.submit(after_plan)  # every round is ingested now

    with side:
        done = runner.run_many(todo(), task, jobs=args.jobs, progress=not args.no_progress)
    by_round = {r.round_id: r for r in done}
    results = []
    for r in rounds:
        if r in by_round:
            result = by_round[r]
            if result.ok and ingested.get(r) == PARTIAL:
                result.ok = False
                html = [str(p.relative_to(ws.root)) for p in result.outputs if p.suffix == ".html"]
                result.error = f"unvollständig eingelesen (FEHLER oben), {', '.join(html)}"
            results.append(result)
        elif ingested.get(r) == EMPTY:
            results.append(runner.RoundResult(r, True, 0.0, error="keine Eingabedateien"))
        else:
            results.append(runner.RoundResult(r, False, 0.0, error=f"nicht eingelesen — {KEPT}"))

    def overview(_r: str):
        assert followups is not None
        after, documentation = followups.result()  # its error, if any, is the overview's
        return after + runner.run_overview(ws, kernels=kernels) + documentation

    results += runner.run_many(["index"], overview, jobs=1, progress=False)
    print("\nErgebnis:")
    for r in results:
        state = "FEHLER" if not r.ok else "WARNUNG" if r.error else "ok    "
        where = (
            ", ".join(str(p.relative_to(ws.root)) for p in r.outputs if p.suffix == ".html")
            if r.ok and not r.error
            else r.error
        )
        print(f"  {state} {r.round_id:<32} {r.seconds:6.1f} s  {where}")
    index = ws.reports / "index.html"
    if index.is_file():
        print(f"\nÜbersicht: {index}")
    return all(r.ok for r in results)


def cmd_followup(ws: Workspace, command: str, params: Sequence[str]) -> int:
    """``plan-doc`` / ``feedback``: write one output after the plan from the processed rounds."""
    from flueko.report import followup

    _, settings = parse_params(ws, params)
    if command == "plan-doc":
        paths = followup.write_plan_document(ws, overrides=settings)
        missing = "keine bewerteten oder geplanten Maßnahmen"
    else:
        paths = followup.write_feedback(ws, overrides=settings)
        missing = "keine Workshop-Karten"
    if not paths:
        raise FluekoError(
            f"nichts geschrieben: {missing} in den aufbereiteten Runden unter {ws.processed}",
            hint="zuerst 'flueko ingest --all' ausführen",
        )
    for path in paths:
        print(f"geschrieben: {path}")
    return 0


def cmd_template(ws: Workspace, rounds: Sequence[str]) -> int:
    """``bewertungsbogen``: the rating-sheet template of each round with workshop cards."""
    from flueko.report.rating_template import write_templates

    written, notes = write_templates(ws, rounds)
    for note in notes:
        print(f"{note}, keine Vorlage")
    for path in written:
        print(f"geschrieben: {path} (Anleitung im Blatt 'Anleitung')")
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``flueko`` console script."""
    parser = _parser()
    args = parser.parse_args(argv)
    if not args.command:
        parser.print_help()
        return 2
    ws = Workspace.at(args.workspace)
    try:
        if args.command == "rounds":
            for r in ws.rounds():
                print(r)
            if not ws.rounds():
                print(
                    f"keine Runden unter {ws.raw} — je Dialogrunde einen Unterordner anlegen "
                    "(z. B. data/raw/2024-03-14_auftakt/) und die Dateien hineinlegen",
                    file=sys.stderr,
                )
            return 0
        if args.command == "codebook":
            from flueko.report.outputs import export_codebook_for

            path = export_codebook_for(ws, args.round)
            target = ws.raw_round(args.round) / "kodierung.xlsx"
            print(f"Kodierungstabelle: {path}")
            print(
                "  Gelbe Spalten ausfüllen (Handlungsfeld (neu), Leitfrage (neu), Maßnahme, "
                f"Kommentar), die Datei als {target} speichern\n"
                f"  und 'flueko run {args.round}' ausführen. Anleitung: Blatt 'Anleitung' "
                "der Datei; Einträge in data/raw/ bleiben bei einem neuen Export erhalten."
            )
            return 0
        if args.command == "bewertungsbogen":
            return cmd_template(ws, _select(ws, args))
        if args.command in ("plan-doc", "feedback"):
            return cmd_followup(ws, args.command, args.param)
        rounds = _select(ws, args)
        overrides, settings = parse_params(ws, getattr(args, "param", []), rounds)
        if overrides and args.command == "ingest":
            raise UsageError(
                f"--param {next(iter(overrides))}=…: Notebook-Parameter gelten für report und run",
                hint="beim Einlesen nur params.yaml-Werte, z. B. consolidate.threshold=80",
            )
        ok = True
        ingested: dict[str, str] = {}
        with contextlib.ExitStack() as stack:
            kernels = None
            if args.command in ("report", "run"):  # warm up while the rounds are ingested
                from flueko.report.kernels import warm_kernels

                pool = warm_kernels(ws.root, rounds=len(rounds), jobs=args.jobs)
                kernels = stack.enter_context(pool)
            if args.command == "ingest":
                ingested = cmd_ingest(ws, rounds, settings, verbose=args.verbose)
            elif args.command == "run":  # each round's report starts once the round is written
                ingest = ingest_rounds(ws, rounds, settings)
                ok = cmd_report(
                    ws, rounds, args, overrides, settings, ingested, kernels, ingest=ingest
                )
            else:
                ok = cmd_report(ws, rounds, args, overrides, settings, ingested, kernels)
            ok = all(o in (OK, EMPTY) for o in ingested.values()) and ok
        return 0 if ok else 1
    except UsageError as err:
        print(f"flueko: {err.one_line()}", file=sys.stderr)
        return 2
    except FluekoError as err:
        print(f"flueko: {err.one_line()}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("flueko: abgebrochen", file=sys.stderr)
        return 130
    except Exception as err:  # a bug, not bad input: one line, traceback only on request
        if os.environ.get("FLUEKO_DEBUG"):
            traceback.print_exc()
        print(
            f"flueko: interner Fehler ({type(err).__name__}: {err}) — bitte mit "
            "FLUEKO_DEBUG=1 wiederholen und die Ausgabe melden",
            file=sys.stderr,
        )
        return 3


if __name__ == "__main__":
    sys.exit(main())
