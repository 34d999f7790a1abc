"""Directed sentiment ("Who Blames or Endorses Whom?", Park, Pan & Joo, Findings of ACL 2021).

TSV without header: sentence with both entities in [...], ent1, ent2, label. Each row gives two directed examples:
(actor ent1 → target ent2): 1 support, 3 oppose, else neutral; (actor ent2 → target ent1): 2 support,
4 oppose, else neutral. The closing bracket often cuts an entity's last character, so entities are matched on the
bracketed text and the brackets are removed before marking.
"""

from __future__ import annotations

import csv
import re
from pathlib import Path
from typing import Iterator

from stance.errors import DataFormatError

FILES = {"train": "train.txt", "validation": "valid.txt", "test": "test.txt"}
FORWARD = {"1": "support", "3": "oppose"}
BACKWARD = {"2": "support", "4": "oppose"}
_BRACKET = re.compile(r"\[([^\[\]]+)\]")


def _mark(sentence: str, which: int, start_token: str, end_token: str) -> str:
    count = -1

    def repl(m: re.Match) -> str:
        nonlocal count
        count += 1
        return f"{start_token} {m.group(1)} {end_token}" if count == which else m.group(1)

    return _BRACKET.sub(repl, sentence)


def iter_examples(root: Path, split: str, start_token: str, end_token: str) -> Iterator[tuple[str, str, str, str, str]]:
    """(example id, actor, target text, marked passage, label) for one split."""
    path = root / "directed_sentiment_news" / FILES[split]
    if not path.is_file():
        raise DataFormatError("directed-sentiment file not found", where=str(path), expected="a TSV file",
                              found="no such file", fix="set data.public_dir to the folder holding "
                                                        "directed_sentiment_news/")
    with path.open(encoding="utf-8", newline="") as fh:
        for n, row in enumerate(csv.reader(fh, delimiter="\t", quoting=csv.QUOTE_NONE), 1):
            if len(row) < 4 or len(_BRACKET.findall(row[0])) != 2:
                continue
            sentence, e1, e2, label = row[0], row[1], row[2], row[3].strip()
            yield (f"directed:{split}:{n}:f", e1, e2, _mark(sentence, 0, start_token, end_token),
                   FORWARD.get(label, "neutral"))
            yield (f"directed:{split}:{n}:b", e2, e1, _mark(sentence, 1, start_token, end_token),
                   BACKWARD.get(label, "neutral"))
