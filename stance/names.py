"""Name forms: accent folding and transliteration variants, so "Zelensky", "Zelenskyy" and "Zelenskiy" (or
"Orbán" and "Orban") are one person.

Two rules, both deliberately narrow:
- accents fold to their base letter, character by character, so offsets into the folded text are offsets into the
  original (``fold``);
- a name that ends in a y/i cluster (-y, -yy, -iy, -yi, -ij, -ii, -i) matches any other ending of that cluster
  (the usual romanisations of Ukrainian and Russian -ий/-ій). Other spelling differences (Kiev/Kyiv,
  Chernihiv/Chernigov) are not guessed; put them in the alias table.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_ENDING = re.compile(r"(?:iy|yy|yi|ij|ii|y|i)$", re.IGNORECASE)
_ENDING_VARIANTS = r"(?:iy|yy|yi|ij|ii|y|i)"


@lru_cache(maxsize=4096)
def _fold_char(c: str) -> str:
    if ord(c) < 128:
        return c
    base = unicodedata.normalize("NFKD", c)[0]
    return base if len(base) == 1 else c


def fold(text: str) -> str:
    """``text`` with accents removed, one character for one character ("Orbán" → "Orban")."""
    return "".join(_fold_char(c) for c in text)


def name_key(name: str) -> str:
    """A comparison key for a name: folded, lower-cased, with a transliteration ending made uniform."""
    words = fold(name).lower().split()
    if words and len(words[-1]) >= 5:
        words[-1] = _ENDING.sub("y", words[-1])
    return " ".join(words)


def form_pattern(form: str) -> str:
    """Regex source matching ``form`` in folded text, with transliteration variants of its last word."""
    folded = fold(form)
    last = folded.split()[-1] if folded.split() else folded
    m = _ENDING.search(last)
    if m and len(last) >= 5 and last[0].isupper():
        return re.escape(folded[:len(folded) - len(m.group())]) + _ENDING_VARIANTS
    return re.escape(folded)


#: First names that say "she" (common across the languages of European and world politics). Names ending in -a
#: are read as female unless listed in ``MALE_A``; everything else is unknown unless listed in ``MALE``.
FEMALE = frozenset("""kaja ursula giorgia annalena kamala hillary angela mette sanna ingrida maia zuzana roberta
marine theresa liz nancy jacinda chrystia melanie mélanie elisabeth élisabeth ségolène segolene ruth ilse kristin
kirsten jutta sahra alice christine margrethe margaret mary catherine karin helle heidi evika frederiksen ewa beata
elzbieta elżbieta agnieszka olena iryna yulia oksana natalia tetiana svitlana kateryna maria anna sophie sophia
sarah susan ellen claire marie isabel isabelle ines inês pilar carmen nadia nadine lena hanna hana ilka kaija
tanja sibylle sabine birgit brigitte monika marta marina teresa vera olga irina svetlana valentina elena ekaterina
yelena tatiana lyudmila galina daria nina victoria viktoria rachel emily jennifer kelly lisa laura julia karen
ingrid anne annika ann britt ebba magdalena magda ilona judit katalin zsuzsanna dóra dora eva éva pia petra
dagmar simona yvonne kristina kristine mai ursula von""".split()) - {"von"}
MALE_A = frozenset("""nikita luca luka ilya ilia kostya sasha misha mykola mikola joshua elijah andrea nicola jonah
jona dima vanya garcia costa silva sousa""".split())
MALE = frozenset("""vladimir volodymyr emmanuel olaf friedrich donald joe joseph mark viktor robert recep xi
sergei sergey dmitry dmitri andrii andriy dmytro oleksandr petro mykhailo rishi keir boris jens antony marco
giuseppe matteo mario pedro antonio jose josé luis xavier alexander alexandre alexis jean pierre francois françois
jacques gabriel edouard édouard michel stefan lars jonas karl klaus hans peter johann wolfgang norbert christian
andrzej radoslaw radosław mateusz jaroslaw jarosław donald tomas tomasz peteris edgars gitanas valdis nauseda
rumen zoran aleksandar aleksandr milos miloš bohuslav petr andrej robert viktor peter kurt sebastian alexander
john james william david michael richard charles thomas chris christopher daniel matthew anthony paul steven
kevin brian george edward ronald timothy jason jeffrey ryan gary nicholas eric stephen jonathan larry justin
scott brandon benjamin samuel gregory frank raymond patrick jack dennis jerry tyler aaron henry douglas jim
mike bill bob tom tim ben dan sam ted mitch chuck lindsey rand josh marco hakan mevlut mevlüt tayyip narendra
subrahmanyam jaishankar lula luiz cyril wang li yi sergio giorgos kyriakos andrius gabrielius""".split())
_HONORIFIC = {"mr": "m", "mr.": "m", "sir": "m", "lord": "m", "ms": "f", "ms.": "f", "mrs": "f", "mrs.": "f",
              "miss": "f", "madam": "f", "lady": "f", "dame": "f"}


def gender_of_name(full_name: str) -> str | None:
    """"f", "m" or None from a person's first name (see ``FEMALE``, ``MALE``, ``MALE_A``)."""
    words = full_name.split()
    if len(words) < 2:
        return None
    first = words[0].lower().strip(".")
    if first in FEMALE:
        return "f"
    if first in MALE or first in MALE_A:
        return "m"
    if len(first) > 2 and first.endswith("a"):
        return "f"
    return None


def gender_of_honorific(word: str) -> str | None:
    """"f"/"m" for an honorific ("Ms", "Mr."), else None."""
    return _HONORIFIC.get(word.lower())
