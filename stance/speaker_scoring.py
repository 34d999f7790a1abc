"""SEESAW's named speakers (real US political news) against actor discovery and quote attribution.

SEESAW marks, per sentence, who holds a sentiment (``subject``) toward what (``object``). Its subjects that are named
persons are a check, on real news the project did not write, of the same analysis prediction runs
(``discover_actors`` → ``attribute_quotes`` → ``link_pronoun_subjects``). Each SEESAW article is rebuilt by joining
its sentences with a space (SEESAW keeps no paragraph breaks). Three figures:

- **speaker recall**: share of (article, named subject) pairs for which a discovered actor carries the subject's
  name (full name or surname, compared accent- and transliteration-folded);
- **sentence linking**: share of (article, sentence, named subject) items where that actor is linked to the
  sentence — named in it, referred to by a pronoun or role noun, or the speaker of a quote in it. These are the
  sentences evidence selection reads for the actor, so a miss here is evidence the model never sees;
- **quote agreement**: among sentences with a named subject and a quotation mark, the share where the quote that
  overlaps the sentence most is attributed to one of the sentence's named subjects. SEESAW's subject is the
  sentiment's holder, usually but not always the quote's speaker (a spokesman speaks for the president; a quote
  may attack someone who is also a holder in that sentence), so this is agreement with the holders, a lower bound
  on speaker accuracy.

A *named subject* is a subject typed ``People`` in the article's entity list whose name looks like a person's
(two to four words, none an institution or group word) and whose surname occurs capitalised in the article;
groups ("Senate Republicans"), roles ("a senior official") and the author (``None``) are left out.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Iterable

from stance.actors import Actor
from stance.mention_scoring import count_ratio
from stance.names import name_key
from stance.quotes import Quote

#: Words that make a People-typed SEESAW subject a group or a role, not a named person.
GROUP_WORDS = frozenset("""republicans democrats lawmakers officials official senators members protester protesters
panel administration voters party court committee department office county attorney judges staff aides""".split())
_SUFFIXES = frozenset({"jr", "jr.", "sr", "sr.", "ii", "iii", "iv"})
_WORD = re.compile(r"^[A-Za-zÀ-ÖØ-öø-ÿ][A-Za-zÀ-ÖØ-öø-ÿ'’.-]*$")
_QUOTE_MARK = re.compile("[\"“”]")


def surname(name: str) -> str:
    """The last word of a person's name that is not a suffix ("William S. Stickman IV" → "Stickman")."""
    words = [w for w in name.split() if w.lower().strip(",") not in _SUFFIXES]
    return words[-1] if words else name


def is_named_person(name: str, entity_type: str | None, text: str) -> bool:
    """Whether a SEESAW subject counts as a named speaker (see the module docstring)."""
    words = name.split()
    if entity_type != "People" or not 2 <= len(words) <= 4 or not all(_WORD.match(w) for w in words):
        return False
    if any(w.lower().strip(".,") in GROUP_WORDS for w in words):
        return False
    last = surname(name)
    return re.search(r"(?<!\w)" + re.escape(last[:1].upper() + last[1:]) + r"(?!\w)", text) is not None


def find_actor(name: str, actors: Iterable[Actor]) -> Actor | None:
    """The discovered actor that carries `name` (full name or surname), the most-mentioned one on a tie."""
    full, last = name_key(name), name_key(surname(name))
    hits = []
    for actor in actors:
        keys = {name_key(f) for f in actor.surface_forms()}
        if full in keys or last in keys or any(k.split()[-1:] == [last] for k in keys if len(k.split()) > 1):
            hits.append(actor)
    return max(hits, key=lambda a: len(a.mentions), default=None)


