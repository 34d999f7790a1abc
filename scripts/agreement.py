"""Inter-annotator agreement between the corpus labels (first pass) and a blind second labelling pass.

The second pass (``data/second_pass/*.jsonl``) labels every (actor, target) item of an article — the first pass's
actors crossed with the article's targets — as support, oppose, neutral or not_addressed, without seeing the
first pass's labels or evidence. One line per article::

    {"id": "b1-01", "labels": [{"actor": "Hungary", "target": "ukraine_nato_membership", "label": "oppose"}, ...]}

Reports Cohen's kappa over the four categories and over the items both passes label with a stance, the confusion
matrix, and writes the disagreements (for adjudication) to ``--disagreements``.

Usage:
    python scripts/agreement.py --first data/*.jsonl --second data/second_pass/*.jsonl [--json docs/agreement.json]
    python scripts/agreement.py --make-items data/train.jsonl ... --out items.jsonl   # the second pass's input
    python scripts/agreement.py --check-items items.jsonl --second answers.jsonl     # completeness of one answer file
    python scripts/agreement.py --apply data/second_pass/adjudication.jsonl --first data/*.jsonl  # settle labels

Adjudication lines are {"id", "actor", "target", "first", "second", "final", "evidence", "reason"}; ``--apply``
rewrites the split files in place: a pair the adjudicator settled as not_addressed is dropped, a new or changed
label takes the adjudicator's evidence, and every settled stance gets the tag "adjudicated".
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

from sklearn.metrics import cohen_kappa_score, confusion_matrix

CATEGORIES = ("support", "oppose", "neutral", "not_addressed")


def read_jsonl(paths: list[Path]) -> list[dict]:
    """All JSON objects of the given JSON Lines files."""
    return [json.loads(line) for p in paths for line in p.read_text(encoding="utf-8").splitlines() if line.strip()]


def items_of(article: dict) -> dict:
    """The second pass's input for one article: its text, the first pass's actors and the article's targets."""
    actors: dict[str, dict] = {}
    for s in article["stances"]:
        entry = actors.setdefault(s["actor"], {"actor": s["actor"], "type": s.get("type", "unknown"), "aliases": []})
        entry["aliases"] = sorted(set(entry["aliases"]) | set(s.get("aliases", [])))
    targets = sorted({s["target"] for s in article["stances"]})
    return {"id": article["id"], "text": article["text"], "actors": list(actors.values()), "targets": targets}


def first_labels(articles: list[dict]) -> dict[tuple[str, str, str], str]:
    """(article, actor, target) → first-pass label, for every item of the articles (not_addressed when unlisted)."""
    out = {}
    for art in articles:
        given = {(s["actor"], s["target"]): s["label"] for s in art["stances"]}
        items = items_of(art)
        for a in items["actors"]:
            for t in items["targets"]:
                out[art["id"], a["actor"], t] = given.get((a["actor"], t), "not_addressed")
    return out


def second_labels(rows: list[dict]) -> dict[tuple[str, str, str], str]:
    """(article, actor, target) → second-pass label; raises on unknown labels."""
    out = {}
    for row in rows:
        for lab in row["labels"]:
            if lab["label"] not in CATEGORIES:
                raise SystemExit(f"{row['id']}: label {lab['label']!r} is not one of {CATEGORIES}")
            out[row["id"], lab["actor"], lab["target"]] = lab["label"]
    return out


