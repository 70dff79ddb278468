"""Regenerate ``flueko/resources/english_words.txt``: English words that are also in the name
lexicons ("will", "grace", "bill", "rich", "son"), so that an English card does not lose them.

Source: SCOWL (Spell Checker Oriented Word Lists, Kevin Atkinson; permissive licence, notice
below) as Debian's ``wamerican-small`` ships it (``/usr/share/dict/american-english-small``,
SCOWL size 35). A word written there in lower case is an English word; the ones the first-name
or family-name lexicon also holds go into the file. In an English card the masking reads them as
names only with a cue ("called Mark", "Mr. Rich") or a family name after them.

Usage (developers only; the file is shipped, flueko never runs this)::

    apt-get download wamerican-small && dpkg-deb -x wamerican-small_*.deb wam
    python scripts/build_english_words.py wam/usr/share/dict/american-english-small
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from flueko.privacy_lexicon import first_name_kind, surnames

TARGET = Path(__file__).resolve().parents[1] / "flueko" / "resources" / "english_words.txt"
HEADER = """\
# English words that are also first or family names ("will", "grace", "rich"): in an English
# card they are names only with a cue. From SCOWL (wamerican-small) by
# scripts/build_english_words.py — do not edit by hand.
#
# SCOWL: Copyright 2000-2011 by Kevin Atkinson. Permission to use, copy, modify, distribute
# and sell these word lists, the associated scripts, the output created from the scripts, and
# its documentation for any purpose is hereby granted without fee, provided that the above
# copyright notice appears in all copies and that both that copyright notice and this
# permission notice appear in supporting documentation. Kevin Atkinson makes no
# representations about the suitability of this array for any purpose. It is provided "as is"
# without express or implied warranty.
"""


def main(source: str = "/usr/share/dict/american-english-small") -> None:
    words = {
        line.strip()
        for line in Path(source).read_text(encoding="utf-8").splitlines()
        if line[:1].islower() and "'" not in line
    }
    names = surnames()
    kept = sorted(w for w in words if first_name_kind(w) is not None or w in names)
    TARGET.write_text(HEADER + "\n".join(kept) + "\n", encoding="utf-8")
    print(f"{len(kept)} words → {TARGET}")


if __name__ == "__main__":
    main(*sys.argv[1:])
