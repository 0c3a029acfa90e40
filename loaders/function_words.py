"""Function-word votes: which language's commonest small words a text uses.

Names and acronyms do not vote, which is what langdetect's character n-grams get wrong on short
texts ("Sarah Silverman and Richard Kadrey v. Meta" reads as German to them).
"""
from __future__ import annotations

import re

# Frequent function words, unambiguous enough to vote (a word shared by two languages votes for both)
_FW = {
    "fr": "le la les de des du un une et à a en est sont dans pour sur par au aux ce cette qui que ne pas avec "
          "il elle ils elles son ses leur nous vous mais ou où selon aussi été avait être très plus",
    "en": "the a an and of to in is was were are been for on by with that this from at as it its "
          "which who has have had not but or their they he she would will said",
    "es": "el la los las de del a en y que es por con una para se lo como más pero sus fue muy según",
    "de": "der die das und ist nicht mit von zu den dem ein eine für auf sich auch wird wurde sind",
    "it": "il la di a in che e non per gli della delle sono è una con anche come più",
    "pt": "o a os as de do da dos das em que e não para com uma por mais como foi são",
    "nl": "de het een en van is niet met voor op zijn dat die ook werd",
}
FUNCTION_WORDS: dict[str, tuple[str, ...]] = {}
for _lang, _words in _FW.items():
    for _w in _words.split():
        FUNCTION_WORDS[_w] = FUNCTION_WORDS.get(_w, ()) + (_lang,)
_WORD = re.compile(r"[^\W\d_]+")


def function_word_votes(text: str) -> dict[str, int]:
    """How many of each language's commonest function words `text` uses (names do not vote)."""
    votes: dict[str, int] = {}
    for word in _WORD.findall(text.lower()):
        for lang in FUNCTION_WORDS.get(word, ()):
            votes[lang] = votes.get(lang, 0) + 1
    return votes


def clear_winner(text: str) -> str | None:
    """The language whose function words clearly dominate (at least 2, and twice the runner-up)."""
    ranked = sorted(function_word_votes(text).items(), key=lambda kv: -kv[1])
    if not ranked or ranked[0][1] < 2 or len(ranked) > 1 and ranked[0][1] < 2 * ranked[1][1]:
        return None
    return ranked[0][0]
