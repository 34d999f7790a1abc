"""Evidence recall: how well actor and evidence selection cover the gold evidence of labelled articles.

With the gold actors given (as the given-actors evaluation does), a pair is *addressed* when it gets at least one
passage, and a gold evidence string is *recalled* when it lies inside a selected passage (or starts in its focus
sentence).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import replace
from typing import Iterable

from stance.actors import AliasTable
from stance.config import StanceConfig, resolve_path
from stance.data import LabelledArticle
from stance.model import StanceDetector
from stance.targets import TargetRegistry, target_from_text


class SelectionOnly(StanceDetector):
    """The detector's analysis pipeline (actors, quotes, evidence) without a model."""

    def __init__(self, config: StanceConfig, registry: TargetRegistry | None = None,  # noqa: D107
                 aliases: AliasTable | None = None):
        self.config = config
        self.registry = registry or TargetRegistry.from_yaml(resolve_path(config.targets.registry))
        self.aliases = aliases or AliasTable.from_yaml(resolve_path(config.actors.alias_table))


def free_text_registry(registry: TargetRegistry) -> TargetRegistry:
    """The registry's targets as a user would type them: each description as a free-text target (no curated
    aliases or keywords), under the id ``custom:<registry id>``."""
    return TargetRegistry({tid: replace(target_from_text(t.description), id=f"custom:{tid}")
                           for tid, t in registry.targets.items()}, source=f"free text of {registry.source}")


def evidence_recall(articles: Iterable[LabelledArticle], config: StanceConfig,
                    misses: list[str] | None = None, free_text: bool = False) -> dict[str, float | int]:
    """Pairs, share addressed and evidence recall over ``articles``; misses are appended to ``misses``. With
    `free_text`, every target is given by its description alone (``free_text_registry``)."""
    from stance.evaluation import gold_actor_specs

    sel = SelectionOnly(config)
    if free_text:
        sel.registry = free_text_registry(sel.registry)
    prefix = "custom:" if free_text else ""
    c: Counter = Counter()
    for art in articles:
        targets = list(dict.fromkeys(s.target for s in art.stances))
        analysis = sel.analyse(art.text, targets, gold_actor_specs(art))
        for s in art.stances:
            passages = analysis.passages[(s.actor, prefix + s.target)]
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
