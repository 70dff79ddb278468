"""German display labels — everything a stakeholder reads that is not data, in one place.

Handlungsfeld and Leitfrage labels live in the taxonomy file (``resources/taxonomy.yaml``), survey
item labels in ``resources/survey_items.yaml``; this module holds the rest.
"""

from __future__ import annotations

from flueko import schema

QUADRANT_LABELS: dict[str, str] = {
    "quick_win": "Quick Wins",
    "grosses_vorhaben": "Große Vorhaben",
    "kleiner_schritt": "Kleine Schritte",
    "zeitfresser": "Zeitfresser",
}

TIMEFRAME_LABELS: dict[str, str] = {
    "kurzfristig": "kurzfristig",
    "mittelfristig": "mittelfristig",
    "langfristig": "langfristig",
    "laufend": "laufend",
}

CRITERION_LABELS: dict[str, str] = {
    "impact": "Wirkung",
    "effort": "Aufwand",
    "urgency": "Dringlichkeit",
    "feasibility": "Umsetzbarkeit",
    "votes": "Klebepunkte",
}

METHOD_LABELS: dict[str, str] = {
    "manual": "Kodierung durch das Team",
    "rule": "Schlagwortregel",
    "group": "Arbeitskreis",
    "default": "nicht zugeordnet",
}

KIND_LABELS: dict[str, str] = {
    "cards": "Workshop-Karten",
    "ratings": "Bewertungsbogen",
    "survey": "Rückmeldebogen",
    "plan": "Maßnahmenplan",
    "codebook": "Kodierungstabelle",
    "lineage_review": "Herkunft prüfen (Maßnahmenplan)",
    "contacts": "Teilnehmer-/Kontaktliste",
}
"""German names of the sheet kinds („verstanden als“, „erkannt als“, hints)."""

ROLE_LABELS: dict[str, str] = {
    "text": "Text",
    "votes": "Punkte",
    "question": "Leitfrage",
    "questions": "Text je Leitfrage",
    "group": "Gruppe",
    "group_columns": "Text je Gruppe",
    "id": "Nummer",
    "number": "Nummer",
    "measure_id": "Maßnahmen-ID",
    "title": "Maßnahme",
    "measure": "Maßnahme",
    "rater": "Bewerter/in",
    "rating": "Bewertung",
    "impact": "Wirkung",
    "effort": "Aufwand",
    "urgency": "Dringlichkeit",
    "feasibility": "Umsetzbarkeit",
    "criterion": "Kriterium",
    "cost": "Kosten",
    "cost_min": "Kosten von",
    "cost_max": "Kosten bis",
    "responsible": "Verantwortlich",
    "partners": "Partner",
    "timeframe": "Zeitraum",
    "status": "Status",
    "progress": "Fortschritt",
    "goal": "Ziel",
    "indicator": "Indikator",
    "reason": "Begründung",
    "idea_ids": "Karten-IDs (Herkunft)",
    "field": "Handlungsfeld",
    "answer": "Antwort",
    "items": "Frage",
    "respondent": "Befragte/r",
    "metadata": "Metadaten",
    "comment": "Kommentar",
}
"""German names of the column roles; a role not listed is shown by its key."""

SEVERITY_LABELS: dict[str, str] = {"info": "Hinweis", "warning": "Warnung", "error": "Fehler"}