@dataclass
class SpeakerScores:
    """Counts behind the figures; ``add`` one article at a time, then read ``summary``."""

    counts: Counter = field(default_factory=Counter)
    misses: list[str] = field(default_factory=list)

    def add(self, article_id: str, text: str, spans: dict[str, tuple[int, int]], items: list[tuple[str, str]],
            actors: list[Actor], quotes: list[Quote]) -> None:
        """Score one article. `spans`: sentence id → (start, end) in `text`; `items`: (sentence id, subject)."""
        c = self.counts
        found: dict[str, Actor | None] = {s: find_actor(s, actors) for s in dict.fromkeys(s for _, s in items)}
        c["speakers"] += len(found)
        c["speakers_found"] += sum(a is not None for a in found.values())
        self.misses.extend(f"{article_id}: speaker not found: {s}" for s, a in found.items() if a is None)
        holders: dict[str, list[str]] = {}
        for sid, subject in dict.fromkeys(items):
            holders.setdefault(sid, []).append(subject)
            start, end = spans[sid]
            actor = found[subject]
            c["items"] += 1
            linked = actor is not None and (
                any(m.start < end and start < m.end for m in actor.mentions)
                or any(q.speaker == actor.name and q.start < end and start < q.end for q in quotes))
            c["items_linked"] += linked
            if actor is not None and not linked:
                self.misses.append(f"{article_id}/{sid}: {subject} not linked: {text[start:end][:90]!r}")
        for sid, subjects in holders.items():
            start, end = spans[sid]
            if not _QUOTE_MARK.search(text[start:end]):
                continue
            c["quote_sentences"] += 1
            best = max((q for q in quotes if q.start < end and start < q.end), default=None,
                       key=lambda q: min(q.end, end) - max(q.start, start))
            names = {found[s].name for s in subjects if found[s] is not None}
            agree = best is not None and best.speaker in names
            c["quote_sentences_agree"] += agree
            if not agree:
                self.misses.append(f"{article_id}/{sid}: quote speaker {best.speaker if best else None!r}, "
                                   f"SEESAW holders {subjects}: {text[start:end][:90]!r}")

    def summary(self) -> dict[str, float | int]:
        """The figures (rounded to 3 places) and the counts they come from."""
        c = self.counts
        return {"articles": c["articles"], "speaker_recall": count_ratio(c, "speakers_found", "speakers"),
                "sentence_linking": count_ratio(c, "items_linked", "items"),
                "quote_agreement": count_ratio(c, "quote_sentences_agree", "quote_sentences"),
                "speakers": c["speakers"], "items": c["items"], "quote_sentences": c["quote_sentences"]}


def score_seesaw(public_dir, config, split: str = "test") -> SpeakerScores:
    """Run the prediction-time analysis over SEESAW's `split` articles and score its named speakers."""
    from pathlib import Path

    from stance.actors import AliasTable, discover_actors
    from stance.config import resolve_path
    from stance.corpora.seesaw import iter_articles
    from stance.quotes import attribute_quotes, link_pronoun_subjects
    from stance.text import load_pipeline, segment

    table = AliasTable.from_yaml(resolve_path(config.actors.alias_table))
    nlp = load_pipeline(config.actors.spacy_model)
    scores = SpeakerScores()
    for art in iter_articles(Path(public_dir), split):
        text, spans = "", {}
        for sid, sentence in art.sentences.items():
            text += ("" if not text else " ") + sentence
            spans[sid] = (len(text) - len(sentence), len(text))
        types = {e[0]: (e[1][0] if e[1] else None) for e in art.entities if e}
        items = [(sid, t["subject"]) for sid, triples in art.triples.items() if sid in spans for t in triples
                 if is_named_person(str(t.get("subject")), types.get(t.get("subject")), text)]
        if not items or not text.strip():
            continue
        doc = segment(text, nlp)
        actors = discover_actors(doc, table, config.actors.entity_labels, config.actors.min_mentions)
        quotes = attribute_quotes(doc, actors)
        link_pronoun_subjects(doc, actors)
        scores.add(art.name, text, spans, items, actors, quotes)
        scores.counts["articles"] += 1
    return scores
