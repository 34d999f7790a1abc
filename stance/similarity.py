"""Sentence-to-target similarity with a sentence encoder (mean-pooled, unit-length embeddings).

Keyword relevance knows a registry target by its curated aliases and keywords. A target a user describes in free
text has only the words of its description, so evidence selection adds the cosine similarity between each
sentence and the description, from the base encoder (``all-MiniLM-L6-v2`` by default, trained for exactly this
kind of similarity). The encoder is loaded once per process, on first use.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Sequence

import numpy as np


class SentenceEncoder:
    """Mean-pooled, L2-normalised embeddings from a Hugging Face encoder (the sentence-transformers recipe)."""

    def __init__(self, name: str, batch_size: int = 64, max_length: int = 128) -> None:  # noqa: D107
        from transformers import AutoModel, AutoTokenizer

        from stance.errors import ModelLoadError
        from stance.model import resolve_base_model

        path = resolve_base_model(name)
        try:
            self.tokenizer = AutoTokenizer.from_pretrained(path)
            self.model = AutoModel.from_pretrained(path).eval()
        except OSError as err:
            raise ModelLoadError(f"cannot load the sentence encoder '{name}'", found=str(err).splitlines()[0],
                                 expected="a local model directory or a Hugging Face id in the local cache",
                                 fix="set evidence.similarity_model to an installed encoder, or "
                                     "evidence.similarity_weight=0 to rank by keywords only") from None
        self.batch_size, self.max_length = batch_size, max_length

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        """One unit-length row per text."""
        import torch

        out = []
        with torch.inference_mode():
            for i in range(0, len(texts), self.batch_size):
                enc = self.tokenizer(list(texts[i:i + self.batch_size]), padding=True, truncation=True,
                                     max_length=self.max_length, return_tensors="pt")
                hidden = self.model(**enc).last_hidden_state
                mask = enc["attention_mask"].unsqueeze(-1).to(hidden.dtype)
                pooled = (hidden * mask).sum(1) / mask.sum(1).clamp(min=1e-9)
                out.append(torch.nn.functional.normalize(pooled, dim=-1).numpy())
        return np.concatenate(out) if out else np.zeros((0, self.model.config.hidden_size), dtype=np.float32)

    def similarities(self, sentences: Sequence[str], queries: Sequence[str]) -> np.ndarray:
        """Cosine similarity of every sentence (rows) to every query (columns)."""
        if not sentences or not queries:
            return np.zeros((len(sentences), len(queries)), dtype=np.float32)
        return self.encode(sentences) @ self.encode(queries).T


@lru_cache(maxsize=2)
def load_encoder(name: str) -> SentenceEncoder:
    """The encoder for `name`, loaded once per process."""
    return SentenceEncoder(name)


def similarity_bonus(similarity: float, weight: float, floor: float) -> float:
    """Relevance added for a sentence whose similarity to the target is `similarity`: ``weight × (sim − floor)``,
    never negative, so unrelated sentences (below the floor) get nothing."""
    return weight * max(0.0, float(similarity) - floor)
