"""Check a gold mentions file (the hand-marked actor mentions and quote speakers, ``stance.mention_gold``).

Parses every line, then reports quotes in the plain text that carry no speaker mark, articles outside 150–900
words, and the counts per article. Prints ``OK`` when nothing is wrong.

Usage: python scripts/check_mentions.py data/gold/mentions.jsonl
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from stance.errors import StanceError
from stance.mention_gold import read_mention_gold
from stance.quotes import find_quote_spans


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("files", nargs="+", type=Path)
    args = parser.parse_args()
    status = 0
    for path in args.files:
        try:
            articles = read_mention_gold(path)
        except StanceError as exc:
            print(exc)
            status = 1
            continue
        problems = []
        totals = [0, 0, 0, 0]
        for art in articles:
            words = len(art.text.split())
            if not 150 <= words <= 900:
                problems.append(f"{art.id}: {words} words; expected 150-900")
            for a, b in find_quote_spans(art.text):
                if not any(q.start <= a and b <= q.end for q in art.quotes):
                    problems.append(f"{art.id}: quote without a speaker mark: {art.text[a - 1:b + 1][:60]!r}")
            pronouns = sum(m.is_pronoun for m in art.mentions)
            totals[0] += len(art.actors)
            totals[1] += len(art.mentions) - pronouns
            totals[2] += pronouns
            totals[3] += len(art.quotes)
            print(f"{art.id}: {words} words, {len(art.actors)} actors, {len(art.mentions) - pronouns} name mentions, "
                  f"{pronouns} pronoun mentions, {len(art.quotes)} quotes")
        for p in problems:
            print("  -", p)
        if problems:
            status = 1
        else:
            print(f"{path}: OK — {len(articles)} articles, {totals[0]} actors, {totals[1]} name mentions, "
                  f"{totals[2]} pronoun mentions, {totals[3]} quotes")
    return status


if __name__ == "__main__":
    sys.exit(main())
