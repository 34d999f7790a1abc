"""Shared fixtures: a tiny random BERT built offline once per session, and configs shrunk from the shipped ones."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = Path(__file__).parent / "fixtures"
ARTICLES = FIXTURES / "articles.jsonl"


@pytest.fixture(scope="session")
def tiny_base(tmp_path_factory) -> Path:
    """A 2-layer, 32-wide random BERT with a word-level vocabulary of the fixture texts (no download)."""
    from transformers import BertConfig, BertModel, BertTokenizerFast

    out = tmp_path_factory.mktemp("tiny_bert")
    words = set()
    for p in [ARTICLES, ROOT / "configs" / "targets.yaml"]:
        words.update(w.lower() for w in re.findall(r"[A-Za-z]+", p.read_text(encoding="utf-8")))
    chars = "abcdefghijklmnopqrstuvwxyz0123456789"
    vocab = ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]", *".,;:!?\"'’“”()-—/",
             *chars, *(f"##{c}" for c in chars), *sorted(words)]
    (out / "vocab.txt").write_text("\n".join(dict.fromkeys(vocab)) + "\n", encoding="utf-8")
    tok = BertTokenizerFast(vocab_file=str(out / "vocab.txt"))
    tok.save_pretrained(out)
    cfg = BertConfig(vocab_size=len(tok), hidden_size=32, num_hidden_layers=2, num_attention_heads=2,
                     intermediate_size=64, max_position_embeddings=256)
    import torch

    torch.manual_seed(0)
    BertModel(cfg).save_pretrained(out)
    return out


@pytest.fixture()
def smoke_overrides(tiny_base, tmp_path) -> list[str]:
    """Overrides that point the shipped smoke config at the tiny model and the fixture articles."""
    return [f"model.base={tiny_base}", f"train.output_dir={tmp_path / 'model'}", f"data.train=[{ARTICLES}]",
            f"data.validation=[{ARTICLES}]", f"data.test=[{ARTICLES}]", "train.epochs=2", "train.actor_mask_prob=0.5"]


@pytest.fixture()
def smoke_config(smoke_overrides):
    """The shipped default + smoke configs, shrunk to the tiny model."""
    from stance.config import load_config

    return load_config(ROOT / "configs" / "default.yaml", ROOT / "configs" / "smoke.yaml", overrides=smoke_overrides)


@pytest.fixture(scope="session")
def trained_model_dir(tiny_base, tmp_path_factory) -> Path:
    """A tiny model trained once on the fixture articles, shared by tests that only read it."""
    from stance.config import load_config
    from stance.train import train

    out = tmp_path_factory.mktemp("trained") / "model"
    cfg = load_config(ROOT / "configs" / "default.yaml", ROOT / "configs" / "smoke.yaml", overrides=[
        f"model.base={tiny_base}", f"train.output_dir={out}", f"data.train=[{ARTICLES}]",
        f"data.validation=[{ARTICLES}]", f"data.test=[{ARTICLES}]", "train.epochs=2"])
    train(cfg)
    return out


@pytest.fixture(scope="session")
def detector(trained_model_dir):
    """The tiny trained detector, loaded once."""
    from stance.model import StanceDetector

    return StanceDetector.from_pretrained(trained_model_dir)


@pytest.fixture(scope="session")
def nlp():
    """The configured spaCy pipeline, loaded once."""
    from stance.text import load_pipeline

    return load_pipeline("en_core_web_sm")


@pytest.fixture(scope="session")
def registry():
    """The shipped target registry."""
    from stance.targets import TargetRegistry

    return TargetRegistry.from_yaml(ROOT / "configs" / "targets.yaml")
