"""One config system for training, evaluation and prediction (DESIGN §3).

Typed dataclasses are the schema; OmegaConf merges YAML files and dotted ``key=value`` overrides onto them and
rejects unknown keys and wrong types. We wrap OmegaConf's errors in :class:`~stance.errors.ConfigError` with the
file, line and key, and a "did you mean" hint.

A trained model directory stores its resolved config (``stance_config.yaml``). Evaluation and prediction read it
back; they may override runtime keys only (paths, batch sizes, device, thresholds). Overriding a *frozen* key,
one that changes how the model's input is built, is an error.
"""

from __future__ import annotations

import difflib
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable, Optional, Sequence

import yaml
from omegaconf import DictConfig, OmegaConf
from omegaconf.errors import ConfigAttributeError, ConfigKeyError, OmegaConfBaseException, ValidationError

from stance.errors import ConfigError

LABELS = ("support", "oppose", "neutral")
DEFAULT_BASE_MODEL = "sentence-transformers/all-MiniLM-L6-v2"
#: The repository root when installed from a checkout (editable install); shipped configs live below it.
PROJECT_ROOT = Path(__file__).resolve().parents[1]
CONFIG_FILE_NAME = "stance_config.yaml"


@dataclass
class ModelConfig:
    """The classifier and how its input is built. Frozen once a model is trained."""

    base: str = DEFAULT_BASE_MODEL
    labels: list[str] = field(default_factory=lambda: list(LABELS))
    max_length: int = 256
    input_format: str = "target_passage_marked_v1"
    actor_start: str = "[ACTOR]"
    actor_end: str = "[/ACTOR]"


@dataclass
class TargetsConfig:
    """Where the target registry lives and which targets `predict` uses when none are given."""

    registry: str = "configs/targets.yaml"
    default: list[str] = field(default_factory=lambda: ["ukraine_nato_membership", "foreign_troops_in_ukraine"])


@dataclass
class ActorsConfig:
    """Actor discovery: spaCy pipeline, entity types kept, and the alias table."""

    alias_table: str = "configs/actors.yaml"
    spacy_model: str = "en_core_web_sm"
    entity_labels: list[str] = field(default_factory=lambda: ["PERSON", "ORG", "GPE"])
    min_mentions: int = 1


@dataclass
class EvidenceConfig:
    """Which passages link an actor to a target."""

    max_passages: int = 5
    context_sentences: int = 1
    min_relevance: float = 0.15
    max_passage_chars: int = 900
    require_holder: str = "discovered"
    holder_weight: float = 0.0
    min_passage_relevance: Optional[float] = 0.0
    discovered_min_relevance: Optional[float] = 1.0
    similarity_targets: str = "free_text"
    similarity_weight: float = 4.0
    similarity_floor: float = 0.15
    similarity_model: Optional[str] = None


@dataclass
class DataConfig:
    """Labelled articles and optional public sets used for training and evaluation."""

    train: list[str] = field(default_factory=lambda: ["data/train.jsonl", "data/drills.jsonl"])
    validation: list[str] = field(default_factory=lambda: ["data/validation.jsonl"])
    test: list[str] = field(default_factory=lambda: ["data/test.jsonl"])
    public_dir: Optional[str] = None
    public_sets: list[str] = field(default_factory=list)
    public_max_examples: int = 3000
    non_evidence_passages: str = "neutral"
    max_non_evidence_per_pair: int = 1
    contrastive_per_target: int = 2
    cross_target_per_pair: int = 0


@dataclass
class TrainConfig:
    """Fine-tuning with the Hugging Face Trainer."""

    output_dir: str = "models/default"
    epochs: float = 3.0
    learning_rate: float = 8e-5
    batch_size: int = 16
    eval_batch_size: int = 64
    weight_decay: float = 0.01
    warmup_ratio: float = 0.1
    seed: int = 42
    early_stopping_patience: int = 3
    class_weighting: bool = True
    calibrate: bool = True
    actor_mask_prob: float = 0.3
    resume: bool = True
    logging_steps: int = 20
    save_total_limit: int = 2
    group_by_length: bool = True
    max_train_examples: Optional[int] = None


@dataclass
class PredictConfig:
    """Inference settings; all may be overridden at prediction time."""

    model: Optional[str] = None
    batch_size: int = 32
    aggregation: str = "max_stance"
    stance_threshold: float = 0.5
    include_not_addressed: bool = False


@dataclass
class RuntimeConfig:
    """Where and how things run."""

    device: str = "auto"
    num_threads: Optional[int] = None
    progress: bool = True


@dataclass
class StanceConfig:
    """The whole configuration: one section per concern."""

    model: ModelConfig = field(default_factory=ModelConfig)
    targets: TargetsConfig = field(default_factory=TargetsConfig)
    actors: ActorsConfig = field(default_factory=ActorsConfig)
    evidence: EvidenceConfig = field(default_factory=EvidenceConfig)
    data: DataConfig = field(default_factory=DataConfig)
    train: TrainConfig = field(default_factory=TrainConfig)
    predict: PredictConfig = field(default_factory=PredictConfig)
    runtime: RuntimeConfig = field(default_factory=RuntimeConfig)


