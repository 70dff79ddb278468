"""Privacy masking throughput: 100,000 card texts through :func:`mask_personal_data`.

Usage: ``python bench/privacy.py [--n 100000]``. Times the first call (which loads the
first-name lexicon once) separately from the masking of ``n`` card-like texts — a mix of plain
ideas, names with and without salutation, e-mail addresses and phone numbers — and prints the
texts per second. Also prints the import time of :mod:`flueko.privacy` (``flueko ingest`` pays it).
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

TEXTS = [
    "Mehr Sprachkurse mit Kinderbetreuung am Abend",
    "Wohnungen sind knapp, Vermieter haben Vorbehalte.",
    "Kontakt: Birgit Hollenbach, 0 62 21 / 40 55 12, Mo–Fr 8–12 Uhr",
    "Tarek Haddad dolmetscht beim Elternabend (Arabisch)",
    "Bei Monika Seitz melden: m.seitz at beispiel dot de (bis 20.10.2016)",
    "Familie Demir braucht 1.200 € Kaution – bei der Caritas fragen",
    "Die Paula-Modersohn-Schule bietet eine VKL an",
    "Ausbildungsmesse Friedrichshafen am 20.10.2016",
    "Laternenumzug an Sankt Martin gemeinsam mit der Kita",
    "Frau Bürgermeisterin hat Unterstützung zugesagt",
    "Tel. (0 62 21) 40 55 12 oder kontakt(at)tafel-beispiel.de",
    "Heike und Dieter übernehmen die Hausaufgabenhilfe",
]


def bench(n: int) -> None:
    start = time.perf_counter()
    from flueko.privacy import mask_personal_data

    imported = time.perf_counter() - start
    start = time.perf_counter()
    mask_personal_data("Tarek Haddad")  # loads the lexicon
    first = time.perf_counter() - start
    rng = random.Random(13)
    texts = [f"{rng.choice(TEXTS)} ({i})" for i in range(n)]
    start = time.perf_counter()
    for text in texts:
        mask_personal_data(text)
    elapsed = time.perf_counter() - start
    print(f"import flueko.privacy: {imported * 1000:.0f} ms")
    print(f"first call (lexicon loaded once): {first * 1000:.0f} ms")
    print(f"{n:,} texts in {elapsed:.1f} s: {n / elapsed:,.0f} texts/s")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--n", type=int, default=100_000)
    bench(parser.parse_args().n)


if __name__ == "__main__":
    main()
