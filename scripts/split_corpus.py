"""Assign labelled articles to train / validation / test by story, deterministically, and write the split files.

A story's split depends only on its id (a hash), so adding articles never moves existing ones between splits.
Usage: python scripts/split_corpus.py data/incoming/batch_*.jsonl --out data
"""

from __future__ import annotations

import argparse
import hashlib
import json
from collections import Counter
from pathlib import Path

from stance.data import read_articles

SPLITS = (("train", 70), ("validation", 85), ("test", 100))  # cumulative percentages


def split_of(story: str) -> str:
    """The split of a story id: a stable hash into 100 buckets."""
    bucket = int(hashlib.sha256(story.encode("utf-8")).hexdigest(), 16) % 100
    return next(name for name, upper in SPLITS if bucket < upper)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("files", nargs="+")
    parser.add_argument("--out", default="data")
    args = parser.parse_args()
    rows: dict[str, list[str]] = {name: [] for name, _ in SPLITS}
    counts: Counter = Counter()
    for f in args.files:
        arts = {a.id: a for a in read_articles(f)}  # validates every line first
        for line in Path(f).read_text(encoding="utf-8").splitlines():
            if line.strip():
                obj = json.loads(line)
                split = split_of(arts[str(obj["id"])].story)
                rows[split].append(json.dumps(obj, ensure_ascii=False))
                counts[split, "articles"] += 1
                counts[split, "pairs"] += len(obj["stances"])
    for name, lines in rows.items():
        Path(args.out, f"{name}.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
        print(f"{name}: {counts[name, 'articles']} articles, {counts[name, 'pairs']} pairs")


if __name__ == "__main__":
    main()
