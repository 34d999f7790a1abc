"""SEESAW's named speakers (real news) against actor discovery and quote attribution (``stance.speaker_scoring``).

Prints speaker recall, sentence linking and quote agreement on a SEESAW split; ``--misses`` lists every miss.
Usage: python scripts/seesaw_speakers.py [--public-dir ../shared/data/public] [--split test] [-c configs/default.yaml]
       [--misses]
"""

from __future__ import annotations

import argparse
import json

from stance.config import load_config
from stance.speaker_scoring import score_seesaw


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--public-dir", default="../shared/data/public")
    parser.add_argument("--split", default="test", choices=["train", "validation", "test"])
    parser.add_argument("-c", "--config", default="configs/default.yaml")
    parser.add_argument("--misses", action="store_true")
    args = parser.parse_args()
    scores = score_seesaw(args.public_dir, load_config(args.config), args.split)
    if args.misses:
        print("\n".join(scores.misses))
    print(json.dumps(scores.summary(), indent=2))


if __name__ == "__main__":
    main()
