"""`stance.predict`: the one-call entry point, with the default model loaded once per process."""

from __future__ import annotations

import os
from functools import lru_cache
from pathlib import Path
from typing import Iterable, Mapping, Sequence

from stance.config import resolve_path
from stance.errors import ModelLoadError
from stance.results import ActorStance
from stance.targets import Target

DEFAULT_MODEL_DIR = "models/default"


def default_model_path() -> Path:
    """``$STANCE_MODEL`` if set, else ``models/default`` (working directory first, then the project root)."""
    return resolve_path(os.environ.get("STANCE_MODEL") or DEFAULT_MODEL_DIR)


def require_default_model() -> Path:
    """The default model directory, or a `ModelLoadError` that says which command trains it."""
    path = default_model_path()
    if not path.is_dir():
        raise ModelLoadError("no default model has been trained yet", where=str(path),
                             expected="a trained model directory at models/default or $STANCE_MODEL",
                             found="no such directory",
                             fix="run `make main` (or `stance train -c configs/default.yaml`), or pass a model path")
    return path


@lru_cache(maxsize=4)
def _load(path: str):
    from stance.model import StanceDetector

    return StanceDetector.from_pretrained(path)


def predict(text: str, targets: Iterable[str | Target] | None = None, actors: Sequence[str | Mapping] | None = None,
            model=None) -> list[ActorStance]:
    """Stances of the actors in `text` toward `targets` (ids or free-text descriptions; default: the model's).

    `model` is a model directory or a `StanceDetector`; by default ``$STANCE_MODEL`` or ``models/default``.
    """
    from stance.model import StanceDetector

    if isinstance(model, StanceDetector):
        detector = model
    else:
        path = Path(model) if model is not None else require_default_model()
        detector = _load(str(path.resolve()))
    return detector.predict(text, targets=targets, actors=actors)
