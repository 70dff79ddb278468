"""Personal names in free text — with or without a salutation.

A name is found from a first-name lexicon (``resources/first_names.txt``, generated from the
``names-dataset`` package by ``scripts/build_first_names.py``) and from context cues:

* a first name from the lexicon, with the first names and one surname that follow it
  (``Tarek Haddad``, ``Ali Reza Mohammadi``, ``olena k.``);
* a cue followed by a capitalised word: ``Herr``/``Frau``, ``Dr.``/``Prof.``, ``Familie``,
  ``Kontakt:``, ``Ansprechpartner/in:``, ``gez.``, …;
* an initial and a surname (``M. Seitz``), ``Nachname, Vorname`` and ``X und Y`` beside a name.

Names that are also frequent German words (``Ernst``, ``Frank``, ``Rosa``) count only beside a
surname or a cue. Words that are part of a hyphenated compound (``Paula-Modersohn-Schule``),
that follow ``Sankt``/``St.`` or that stand before an institution word (``Robert Bosch
Stiftung``) are never names, nor are titles after a salutation (``Frau Bürgermeisterin``).
The lexicon is read once, on first use.
"""

from __future__ import annotations

import re

from flueko.abbreviations import ABBREVIATIONS
from flueko.privacy_english import is_english, is_english_word
from flueko.privacy_lexicon import first_name_kind, surnames
from flueko.privacy_words import (
    ABBREV,
    AGE,
    ARTICLES,
    CUE_PAIRS,
    CUES,
    DAYS,
    FAMILY_TAIL,
    FUNCTION_WORDS,
    GREETINGS,
    GROUP_AFTER,
    INSTITUTION,
    MONTH_ABBREV,
    MONTHS_DAYS,
    NAMES_TOO,
    NOT_NAME,
    OFFICE,
    PARTICLE_LOWER,
    PARTICLE_NAME,
    PARTICLES,
    PLACE_BEFORE,
    PLACEHOLDER,
    PLACES,
    PLURAL_BEFORE,
    ROLE,
    SAINT_WORD,
    SALUTATIONS,
    STRONG_CUES,
    SURNAME_CUES,
    TITLES,
    VERB_END,
    WEAK,
)

__all__ = ["find_names", "is_common_word", "is_office"]