COLUMN_LABELS: dict[str, str] = {
    schema.ROUND: "Runde",
    schema.GROUP: "Gruppe",
    schema.QUESTION: "Leitfrage",
    schema.FIELD: "Handlungsfeld",
    schema.TEXT: "Beitrag",
    schema.VOTES: "Punkte",
    schema.TITLE: "Maßnahme",
    schema.GOAL: "Ziel",
    schema.RESPONSIBLE: "Zuständig",
    schema.PARTNERS: "Partner",
    schema.TIMEFRAME: "Zeitraum",
    schema.COST_MIN: "Kosten von",
    schema.COST_MAX: "Kosten bis",
    schema.IMPACT: "Wirkung",
    schema.EFFORT: "Aufwand",
    schema.N_RATERS: "Bewertungen",
    schema.QUADRANT: "Quadrant",
    schema.SCORE: "Punktwert",
    schema.RANK: "Rang",
    schema.STATUS: "Status",
    schema.PROGRESS: "Fortschritt",
    schema.INDICATOR: "Indikator",
    schema.REASON: "Begründung",
    schema.SOURCE_FILE: "Datei",
    schema.SOURCE_SHEET: "Blatt",
    schema.SOURCE_CELL: "Zelle",
    schema.LOG_SEVERITY: "Schwere",
    schema.LOG_MESSAGE: "Meldung",
}

STATUS_LABELS: dict[str, str] = {
    "offen": "offen",
    "in_vorbereitung": "in Vorbereitung",
    "in_umsetzung": "in Umsetzung",
    "abgeschlossen": "abgeschlossen",
    "zurueckgestellt": "zurückgestellt",
}
"""Status of a measure in the Maßnahmenplan (keys: :data:`flueko.ingest.plan.STATUSES`)."""

QUADRANT_HINTS: dict[str, str] = {
    "quick_win": "hohe Wirkung, geringer Aufwand",
    "grosses_vorhaben": "hohe Wirkung, hoher Aufwand",
    "kleiner_schritt": "geringe Wirkung, geringer Aufwand",
    "zeitfresser": "geringe Wirkung, hoher Aufwand",
}

