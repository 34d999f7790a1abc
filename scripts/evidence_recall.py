"""How well actor and evidence selection cover the gold: run over labelled articles with the gold actors given.

Reports the share of gold pairs with at least one passage (addressed), and evidence recall: the share of gold
evidence strings that lie inside a selected passage. Usage:
    python scripts/evidence_recall.py data/train.jsonl data/validation.jsonl [-c configs/default.yaml] [key=value ...]
"""

from __future__ import annotations

import argparse
import json
from collections import Counter

from stance.actors import AliasTable
from stance.config import load_config, resolve_path
from stance.data import read_articles
from stance.evaluation import gold_actor_specs
from stance.model import StanceDetector
from stance.targets import TargetRegistry


class _NoModel(StanceDetector):
    """The detector's analysis pipeline without a model (selection only)."""

    def __init__(self, config, registry, aliases):  # noqa: D107 - no model is loaded
        self.config, self.registry, self.aliases = config, registry, aliases


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("files", nargs="+")
    parser.add_argument("-c", "--config", action="append", default=[])
    parser.add_argument("--show-misses", action="store_true")
    args, extra = parser.parse_known_args()
    overrides = [*[f for f in args.files if "=" in f], *extra]
    args.files = [f for f in args.files if "=" not in f]
    cfg = load_config(*(args.config or ["configs/default.yaml"]), overrides=overrides)
    registry = TargetRegistry.from_yaml(resolve_path(cfg.targets.registry))
    sel = _NoModel(cfg, registry, AliasTable.from_yaml(resolve_path(cfg.actors.alias_table)))
    c: Counter = Counter()
    for f in args.files:
        for art in read_articles(f, registry):
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
                    if not hit and args.show_misses:
                        print(f"{art.id} | {s.actor} | {s.target} | {ev[:100]}")
    print(json.dumps({"pairs": c["pairs"], "addressed": round(c["addressed"] / c["pairs"], 3),
                      "evidence_recall": round(c["evidence_hit"] / c["evidence"], 3)}))


if __name__ == "__main__":
    main()
