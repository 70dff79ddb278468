"""Column names, category keys and table schemas — declared once, used everywhere.

Code refers to columns through these constants, never through string literals, so that a
renamed column is one edit. :func:`conform` brings a DataFrame into the declared column order and
dtypes of a table of the data contract (see DESIGN.md) and fails with a message naming the missing
column.
"""

from __future__ import annotations

import pandas as pd

from flueko.errors import SchemaError

# --- category keys -------------------------------------------------------------------------

QUESTIONS: tuple[str, ...] = (
    "probleme",
    "gelingen",
    "handlungsspielraum",
    "aktivitaeten",
    "vorschlaege_kommunen",
)
"""The five Leitfragen of the Kommunaler Flüchtlingsdialog, in their order."""

FIELDS: tuple[str, ...] = (
    "wohnen",
    "bildung",
    "sprache",
    "arbeit",
    "freizeit",
    "gesundheit",
    "gesellschaft",
    "sonstiges",
)
"""Default Handlungsfelder (the taxonomy file may add more)."""

DEFAULT_FIELD = "sonstiges"

SURVEY_ITEMS: tuple[str, ...] = (
    "format",
    "struktur",
    "moderation",
    "transparenz",
    "umgang",
    "informationsmaterial",
    "diskussionsqualitaet",
    "erkenntnisse",
    "ergebnisse",
    "mehrwert",
)
"""Assessment aspects of the follow-up survey (from the seed's documentation form)."""

QUADRANTS: tuple[str, ...] = ("quick_win", "grosses_vorhaben", "kleiner_schritt", "zeitfresser")
"""Impact/effort quadrants, best first: high impact/low effort, high/high, low/low, low/high."""

TIMEFRAMES: tuple[str, ...] = ("kurzfristig", "mittelfristig", "langfristig", "laufend")

CRITERIA: tuple[str, ...] = ("impact", "effort", "urgency", "feasibility")
"""Rating criteria: Wirkung/Nutzen, Aufwand, Dringlichkeit, Umsetzbarkeit."""

KINDS: tuple[str, ...] = ("cards", "ratings", "survey", "plan")
"""Kinds of input sheets, recognised from their content."""

CATEGORISATION_METHODS: tuple[str, ...] = ("manual", "rule", "group", "default")

# --- column names ----------------------------------------------------------------------------

ROUND = "round"
GROUP = "group"
QUESTION = "question"
FIELD = "field"
TEXT = "text"
VOTES = "votes"
CARD_ID = "card_id"
IDEA_ID = "idea_id"
SOURCE_FILE = "source_file"
SOURCE_SHEET = "source_sheet"
SOURCE_ROW = "source_row"
SOURCE_CELL = "source_cell"
FIELD_METHOD = "field_method"
FIELD_TERMS = "field_terms"
FIELD_CONFIDENCE = "field_confidence"
QUESTION_METHOD = "question_method"
CLUSTER_ID = "cluster_id"

MEASURE_ID = "measure_id"
TITLE = "title"
GOAL = "goal"
RESPONSIBLE = "responsible"
PARTNERS = "partners"
TIMEFRAME = "timeframe"
TARGET_YEAR = "target_year"
COST_MIN = "cost_min"
COST_MAX = "cost_max"
COST_TEXT = "cost_text"
IMPACT = "impact"
EFFORT = "effort"
URGENCY = "urgency"
FEASIBILITY = "feasibility"
IMPACT_IQR = "impact_iqr"
EFFORT_IQR = "effort_iqr"
DISAGREEMENT = "disagreement"
N_RATERS = "n_raters"
VOTES_NORM = "votes_norm"
QUADRANT = "quadrant"
SCORE = "score"
RANK = "rank"
TOP_K_SHARE = "top_k_share"
IDEA_IDS = "idea_ids"
STATUS = "status"
PROGRESS = "progress"
INDICATOR = "indicator"
"""Plan column: how progress of a measure is measured (Indikator, for monitoring)."""
REASON = "reason"
"""Plan column: why a measure is deferred or not pursued (Begründung), when the plan gives one."""

RATER = "rater"
CRITERION = "criterion"
VALUE = "value"
SCALE_MIN = "scale_min"
SCALE_MAX = "scale_max"

RESPONDENT = "respondent"
ITEM = "item"
ANSWER = "answer"
EXCLUDED = "excluded"
N_VALID = "n_valid"
N_EXCLUDED = "n_excluded"
N_POSITIVE = "n_positive"
SHARE_POSITIVE = "share_positive"
MEAN = "mean"
CI_LOW = "ci_low"
CI_HIGH = "ci_high"
SUPPRESSED = "suppressed"

LOG_FILE = "file"
LOG_SHEET = "sheet"
LOG_CELL = "cell"
LOG_SEVERITY = "severity"
LOG_CODE = "code"
LOG_MESSAGE = "message"

# --- tables ----------------------------------------------------------------------------------

STR = "string"
INT = "Int64"
FLOAT = "Float64"
BOOL = "boolean"

