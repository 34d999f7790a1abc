"""The model card (README.md) written into every trained model directory."""

from __future__ import annotations

import platform
from pathlib import Path

from stance.config import StanceConfig


def _versions() -> dict[str, str]:
    from importlib.metadata import PackageNotFoundError, version

    out = {"python": platform.python_version()}
    for pkg in ("stance", "torch", "transformers", "datasets", "spacy", "scikit-learn"):
        try:
            out[pkg] = version(pkg)
        except PackageNotFoundError:
            out[pkg] = "not installed"
    return out


def write_model_card(model_dir: str | Path, config: StanceConfig, metrics: dict) -> Path:
    """Write ``README.md`` with data, results, intended use, limits and versions."""
    val = metrics.get("validation", {})
    g, e = val.get("given_actors", {}), val.get("end_to_end", {})
    data = metrics.get("data", {})
    v = _versions()
    cal = metrics.get("calibration", {})
    public = ", ".join(config.data.public_sets) or "none"
    if data.get("public_examples"):
        public += f" {data['public_examples']}"
    nan = float("nan")
    warnings = "".join(f"- **Warning:** {w}\n" for w in metrics.get("warnings", []))
    text = f"""---
library_name: transformers
pipeline_tag: text-classification
base_model: {config.model.base}
tags: [stance-detection, news, cross-encoder, stance]
---

# stance model: actor stance toward policy targets in news

A cross-encoder that reads (target description, passage with the actor marked by `{config.model.actor_start}` …
`{config.model.actor_end}`) and outputs `{", ".join(config.model.labels)}`. Use it through the `stance` library
(`stance.StanceDetector.from_pretrained(dir)`), which finds actors and evidence passages and aggregates passage
labels into one label per (actor, target). `AutoModelForSequenceClassification.from_pretrained(dir)` loads it too.

## Training data
- Labelled articles: {", ".join(config.data.train)} ({data.get("train_articles", "?")} articles); validation:
  {", ".join(config.data.validation)} ({data.get("validation_articles", "?")} articles). Split by article/story.
- Passage examples by label (train): {data.get("train_examples", {})}
- Public sets: {public}
- Actor names were swapped for invented ones in {config.train.actor_mask_prob:.0%} of training passages so that no
  name carries a label.

## Results (validation articles, given actors)
{warnings}- macro-F1 {g.get("macro_f1", nan):.3f}, accuracy {g.get("accuracy", nan):.3f} over {val.get("n_pairs", 0)}
  pairs
- end to end: F1 {e.get("f1", nan):.3f}, actor recall {e.get("actor_recall", nan):.3f}
- training time: {metrics.get("train_seconds", "?")} s

Validation articles chose the best checkpoint, so these figures are optimistic: see `stance evaluate` on the
test split for held-out figures.

## Intended use and limits
- For analysts reading English news about the listed targets; every label comes with evidence spans to check.
- Trained on a small corpus written by the project: expect errors on styles and targets it has not seen,
  on stances that need several sentences of context, and on pronouns with several candidates.
- Scores are softmax probabilities after temperature scaling on validation passages (temperature
  {cal.get("temperature", 1.0)}; passage ECE {cal.get("passage_ece_before", "?")} →
  {cal.get("passage_ece_after", "?")});
  pair-level calibration is in the evaluation report.
- Not for decisions about individuals.

## Config
Hyper-parameters: epochs {config.train.epochs}, learning rate {config.train.learning_rate}, batch size
{config.train.batch_size}, max length {config.model.max_length}, seed {config.train.seed}. The full resolved config
is `stance_config.yaml`.

## Versions
{chr(10).join(f"- {k}: {val_}" for k, val_ in v.items())}
"""
    path = Path(model_dir) / "README.md"
    path.write_text(text, encoding="utf-8")
    return path