LOG_CODE_LABELS: dict[str, str] = {
    "hidden_sheet": "ausgeblendetes Blatt nicht ausgewertet",
    "hidden_row": "ausgeblendete Zeile nicht ausgewertet",
    "totals_row": "Summenzeile ausgeschlossen",
    "duplicate_header": "wiederholte Kopfzeile ausgeschlossen",
    "subheading": "Zwischenüberschrift (setzt die Leitfrage)",
    "instruction": "Ausfüllhinweis ausgeschlossen",
    "empty_after_clean": "Zelle nur mit Aufzählungszeichen",
    "error_value": "Fehlerwert statt Inhalt (#DIV/0!, #NV …)",
    "votes_unreadable": "Punkte nicht lesbar",
    "question_unknown": "Leitfrage nicht zugeordnet",
    "summary_sheet": "Zusammenfassungsblatt übersprungen",
    "unknown_layout": "Blatt ohne erkennbare Kopfzeile",
    "not_recognised": "keine Dialogdaten (nicht erkannt, nicht eingelesen)",
    "personal_data": "Teilnehmer-/Kontaktliste übersprungen (personenbezogene Daten)",
    "recognised": "erkannte Art und Belege",
    "kind_hint": "Art per Hinweis in round.yaml",
    "hint_unused": "Hinweis in round.yaml ohne Datei",
    "rating_missing": "leere Bewertungsfelder",
    "rating_unreadable": "Bewertung nicht lesbar",
    "rating_duplicate": "doppelte Bewertung",
    "rater_missing": "Bewertung ohne Bewertende(n)",
    "measure_missing": "Zeile ohne Maßnahme",
    "measure_duplicate": "Maßnahme doppelt",
    "measure_column_missing": "keine Spalte Maßnahme",
    "cost_unreadable": "Kostenangabe nicht lesbar",
    "timeframe_unreadable": "Zeitraum nicht lesbar",
    "status_unknown": "Status nicht erkannt",
    "progress_unreadable": "Fortschritt nicht lesbar",
    "rating_scale": "Bewertungsskala (angenommen und umgerechnet)",
    "rating_not_given": "Bewertung „keine Angabe“",
    "mean_column": "Mittelwertspalte nicht als Bewertung gezählt",
    "legend_row": "Legende ausgeschlossen",
    "section_row": "Abschnittszeile (setzt das Handlungsfeld)",
    "cost_assumed": "Kosten umgerechnet (je Monat, Einheit im Kopf)",
    "raters_pseudonymised": "Bewertende pseudonymisiert",
    "survey_unknown_item": "Spalte keiner Frage zugeordnet",
    "survey_unknown_answer": "Antwort nicht lesbar",
    "survey_unknown_group": "Gruppe nicht erkannt (als Sonstige gezählt)",
    "survey_ignored_column": "Metadaten-Spalte nicht gespeichert",
    "survey_hidden_row": "ausgeblendete Zeile nicht ausgewertet",
    "survey_empty_row": "leere Antwortzeile",
    "survey_duplicate_respondent": "Befragte(r) doppelt",
    "survey_duplicate_item": "Frage doppelt",
    "survey_duplicate_answer": "Antwort doppelt",
    "survey_own_item": "Frage außerhalb des Fragenkatalogs (eigene Auswertung)",
    "survey_scale_assumed": "Zahlencodes ohne Legende (Richtung angenommen)",
    "survey_summary_row": "Mittelwert-/Anzahlzeile nicht gezählt",
    "survey_legend_sheet": "Legendenblatt (keine Rückmeldungen)",
    "survey_export_table": "Variablen-/Wertetabelle eines Befragungsexports",
    "coding_unknown_id": "Kodierung für nicht mehr vorhandene Idee",
    "coding_missing_id": "Kodierung ohne Ideen-ID",
    "coding": "Kodierungstabelle fehlerhaft",
    "lineage_corrected": "Herkunft einer Maßnahme von Hand berichtigt (Maßnahmenplan)",
    "lineage_id_unknown": "Karten-ID im Maßnahmenplan oder Bewertungsbogen unbekannt",
    "lineage_reviewed": "Herkunft geprüft (ja/nein im Blatt „Herkunft prüfen“)",
    "lineage_review_read": "Blatt „Herkunft prüfen“ gelesen",
    "lineage_review_unclear": "Antwort in „Herkunft prüfen“ weder ja noch nein",
    "lineage_pins_differ": "Karten-IDs einer Maßnahme unterscheiden sich zwischen Blättern",
    "lineage_review_no_column": "„Herkunft prüfen“ ohne Antwortspalte",
    "lineage_review_conflict": "Karten-IDs und „Herkunft prüfen“ widersprechen sich",
    "lineage_review_measure_unknown": "Maßnahmen-ID in „Herkunft prüfen“ unbekannt",
    "lineage_review_no_measure": "„ja“ ohne Maßnahmen-ID in „Herkunft prüfen“",
    "lineage_review_no_answer": "Maßnahmen-ID ohne „ja“ in „Herkunft prüfen“",
    "corrupt_file": "Datei beschädigt",
    "encrypted": "Datei passwortgeschützt",
    "empty_file": "Datei leer",
    "empty_workbook": "Arbeitsmappe ohne Inhalt",
    "too_large": "Datei zu groß",
    "unsupported_format": "Dateiformat nicht unterstützt",
    "unreadable_file": "Datei nicht lesbar",
    # how a sheet was read, and cells that were not used (issue "nothing typed is lost")
    "understood_as": "so verstanden (Blatt, Kopfzeile, Spalten)",
    "unused_column": "Spalte nicht ausgewertet",
    "unused_cells": "Zellen weder gelesen noch ausgeschlossen",
    "placeholder": "Platzhalter statt Beitrag",
    "formula_text": "Formel-ähnlicher Text",
    "votes_inferred": "Punktespalte ohne Überschrift erschlossen",
    "votes_in_text": "Punkte aus dem Kartentext gelesen",
    "votes_conflict": "Punkte im Text und in der Spalte verschieden",
    "votes_without_card": "Punkte ohne Karte",
    "votes_unmatched": "Punkte für eine unbekannte Kartennummer",
    "votes_duplicate": "Kartennummer im Punkteblock doppelt",
    "row_without_card": "Zeile ohne Karte",
    "count_block_by_position": "Punkteblock nach Reihenfolge zugeordnet",
}
"""German reasons for the codes of ``ingest_log.csv`` (unknown codes are shown as they are)."""

