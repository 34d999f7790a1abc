"""The results table: each recipe's seeds on the project's test split and the public test sets, with TF-IDF.

For every model directory (grouped by recipe name) it reports given-actors macro-F1 and end-to-end F1 on the
project's test split, SEESAW test support/oppose accuracy (gold support/oppose items; the larger of the two
probabilities decides), and macro-F1 on NewsMTSC ``devtest_rw`` and RUW test. A TF-IDF + logistic-regression
baseline is trained, per recipe, on the same training passages as the recipe's first model (rebuilt from the config
saved in its directory) and scored on the same splits. Writes JSON and a Markdown table; means ± sample standard
deviation over seeds.

Usage:
    python scripts/results_table.py --model default=models/seeds/default-s1 --model default=models/seeds/default-s2 \
        --model public=models/seeds/public-s1 --public-dir ../shared/data/public --out outputs/results
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
from collections import defaultdict
from pathlib import Path

import numpy as np
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import f1_score
from sklearn.pipeline import make_pipeline

sys.path.insert(0, str(Path(__file__).resolve().parent))
from baselines import SklearnDetector  # noqa: E402

from stance.config import resolve_path  # noqa: E402
from stance.corpora import iter_public  # noqa: E402
from stance.data import read_articles  # noqa: E402
from stance.evaluation import evaluate_articles  # noqa: E402
from stance.model import StanceDetector  # noqa: E402
from stance.train import load_training_examples  # noqa: E402

PUBLIC_TESTS = (("seesaw", "SEESAW test (support/oppose acc.)"), ("newsmtsc", "NewsMTSC devtest_rw (macro-F1)"),
                ("ruw", "RUW test (macro-F1)"))
COLUMNS = ("project_given_actors_macro_f1", "project_end_to_end_f1", "seesaw", "newsmtsc", "ruw")


def public_scores(proba_fn, labels: list[str], public_dir: Path, start: str, end: str) -> dict[str, float]:
    """Score a passage classifier (``proba_fn(targets, passages) -> probabilities``) on the public test sets."""
    out = {}
    for name, _ in PUBLIC_TESTS:
        rows = list(iter_public(name, public_dir, "test", start, end))
        probs = proba_fn([r[2] for r in rows], [r[3] for r in rows])
        gold = [r[4] for r in rows]
        if name == "seesaw":  # two-way: support vs oppose
            s, o = labels.index("support"), labels.index("oppose")
            pred = ["support" if p[s] >= p[o] else "oppose" for p in probs]
            keep = [i for i, g in enumerate(gold) if g in ("support", "oppose")]
            out[name] = round(float(np.mean([pred[i] == gold[i] for i in keep])), 3)
        else:
            pred = [labels[int(np.argmax(p))] for p in probs]
            out[name] = round(float(f1_score(gold, pred, labels=labels, average="macro", zero_division=0)), 3)
    return out


def project_scores(detector, test_file: Path, registry) -> dict[str, float]:
    """Given-actors macro-F1 and end-to-end F1 on the project's test split."""
    m = evaluate_articles(detector, read_articles(test_file, registry))["metrics"]
    return {"project_given_actors_macro_f1": m["given_actors"]["macro_f1"],
            "project_end_to_end_f1": m["end_to_end"]["f1"]}


def tfidf_row(det: StanceDetector, test_file: Path, public_dir: Path) -> dict[str, float]:
    """TF-IDF + logistic regression trained on the recipe's training passages, scored like the models."""
    cfg = det.config
    registry, aliases = det.registry, det.aliases
    train, _, _ = load_training_examples(cfg, registry, aliases, progress=False)
    clf = make_pipeline(TfidfVectorizer(ngram_range=(1, 2), sublinear_tf=True),
                        LogisticRegression(max_iter=2000, class_weight="balanced", C=4.0))
    clf.fit([f"{e.target_text} || {e.passage}" for e in train], [e.label for e in train])
    sk = SklearnDetector(cfg, registry, aliases, clf)
    row = project_scores(sk, test_file, registry)
    row.update(public_scores(sk.predict_proba, sk.labels, public_dir, cfg.model.actor_start, cfg.model.actor_end))
    return row


def fmt(values: list[float]) -> str:
    """'mean ± sd' (or the single value)."""
    if len(values) == 1:
        return f"{values[0]:.3f}"
    return f"{statistics.mean(values):.3f} ± {statistics.stdev(values):.3f}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--model", action="append", required=True, help="recipe=model_dir (repeat per seed)")
    parser.add_argument("--test", default="data/test.jsonl")
    parser.add_argument("--public-dir", default="../shared/data/public")
    parser.add_argument("--out", default="outputs/results")
    args = parser.parse_args()
    recipes: dict[str, list[str]] = defaultdict(list)
    for spec in args.model:
        name, _, path = spec.partition("=")
        recipes[name].append(path)
    public_dir, test_file = resolve_path(args.public_dir), resolve_path(args.test)
    rows: dict[str, dict] = {}
    for recipe, dirs in recipes.items():
        per_seed = []
        for d in dirs:
            cached = Path(args.out) / "rows" / (Path(d).name + ".json")  # reruns skip models already scored
            if cached.is_file():
                per_seed.append(json.loads(cached.read_text(encoding="utf-8")))
                continue
            det = StanceDetector.from_pretrained(d, overrides=["runtime.progress=false"])
            row = project_scores(det, test_file, det.registry)
            row.update(public_scores(det.predict_proba, det.labels, public_dir,
                                     det.config.model.actor_start, det.config.model.actor_end))
            row["seed"] = det.config.train.seed
            cached.parent.mkdir(parents=True, exist_ok=True)
            cached.write_text(json.dumps(row) + "\n", encoding="utf-8")
            per_seed.append(row)
            print(json.dumps({"recipe": recipe, "model": d, **row}), flush=True)
        rows[recipe] = {"seeds": per_seed}
        base = StanceDetector.from_pretrained(dirs[0], overrides=["runtime.progress=false"])
        rows[f"{recipe} / TF-IDF"] = {"seeds": [tfidf_row(base, test_file, public_dir)]}
        print(json.dumps({"recipe": f"{recipe} / TF-IDF", **rows[f"{recipe} / TF-IDF"]["seeds"][0]}), flush=True)
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    (out / "results.json").write_text(json.dumps(rows, indent=2) + "\n", encoding="utf-8")
    head = ["recipe", "seeds", "project test, given actors (macro-F1)", "project test, end to end (F1)",
            *[label for _, label in PUBLIC_TESTS]]
    lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    for recipe, r in rows.items():
        cells = [recipe, str(len(r["seeds"]))] + [fmt([s[c] for s in r["seeds"]]) for c in COLUMNS]
        lines.append("| " + " | ".join(cells) + " |")
    (out / "results.md").write_text("\n".join(lines) + "\n", encoding="utf-8")
    print("\n".join(lines))


if __name__ == "__main__":
    main()
