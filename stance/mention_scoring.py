"""Score actor discovery and quote attribution against the gold mention set (``stance.mention_gold``).

Each system actor is mapped to the gold actor it shares the most (non-pronoun) mention overlap with. Then:
- **actor recall**: share of gold actors some system actor maps to;
- **mention recall**: share of gold name/alias/role mentions overlapped by a mention of the system actor mapped to
  the same gold actor; **mention precision**: share of system name/alias/role mentions that overlap a gold mention
  of the gold actor their system actor maps to;
- **pronoun accuracy**: share of gold pronoun mentions that the system links to the right actor;
- **quote-speaker accuracy**: share of gold quotes whose best-matching system quote (overlap over union) has the
  right speaker
  (a quote the system misses or leaves unattributed counts as wrong).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from stance.actors import Actor
from stance.mention_gold import MentionArticle
from stance.quotes import Quote


def count_ratio(counts: Counter, numerator: str, denominator: str) -> float:
    """``counts[numerator] / counts[denominator]`` rounded to 3 places; 0.0 when nothing was counted."""
    return round(counts[numerator] / counts[denominator], 3) if counts[denominator] else 0.0


def _overlap(a0: int, a1: int, b0: int, b1: int) -> int:
    return max(0, min(a1, b1) - max(a0, b0))


@dataclass
class MentionScores:
    """Counts behind the figures; add articles with ``add`` and read ``summary``."""

    counts: Counter = field(default_factory=Counter)
    misses: list[str] = field(default_factory=list)

    def add(self, gold: MentionArticle, actors: list[Actor], quotes: list[Quote]) -> None:
        """Score one article's system output."""
        c, text = self.counts, gold.text
        names = [g for g in gold.mentions if not g.is_pronoun]
        mapping: dict[str, str] = {}
        for actor in actors:
            votes: Counter = Counter()
            for m in actor.mentions:
                if m.kind == "pronoun":
                    continue
                for g in names:
                    if _overlap(m.start, m.end, g.start, g.end):
                        votes[g.actor] += 1
            if votes:
                mapping[actor.name] = votes.most_common(1)[0][0]
        c["gold_actors"] += len(gold.actors)
        c["actors_found"] += len(set(mapping.values()) & set(gold.actors))
        for name in gold.actors:
            if name not in set(mapping.values()):
                self.misses.append(f"{gold.id}: actor not found: {name}")
        system = [(mapping.get(a.name), m) for a in actors for m in a.mentions]
        for g in names:
            c["gold_mentions"] += 1
            hit = any(owner == g.actor and m.kind != "pronoun" and _overlap(m.start, m.end, g.start, g.end)
                      for owner, m in system)
            c["mentions_found"] += hit
            if not hit:
                self.misses.append(f"{gold.id}: mention missed: {g.text!r} ({g.actor}) "
                                   f"…{text[max(0, g.start - 40):g.end + 20]!r}")
        for owner, m in system:
            if m.kind == "pronoun":
                continue
            c["system_mentions"] += 1
            ok = any(g.actor == owner and _overlap(m.start, m.end, g.start, g.end) for g in names)
            c["system_mentions_right"] += ok
            if not ok:
                self.misses.append(f"{gold.id}: spurious mention: {m.text!r} (as {owner}) "
                                   f"…{text[max(0, m.start - 40):m.end + 20]!r}")
        for g in gold.mentions:
            if g.is_pronoun:
                c["gold_pronouns"] += 1
                c["pronouns_right"] += any(owner == g.actor and m.kind == "pronoun" and m.start == g.start
                                           for owner, m in system)
        for q in gold.quotes:
            c["gold_quotes"] += 1
            best = max(quotes, key=lambda s: _overlap(s.start, s.end, q.start, q.end) /
                       (max(s.end, q.end) - min(s.start, q.start)), default=None)  # best overlap over union
            if best is None or not _overlap(best.start, best.end, q.start, q.end):
                self.misses.append(f"{gold.id}: quote not found: {text[q.start:q.end][:60]!r} ({q.speaker})")
                continue
            got = mapping.get(best.speaker) if best.speaker else None
            c["quotes_right"] += got == q.speaker
            if got != q.speaker:
                self.misses.append(f"{gold.id}: quote speaker {best.speaker!r}→{got!r}, gold {q.speaker!r}: "
                                   f"{text[q.start:q.end][:60]!r}")

    def summary(self) -> dict[str, float | int]:
        """The figures (rounded to 3 places) and the counts they come from."""
        c = self.counts
        return {"articles": c["articles"], "actor_recall": count_ratio(c, "actors_found", "gold_actors"),
                "mention_recall": count_ratio(c, "mentions_found", "gold_mentions"),
                "mention_precision": count_ratio(c, "system_mentions_right", "system_mentions"),
                "pronoun_accuracy": count_ratio(c, "pronouns_right", "gold_pronouns"),
                "quote_speaker_accuracy": count_ratio(c, "quotes_right", "gold_quotes"),
                "gold_actors": c["gold_actors"], "gold_mentions": c["gold_mentions"],
                "gold_pronouns": c["gold_pronouns"], "gold_quotes": c["gold_quotes"]}


def score_gold_files(paths, config) -> MentionScores:
    """Run actor discovery and quote attribution, as prediction does, over gold mention files and score them."""
    from stance.actors import AliasTable, discover_actors
    from stance.config import resolve_path
    from stance.mention_gold import read_mention_gold
    from stance.quotes import attribute_quotes, link_pronoun_subjects
    from stance.text import load_pipeline, segment

    table = AliasTable.from_yaml(resolve_path(config.actors.alias_table))
    nlp = load_pipeline(config.actors.spacy_model)
    scores = MentionScores()
    for path in paths:
        for art in read_mention_gold(path):
            doc = segment(art.text, nlp)
            actors = discover_actors(doc, table, config.actors.entity_labels, config.actors.min_mentions)
            quotes = attribute_quotes(doc, actors)
            link_pronoun_subjects(doc, actors)
            scores.add(art, actors, quotes)
            scores.counts["articles"] += 1
    return scores
