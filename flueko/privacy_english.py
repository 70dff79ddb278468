"""English on the cards: is a card English, is a word an English word that is also a name.

Refugees write their cards in English, simple German or a mix, often all in lower case. A card
with two English function words is English (:func:`is_english`); there, function words are never
names, an English word that is also a name ("will", "grace", "bill": :func:`is_english_word`)
is a name only with a cue or a family name beside it, and English cues and salutations ("Mr.",
"called", "my brother") count like German ones. Places the participants come from or passed
through are never names, in any language (the words: :mod:`flueko.privacy_words`).
"""

from __future__ import annotations

from flueko.privacy_lexicon import english_words
from flueko.privacy_words import FUNCTION_WORDS, MONTHS_DAYS

__all__ = ["is_english", "is_english_word"]


def is_english(text: str) -> bool:
    """``text`` has at least two distinct English function words."""
    seen = 0
    for word in set(text.casefold().split()):
        if word.strip(".,;:!?()\"'") in FUNCTION_WORDS:
            seen += 1
            if seen == 2:
                return True
    return False


def is_english_word(word: str) -> bool:
    """``word`` is an English word, month or weekday that is also a name ("will", "june")."""
    key = word.casefold()
    return key in english_words() or key in MONTHS_DAYS or key in FUNCTION_WORDS
