"""Calibration: temperature scaling of the classifier's logits, and how well scores match accuracy.

Temperature scaling (Guo et al., 2017) divides the logits by one scalar T > 0 fitted on validation passages by
minimising the negative log-likelihood; it changes no argmax, only how confident the probabilities are.
The expected calibration error (ECE) is the mean |accuracy − confidence| over equal-width confidence bins,
weighted by the share of predictions in each bin.
"""

from __future__ import annotations

from pathlib import Path
from typing import Sequence

import numpy as np


def fit_temperature(logits: np.ndarray, labels: Sequence[int], max_iter: int = 200) -> float:
    """The temperature that minimises validation NLL (searched in log space, so T stays positive)."""
    import torch

    x = torch.as_tensor(np.asarray(logits), dtype=torch.float64)
    y = torch.as_tensor(np.asarray(labels), dtype=torch.long)
    if len(y) == 0:
        return 1.0
    log_t = torch.zeros(1, dtype=torch.float64, requires_grad=True)
    opt = torch.optim.LBFGS([log_t], lr=0.1, max_iter=max_iter)

    def closure():
        opt.zero_grad()
        loss = torch.nn.functional.cross_entropy(x / log_t.exp(), y)
        loss.backward()
        return loss

    opt.step(closure)
    return float(min(max(log_t.exp().item(), 0.05), 20.0))


def reliability(confidence: Sequence[float], correct: Sequence[bool], n_bins: int = 10) -> dict:
    """ECE and per-bin accuracy/confidence/count over equal-width bins of [0, 1]."""
    conf = np.asarray(confidence, dtype=float)
    ok = np.asarray(correct, dtype=float)
    bins = []
    ece = 0.0
    edges = np.linspace(0.0, 1.0, n_bins + 1)
    for i in range(n_bins):
        lo, hi = edges[i], edges[i + 1]
        mask = (conf > lo) & (conf <= hi) if i else (conf >= lo) & (conf <= hi)
        n = int(mask.sum())
        if n:
            acc, c = float(ok[mask].mean()), float(conf[mask].mean())
            ece += n / len(conf) * abs(acc - c)
            bins.append({"low": round(lo, 2), "high": round(hi, 2), "n": n, "accuracy": round(acc, 4),
                         "confidence": round(c, 4)})
    return {"ece": round(ece, 4) if len(conf) else 0.0, "n": int(len(conf)), "bins": bins}


def plot_reliability(rel: dict, path: str | Path, title: str = "Reliability (given actors)") -> None:
    """A reliability diagram: accuracy per confidence bin against the diagonal."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    fig, ax = plt.subplots(figsize=(4.6, 4.2), dpi=120)
    ax.plot([0, 1], [0, 1], "--", color="grey", label="perfect calibration")
    if rel["bins"]:
        mids = [(b["low"] + b["high"]) / 2 for b in rel["bins"]]
        ax.bar(mids, [b["accuracy"] for b in rel["bins"]], width=0.09, alpha=0.7, label="accuracy")
        ax.plot([b["confidence"] for b in rel["bins"]], [b["accuracy"] for b in rel["bins"]], "o-", color="C1",
                label="confidence vs accuracy")
    ax.set_xlim(0, 1)
    ax.set_ylim(0, 1)
    ax.set_xlabel("score of the predicted label")
    ax.set_ylabel("accuracy")
    ax.set_title(f"{title}\nECE {rel['ece']:.3f} over {rel['n']} pairs")
    ax.legend(loc="upper left", fontsize=8)
    fig.tight_layout()
    fig.savefig(path)
    plt.close(fig)