_WORD = re.compile(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*")
_INITIAL = re.compile(r"(?<![\w.])[A-ZÄÖÜ]\.(?![\w-])")


def is_office(word: str) -> bool:
    """``word`` is an office or title, not a name (``Bürgermeisterin``, ``Landrat``)."""
    return OFFICE.fullmatch(word) is not None


def is_common_word(word: str) -> bool:
    """``word`` is a German word that is never a name here (``Sie``, ``Team``, ``Jobcenter``)."""
    return word.casefold() in NOT_NAME


def _family_plural(word: str, *, lower: bool = False) -> bool:
    """``word`` is a family name in the plural: "Haddads", "Schmidts", "Hassans" (with
    ``lower``, of a text typed in lower case, also "haddads")."""
    if len(word) < 4 or not word.endswith("s") or word.endswith("ss"):
        return False
    if not (word[:1].isupper() or (lower and word[:1].islower())):
        return False
    stem = word[:-1].casefold()
    if stem in NOT_NAME or word.casefold() in NOT_NAME:
        return False
    return stem in surnames() or first_name_kind(word[:-1]) == "name"


class _Tok:
    __slots__ = ("cap", "end", "initial", "start", "text")

    def __init__(self, start: int, end: int, text: str, *, initial: bool = False) -> None:
        self.start, self.end, self.text, self.initial = start, end, text, initial
        first = text[:1]
        # a script without capitals (Arabic) counts as capitalised: its words need the lexicon
        self.cap = _capital(first)


def _tokens(text: str) -> list[_Tok]:
    toks = [_Tok(m.start(), m.end(), m.group()) for m in _WORD.finditer(text)]
    toks += [_Tok(m.start(), m.end(), m.group(), initial=True) for m in _INITIAL.finditer(text)]
    toks.sort(key=lambda t: t.start)
    # a single capital before "." is an initial, not a word
    return [t for t in toks if not (not t.initial and len(t.text) == 1 and _after(text, t) == ".")]


def _after_saint(text: str, start: int) -> bool:
    """``Sankt``/``St.``/``Hl.``/``Heilige(n|r)`` and blanks end right before ``start``: only
    the word before the blanks is looked at, not the whole text before ``start``."""
    k = start
    while k > 0 and text[k - 1].isspace():
        k -= 1
    return k < start and SAINT_WORD.search(text, max(k - 8, 0), k) is not None


def _after(text: str, tok: _Tok) -> str:
    return text[tok.end : tok.end + 1]


def _gap(text: str, a: _Tok, b: _Tok) -> str:
    return text[a.end : b.start]


def _in_compound(text: str, tok: _Tok) -> bool:
    """Part of a hyphenated compound or glued to something (``Paula-Modersohn-Schule``)."""
    before = text[tok.start - 1 : tok.start] if tok.start else ""
    after = _after(text, tok)
    if before.isdigit() or after.isdigit() or before in {"_", "@", "."} or after in {"_", "@"}:
        return True  # sha256, a_b, user@host
    return (
        before in {"-", "[", "/"}
        or after in {"-", "]"}
        or ("-" in tok.text and bool(INSTITUTION.search(tok.text)))
    )


def _plain_word(text: str, a: _Tok, b: _Tok) -> bool:
    """``b`` follows ``a`` separated by blanks only."""
    gap = _gap(text, a, b)
    return bool(gap) and gap.isspace() and "\n" not in gap


def _surname_ok(tok: _Tok, *, lower: bool, known: bool = False) -> bool:
    """``tok`` can be a surname; a lower-case one only where ``lower`` allows it, and with
    ``known`` only a name of the lexicons ("ahmad karimi", not "can cook")."""
    word = tok.text
    if word.casefold() in NOT_NAME or (INSTITUTION.search(word) and "-" not in word):
        return False
    if tok.cap:
        return not word.isupper() or len(word) <= 1
    if not lower:
        return False
    if word.casefold() in surnames() or first_name_kind(word) == "name":
        return True
    return not known and not VERB_END.search(word)


def _cue_before(text: str, toks: list[_Tok], i: int) -> bool:
    """A strong cue stands right before token ``i`` (``Kontakt: X``, ``Familie X``)."""
    j = i - 1
    if j >= 0 and toks[j].text.casefold() in TITLES and _after(text, toks[j]) == ".":
        return True  # Prof. Schreiber, Dr. Ahmadi
    if j < 0:
        return False
    prev = toks[j]
    gap = text[prev.end : toks[j + 1].start]
    word = prev.text.casefold()
    if word in STRONG_CUES and re.fullmatch(r"[.:*/in]*\s*[:–-]?\s*", gap):
        return True
    if gap.isspace() and j > 0 and (word, toks[j - 1].text.casefold()) in CUE_PAIRS:
        # "i am Grace from Nigeria", "my name is Will"; but "I am happy here"
        after = text[toks[i].end :].lstrip()
        return word != "am" or not after or after[0] in ",." or after.startswith("from ")
    if gap.isspace() and ROLE.fullmatch(prev.text):
        return True
    return word in WEAK and gap.isspace()


def _starts_name(word: str) -> bool:
    """``word`` could open a name: a lexicon first name (also as ``Ahmads``), a cue that is
    always followed by a surname, a role (Pfarrer), a family name (die Haddads, Wardak-Kinder)
    or a name with a particle (el-Sayed). A text without such a word and without an initial
    holds no name (every rule below needs one of them), so most card texts are decided here;
    a new rule that starts a name from another word must add that word here
    (``tests/test_fast_paths.py`` checks the pre-check against the full search)."""
    hit = _STARTS.get(word)
    if hit is None:
        hit = (
            first_name_kind(word) is not None
            or (word.endswith("s") and first_name_kind(word[:-1]) == "name")
            or (word[-2:] in {"'s", "’s"} and first_name_kind(word[:-2]) is not None)
            or word.casefold() in STRONG_CUES  # a lexicon family name follows (Kontakt: Seitz)
            or word.casefold() in GROUP_AFTER
            or ROLE.fullmatch(word) is not None
            or PARTICLE_NAME.match(word) is not None
            or PARTICLE_LOWER.match(word) is not None
            or _family_plural(word, lower=True)
            or (FAMILY_TAIL.search(word) is not None and word[:1].isupper())
        )
        if len(_STARTS) < 1 << 18:
            _STARTS[word] = hit
    return hit


_STARTS: dict[str, bool] = {}
_INITIAL_BLANKS = re.compile(_INITIAL.pattern + r"[^\S\n]+")


def _initial_name(text: str) -> bool:
    """An initial stands before blanks and a capital (``M. Seitz``): without a word that opens
    a name, only such an initial can start one ("z. B. in" cannot)."""
    if "." not in text:
        return False
    return any(_capital(text[m.end() : m.end() + 1]) for m in _INITIAL_BLANKS.finditer(text))


def _capital(char: str) -> bool:
    """A capital, or a letter of a script without capitals (Arabic): what :class:`_Tok` counts
    as capitalised."""
    return char.isupper() or (char.isalpha() and not char.islower())


def may_hold_name(text: str) -> bool:
    """False when ``text`` cannot hold a name :func:`find_names` finds: it has no word that
    opens one (lexicon first name, surname cue) and no initial before a capital."""
    return any(map(_starts_name, _WORD.findall(text))) or _initial_name(text)


def find_names(text: str) -> list[tuple[int, int]]:
    """Spans ``(start, end)`` of personal names in ``text`` (without salutation or cue)."""
    if not text or not may_hold_name(text):
        return []
    return _find_names(text)


def _find_names(text: str) -> list[tuple[int, int]]:
    toks = _tokens(text)
    lower = not any(ch.isupper() for ch in text) and any(ch.islower() for ch in text)
    english = is_english(text)
    spans: list[tuple[int, int]] = []
    i = 0
    while i < len(toks):
        end = _name_at(text, toks, i, lower=lower, english=english)
        if end is None:
            i += 1
            continue
        spans.append((toks[i].start, toks[end].end))
        i = end + 1
    for k in range(1, len(toks)):  # die Haddads, bei den Schmidts
        prev, tok = toks[k - 1], toks[k]
        gap = _gap(text, prev, tok)
        plural = _family_plural(tok.text, lower=lower)
        if prev.text.casefold() in PLURAL_BEFORE and gap.isspace() and plural:
            spans.append((tok.start, tok.end))
    for k in range(len(toks) - 1):  # the Nwankwo family, the hussaini family
        tok, nxt = toks[k], toks[k + 1]
        if nxt.text.casefold() in GROUP_AFTER and _gap(text, tok, nxt).isspace():
            known = tok.text.casefold() in surnames() or first_name_kind(tok.text) == "name"
            if (tok.cap or known) and tok.text.casefold() not in FUNCTION_WORDS | NOT_NAME:
                spans.append((tok.start, tok.end))
    for tok in toks:  # Wardak-Kinder, Aksoy-Zwillinge: the family name before the hyphen
        tail = FAMILY_TAIL.search(tok.text) if tok.cap else None
        if tail and tok.text[: tail.start()].casefold() not in NOT_NAME:
            spans.append((tok.start, tok.start + tail.start()))
    spans = _coordinated(text, toks, spans)
    return _merge(spans)


def _name_at(text: str, toks: list[_Tok], i: int, *, lower: bool, english: bool) -> int | None:
    """Index of the last token of a name starting at token ``i``, or ``None``."""
    tok = toks[i]
    if tok.initial:
        nxt = toks[i + 1] if i + 1 < len(toks) else None
        if nxt and nxt.initial and _plain_word(text, tok, nxt):
            third = toks[i + 2] if i + 2 < len(toks) else None
            if (
                third
                and third.cap
                and _plain_word(text, nxt, third)
                and _surname_ok(third, lower=False)
            ):
                return i + 2  # M. Y. Stanekzai
            return i + 1  # A. K.
        if (
            nxt
            and nxt.cap
            and not nxt.initial
            and _plain_word(text, tok, nxt)
            and _surname_ok(nxt, lower=False)
            and not _after_saint(text, tok.start)
            and not ABBREV.search(text, 0, tok.start)
            and not _in_compound(text, nxt)
        ):
            return i + 1
        return None
    if not (tok.cap or lower) and _lower_name_start(text, toks, i):
        lower = True  # "zozan hat angerufen", "ali + mustafa helfen"
    cue = _cue_before(text, toks, i)
    particle = PARTICLE_NAME.match(tok.text) or (lower and PARTICLE_LOWER.match(tok.text))
    if not tok.cap and particle and cue:
        return i  # Familie el-Sayed, the family al-hassan
    if text[tok.start - 1 : tok.start] == "@" and first_name_kind(tok.text):
        return i  # "@ahmad pls bring the list" (an e-mail address is found before)
    # a lexicon name typed in lower case in a text with capitals: after "hier ist", "my name
    # is" …, or in an English card ("hier ist rita von der AWO"; not "Dolmetscher per Video")
    pair = i > 1 and (toks[i - 1].text.casefold(), toks[i - 2].text.casefold()) in CUE_PAIRS
    typed_low = cue and (pair or english) and first_name_kind(tok.text) is not None
    word = tok.text.casefold()
    if not (tok.cap or lower or typed_low) or word in NOT_NAME or _in_compound(text, tok):
        return None
    if tok.text.isupper() and word in ABBREVIATIONS and not text.isupper():
        return None  # "MBE und JMD beraten": an abbreviation of the field, not Mbe
    foreign = word in FUNCTION_WORDS and (english or word not in NAMES_TOO)
    if word in PLACES or (foreign and not _named(toks, i, cue)):
        return None  # "from homs", "see you", "Can we", "mr. and mrs.", but "my name is Will"
    greeting = i > 0 and (toks[i - 1].text.casefold(), word) in GREETINGS
    if word in CUES or (english and word in SALUTATIONS) or greeting:
        return None  # "her son bohdan", "an tante gül": the cue, not the name; "Ramadan Kareem"
    if ((english and word in MONTHS_DAYS) or word in DAYS) and not cue:
        return None  # "in June", "june is a good month"
    # an English word that is also a name ("will", "bill", "grace") in an English card: a name
    # only after a cue, before a family name, or capitalised inside a sentence
    weak = english and not cue and is_english_word(tok.text)
    if _not_a_person(text, toks, i):
        return None
    if text[tok.start - 1 : tok.start] in {"@", "."} or _after_saint(text, tok.start):
        return None
    kind = first_name_kind(tok.text)
    if kind is None and tok.cap and tok.text.endswith("s"):
        kind = "name" if first_name_kind(tok.text[:-1]) == "name" else None  # Ahmads Bruder
    if kind is None and tok.text[-2:] in {"'s", "’s"}:
        stem = tok.text[:-2]  # mahmoud's kids, not "my son's name"
        if first_name_kind(stem) == "name" and not (english and is_english_word(stem)):
            return i  # a possessive ends the name ("halyna's son")
    if kind is None and cue and word in surnames() and toks[i - 1].text.casefold() in STRONG_CUES:
        kind = "name"  # "his brother mohamud", "Kontakt: Okonkwo"
    if kind is None and not (cue and _strong(text, toks, i)):
        return None
    k = i + 1
    while k < len(toks) and k <= i + 3 and _plain_word(text, toks[k - 1], toks[k]):
        if not toks[k].cap:
            break  # the institution's name is the capitalised words before its kind
        if INSTITUTION.fullmatch(toks[k].text):
            return None  # Robert Bosch Stiftung, Konrad Adenauer Straße
        k += 1
    last = i
    # further first names, then one surname (or an initial)
    j = i + 1
    while j < len(toks) and _plain_word(text, toks[j - 1], toks[j]):
        nxt = toks[j]
        if nxt.initial:
            last = j
            break
        # a text typed all in lower case ("own shop", "the evening"): without a cue only a
        # lexicon name follows a first name
        known = not tok.cap and (english or (not cue and (kind == "ambiguous" or weak)))
        particle = nxt.text.casefold() in PARTICLES
        if nxt.text.casefold() in FUNCTION_WORDS or (
            english and nxt.text.casefold() in MONTHS_DAYS
        ):
            break  # "abdi and", "may are", "Rose Monday"
        if not _surname_ok(
            nxt, lower=lower and (cue or kind is not None), known=known and not particle
        ):
            break
        c0 = nxt.text[:1]
        if (
            c0.isalpha()
            and not (c0.isupper() or c0.islower())
            and not (first_name_kind(nxt.text) or nxt.text.casefold() in surnames())
        ):
            break  # in a script without capitals only a lexicon name follows a name
        if nxt.text.casefold() in PARTICLES and j + 1 < len(toks):
            j += 1
            continue
        last = j
        if nxt.cap and first_name_kind(nxt.text) and j - i < 3:
            j += 1
            continue
        break
    if lower and not cue and last > i and kind is not None and not toks[last].initial:
        verb = VERB_END.search(toks[last].text) and toks[last].text not in surnames()
        last = i if verb else last
    if weak and last == i and not (tok.cap and not _sentence_start(text, tok)):
        return None  # "the electricity bill", "Bill me later"; but "thanks to Grace"
    if last == i and kind == "ambiguous" and not cue and not AGE.match(text, tok.end):
        return None  # Rosa (8 Jahre) is a child, "rosa Zettel" a colour
    if last == i and not cue and i > 0 and toks[i - 1].text.casefold() in ARTICLES:
        return None  # zum Basar, the taylor: a noun
    if last == i and tok.cap and kind == "name" and _is_sentence_noun(text, toks, i):
        return None
    return last


def _named(toks: list[_Tok], i: int, cue: bool) -> bool:
    """An English function word that is a name after a cue: "my name is Will", "Ms. May" (not
    "mr. and mrs.")."""
    return cue and toks[i].text.casefold() in {"will", "may"}


def _sentence_start(text: str, tok: _Tok) -> bool:
    before = text[: tok.start].rstrip()
    return not before or before[-1] in ".!?:;•-–\n"


def _lower_name_start(text: str, toks: list[_Tok], i: int) -> bool:
    """A first name typed in lower case where a sentence starts or beside ``+``/``und`` and
    another such name, before a verb ("kibrom braucht Hilfe", "ali + mustafa helfen")."""
    tok = toks[i]
    if first_name_kind(tok.text) != "name" or tok.text.casefold() in NOT_NAME:
        return False
    before = text[: tok.start].rstrip(" \t")
    starts = not before or before.endswith(("\n", "•", ":", ";")) or before[-1:] in "+-–"
    if not starts:
        return False
    nxt = toks[i + 1] if i + 1 < len(toks) else None
    if nxt is None or nxt.cap:
        return False
    gap = _gap(text, tok, nxt).strip()
    if gap in {"+", "&", "/"} or nxt.text == "und":
        return True
    return gap == "" and (
        nxt.text.casefold() in PARTICLES or (nxt.text.endswith(("t", "en")) and len(nxt.text) > 2)
    )


def _not_a_person(text: str, toks: list[_Tok], i: int) -> bool:
    """Token ``i`` is a place, month or placeholder: after ``aus``/``nach`` (also further on in
    a comma list: "aus Aleppo, Homs"), before ``Mustermann``, ``Jan.`` before a number."""
    tok = toks[i]
    word = tok.text.casefold()
    if word in MONTH_ABBREV and re.match(r"\.\s*\d", text[tok.end : tok.end + 4]):
        return True
    if i + 1 < len(toks) and toks[i + 1].text.casefold() in PLACEHOLDER:
        return True
    k = i
    while k > 0:
        prev, gap = toks[k - 1], _gap(text, toks[k - 1], toks[k])
        if prev.text.casefold() in PLACE_BEFORE and gap.isspace():
            return True
        if gap != ", " or not prev.cap:
            return False
        k -= 1
    return False


def _strong(text: str, toks: list[_Tok], i: int) -> bool:
    """The cue before token ``i`` is strong (not ``bei``/``mit``) and the word could be a name."""
    j = i - 1
    while j > 0 and toks[j].text.casefold() in TITLES:
        j -= 1
    word = toks[j].text.casefold()
    tok = toks[i]
    if word in {"herr", "herrn", "frau", "hr", "fr"} and OFFICE.fullmatch(tok.text):
        return False
    strong = word in SURNAME_CUES or ROLE.fullmatch(toks[j].text) is not None
    return strong and (tok.cap or not any(c.isupper() for c in text))


def _is_sentence_noun(text: str, toks: list[_Tok], i: int) -> bool:
    """A lone lexicon word directly followed by ``-`` or ``:`` heading a list is a label."""
    return text[toks[i].end : toks[i].end + 1] == "-"


def _coname(word: str) -> bool:
    """``word`` beside a found name and ``und`` is a first name too (not "and may")."""
    return bool(first_name_kind(word)) and word.casefold() not in FUNCTION_WORDS


def _coordinated(
    text: str, toks: list[_Tok], spans: list[tuple[int, int]]
) -> list[tuple[int, int]]:
    """``Heike und Dieter``: a first name joined by ``und``/``/`` to a found name is one too."""
    starts = {s for s, _ in spans}
    ends = {e for _, e in spans}
    out = list(spans)
    for k in range(len(toks) - 2):
        a, conj, b = toks[k], toks[k + 1], toks[k + 2]
        if conj.text not in {"und", "oder", "and", "or"}:
            continue
        lower = not any(ch.isupper() for ch in text)
        if a.end in ends and b.start not in starts and (b.cap or lower) and _coname(b.text):
            out.append((b.start, b.end))
        elif b.start in starts and a.end not in ends and (a.cap or lower) and _coname(a.text):
            out.append((a.start, a.end))
    # Nachname, Vorname
    for k in range(len(toks) - 1):
        a, b = toks[k], toks[k + 1]
        if (
            a.cap
            and b.cap
            and _gap(text, a, b) == ", "
            and first_name_kind(b.text) == "name"
            and a.text.casefold() not in NOT_NAME
            and not first_name_kind(a.text)
            and (k == 0 or text[: a.start].strip().endswith((":", "–", "-")))
        ):
            out.append((a.start, b.end))
    return out


def _merge(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for s, e in sorted(spans):
        if out and s <= out[-1][1]:
            out[-1] = (out[-1][0], max(e, out[-1][1]))
        else:
            out.append((s, e))
    return out