CODEBOOK_GUIDE: tuple[str, ...] = (
    "Ideen nachkodieren",
    "1. Im Blatt 'Kodierung' nur die gelben Spalten ausfüllen: 'Handlungsfeld (neu)' und "
    "'Leitfrage (neu)' aus der Auswahlliste, 'Maßnahme' (gleicher Text = gleiche Maßnahme: "
    "diese Ideen werden zusammengefasst) und 'Kommentar' (bleibt im Kodierbogen und in "
    "data/processed/<runde>/extra_coding.csv). Leere Zellen ändern nichts.",
    "2. Wer statt dessen die Spalte 'Handlungsfeld' oder 'Leitfrage' überschreibt: auch das "
    "wird übernommen und im Protokoll (ingest_log.csv) vermerkt; steht in der Spalte '(neu)' "
    "etwas anderes, gilt '(neu)'.",
    "3. Die Spalte 'Ideen-ID' nicht ändern; Zeilen dürfen sortiert und gefiltert werden.",
    "4. Die Datei unter data/raw/<runde>/ speichern (z. B. data/raw/<runde>/kodierung.xlsx). "
    "Zwei Kodierende: je eine Datei (kodierung_anna.xlsx, kodierung_ben.xlsx); flueko zeigt "
    "die Übereinstimmung, strittige Ideen bleiben bei der automatischen Zuordnung (ein neuer "
    "Export listet sie im Blatt 'Strittig').",
    "5. 'flueko run <runde>' ausführen. Die Zuordnung gilt dann als 'manuell'. Ein ungültiger "
    "Eintrag bricht das Einlesen der Runde mit FEHLER und Zeilennummer ab; die bisherigen "
    "Ergebnisse bleiben dann unverändert.",
    "6. 'flueko codebook export <runde>' schreibt den Bogen neu und übernimmt dabei alles, was "
    "in data/raw/<runde>/ und im bisherigen Export schon eingetragen ist.",
)
"""The instruction sheet of the codebook (:mod:`flueko.io.codebook`); the README section
"Ideen nachkodieren" says the same."""

RATING_TEMPLATE_GUIDE: tuple[str, ...] = (
    "Bewertungsbogen für die nächste Runde – Anleitung",
    "Diese Vorlage enthält die Ideen der Auftaktrunde als mögliche Maßnahmen. Jede Maßnahme "
    "trägt die Nummern (IDs) der Karten, aus denen sie stammt; so weiß flueko nach der "
    "Bewertung genau, welche Karten zu welcher Maßnahme gehören.",
    "1. Blatt 'Bewertung': eine Zeile je Maßnahme – ein Ideenbündel aus mehreren Karten oder "
    "eine Einzelidee –, nach den Punkten der Karten sortiert. Zeilen, die nicht bewertet werden "
    "sollen, löschen; die Maßnahme in der Spalte 'Maßnahme' so umformulieren, wie sie bewertet "
    "werden soll. Eigene Zeilen dürfen dazukommen.",
    "2. Die Spalte 'Karten-IDs (Herkunft)' so lassen, wie sie ist, oder die IDs ändern: "
    "mehrere IDs mit ';' trennen, 'keine' eintragen, wenn die Maßnahme aus keiner Karte "
    "stammt. Alle Karten mit ihren IDs stehen im Blatt 'Karten'.",
    "3. Für jede bewertende Stelle eine Kopie des Blatts 'Bewertung' anlegen und nach der "
    "Stelle benennen, z. B. 'Jobcenter', 'Landratsamt'. Das Blatt 'Bewertung' selbst dabei "
    "umbenennen oder löschen.",
    "4. Jede Stelle trägt in ihrem Blatt Wirkung und Aufwand ein, jeweils von 1 (gering) bis "
    "5 (hoch); Dringlichkeit und Umsetzbarkeit nur bei Bedarf. Leere Felder zählen nicht als "
    "Bewertung.",
    "5. Die ausgefüllte Datei in den Ordner der nächsten Runde legen (data/raw/<runde>/) und "
    "'flueko run <runde>' ausführen. Die Blätter 'Anleitung' und 'Karten' dürfen in der Datei "
    "bleiben; flueko liest sie nicht als Daten.",
)
"""The instruction sheet of the rating-sheet template (:mod:`flueko.report.rating_template`);
its first line marks the sheet as flueko's own when the filled template comes back."""

