"""Regenerate ``flueko/resources/surnames.txt``: family names the privacy masking recognises in
the plural ("die Haddads", "die Schmidts", "die Özdemirs").

Source: the ``names-dataset`` package (Apache-2.0; last names with their rank per country), the
same countries and rank limits as the first-name lexicon (:mod:`build_first_names`). A family
name that is also a frequent German word ("Kita", "Auto", "Team": ``wordfreq``'s German word
frequencies) is dropped unless it is among the most common family names of a country (Schmidt,
Özdemir), so "die Kitas" stays as written.

Usage (developers only; the file is shipped, flueko never runs this)::

    python -m venv /tmp/v && /tmp/v/bin/pip install names-dataset==3.3.1 wordfreq==3.1.1
    /tmp/v/bin/python scripts/build_surnames.py
"""

from __future__ import annotations

import gzip
import pickle
import sys
from pathlib import Path

import names_dataset
from wordfreq import zipf_frequency

sys.path.insert(0, str(Path(__file__).resolve().parent))
from build_first_names import LIMITS, NAME, NEVER

TARGET = Path(__file__).resolve().parents[1] / "flueko" / "resources" / "surnames.txt"
STEM_ZIPF = 3.3
"""A name this frequent in German text is a word first ("Kita", "Park") …"""
COMMON_RANK = 300
"""… unless it is among this many most common family names of a German-speaking country or a
country the participants come from (Schmidt, Özdemir) — not of the English-speaking countries
the first-name lexicon adds for international names ("Park" ranks 291 in the US)."""
INTERNATIONAL = {"GB", "US", "IE"}


def main() -> None:
    path = Path(names_dataset.__file__).parent / "v3" / "last_names.pkl.gz"
    with gzip.open(path) as fh:
        table = pickle.load(fh)  # the package's own data file
    names: set[str] = set()
    for name, info in table.items():
        if not NAME.fullmatch(name) or name.isupper() or name.casefold() in NEVER:
            continue
        if name.endswith("s"):
            continue  # "die Haddads" needs the name without its own s
        ranks = info.get("rank") or {}
        if not any(rank <= LIMITS.get(country, 0) for country, rank in ranks.items()):
            continue
        key = name[0].upper() + name[1:].lower()
        home = (r for c, r in ranks.items() if c in LIMITS and c not in INTERNATIONAL)
        common = min(home, default=10**6) <= COMMON_RANK
        if zipf_frequency(key.lower(), "de") >= STEM_ZIPF and not common:
            continue
        names.add(key)
    lines = [
        "# Family names for the privacy masking's plural rule (die Haddads), from names-dataset",
        "# (Apache-2.0) by scripts/build_surnames.py — do not edit by hand.",
    ]
    lines += sorted(names)
    TARGET.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{len(names)} family names → {TARGET}")


if __name__ == "__main__":
    main()
