"""Baselines on the same passages and the same aggregation as the model, for the given-actors view.

- majority: every passage gets the most frequent training label;
- tfidf_lr: TF-IDF (word 1–2-grams of target + passage) with logistic regression (scikit-learn), trained on the
  same passage examples as the model.
Usage: python scripts/baselines.py [--test data/test.jsonl] [-c configs/default.yaml] [key=value ...]
Writes a JSON summary to stdout.
"""

from __future__ import annotations

import argparse
import json
from collections import Counter

import numpy as np
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.pipeline import make_pipeline

from stance.actors import AliasTable
from stance.config import load_config, resolve_path
from stance.data import build_examples, read_articles, read_many
from stance.evaluation import evaluate_articles
from stance.model import StanceDetector
from stance.targets import TargetRegistry


class SklearnDetector(StanceDetector):
    """The detector's pipeline (actors, evidence, aggregation) with a scikit-learn passage classifier."""

    def __init__(self, config, registry, aliases, classifier):  # noqa: D107 - no transformer is loaded
        self.config, self.registry, self.aliases, self.classifier = config, registry, aliases, classifier
        self.labels = list(config.model.labels)

    def predict_proba(self, target_texts, passages, progress=False):
        if not passages:
            return np.zeros((0, len(self.labels)))
        x = [f"{t} || {p}" for t, p in zip(target_texts, passages)]
        proba = self.classifier.predict_proba(x)
        out = np.zeros((len(x), len(self.labels)))
        for j, cls in enumerate(self.classifier.classes_):
            out[:, self.labels.index(cls)] = proba[:, j]
        return out


class Majority:
    """Always the most frequent training label."""

    def fit(self, x, y):
        self.classes_ = np.array([Counter(y).most_common(1)[0][0]])
        return self

    def predict_proba(self, x):
        return np.ones((len(x), 1))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--test", default="data/test.jsonl")
    parser.add_argument("-c", "--config", action="append", default=[])
    args, overrides = parser.parse_known_args()
    cfg = load_config(*(args.config or ["configs/default.yaml"]), overrides=overrides)
    registry = TargetRegistry.from_yaml(resolve_path(cfg.targets.registry))
    aliases = AliasTable.from_yaml(resolve_path(cfg.actors.alias_table))
    train = build_examples(read_many([resolve_path(p) for p in cfg.data.train], registry), cfg, registry, aliases)
    x = [f"{e.target_text} || {e.passage}" for e in train]
    y = [e.label for e in train]
    test = read_articles(resolve_path(args.test), registry)
    models = {"majority": Majority(),
              "tfidf_lr": make_pipeline(TfidfVectorizer(ngram_range=(1, 2), min_df=1, sublinear_tf=True),
                                        LogisticRegression(max_iter=2000, class_weight="balanced", C=4.0))}
    out = {}
    for name, clf in models.items():
        clf.fit(x, y)
        m = evaluate_articles(SklearnDetector(cfg, registry, aliases, clf), test)["metrics"]
        out[name] = {"given_actors_macro_f1": m["given_actors"]["macro_f1"],
                     "accuracy": m["given_actors"]["accuracy"], "end_to_end_f1": m["end_to_end"]["f1"]}
    print(json.dumps({"test": args.test, "n_pairs": m["n_pairs"], **out}, indent=2))


if __name__ == "__main__":
    main()