def apply_adjudication(adjudication: Path, split_files: list[Path]) -> int:
    """Rewrite the split files with the adjudicated labels; print what changed."""
    decisions = {(d["id"], d["actor"], d["target"]): d for d in read_jsonl([adjudication])}
    changed: Counter = Counter()
    for path in split_files:
        rows = read_jsonl([path])
        for art in rows:
            stances = []
            by_actor = {s["actor"]: s for s in art["stances"]}
            seen = set()
            for s in art["stances"]:
                d = decisions.get((art["id"], s["actor"], s["target"]))
                seen.add((s["actor"], s["target"]))
                if d is None or d["final"] == s["label"]:
                    stances.append(s)
                    continue
                if d["final"] == "not_addressed":
                    changed["dropped"] += 1
                    continue
                stances.append({**s, "label": d["final"], "evidence": d["evidence"],
                                "tags": sorted({*s.get("tags", []), "adjudicated"})})
                changed["relabelled"] += 1
            for (aid, actor, target), d in decisions.items():
                if aid != art["id"] or (actor, target) in seen or d["final"] == "not_addressed":
                    continue
                base = by_actor[actor]
                new = {"actor": actor, "type": base.get("type"), "aliases": base.get("aliases", []), "target": target,
                       "label": d["final"], "evidence": d["evidence"], "tags": ["adjudicated"]}
                if base.get("affiliation"):
                    new["affiliation"] = base["affiliation"]
                stances.append(new)
                changed["added"] += 1
            art["stances"] = stances
        path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    print(dict(changed))
    return 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--first", nargs="*", type=Path, default=[])
    parser.add_argument("--second", nargs="*", type=Path, default=[])
    parser.add_argument("--make-items", nargs="*", type=Path)
    parser.add_argument("--check-items", type=Path)
    parser.add_argument("--out", type=Path)
    parser.add_argument("--apply", type=Path, help="adjudication file to settle the labels of --first with")
    parser.add_argument("--json", type=Path, help="write the figures here")
    parser.add_argument("--disagreements", type=Path, default=Path("outputs/agreement/disagreements.jsonl"))
    args = parser.parse_args()

    if args.apply:
        return apply_adjudication(args.apply, args.first)
    if args.make_items:
        rows = [items_of(a) for a in read_jsonl(args.make_items)]
        args.out.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
        print(f"{len(rows)} articles, {sum(len(r['actors']) * len(r['targets']) for r in rows)} items → {args.out}")
        return 0
    if args.check_items:
        wanted = {(r["id"], a["actor"], t) for r in read_jsonl([args.check_items])
                  for a in r["actors"] for t in r["targets"]}
        got = second_labels(read_jsonl(args.second)) if all(p.exists() for p in args.second) else {}
        missing, extra = sorted(wanted - set(got)), sorted(set(got) - wanted)
        for m in missing[:20]:
            print("missing:", m)
        for e in extra[:20]:
            print("not an item (check the spelling):", e)
        print(f"{len(got)} labelled of {len(wanted)} items; {len(missing)} missing, {len(extra)} extra")
        return 1 if missing or extra else 0

    first = first_labels(read_jsonl(args.first))
    second = second_labels(read_jsonl(args.second))
    keys = sorted(k for k in second if k in first)
    a = [first[k] for k in keys]
    b = [second[k] for k in keys]
    both = [i for i, k in enumerate(keys) if a[i] != "not_addressed" and b[i] != "not_addressed"]
    result = {
        "articles": len({k[0] for k in keys}), "items": len(keys),
        "raw_agreement": round(sum(x == y for x, y in zip(a, b)) / len(keys), 3),
        "kappa_4way": round(cohen_kappa_score(a, b, labels=list(CATEGORIES)), 3),
        "stance_items": len(both),
        "kappa_stance_items": round(cohen_kappa_score([a[i] for i in both], [b[i] for i in both],
                                                      labels=list(CATEGORIES[:3])), 3),
        "confusion_first_rows_second_cols": {
            "labels": list(CATEGORIES),
            "matrix": confusion_matrix(a, b, labels=list(CATEGORIES)).tolist()},
        "first_pass_labels": dict(Counter(a)), "second_pass_labels": dict(Counter(b)),
    }
    print(json.dumps(result, indent=2))
    if args.json:
        args.json.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    args.disagreements.parent.mkdir(parents=True, exist_ok=True)
    with args.disagreements.open("w", encoding="utf-8") as f:
        for k, x, y in zip(keys, a, b):
            if x != y:
                f.write(json.dumps({"id": k[0], "actor": k[1], "target": k[2], "first": x, "second": y},
                                   ensure_ascii=False) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