#: Keys that define the model's input; they may not change after training.
FROZEN_PREFIXES = ("model.", "train.", "evidence.context_sentences", "evidence.max_passage_chars",
                   "data.non_evidence_passages")
CHOICES = {
    "predict.aggregation": ("max_stance", "mean"),
    "data.non_evidence_passages": ("neutral", "drop"),
    "model.input_format": ("target_passage_marked_v1",),
    "runtime.device": ("auto", "cpu", "cuda", "mps"),
    "evidence.require_holder": ("discovered", "always", "never"),
    "evidence.similarity_targets": ("free_text", "all", "none"),
}


def _all_keys(node: Any, prefix: str = "") -> list[str]:
    keys = []
    if isinstance(node, DictConfig):
        for k in node.keys():
            full = f"{prefix}{k}"
            keys.append(full)
            keys.extend(_all_keys(node[k] if not OmegaConf.is_missing(node, k) else None, full + "."))
    return keys


def _suggest(key: str) -> str:
    known = _all_keys(OmegaConf.structured(StanceConfig))
    close = difflib.get_close_matches(key, known, n=1, cutoff=0.6)
    if not close:  # try the last component against same-section keys
        leaf = key.rsplit(".", 1)[-1]
        close = [k for k in known if k.rsplit(".", 1)[-1] in difflib.get_close_matches(leaf, [
            x.rsplit(".", 1)[-1] for x in known], n=1, cutoff=0.6)][:1]
    return f"did you mean '{close[0]}'?" if close else "see configs/default.yaml for every key"


def _yaml_line(path: Path, dotted: str) -> Optional[int]:
    """1-based line of `dotted` key in a YAML file, found through PyYAML's node marks."""
    try:
        node = yaml.compose(path.read_text(encoding="utf-8"))
    except yaml.YAMLError:
        return None
    line = None
    for part in dotted.split("."):
        if not isinstance(node, yaml.MappingNode):
            return line
        for k, v in node.value:
            if k.value == part:
                line, node = k.start_mark.line + 1, v
                break
        else:
            return line
    return line


def _wrap(err: OmegaConfBaseException, source: str, path: Optional[Path]) -> ConfigError:
    key = getattr(err, "full_key", None) or ""
    where = source
    if path is not None and key:
        line = _yaml_line(path, key)
        if line:
            where = f"{source}, line {line}"
    if isinstance(err, (ConfigKeyError, ConfigAttributeError)):
        return ConfigError(f"unknown config key '{key}'", expected="a key defined in the config schema",
                           found=key, fix=_suggest(key), where=where)
    if isinstance(err, ValidationError):
        expected = (getattr(err, "msg", None) or str(err) or "a value of the schema's type").split("\n")[0]
        return ConfigError(f"wrong type for config key '{key}'", expected=expected,
                           found=repr(getattr(err, "value", None)),
                           fix=f"set '{key}' to a value of the right type (see configs/default.yaml)", where=where)
    return ConfigError(f"invalid config: {str(err).splitlines()[0]}", where=where,
                       fix="check the YAML syntax and keys against configs/default.yaml")


def _merge_file(cfg: DictConfig, path: Path) -> DictConfig:
    if not path.is_file():
        raise ConfigError("config file not found", expected="an existing YAML file", found=str(path),
                          fix="pass a path such as configs/default.yaml")
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except yaml.YAMLError as err:
        mark = getattr(err, "problem_mark", None)
        where = f"{path}, line {mark.line + 1}" if mark else str(path)
        raise ConfigError("config file is not valid YAML", where=where, found=str(err).splitlines()[0],
                          fix="fix the YAML syntax") from None
    bad = [k for k, v in data.items() if not isinstance(v, dict)] if isinstance(data, dict) else []
    if bad:
        line = _yaml_line(path, str(bad[0]))
        raise ConfigError(f"config section '{bad[0]}' must be a mapping of keys", found=repr(data[bad[0]])[:60],
                          where=f"{path}, line {line}" if line else str(path), expected="key: value lines under it",
                          fix=f"write '{bad[0]}:' followed by indented 'key: value' lines")
    if not isinstance(data, dict):
        raise ConfigError("config file must hold a mapping of sections", where=str(path),
                          expected="sections such as 'model:' and 'train:'", found=type(data).__name__,
                          fix="write the file as 'section:\\n  key: value'")
    try:
        return OmegaConf.merge(cfg, OmegaConf.create(data))
    except OmegaConfBaseException as err:
        raise _wrap(err, str(path), path) from None


def _parse_overrides(overrides: Sequence[str]) -> list[tuple[str, str]]:
    pairs = []
    for item in overrides:
        if "=" not in item:
            raise ConfigError("an override must look like key=value", expected="e.g. train.epochs=2",
                              found=repr(item), fix="write dotted.key=value")
        key, value = item.split("=", 1)
        pairs.append((key.strip(), value))
    return pairs


