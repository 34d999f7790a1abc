"""SEESAW (Zhang, Beauchamp & Wang, EMNLP 2022): sentence-level (speaker, sentiment, object) triples in US news.

POS → support, NEG → oppose; actor = subject, target = object (segment A is the object's name). Subjects
"None" (the author) and "Not in the list" are dropped, as are triples whose subject is not named in the sentence
(we mark the actor, so an unmarked example would teach nothing about the relation). No neutral class is built.
Split by story from ``meta/*.json``.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

from stance.corpora.marking import mark_names
from stance.errors import DataFormatError

LABELS = {"POS": "support", "NEG": "oppose"}
SPLITS = {"train": "train", "validation": "valid", "test": "test"}


@dataclass(frozen=True)
class SeesawArticle:
    """One SEESAW article: its sentences (id → text) and its sentence-level triples (id → list of dicts)."""

    name: str
    sentences: dict[str, str]
    triples: dict[str, list[dict]]
    entities: list[list]


def iter_articles(root: Path, split: str) -> Iterator[SeesawArticle]:
    """The articles of one split (train | validation | test), in file order."""
    base = root / "seesaw" / "SEESAW"
    if not (base / "meta").is_dir():
        raise DataFormatError("SEESAW folder not found", where=str(base), expected="SEESAW/{articles,annotations,meta}",
                              found="no meta/ folder", fix="set data.public_dir to the folder holding seesaw/")
    want = SPLITS[split]
    for meta_file in sorted((base / "meta").glob("TRIPLET_*.json")):
        meta = json.loads(meta_file.read_text(encoding="utf-8"))
        if meta.get("Split") != want:
            continue
        for ann_file in sorted((base / "annotations").glob(f"{meta_file.stem}_DOCUMENT_*.json")):
            ann = json.loads(ann_file.read_text(encoding="utf-8"))
            art = json.loads((base / "articles" / ann_file.name).read_text(encoding="utf-8"))
            yield SeesawArticle(ann_file.stem, {str(s["id"]): s["text"] for s in art["text"]},
                                {str(k): v or [] for k, v in (ann.get("sentence-level stances") or {}).items()},
                                list(ann.get("entity lists") or []))


def iter_examples(root: Path, split: str, start_token: str, end_token: str) -> Iterator[tuple[str, str, str, str, str]]:
    """(example id, actor, target text, marked passage, label) for one split."""
    for art in iter_articles(root, split):
        for sid, triples in art.triples.items():
            sentence = art.sentences.get(sid)
            for t in triples:
                subject, label = t.get("subject"), LABELS.get(t.get("sentiment"))
                if not sentence or label is None or subject in (None, "None", "Not in the list"):
                    continue
                marked = mark_names(sentence, [subject], start_token, end_token)
                if marked is not None:
                    yield f"seesaw:{art.name}:{sid}:{t.get('id')}", subject, t["object"], marked, label
