"""Print an article's actor stances as a readable table, with the evidence that decided each.

Usage: python scripts/predict.py examples/article.txt [--model models/default] [--targets ID ...]
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import stance
from stance.errors import StanceError


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("article")
    parser.add_argument("--model", default=None)
    parser.add_argument("--targets", nargs="+", default=None)
    args = parser.parse_args()
    try:
        results = stance.predict(Path(args.article).read_text(encoding="utf-8"), targets=args.targets,
                                 model=args.model)
    except StanceError as err:
        print(f"error: {err}", file=sys.stderr)
        return 2
    print(f"{'actor':28} {'target':28} {'label':8} score  evidence")
    for r in sorted(results, key=lambda r: (r.target, r.actor)):
        ev = r.evidence[0].text if r.evidence else ""
        print(f"{r.actor[:28]:28} {r.target[:28]:28} {r.label:8} {r.score:.2f}  {ev[:90]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
