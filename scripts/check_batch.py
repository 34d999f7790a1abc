"""Check a batch of newly written corpus articles before it joins data/ (used by the corpus writers).

Validates every line with ``stance.data.read_articles`` (fields, labels, target ids), then checks what the
brief (docs/corpus-brief.md) asks of a batch: ids with the batch prefix, 150–800 words, 3–8 pairs per article,
verbatim evidence, a type on each stance, one entry per (actor, target), and that no article id or invented name
clashes with the corpus already in data/. Prints the problems (file, line, article) or ``OK`` and the counts.

For ``--kind drill`` (docs/drills-brief.md): 60–220 words, 1–6 pairs (2–6 as written; adjudication may drop
one), two briefs per story id, and no actor that the held-out splits (validation, test) name but the training split
does not, so a drill cannot teach a held-out name's label.

Usage: python scripts/check_batch.py data/incoming/batch_13.jsonl [--prefix b13-] [--kind drill]
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

from stance.config import LABELS
from stance.errors import StanceError
from stance.targets import TargetRegistry

# (min words, max words, min pairs, max pairs) per kind of batch: corpus articles (docs/corpus-brief.md) and
# training-only minimal-pair briefs (docs/drills-brief.md)
LIMITS = {"article": (150, 800, 3, 8), "drill": (60, 220, 1, 6)}  # drills: 2-6 as written, adjudication may leave 1
TYPES = ("person", "state", "organisation", "party")


def existing_ids(data_dir: Path, skip: Path) -> set[str]:
    """Article ids already in the split files of ``data_dir`` (other than ``skip``)."""
    ids: set[str] = set()
    for f in sorted(data_dir.glob("*.jsonl")):
        if f.resolve() == skip.resolve():
            continue
        for line in f.read_text(encoding="utf-8").splitlines():
            if line.strip():
                ids.add(str(json.loads(line)["id"]))
    return ids


def heldout_only_actors(data_dir: Path) -> set[str]:
    """Actor names labelled in validation.jsonl or test.jsonl of ``data_dir`` and never in train.jsonl."""
    def actors(name: str) -> set[str]:
        f = data_dir / name
        if not f.exists():
            return set()
        return {s["actor"].casefold() for line in f.read_text(encoding="utf-8").splitlines() if line.strip()
                for s in json.loads(line)["stances"]}
    return (actors("validation.jsonl") | actors("test.jsonl")) - actors("train.jsonl")


def check(path: Path, prefix: str | None, data_dir: Path, kind: str = "article") -> tuple[list[str], Counter]:
    """Return the problems found in one batch file and its counts (``kind``: a key of ``LIMITS``)."""
    from stance.data import read_articles

    min_words, max_words, min_pairs, max_pairs = LIMITS[kind]
    problems: list[str] = []
    counts: Counter = Counter()
    registry = TargetRegistry.from_yaml(Path(__file__).resolve().parents[1] / "configs" / "targets.yaml")
    try:
        read_articles(path, registry=registry)
    except StanceError as exc:
        return [str(exc)], counts
    taken = existing_ids(data_dir, path)
    heldout = heldout_only_actors(data_dir) if kind == "drill" else set()
    stories: Counter = Counter()
    seen_ids: set[str] = set()
    for lineno, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        obj = json.loads(line)
        aid = str(obj["id"])
        where = f"{path}:{lineno} ({aid})"
        if prefix and not aid.startswith(prefix):
            problems.append(f"{where}: id should start with '{prefix}'")
        if aid in seen_ids or aid in taken:
            problems.append(f"{where}: id '{aid}' is used twice (in this batch or in {data_dir})")
        seen_ids.add(aid)
        if not obj.get("story"):
            problems.append(f"{where}: missing 'story'")
        stories[obj.get("story")] += 1
        words = len(obj["text"].split())
        if not min_words <= words <= max_words:
            problems.append(f"{where}: {words} words; expected {min_words}-{max_words}")
        stances = obj["stances"]
        if not min_pairs <= len(stances) <= max_pairs:
            problems.append(f"{where}: {len(stances)} labelled pairs; expected {min_pairs}-{max_pairs}")
        pairs: set[tuple[str, str]] = set()
        for k, s in enumerate(stances):
            w = f"{where} stances[{k}] {s['actor']!r}/{s['target']}"
            if s.get("type") not in TYPES:
                problems.append(f"{w}: 'type' must be one of {TYPES}, found {s.get('type')!r}")
            if (s["actor"], s["target"]) in pairs:
                problems.append(f"{w}: the same (actor, target) is labelled twice")
            pairs.add((s["actor"], s["target"]))
            if s["actor"].casefold() in heldout:
                problems.append(f"{w}: this name is an actor of the held-out splits; invent another")
            evidence = s.get("evidence") or []
            if not evidence:
                problems.append(f"{w}: no evidence; every label needs 1-3 verbatim strings")
            for ev in evidence:
                if ev not in obj["text"]:
                    problems.append(f"{w}: evidence is not verbatim in text: {ev[:70]!r}")
            counts[s["target"], s["label"]] += 1
            counts["label", s["label"]] += 1
            counts["pairs"] += 1
        counts["articles"] += 1
        counts["words"] += words
    if kind == "drill":
        problems += [f"{path}: story {story!r} has {n} brief(s); drills come in pairs (2 per story)"
                     for story, n in stories.items() if n != 2]
    return problems, counts


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("files", nargs="+", type=Path)
    parser.add_argument("--prefix", default=None, help="required id prefix, e.g. b13-")
    parser.add_argument("--data", type=Path, default=Path("data"), help="folder with the existing split files")
    parser.add_argument("--kind", choices=sorted(LIMITS), default="article",
                        help="article: corpus articles; drill: training-only minimal-pair briefs")
    args = parser.parse_args()
    status = 0
    for path in args.files:
        problems, counts = check(path, args.prefix, args.data, args.kind)
        if problems:
            status = 1
            print(f"{path}: {len(problems)} problem(s)")
            for p in problems:
                print("  -", p)
            continue
        n = counts["pairs"] or 1
        launch = sum(v for k, v in counts.items() if isinstance(k, tuple) and k[0] in
                     ("ukraine_nato_membership", "foreign_troops_in_ukraine"))
        print(f"{path}: OK — {counts['articles']} articles, {counts['pairs']} pairs, "
              f"{counts['words'] // max(counts['articles'], 1)} words per article on average")
        print("  labels: " + ", ".join(f"{lab} {counts['label', lab]} ({counts['label', lab] / n:.0%})"
                                      for lab in LABELS))
        print(f"  launch targets: {launch / n:.0%} of pairs")
        targets = sorted({k[0] for k in counts if isinstance(k, tuple) and k[0] != "label"})
        for t in targets:
            print(f"  {t}: " + ", ".join(f"{lab} {counts[t, lab]}" for lab in LABELS))
    return status


if __name__ == "__main__":
    sys.exit(main())
