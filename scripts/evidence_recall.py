"""How well actor and evidence selection cover the gold: run over labelled articles with the gold actors given.

Reports the share of gold pairs with at least one passage (addressed), and evidence recall: the share of gold
evidence strings that lie inside a selected passage (``stance.evidence_scoring``). Usage:
    python scripts/evidence_recall.py data/train.jsonl data/validation.jsonl [-c configs/default.yaml] [--free-text]
        [key=value ...]
"""

from __future__ import annotations

import argparse
import json

from stance.config import load_config, resolve_path
from stance.data import read_articles
from stance.evidence_scoring import evidence_recall
from stance.targets import TargetRegistry


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("files", nargs="+")
    parser.add_argument("-c", "--config", action="append", default=[])
    parser.add_argument("--show-misses", action="store_true")
    parser.add_argument("--free-text", action="store_true",
                        help="give every target by its description alone, as a user would type it")
    args, extra = parser.parse_known_args()
    overrides = [*[f for f in args.files if "=" in f], *extra]
    args.files = [f for f in args.files if "=" not in f]
    cfg = load_config(*(args.config or ["configs/default.yaml"]), overrides=overrides)
    registry = TargetRegistry.from_yaml(resolve_path(cfg.targets.registry))
    articles = [a for f in args.files for a in read_articles(f, registry)]
    misses: list[str] = []
    result = evidence_recall(articles, cfg, misses, free_text=args.free_text)
    if args.show_misses:
        print("\n".join(misses))
    print(json.dumps(result))


if __name__ == "__main__":
    main()
