"""Actor discovery and quote attribution against the gold mention sets (data/gold/*.jsonl).

Runs the same analysis as prediction (``discover_actors``, ``attribute_quotes``, ``link_pronoun_subjects``) on each
gold article and prints actor recall, mention recall and precision, pronoun accuracy and quote-speaker accuracy
(definitions in ``stance.mention_scoring``). ``--misses`` lists every miss.
Usage: python scripts/actor_benchmark.py [data/gold/mentions.jsonl ...] [-c configs/default.yaml] [--misses]
"""

from __future__ import annotations

import argparse
import json

from stance.config import load_config
from stance.mention_scoring import score_gold_files


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("gold", nargs="*", default=["data/gold/mentions.jsonl", "data/gold/mentions_heldout.jsonl"])
    parser.add_argument("-c", "--config", default="configs/default.yaml")
    parser.add_argument("--misses", action="store_true")
    args = parser.parse_args()
    scores = score_gold_files(args.gold, load_config(args.config))
    if args.misses:
        print("\n".join(scores.misses))
    print(json.dumps(scores.summary(), indent=2))


if __name__ == "__main__":
    main()