def _apply_overrides(cfg: DictConfig, overrides: Sequence[str]) -> DictConfig:
    for key, value in _parse_overrides(overrides):
        try:
            cfg = OmegaConf.merge(cfg, OmegaConf.from_dotlist([f"{key}={value}"]))
        except OmegaConfBaseException as err:
            raise _wrap(err, f"override '{key}={value}'", None) from None
    return cfg


def _check_choices(cfg: DictConfig) -> None:
    for key, allowed in CHOICES.items():
        value = OmegaConf.select(cfg, key)
        if value not in allowed:
            raise ConfigError(f"invalid value for '{key}'", expected=" | ".join(allowed), found=repr(value),
                              fix=f"set {key} to one of {', '.join(allowed)}")
    labels = list(cfg.model.labels)
    if sorted(labels) != sorted(LABELS):
        raise ConfigError("model.labels must name the three stance labels once each",
                          expected=", ".join(LABELS) + " (any order)", found=", ".join(labels),
                          fix="set model.labels: [support, oppose, neutral]")
    if not 0.0 <= cfg.train.actor_mask_prob <= 1.0:
        raise ConfigError("train.actor_mask_prob is a probability", expected="a number in [0, 1]",
                          found=str(cfg.train.actor_mask_prob), fix="set it between 0 and 1")


def load_config(*paths: str | os.PathLike, overrides: Sequence[str] = ()) -> StanceConfig:
    """Build a validated config from the schema's defaults, YAML files (merged left to right) and overrides.

    >>> cfg = load_config("configs/default.yaml", overrides=["train.epochs=2"])  # doctest: +SKIP
    """
    cfg = OmegaConf.structured(StanceConfig)
    for p in paths:
        cfg = _merge_file(cfg, Path(p))
    cfg = _apply_overrides(cfg, overrides)
    _check_choices(cfg)
    return OmegaConf.to_object(cfg)  # type: ignore[return-value]


def check_runtime_overrides(overrides: Iterable[str]) -> None:
    """Refuse overrides of frozen keys when a trained model's config is read back."""
    for key, value in _parse_overrides(list(overrides)):
        if any(key == p.rstrip(".") or key.startswith(p) for p in FROZEN_PREFIXES):
            raise ConfigError(f"'{key}' is frozen in a trained model and cannot be overridden",
                              expected="runtime keys only (data.*, predict.*, runtime.*, targets.*, actors.*, "
                                       "evidence.max_passages, evidence.min_relevance)",
                              found=f"{key}={value}",
                              fix="retrain with `stance train ... " + f"{key}={value}` to change it")


def load_model_config(model_dir: str | os.PathLike, overrides: Sequence[str] = (),
                      extra_files: Sequence[str | os.PathLike] = ()) -> StanceConfig:
    """Read a model directory's saved config, then apply runtime-only files and overrides."""
    from stance.errors import ModelLoadError

    saved = Path(model_dir) / CONFIG_FILE_NAME
    if not saved.is_file():
        raise ModelLoadError("model directory has no saved config", where=str(model_dir),
                             expected=f"{CONFIG_FILE_NAME} written by `stance train`", found="no such file",
                             fix="point to a directory made by `stance train`, or retrain it")
    check_runtime_overrides(overrides)
    base = load_config(saved)
    for extra in extra_files:  # a runtime config file must not change frozen keys either
        other = load_config(saved, extra)
        for key in _changed_keys(base, other):
            check_runtime_overrides([f"{key}=<from {extra}>"])
        base = other
    return load_config(saved, *extra_files, overrides=overrides)


def _changed_keys(a: StanceConfig, b: StanceConfig) -> list[str]:
    da = OmegaConf.to_container(OmegaConf.structured(a))
    db = OmegaConf.to_container(OmegaConf.structured(b))
    out = []

    def walk(x: Any, y: Any, prefix: str) -> None:
        if isinstance(x, dict):
            for k in x:
                walk(x[k], y.get(k), f"{prefix}{k}.")
        elif x != y:
            out.append(prefix.rstrip("."))

    walk(da, db, "")
    return out


def save_config(cfg: StanceConfig, path: str | os.PathLike) -> None:
    """Write the resolved config as YAML."""
    Path(path).write_text(OmegaConf.to_yaml(OmegaConf.structured(cfg)), encoding="utf-8")


def config_to_dict(cfg: StanceConfig) -> dict:
    """The config as plain nested dicts (for logs, metrics and model cards)."""
    return OmegaConf.to_container(OmegaConf.structured(cfg))  # type: ignore[return-value]


def resolve_path(path: str | os.PathLike) -> Path:
    """Resolve a config path: absolute, else relative to the working directory, else to the project root."""
    p = Path(os.path.expanduser(str(path)))
    if p.is_absolute() or p.exists():
        return p
    candidate = PROJECT_ROOT / p
    return candidate if candidate.exists() else p
