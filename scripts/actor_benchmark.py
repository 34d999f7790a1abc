"""Actor discovery and quote attribution against the gold mention set (data/gold/mentions.jsonl).

Runs the same analysis as prediction (``discover_actors``, ``attribute_quotes``, ``link_pronoun_subjects``) on each
gold article and prints actor recall, mention recall and precision, pronoun accuracy and quote-speaker accuracy
(definitions in ``stance.mention_scoring``). ``--misses`` lists every miss.
Usage: python scripts/actor_benchmark.py [data/gold/mentions.jsonl] [-c configs/default.yaml] [--misses]
"""

from __future__ import annotations

import argparse
import json

from stance.actors import AliasTable, discover_actors
from stance.config import load_config, resolve_path
from stance.mention_gold import read_mention_gold
from stance.mention_scoring import MentionScores
from stance.quotes import attribute_quotes, link_pronoun_subjects
from stance.text import load_pipeline, segment


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("gold", nargs="?", default="data/gold/mentions.jsonl")
    parser.add_argument("-c", "--config", default="configs/default.yaml")
    parser.add_argument("--misses", action="store_true")
    args = parser.parse_args()
    cfg = load_config(args.config)
    table = AliasTable.from_yaml(resolve_path(cfg.actors.alias_table))
    nlp = load_pipeline(cfg.actors.spacy_model)
    scores = MentionScores()
    for art in read_mention_gold(args.gold):
        doc = segment(art.text, nlp)
        actors = discover_actors(doc, table, cfg.actors.entity_labels, cfg.actors.min_mentions)
        quotes = attribute_quotes(doc, actors)
        link_pronoun_subjects(doc, actors)
        scores.add(art, actors, quotes)
        scores.counts["articles"] += 1
    if args.misses:
        print("\n".join(scores.misses))
    print(json.dumps(scores.summary(), indent=2))


if __name__ == "__main__":
    main()
