"""stance: who supports, opposes or is neutral toward a target in news articles.

Public names are loaded lazily, so ``import stance`` is cheap and has no side effects.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"
__all__ = ["predict", "StanceDetector", "ActorStance", "Span", "load_config", "train", "evaluate_model",
           "StanceError", "__version__"]

_LAZY = {
    "predict": ("stance.api", "predict"),
    "StanceDetector": ("stance.model", "StanceDetector"),
    "ActorStance": ("stance.results", "ActorStance"),
    "Span": ("stance.results", "Span"),
    "load_config": ("stance.config", "load_config"),
    "train": ("stance.train", "train"),
    "evaluate_model": ("stance.cli", "evaluate_model"),
    "StanceError": ("stance.errors", "StanceError"),
}

if TYPE_CHECKING:  # pragma: no cover
    from stance.api import predict
    from stance.cli import evaluate_model
    from stance.config import load_config
    from stance.errors import StanceError
    from stance.model import StanceDetector
    from stance.results import ActorStance, Span
    from stance.train import train


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        import importlib

        module, attr = _LAZY[name]
        value = getattr(importlib.import_module(module), attr)
        globals()[name] = value
        return value
    raise AttributeError(f"module 'stance' has no attribute '{name}'")
