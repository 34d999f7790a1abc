"""Evidence recall: how well actor and evidence selection cover the gold evidence of labelled articles.

With the gold actors given (as the given-actors evaluation does), a pair is *addressed* when it gets at least one
passage, and a gold evidence string is *recalled* when it lies inside a selected passage (or starts in its focus
sentence).
"""

from __future__ import annotations

from collections import Counter
from typing import Iterable

from stance.actors import AliasTable
from stance.config import StanceConfig, resolve_path
from stance.data import LabelledArticle
from stance.model import StanceDetector
from stance.targets import TargetRegistry


class SelectionOnly(StanceDetector):
    """The detector's analysis pipeline (actors, quotes, evidence) without a model."""

    def __init__(self, config: StanceConfig, registry: TargetRegistry | None = None,  # noqa: D107
                 aliases: AliasTable | None = None):
        self.config = config
        self.registry = registry or TargetRegistry.from_yaml(resolve_path(config.targets.registry))
        self.aliases = aliases or AliasTable.from_yaml(resolve_path(config.actors.alias_table))


def evidence_recall(articles: Iterable[LabelledArticle], config: StanceConfig,
                    misses: list[str] | None = None) -> dict[str, float | int]:
    """Pairs, share addressed and evidence recall over ``articles``; misses are appended to ``misses``."""
    from stance.evaluation import gold_actor_specs

    sel = SelectionOnly(config)
    c: Counter = Counter()
    for art in articles:
        targets = list(dict.fromkeys(s.target for s in art.stances))
        analysis = sel.analyse(art.text, targets, gold_actor_specs(art))
        for s in art.stances:
            passages = analysis.passages[(s.actor, s.target)]
            c["pairs"] += 1
            c["addressed"] += bool(passages)
            for ev in s.evidence:
                pos = art.text.find(ev)
                c["evidence"] += 1
                hit = any(p.start <= pos and pos + len(ev) <= p.end + 1 or p.focus_start <= pos < p.focus_end
                          for p in passages)
                c["evidence_hit"] += hit
                if not hit and misses is not None:
                    misses.append(f"{art.id} | {s.actor} | {s.target} | {ev[:100]}")
    return {"pairs": c["pairs"], "addressed": round(c["addressed"] / max(c["pairs"], 1), 3),
            "evidence_recall": round(c["evidence_hit"] / max(c["evidence"], 1), 3)}
