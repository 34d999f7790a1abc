"""Passages ⇒ one label per (actor, target).

``max_stance`` (default): the passage with the strongest support-or-oppose probability decides, if that
probability reaches ``predict.stance_threshold``; otherwise the pair is neutral with the passages' mean
probabilities. One clear statement of position outweighs any number of passages that only mention the actor
near the target. ``mean``: argmax of the mean probabilities over passages.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Sequence

import numpy as np

from stance.errors import ConfigError
from stance.evidence import Passage
from stance.results import Span


@dataclass(frozen=True)
class Decision:
    """The aggregated outcome for one pair."""

    label: str
    score: float
    probabilities: dict[str, float]
    evidence: tuple[Span, ...]


def aggregate(passages: Sequence[Passage], probs: np.ndarray, labels: Sequence[str], article: str,
              method: str = "max_stance", threshold: float = 0.5) -> Decision:
    """Decide one pair from its passages' probabilities (rows of `probs` follow `passages`)."""
    probs = np.asarray(probs, dtype=float).reshape(len(passages), len(labels))
    stance_cols = [labels.index("support"), labels.index("oppose")]
    if method == "max_stance":
        strength = probs[:, stance_cols].max(axis=1)
        best = int(strength.argmax())
        if strength[best] >= threshold:
            label_idx = int(stance_cols[int(probs[best, stance_cols].argmax())])
            dist = probs[best]
        else:
            dist = probs.mean(axis=0)
            label_idx = labels.index("neutral")
    elif method == "mean":
        dist = probs.mean(axis=0)
        label_idx = int(dist.argmax())
    else:
        raise ConfigError(f"unknown aggregation '{method}'", expected="max_stance | mean", found=method,
                          fix="set predict.aggregation to max_stance or mean")
    label = labels[label_idx]
    order = np.argsort(-probs[:, label_idx], kind="stable")
    evidence = tuple(Span(passages[i].focus_start, passages[i].focus_end,
                          article[passages[i].focus_start:passages[i].focus_end], labels[int(probs[i].argmax())],
                          round(float(probs[i, label_idx]), 4))
                     for i in order if int(probs[i].argmax()) == label_idx or i == order[0])
    return Decision(label, round(float(dist[label_idx]), 4),
                    {lab: round(float(p), 4) for lab, p in zip(labels, dist)}, evidence)
