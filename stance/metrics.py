"""Metrics computed with scikit-learn (never `evaluate.load`, which needs the Hub)."""

from __future__ import annotations

from typing import Sequence

import numpy as np
from sklearn.metrics import accuracy_score, confusion_matrix, f1_score, precision_recall_fscore_support


def classification_metrics(gold: Sequence[str], pred: Sequence[str], labels: Sequence[str]) -> dict:
    """Macro-F1 over `labels`, accuracy, per-label P/R/F1/support and the confusion matrix (rows = gold)."""
    labels = list(labels)
    if not gold:
        return {"macro_f1": 0.0, "accuracy": 0.0, "n": 0,
                "per_label": {lab: {"precision": 0.0, "recall": 0.0, "f1": 0.0, "support": 0} for lab in labels},
                "confusion_matrix": {"labels": labels, "matrix": [[0] * len(labels) for _ in labels]}}
    p, r, f, s = precision_recall_fscore_support(gold, pred, labels=labels, zero_division=0)
    return {
        "macro_f1": round(float(f1_score(gold, pred, labels=labels, average="macro", zero_division=0)), 4),
        "accuracy": round(float(accuracy_score(gold, pred)), 4),
        "n": len(gold),
        "per_label": {lab: {"precision": round(float(p[i]), 4), "recall": round(float(r[i]), 4),
                            "f1": round(float(f[i]), 4), "support": int(s[i])} for i, lab in enumerate(labels)},
        "confusion_matrix": {"labels": labels,
                             "matrix": confusion_matrix(gold, pred, labels=labels).tolist()},
    }


def triple_prf(gold: set, pred: set) -> dict:
    """Precision, recall and F1 of predicted triples against gold triples."""
    tp = len(gold & pred)
    precision = tp / len(pred) if pred else 0.0
    recall = tp / len(gold) if gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": round(precision, 4), "recall": round(recall, 4), "f1": round(f1, 4), "tp": tp,
            "n_pred": len(pred), "n_gold": len(gold)}


def trainer_metrics(labels: Sequence[str]):
    """A `compute_metrics` function for the HF Trainer: passage-level macro-F1 and accuracy."""

    def compute(eval_pred) -> dict:
        logits, label_ids = eval_pred.predictions, eval_pred.label_ids
        if isinstance(logits, tuple):
            logits = logits[0]
        pred = np.asarray(logits).argmax(axis=-1)
        return {"macro_f1": float(f1_score(label_ids, pred, labels=list(range(len(labels))), average="macro",
                                           zero_division=0)),
                "accuracy": float(accuracy_score(label_ids, pred))}

    return compute
