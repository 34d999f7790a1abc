"""Check a batch of newly written corpus articles before it joins data/ (used by the corpus writers).

Validates every line with ``stance.data.read_articles`` (fields, labels, target ids), then checks what the
brief (docs/corpus-brief.md) asks of a batch: ids with the batch prefix, 150–800 words, 3–8 pairs per article,
verbatim evidence, a type on each stance, one entry per (actor, target), and that no article id or invented name
clashes with the corpus already in data/. Prints the problems (file, line, article) or ``OK`` and the counts.

Usage: python scripts/check_batch.py data/incoming/batch_13.jsonl [--prefix b13-]
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

MIN_WORDS, MAX_WORDS = 150, 800
MIN_PAIRS, MAX_PAIRS = 3, 8
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


def check(path: Path, prefix: str | None, data_dir: Path) -> tuple[list[str], Counter]:
    """Return the problems found in one batch file and its counts."""
    from stance.data import read_articles

    problems: list[str] = []
    counts: Counter = Counter()
    registry = TargetRegistry.from_yaml(Path(__file__).resolve().parents[1] / "configs" / "targets.yaml")
    try:
        read_articles(path, registry=registry)
    except StanceError as exc:
        return [str(exc)], counts
    taken = existing_ids(data_dir, path)
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
        words = len(obj["text"].split())
        if not MIN_WORDS <= words <= MAX_WORDS:
            problems.append(f"{where}: {words} words; expected {MIN_WORDS}-{MAX_WORDS}")
        stances = obj["stances"]
        if not MIN_PAIRS <= len(stances) <= MAX_PAIRS:
            problems.append(f"{where}: {len(stances)} labelled pairs; expected {MIN_PAIRS}-{MAX_PAIRS}")
        pairs: set[tuple[str, str]] = set()
        for k, s in enumerate(stances):
            w = f"{where} stances[{k}] {s['actor']!r}/{s['target']}"
            if s.get("type") not in TYPES:
                problems.append(f"{w}: 'type' must be one of {TYPES}, found {s.get('type')!r}")
            if (s["actor"], s["target"]) in pairs:
                problems.append(f"{w}: the same (actor, target) is labelled twice")
            pairs.add((s["actor"], s["target"]))
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
    return problems, counts


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("files", nargs="+", type=Path)
    parser.add_argument("--prefix", default=None, help="required id prefix, e.g. b13-")
    parser.add_argument("--data", type=Path, default=Path("data"), help="folder with the existing split files")
    args = parser.parse_args()
    status = 0
    for path in args.files:
        problems, counts = check(path, args.prefix, args.data)
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
