"""Fine-tuning through the Hugging Face Trainer (DESIGN §5).

Seeded; early stopping on validation macro-F1 (passage level); class weights against imbalance; checkpoints
under ``<output_dir>/checkpoints`` that a rerun resumes from (``train.resume``); the best model is saved as a
self-contained directory with its config, metrics and model card.
"""

from __future__ import annotations

import json
import logging
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Sequence

from stance.actors import AliasTable
from stance.config import StanceConfig, config_to_dict, resolve_path
from stance.data import PassageExample, augment_names, build_examples, read_many
from stance.errors import DataFormatError
from stance.targets import TargetRegistry

log = logging.getLogger(__name__)


@dataclass
class TrainResult:
    """Where the model went and what it scored."""

    model_dir: Path
    metrics: dict


def class_weights(labels: Sequence[int], n_labels: int) -> list[float]:
    """Inverse-frequency weights, normalised to mean 1 (a missing class gets weight 1)."""
    counts = Counter(labels)
    total = len(labels)
    raw = [total / (n_labels * counts[i]) if counts[i] else 1.0 for i in range(n_labels)]
    mean = sum(raw) / n_labels
    return [w / mean for w in raw]


def _dataset(examples: Sequence[PassageExample], tokenizer, config: StanceConfig):
    from datasets import Dataset

    from stance.encoding import encode_pairs

    label2id = {lab: i for i, lab in enumerate(config.model.labels)}
    ds = Dataset.from_dict({"target": [e.target_text for e in examples], "passage": [e.passage for e in examples],
                            "labels": [label2id[e.label] for e in examples]})
    return ds.map(lambda b: encode_pairs(tokenizer, b["target"], b["passage"], config.model.max_length),
                  batched=True, remove_columns=["target", "passage"])


def training_arguments(config: StanceConfig, output_dir: Path, progress: bool):
    """The one place that turns our config into `TrainingArguments`."""
    from transformers import TrainingArguments

    from stance.model import select_device

    t = config.train
    return TrainingArguments(
        output_dir=str(output_dir / "checkpoints"), num_train_epochs=t.epochs, learning_rate=t.learning_rate,
        per_device_train_batch_size=t.batch_size, per_device_eval_batch_size=t.eval_batch_size,
        weight_decay=t.weight_decay, warmup_steps=t.warmup_ratio, seed=t.seed, data_seed=t.seed,
        eval_strategy="epoch", save_strategy="epoch", logging_strategy="steps", logging_steps=t.logging_steps,
        load_best_model_at_end=True, metric_for_best_model="macro_f1", greater_is_better=True,
        save_total_limit=t.save_total_limit, report_to=[], disable_tqdm=not progress,
        use_cpu=select_device(config.runtime.device) == "cpu", dataloader_num_workers=0,
        train_sampling_strategy="group_by_length" if t.group_by_length else "random")


def load_training_examples(config: StanceConfig, registry: TargetRegistry, aliases: AliasTable,
                           progress: bool) -> tuple[list[PassageExample], list[PassageExample], dict]:
    """Train and validation passage examples from the project's files and, if configured, public sets."""
    train_articles = read_many([resolve_path(p) for p in config.data.train], registry)
    val_articles = read_many([resolve_path(p) for p in config.data.validation], registry)
    if not train_articles:
        raise DataFormatError("no training articles", expected="at least one labelled article in data.train",
                              found=", ".join(config.data.train) or "no files", fix="set data.train")
    overlap = {a.story for a in train_articles} & {a.story for a in val_articles}
    if overlap:  # allowed (smoke runs do it on purpose) but never silent
        log.warning("train and validation share %d stories (%s): validation figures will be optimistic",
                    len(overlap), ", ".join(sorted(overlap))[:200])
    train_ex = build_examples(train_articles, config, registry, aliases, progress)
    val_ex = build_examples(val_articles, config, registry, aliases, progress)
    info = {"train_articles": len(train_articles), "validation_articles": len(val_articles)}
    if config.data.public_dir and config.data.public_sets:
        from stance.corpora import load_public_examples

        public = load_public_examples(config, registry)
        info["public_examples"] = dict(Counter(e.target.split(":", 1)[1] for e in public))
        train_ex.extend(public)
    if config.train.max_train_examples:
        train_ex = train_ex[:config.train.max_train_examples]
    train_ex = augment_names(train_ex, config, config.train.seed)
    info["train_examples"] = dict(Counter(e.label for e in train_ex))
    info["validation_examples"] = dict(Counter(e.label for e in val_ex))
    return train_ex, val_ex, info


