"""Evaluation on held-out labelled articles: the two views of DESIGN §7.

- **given actors**: the gold actors (with aliases) are given; every gold (actor, target) pair gets a label
  (a pair without evidence counts as the model's ``neutral``); macro-F1, accuracy, per-label and per-target
  scores, confusion matrix.
- **end to end**: the system finds the actors itself; (actor, target, label) triples with label support or
  oppose are matched to gold ones (neutral and not-addressed both mean "no stance"); a predicted actor matches
  a gold actor when its canonical name equals the gold name or one of its aliases, case-insensitively.
  ``actor_recall`` is the share of gold actors that discovery found at all.
In both views the targets asked about are the ones the article's gold labels use.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Sequence

from stance.calibration import reliability
from stance.data import LabelledArticle
from stance.metrics import classification_metrics, triple_prf

STANCE_LABELS = ("support", "oppose")


def gold_actor_specs(article: LabelledArticle) -> list[dict]:
    """The article's gold actors as `given_actors` specs: name, every alias used for it, type."""
    specs: dict[str, dict] = {}
    for s in article.stances:
        spec = specs.setdefault(s.actor, {"name": s.actor, "aliases": [], "type": s.type})
        spec["aliases"] = list(dict.fromkeys([*spec["aliases"], *s.aliases]))
    return list(specs.values())


def _matcher(article: LabelledArticle):
    names: dict[str, str] = {}
    for s in article.stances:
        for form in (s.actor, *s.aliases):
            names.setdefault(form.lower(), s.actor)
    return lambda predicted: names.get(predicted.lower())


def evaluate_articles(detector, articles: Sequence[LabelledArticle], progress: bool = False) -> dict:
    """Both views over `articles`; returns ``{"metrics": ..., "predictions": [...]}``."""
    from tqdm.auto import tqdm

    labels = detector.labels
    it = tqdm(articles, desc="evaluating articles", unit="article") if progress else articles
    given, e2e = [], []
    for art in it:
        targets = list(dict.fromkeys(s.target for s in art.stances))
        given.append(detector.analyse(art.text, targets, gold_actor_specs(art)))
        e2e.append(detector.analyse(art.text, targets, None))
    given_res = detector.classify(given, progress=progress)
    e2e_res = detector.classify(e2e, progress=progress)

    gold_l, pred_l, per_target, predictions = [], [], defaultdict(lambda: ([], [])), []
    gold_triples, pred_triples = set(), set()
    found_actors, n_gold_actors = 0, 0
    for art, res, analysis, res2 in zip(articles, given_res, e2e, e2e_res):
        by_pair = {(r.actor, r.target): r for r in res}
        for s in art.stances:
            r = by_pair.get((s.actor, s.target))
            pred = r.label if r else "neutral"
            gold_l.append(s.label)
            pred_l.append(pred)
            per_target[s.target][0].append(s.label)
            per_target[s.target][1].append(pred)
            predictions.append({"view": "given_actors", "article_id": art.id, "actor": s.actor, "target": s.target,
                                "gold": s.label, "pred": pred, "addressed": r is not None,
                                "score": r.score if r else None, "probabilities": r.probabilities if r else None,
                                "evidence": [e.to_dict() for e in r.evidence] if r else [],
                                "gold_evidence": list(s.evidence)})
            if s.label in STANCE_LABELS:
                gold_triples.add((art.id, s.actor, s.target, s.label))
        match = _matcher(art)
        gold_names = {s.actor for s in art.stances}
        matched = {match(a.name) for a in analysis.actors} - {None}
        found_actors += len(gold_names & matched)
        n_gold_actors += len(gold_names)
        for r in res2:
            actor = match(r.actor) or r.actor
            if r.label in STANCE_LABELS:
                pred_triples.add((art.id, actor, r.target, r.label))
            predictions.append({"view": "end_to_end", "article_id": art.id, "actor": r.actor, "matched_gold": match(
                r.actor), "target": r.target, "pred": r.label, "score": r.score,
                "evidence": [e.to_dict() for e in r.evidence]})

    given_metrics = classification_metrics(gold_l, pred_l, labels)
    given_metrics["per_target"] = {t: {"macro_f1": classification_metrics(g, p, labels)["macro_f1"], "n": len(g)}
                                   for t, (g, p) in sorted(per_target.items())}
    given_metrics["not_addressed"] = sum(1 for p in predictions if p["view"] == "given_actors"
                                         and not p["addressed"])
    addressed = [p for p in predictions if p["view"] == "given_actors" and p["addressed"]]
    given_metrics["calibration"] = reliability([p["score"] for p in addressed],
                                               [p["pred"] == p["gold"] for p in addressed])
    end_to_end = triple_prf(gold_triples, pred_triples)
    end_to_end["actor_recall"] = round(found_actors / n_gold_actors, 4) if n_gold_actors else 0.0
    metrics = {"n_articles": len(articles), "n_pairs": len(gold_l), "given_actors": given_metrics,
               "end_to_end": end_to_end}
    return {"metrics": metrics, "predictions": predictions}
