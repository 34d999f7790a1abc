"""NewsMTSC (Hamborg & Donnay, EACL 2021): sentiment of a news sentence toward one target mention.

Polarity 2.0 / 4.0 / 6.0 → oppose / neutral / support. The holder is the author or a quoted source, not a named
actor, so no actor is marked: segment A is the target mention, segment B the sentence. Auxiliary data that
teaches target-conditioned tone; ``devtest_rw`` serves as test and ``devtest_mt`` as validation.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Iterator

from stance.errors import DataFormatError

FILES = {"train": "train.jsonl", "validation": "devtest_mt.jsonl", "test": "devtest_rw.jsonl"}
LABELS = {2.0: "oppose", 4.0: "neutral", 6.0: "support"}


def iter_examples(root: Path, split: str, start_token: str, end_token: str) -> Iterator[tuple[str, str, str, str, str]]:
    """(example id, actor, target text, passage, label) for one split."""
    path = root / "newsmtsc" / FILES[split]
    if not path.is_file():
        raise DataFormatError("NewsMTSC file not found", where=str(path), expected="a JSONL file", found="no such file",
                              fix="set data.public_dir to the folder holding newsmtsc/")
    with path.open(encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            if not line.strip():
                continue
            obj = json.loads(line)
            for k, t in enumerate(obj.get("targets", [])):
                label = LABELS.get(float(t.get("polarity", 0)))
                if label:
                    yield f"newsmtsc:{split}:{n}:{k}", "author", t["mention"], obj["sentence_normalized"], label
