"""Adapters for the public data sets: each turns its files into the passage examples the model trains on.

Every adapter yields ``(example id, actor, target text, passage, label)``; ``load_public_examples`` wraps them as
:class:`~stance.data.PassageExample` (target id ``public:<set>``, segment A = the set's target text).
"""

from __future__ import annotations

import random
from pathlib import Path

from stance.config import StanceConfig, resolve_path
from stance.errors import ConfigError

ADAPTERS = {"seesaw": "stance.corpora.seesaw", "directed_sentiment": "stance.corpora.directed_sentiment",
            "newsmtsc": "stance.corpora.newsmtsc", "ruw": "stance.corpora.ruw"}


def iter_public(name: str, root: str | Path, split: str, start_token: str = "[ACTOR]", end_token: str = "[/ACTOR]"):
    """Raw examples of one public set and split (train | validation | test)."""
    import importlib

    if name not in ADAPTERS:
        raise ConfigError(f"unknown public set '{name}'", expected=" | ".join(ADAPTERS), found=name,
                          fix="fix data.public_sets")
    return importlib.import_module(ADAPTERS[name]).iter_examples(Path(root), split, start_token, end_token)


def load_public_examples(config: StanceConfig, registry=None, split: str = "train", cap: int | None = None) -> list:
    """Passage examples from the configured public sets, at most ``data.public_max_examples`` per set (sampled)."""
    from stance.data import PassageExample

    root = resolve_path(config.data.public_dir)
    if not root.is_dir():
        raise ConfigError("public data folder not found", where="data.public_dir", expected="a folder with the sets",
                          found=str(root),
                          fix="set data.public_dir (e.g. ../shared/data/public) or data.public_sets=[]")
    cap = config.data.public_max_examples if cap is None else cap
    rng = random.Random(config.train.seed)
    out = []
    for name in config.data.public_sets:
        rows = list(iter_public(name, root, split, config.model.actor_start, config.model.actor_end))
        if cap and len(rows) > cap:
            rows = rng.sample(rows, cap)
        out.extend(PassageExample(ex_id, actor, "person" if actor != "author" else "author", f"public:{name}",
                                  target, passage, label, True) for ex_id, actor, target, passage, label in rows)
    return out
