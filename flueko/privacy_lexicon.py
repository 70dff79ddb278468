"""The name lexicons of the privacy masking, read once on first use.

- ``resources/first_names.txt``: first names (``scripts/build_first_names.py`` from the
  ``names-dataset`` package); a name marked ``~`` is also a frequent German word (``Ernst``).
- ``resources/surnames.txt``: family names (``scripts/build_surnames.py``, same source), for
  the plural of a family ("die Haddads").
- ``resources/english_words.txt``: English words that are also names ("will", "grace"), from
  SCOWL (``scripts/build_english_words.py``), for cards written in English.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache, lru_cache
from importlib import resources

__all__ = ["english_words", "first_name_kind", "surnames"]

_LEXICON = "first_names.txt"
_SURNAMES = "surnames.txt"
_ENGLISH = "english_words.txt"


def _entries(name: str) -> list[str]:
    """The lines of ``resources/<name>`` that are neither empty nor a ``#`` comment."""
    text = resources.files("flueko.resources").joinpath(name).read_text(encoding="utf-8")
    return [line for line in text.splitlines() if line and not line.startswith("#")]


@cache
def _lexicon() -> dict[str, bool]:
    """First names (casefolded) → ``True`` if the name is also a frequent German word."""
    out: dict[str, bool] = {}
    for line in _entries(_LEXICON):
        key = line.rstrip("~").casefold()
        out[key] = line.endswith("~")
        out.setdefault(_plain(key), out[key])
    return out


@cache
def surnames() -> frozenset[str]:
    """Family names (casefolded) of ``resources/surnames.txt``, for "die Haddads"."""
    return frozenset(line.casefold() for line in _entries(_SURNAMES))


@cache
def english_words() -> frozenset[str]:
    """English words that are also first or family names, of ``resources/english_words.txt``."""
    return frozenset(_entries(_ENGLISH))


def _plain(word: str) -> str:
    """``word`` without diacritics (``hêvî`` → ``hevi``)."""
    if word.isascii():
        return word
    kept = "\u0308"  # the diaeresis of ä, ö, ü is a letter of its own in German (Mariä)
    bare = "".join(
        c for c in unicodedata.normalize("NFD", word) if c == kept or not unicodedata.combining(c)
    )
    return unicodedata.normalize("NFC", bare)


@lru_cache(maxsize=1 << 16)
def first_name_kind(word: str) -> str | None:
    """``"name"``, ``"ambiguous"`` (also a German word) or ``None`` for ``word``.

    A hyphenated word is a first name when every part is one (``Klaus-Dieter``).
    """
    lex = _lexicon()
    parts = re.split(r"[-'’]", word)
    keys = [p.casefold() if p.casefold() in lex else _plain(p.casefold()) for p in parts]
    if len(word) < 3 or any(k not in lex for k in keys):
        return None
    return "ambiguous" if all(lex[k] for k in keys) else "name"
