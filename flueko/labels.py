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
}

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
"""Status of a measure in the Maßnahmenplan (keys: :data:`flueko.plan.STATUSES`)."""

QUADRANT_HINTS: dict[str, str] = {
    "quick_win": "hohe Wirkung, geringer Aufwand",
    "grosses_vorhaben": "hohe Wirkung, hoher Aufwand",
    "kleiner_schritt": "geringe Wirkung, geringer Aufwand",
    "zeitfresser": "geringe Wirkung, hoher Aufwand",
}