TABLES: dict[str, dict[str, str]] = {
    "contributions": {
        ROUND: STR,
        GROUP: STR,
        QUESTION: STR,
        FIELD: STR,
        TEXT: STR,
        VOTES: INT,
        CARD_ID: STR,
        IDEA_ID: STR,
        SOURCE_FILE: STR,
        SOURCE_SHEET: STR,
        SOURCE_ROW: INT,
        SOURCE_CELL: STR,
        FIELD_METHOD: STR,
        FIELD_TERMS: STR,
        FIELD_CONFIDENCE: FLOAT,
        QUESTION_METHOD: STR,
        CLUSTER_ID: STR,
    },
    "measures": {
        ROUND: STR,
        MEASURE_ID: STR,
        FIELD: STR,
        TITLE: STR,
        GOAL: STR,
        RESPONSIBLE: STR,
        PARTNERS: STR,
        TIMEFRAME: STR,
        TARGET_YEAR: INT,
        COST_MIN: FLOAT,
        COST_MAX: FLOAT,
        COST_TEXT: STR,
        IMPACT: FLOAT,
        EFFORT: FLOAT,
        URGENCY: FLOAT,
        FEASIBILITY: FLOAT,
        IMPACT_IQR: FLOAT,
        EFFORT_IQR: FLOAT,
        DISAGREEMENT: BOOL,
        N_RATERS: INT,
        VOTES: INT,
        VOTES_NORM: FLOAT,
        QUADRANT: STR,
        SCORE: FLOAT,
        RANK: INT,
        TOP_K_SHARE: FLOAT,
        IDEA_IDS: STR,
        STATUS: STR,
        PROGRESS: FLOAT,
        INDICATOR: STR,
        REASON: STR,
        SOURCE_FILE: STR,
        SOURCE_SHEET: STR,
        SOURCE_CELL: STR,
    },
    "ratings": {
        ROUND: STR,
        MEASURE_ID: STR,
        TITLE: STR,
        RATER: STR,
        CRITERION: STR,
        VALUE: FLOAT,
        SCALE_MIN: FLOAT,
        SCALE_MAX: FLOAT,
        SOURCE_FILE: STR,
        SOURCE_SHEET: STR,
        SOURCE_CELL: STR,
    },
    "survey_responses": {
        ROUND: STR,
        RESPONDENT: STR,
        GROUP: STR,
        ITEM: STR,
        ANSWER: STR,
        VALUE: FLOAT,
        SCALE_MIN: FLOAT,
        SCALE_MAX: FLOAT,
        EXCLUDED: STR,
        SOURCE_FILE: STR,
        SOURCE_SHEET: STR,
        SOURCE_CELL: STR,
    },
    "survey_items": {
        ROUND: STR,
        ITEM: STR,
        GROUP: STR,
        N_VALID: INT,
        N_EXCLUDED: INT,
        N_POSITIVE: INT,
        SHARE_POSITIVE: FLOAT,
        MEAN: FLOAT,
        CI_LOW: FLOAT,
        CI_HIGH: FLOAT,
        SUPPRESSED: STR,
    },
    "ingest_log": {
        LOG_FILE: STR,
        LOG_SHEET: STR,
        LOG_CELL: STR,
        LOG_SEVERITY: STR,
        LOG_CODE: STR,
        LOG_MESSAGE: STR,
    },
}
"""Every processed table: column → pandas dtype, in the order they are written."""

CONTRIBUTIONS_COLUMNS = tuple(TABLES["contributions"])
MEASURES_COLUMNS = tuple(TABLES["measures"])
RATINGS_COLUMNS = tuple(TABLES["ratings"])
SURVEY_RESPONSES_COLUMNS = tuple(TABLES["survey_responses"])
SURVEY_ITEMS_COLUMNS = tuple(TABLES["survey_items"])
LOG_COLUMNS = tuple(TABLES["ingest_log"])

PARQUET_TABLES: tuple[str, ...] = (
    "contributions",
    "measures",
    "ratings",
    "survey_responses",
    "survey_items",
)


def empty(table: str) -> pd.DataFrame:
    """An empty DataFrame with the columns and dtypes of ``table``."""
    return conform(pd.DataFrame(columns=list(TABLES[table])), table)


def conform(df: pd.DataFrame, table: str, *, fill_missing: bool = True) -> pd.DataFrame:
    """Return ``df`` with exactly the columns of ``table``, in order, with the declared dtypes.

    Parameters
    ----------
    df
        Input table; not modified.
    table
        A key of :data:`TABLES`.
    fill_missing
        Add absent optional columns as missing values. With ``False`` a missing column raises.

    Raises
    ------
    SchemaError
        If a column is missing (with ``fill_missing=False``) or cannot take its dtype.
    """
    spec = TABLES[table]
    columns: dict[str, pd.Series] = {}
    for col, dtype in spec.items():
        if col in df.columns:
            values = df[col].reset_index(drop=True)
        elif fill_missing:
            values = pd.Series([pd.NA] * len(df), dtype=dtype)
        else:
            raise SchemaError(
                f"Tabelle '{table}': Spalte '{col}' fehlt",
                hint=f"vorhanden sind: {', '.join(map(str, df.columns))}",
            )
        try:
            columns[col] = _cast(values, dtype)
        except (TypeError, ValueError) as err:
            raise SchemaError(
                f"Tabelle '{table}': Spalte '{col}' lässt sich nicht als {dtype} lesen ({err})"
            ) from err
    return pd.DataFrame(columns, index=pd.RangeIndex(len(df)))


def _cast(values: pd.Series, dtype: str) -> pd.Series:
    if dtype == STR:
        if isinstance(values.dtype, pd.StringDtype):
            return values.astype(STR)
        return values.astype(object).where(values.notna(), None).astype(STR)
    if dtype == INT:
        return pd.to_numeric(values, errors="raise").round().astype(INT)
    if dtype == FLOAT:
        return pd.to_numeric(values, errors="raise").astype(FLOAT)
    if dtype == BOOL:
        return values.astype(BOOL)
    return values.astype(dtype)


CODING_MEASURE = "measure"
"""Coding column: the analyst's measure name (merges/splits clusters)."""
CODING_COMMENT = "comment"
"""Coding column: free comment of the analyst."""
