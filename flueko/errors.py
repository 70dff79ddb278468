"""One exception tree for flueko.

Every error a user can cause (a bad file, a wrong setting, a cell that cannot be read) is a
:class:`FluekoError`. Its message names *what* is wrong, *where* (file, sheet, cell) and *how to
fix it*; :func:`FluekoError.one_line` renders it for the command line, so that no user ever sees
a traceback for bad input.
"""

from __future__ import annotations


class FluekoError(Exception):
    """Base class of all errors flueko raises on purpose.

    Parameters
    ----------
    message
        What is wrong, in one sentence.
    file, sheet, cell
        Where it is wrong (any may be omitted).
    hint
        What the user can do about it.
    code
        A short machine-readable reason code (used in ``ingest_log.csv``).
    """

    default_code = "error"

    def __init__(
        self,
        message: str,
        *,
        file: str | None = None,
        sheet: str | None = None,
        cell: str | None = None,
        hint: str | None = None,
        code: str | None = None,
    ) -> None:
        super().__init__(message)
        self.message = message
        self.file = file
        self.sheet = sheet
        self.cell = cell
        self.hint = hint
        self.code = code or self.default_code

    @property
    def location(self) -> str:
        """``file, Blatt 'sheet', Zelle B4`` — the parts that are known."""
        parts = []
        if self.file:
            parts.append(str(self.file))
        if self.sheet:
            parts.append(f"Blatt '{self.sheet}'")
        if self.cell:
            parts.append(f"Zelle {self.cell}")
        return ", ".join(parts)

    def one_line(self) -> str:
        """The error as one line for the terminal: where: what — what to do."""
        text = f"{self.location}: {self.message}" if self.location else self.message
        if self.hint:
            text = f"{text} — {self.hint}"
        return " ".join(text.split())

    def __str__(self) -> str:
        return self.one_line()


class InputFileError(FluekoError):
    """A file cannot be read at all (corrupt, encrypted, empty, too large, unknown format)."""

    default_code = "unreadable_file"


class LayoutError(FluekoError):
    """A sheet can be read but its layout is not recognised (e.g. no header row)."""

    default_code = "unknown_layout"


class SchemaError(FluekoError):
    """A table lacks a column or holds a value outside the declared keys."""

    default_code = "schema"


class ConfigError(FluekoError):
    """A settings file (round.yaml, taxonomy.yaml, parameters) is missing or invalid."""

    default_code = "config"


class UsageError(ConfigError):
    """A command-line setting is invalid (``--param`` with an unknown key or a wrong value);
    the command stops before it reads anything and exits with 2."""

    default_code = "usage"


class CodingError(FluekoError):
    """An analyst's coding workbook holds an unknown key or id."""

    default_code = "coding"


class WorkspaceError(FluekoError):
    """The workspace or a round folder does not exist or is not laid out as expected."""

    default_code = "workspace"


class ReportError(FluekoError):
    """A report cannot be produced (a notebook failed, an export failed)."""

    default_code = "report"


class PrivacyError(ReportError):
    """A report would contain personal data or an unsuppressed small group; it is not written."""

    default_code = "privacy"
