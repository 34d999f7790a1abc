"""Training: seeded runs repeat exactly, and a rerun resumes from the last checkpoint."""

import json
from pathlib import Path

from stance.config import load_config
from stance.model import StanceDetector
from stance.train import class_weights, train

ROOT = Path(__file__).resolve().parents[1]
ARTICLES = Path(__file__).parent / "fixtures" / "articles.jsonl"
TEXT = json.loads(ARTICLES.read_text().splitlines()[1])["text"]


def _cfg(smoke_overrides, out, *extra):
    return load_config(ROOT / "configs" / "default.yaml", ROOT / "configs" / "smoke.yaml",
                       overrides=[*smoke_overrides, f"train.output_dir={out}", *extra])


def test_same_seed_same_model(smoke_overrides, tmp_path):
    a = train(_cfg(smoke_overrides, tmp_path / "a")).model_dir
    b = train(_cfg(smoke_overrides, tmp_path / "b")).model_dir
    pa = StanceDetector.from_pretrained(a).predict(TEXT)
    pb = StanceDetector.from_pretrained(b).predict(TEXT)
    assert [r.probabilities for r in pa] == [r.probabilities for r in pb]


def test_rerun_resumes_from_last_checkpoint(smoke_overrides, tmp_path):
    out = tmp_path / "m"
    train(_cfg(smoke_overrides, out, "train.epochs=1", "train.save_total_limit=3"))
    first = sorted((out / "checkpoints").glob("checkpoint-*"), key=lambda p: int(p.name.split("-")[1]))
    steps_one_epoch = int(first[-1].name.split("-")[1])
    result = train(_cfg(smoke_overrides, out, "train.epochs=2", "train.resume=true", "train.save_total_limit=3"))
    state = json.loads(sorted((out / "checkpoints").glob("checkpoint-*"), key=lambda p: int(p.name.split("-")[1]))[-1]
                       .joinpath("trainer_state.json").read_text())
    assert state["global_step"] == 2 * steps_one_epoch
    # the resumed run's log starts after the first epoch: no entry for epoch 1's evaluation is recomputed
    assert [h["epoch"] for h in state["log_history"] if "eval_macro_f1" in h] == [1.0, 2.0]
    assert result.metrics["validation"]["n_pairs"] == 10


def test_class_weights_balance_labels():
    w = class_weights([0, 0, 0, 1, 2, 2], 3)
    assert w[1] > w[2] > w[0] and abs(sum(w) / 3 - 1) < 1e-9
    assert class_weights([0, 0], 3)[1] == class_weights([0, 0], 3)[2]  # missing classes get the same weight


def test_training_adds_configured_public_sets(smoke_overrides, tmp_path):
    import os

    import pytest

    public = Path(os.environ.get("STANCE_DATA_DIR", ROOT.parent / "shared" / "data" / "public"))
    if not public.is_dir():
        pytest.skip(f"public data sets not found at {public}")
    result = train(_cfg(smoke_overrides, tmp_path / "p", f"data.public_dir={public}",
                        "data.public_sets=[seesaw,directed_sentiment,newsmtsc,ruw]", "data.public_max_examples=10"))
    expected = {"seesaw": 10, "directed_sentiment": 10, "newsmtsc": 10, "ruw": 10}
    assert result.metrics["data"]["public_examples"] == expected


def test_a_run_that_never_left_its_plateau_is_flagged():
    from stance.train import convergence_warnings

    assert convergence_warnings(0.21, 3) and "did not converge" in convergence_warnings(0.21, 3)[0]
    assert convergence_warnings(0.60, 3) == []
    assert convergence_warnings(None, 3) == []