def calibrate(trainer, val_ds, detector) -> dict:
    """Fit the softmax temperature on validation passages; passage-level ECE before and after."""
    import numpy as np

    from stance.calibration import fit_temperature, reliability

    out = trainer.predict(val_ds)
    logits, labels = np.asarray(out.predictions), np.asarray(out.label_ids)
    temperature = fit_temperature(logits, labels)

    def ece(t: float) -> float:
        z = logits / t
        p = np.exp(z - z.max(axis=1, keepdims=True))
        p /= p.sum(axis=1, keepdims=True)
        return reliability(p.max(axis=1), p.argmax(axis=1) == labels)["ece"]

    detector.temperature = temperature
    log.info("temperature %.3f: passage ECE %.3f -> %.3f", temperature, ece(1.0), ece(temperature))
    return {"temperature": round(temperature, 4), "passage_ece_before": ece(1.0), "passage_ece_after": ece(temperature)}


def convergence_warnings(passage_macro_f1: float | None, n_labels: int) -> list[str]:
    """A warning when validation passages score no better than predicting one label for all of them.

    Fine-tuning a small encoder at a high learning rate now and then never leaves the loss plateau it starts on
    (every passage gets the same label); the run then looks finished but the model is useless.
    """
    if passage_macro_f1 is None or passage_macro_f1 > 1.0 / n_labels:
        return []
    return [f"validation passage macro-F1 is {passage_macro_f1:.3f}, no better than giving every passage one label: "
            "training did not converge. Train again with another train.seed or a lower train.learning_rate "
            "(e.g. 5e-5), and check that the training data has every label."]


def train(config: StanceConfig, progress: bool | None = None) -> TrainResult:
    """Train a detector as `config` says and save it to `config.train.output_dir`."""
    import torch
    from transformers import EarlyStoppingCallback, Trainer, set_seed
    from transformers.trainer_utils import get_last_checkpoint

    from stance.card import write_model_card
    from stance.evaluation import evaluate_articles
    from stance.metrics import trainer_metrics
    from stance.model import StanceDetector

    progress = config.runtime.progress if progress is None else progress
    if config.runtime.num_threads:
        torch.set_num_threads(config.runtime.num_threads)
    set_seed(config.train.seed)
    started = time.time()
    registry = TargetRegistry.from_yaml(resolve_path(config.targets.registry))
    aliases = AliasTable.from_yaml(resolve_path(config.actors.alias_table))
    train_ex, val_ex, info = load_training_examples(config, registry, aliases, progress)
    log.info("training examples: %s; validation examples: %s", info["train_examples"], info["validation_examples"])

    detector = StanceDetector.from_base(config, registry, aliases)
    train_ds = _dataset(train_ex, detector.tokenizer, config)
    val_ds = _dataset(val_ex or train_ex[:64], detector.tokenizer, config)
    weights = None
    if config.train.class_weighting:
        weights = torch.tensor(class_weights(train_ds["labels"], len(config.model.labels)), dtype=torch.float)

    def loss_fn(outputs, labels, num_items_in_batch=None):
        logits = outputs["logits"] if isinstance(outputs, dict) else outputs.logits
        w = weights.to(logits.device) if weights is not None else None
        return torch.nn.functional.cross_entropy(logits.float(), labels, weight=w)

    out_dir = Path(config.train.output_dir)  # relative to the working directory, like every output
    out_dir.mkdir(parents=True, exist_ok=True)
    from transformers import DataCollatorWithPadding

    trainer = Trainer(model=detector.model, args=training_arguments(config, out_dir, progress),
                      train_dataset=train_ds, eval_dataset=val_ds, processing_class=detector.tokenizer,
                      data_collator=DataCollatorWithPadding(detector.tokenizer), compute_loss_func=loss_fn,
                      compute_metrics=trainer_metrics(config.model.labels),
                      callbacks=[EarlyStoppingCallback(early_stopping_patience=config.train.early_stopping_patience)])
    last = get_last_checkpoint(str(out_dir / "checkpoints")) if (out_dir / "checkpoints").is_dir() else None
    trainer.train(resume_from_checkpoint=last if config.train.resume and last else None)
    detector.model = trainer.model
    detector.model.eval()
    passage_metrics = trainer.evaluate()
    warnings = convergence_warnings(passage_metrics.get("eval_macro_f1"), len(config.model.labels))
    for w in warnings:
        log.warning(w)
    calibration = calibrate(trainer, val_ds, detector) if config.train.calibrate and val_ex else {}
    detector.save_pretrained(out_dir)

    val_articles = read_many([resolve_path(p) for p in config.data.validation], registry)
    reloaded = StanceDetector.from_pretrained(out_dir)
    article_metrics = evaluate_articles(reloaded, val_articles, progress=progress) if val_articles else {}
    metrics = {"data": info, "validation_passages": {k.replace("eval_", ""): v for k, v in passage_metrics.items()},
               "validation": article_metrics.get("metrics", {}), "calibration": calibration,
               "train_seconds": round(time.time() - started, 1),
               "best_checkpoint": trainer.state.best_model_checkpoint, "warnings": warnings,
               "config": config_to_dict(config)}
    (out_dir / "metrics.json").write_text(json.dumps(metrics, indent=2), encoding="utf-8")
    write_model_card(out_dir, config, metrics)
    return TrainResult(out_dir, metrics)
