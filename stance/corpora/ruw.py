"""RUW (multi-target stance on the Russia–Ukraine war, tweets): each tweet labelled toward Russia and Ukraine.

CSV in cp1252. FAVOR / AGAINST / NONE → support / oppose / neutral; the actor is the tweet's author (no mention to
mark), segment A the target country. Twitter, not news: a topical probe.
"""

from __future__ import annotations

import csv
from pathlib import Path
from typing import Iterator

from stance.errors import DataFormatError

FILES = {"train": "raw_train_Russia_Ukraine.csv", "validation": "raw_val_Russia_Ukraine.csv",
         "test": "raw_test_Russia_Ukraine.csv"}
LABELS = {"FAVOR": "support", "AGAINST": "oppose", "NONE": "neutral"}


def iter_examples(root: Path, split: str, start_token: str, end_token: str) -> Iterator[tuple[str, str, str, str, str]]:
    """(example id, actor, target text, passage, label) for one split."""
    path = root / "ruw_russia_ukraine" / FILES[split]
    if not path.is_file():
        raise DataFormatError("RUW file not found", where=str(path), expected="a CSV file", found="no such file",
                              fix="set data.public_dir to the folder holding ruw_russia_ukraine/")
    with path.open(encoding="cp1252", newline="") as fh:
        for n, row in enumerate(csv.DictReader(fh), 1):
            tweet = row.get("Tweet", "")
            for target_col, stance_col in (("Target 1", "Stance 1"), ("Target 2", "Stance 2")):
                label = LABELS.get((row.get(stance_col) or "").strip().upper())
                if tweet.strip() and label:
                    yield f"ruw:{split}:{n}:{row[target_col]}", "author", row[target_col], tweet, label