RATING_TEMPLATE_CARDS: tuple[str, ...] = (
    "Karten-ID",
    "Arbeitskreis",
    "Handlungsfeld",
    "Karte",
    "Punkte",
)
"""The header of the template's sheet of kick-off cards; it marks the sheet as flueko's own
(never read as workshop cards) when the filled template comes back."""

CLI_DESCRIPTION = """\
flueko wertet Kommunale Flüchtlingsdialoge aus: Workshop-Karten, Bewertungsbögen und
Rückmeldebögen werden zu Tabellen, Prioritäten, Maßnahmenplan und HTML-Berichten.

Ordner (im Arbeitsordner, Standard: aktueller Ordner, sonst --workspace DIR):
  data/raw/<runde>/       Rohdaten einer Dialogrunde (werden nie verändert); der Ordnername
                          ist die Runden-ID, z. B. 2016-10-20_auftakt. Dateien dürfen in
                          Unterordnern liegen: .xlsx .xlsm .xls .ods .csv .txt — ob Karten,
                          Bewertung, Rückmeldung oder Plan, wird am Inhalt erkannt.
  data/raw/<runde>/round.yaml   optional: Titel, Datum, Teilnehmende je Gruppe, Kosten;
                          hints: {files: {DATEI: karten}} legt die Art einer Datei fest
                          (karten, bewertung, rueckmeldung, plan oder ignorieren)
  data/processed/<runde>/ aufbereitete Tabellen (.parquet) und ingest_log.csv
  reports/<runde>/        bericht.html, massnahmenplan.xlsx, ausgeführte Notebooks;
                          bewertungsbogen_vorlage.xlsx bei Runden mit Karten
  reports/index.html      Übersicht über alle Runden

Eine Datei, die nicht nach Dialogdaten aussieht (Haushalt, Statistik, Fahrplan …), wird mit
„WARNUNG … nicht erkannt“ übersprungen; eine Teilnehmer- oder Kontaktliste wird nie eingelesen
(„WARNUNG … personenbezogene Daten“). Beides ist kein Fehler: Rückgabewert 0.
Rückgabewerte: 0 gelesen (auch mit WARNUNG), 1 Datei nicht lesbar oder Runde fehlgeschlagen,
2 falscher Aufruf.
"""
"""The help text of the ``flueko`` command (``flueko --help``)."""

CLI_EPILOG = """\
Beispiele:
  flueko run --all                      alle Runden einlesen und alle Berichte schreiben
  flueko run 2016-10-20_auftakt         eine Runde
  flueko ingest 2016-10-20_auftakt      nur einlesen (Protokoll je Datei)
  flueko report 2016-10-20_auftakt      nur den Bericht aus den aufbereiteten Daten
  flueko bewertungsbogen 2016-10-20_auftakt
                                        Vorlage des Bewertungsbogens: Maßnahmen mit Karten-IDs
  flueko run --all -p survey.min_group_size=3
                                        mit einem anderen Wert aus params.yaml
  flueko --workspace ~/dialog run --all einen anderen Arbeitsordner verwenden
"""
"""The examples under ``flueko --help``."""
