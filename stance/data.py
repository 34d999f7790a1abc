"""Labelled articles (DESIGN §4): read, validate, and turn into the passage examples the model trains on.

One article per JSON line::

    {"id": "a-17", "title": "…", "date": "2025-03-02", "source": "…", "text": "…",
     "stances": [{"actor": "Emmanuel Macron", "aliases": ["Macron"], "target": "foreign_troops_in_ukraine",
                  "label": "support", "evidence": ["verbatim sentence from text"]}]}

Passage examples come from the same actor and evidence code that prediction uses: for each gold (actor, target),
``given_actors`` finds the actor's mentions and ``select_passages`` picks passages exactly as at inference.
A passage whose focus sentence overlaps a gold evidence string takes the gold label; gold evidence sentences
that selection missed are added as passages too (so pronoun- and quote-carried stances are learned); selected
passages that hold no gold evidence become ``neutral`` examples (``data.non_evidence_passages``; at most
``data.max_non_evidence_per_pair`` per pair, the most relevant), because at
inference such passages must not outvote the one that states a position. Two kinds of negatives teach what a
passage is *about* and *whose* position it holds: an unlabelled person marked in a gold evidence sentence
(``data.contrastive_per_target``) and an actor's evidence read against a confusable target the actor does not
address (``data.cross_target_per_pair``, off by default: measured, it did not help); both are ``neutral``.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Iterator, Sequence

from stance.actors import AliasTable, discover_actors, given_actors
from stance.config import LABELS, StanceConfig
from stance.encoding import swap_actor_name
from stance.errors import DataFormatError
from stance.evidence import build_passage, select_passages
from stance.jsonl import iter_json_lines
from stance.quotes import attribute_quotes, link_pronoun_subjects
from stance.targets import TargetRegistry
from stance.text import load_pipeline, segment

REQUIRED_ARTICLE_FIELDS = ("id", "text", "stances")
REQUIRED_STANCE_FIELDS = ("actor", "target", "label")


@dataclass(frozen=True)
class GoldStance:
    """One labelled (actor, target) pair of an article."""

    actor: str
    target: str
    label: str
    aliases: tuple[str, ...] = ()
    evidence: tuple[str, ...] = ()
    type: str | None = None


@dataclass(frozen=True)
class LabelledArticle:
    """An article with its gold stances."""

    id: str
    text: str
    stances: tuple[GoldStance, ...]
    title: str = ""
    date: str = ""
    source: str = ""
    story: str = ""
    meta: dict = field(default_factory=dict, hash=False, compare=False)


@dataclass(frozen=True)
class PassageExample:
    """One training/evaluation example: a target description, a marked passage and a label."""

    article_id: str
    actor: str
    actor_type: str
    target: str
    target_text: str
    passage: str
    label: str
    from_evidence: bool


def _fail(msg: str, where: str, expected: str, found: str, fix: str) -> DataFormatError:
    return DataFormatError(msg, where=where, expected=expected, found=found, fix=fix)


def parse_article(obj: object, where: str, registry: TargetRegistry | None = None,
                  labels: Sequence[str] = LABELS) -> LabelledArticle:
    """Validate one decoded JSON line; `where` names file and line for errors."""
    if not isinstance(obj, dict):
        raise _fail("an article line must be a JSON object", where, "{\"id\": ..., \"text\": ..., \"stances\": [...]}",
                    type(obj).__name__, "write one JSON object per line")
    for key in REQUIRED_ARTICLE_FIELDS:
        if key not in obj:
            raise _fail(f"article is missing field '{key}'", where, ", ".join(REQUIRED_ARTICLE_FIELDS),
                        f"fields {sorted(obj)}", f"add '{key}'")
    art_id = obj["id"]
    where = f"{where}, article '{art_id}'"
    text = obj["text"]
    if not isinstance(text, str) or not text.strip():
        raise _fail("field 'text' must be a non-empty string", where, "the article text", repr(text)[:40],
                    "put the full article in 'text'")
    if not isinstance(obj["stances"], list):
        raise _fail("field 'stances' must be a list", where, "a list of {actor, target, label}",
                    type(obj["stances"]).__name__, "wrap the stances in [...]")
    stances, seen = [], set()
    for k, s in enumerate(obj["stances"]):
        w = f"{where}, stances[{k}]"
        if not isinstance(s, dict):
            raise _fail("a stance must be an object", w, "{actor, target, label, aliases?, evidence?}",
                        type(s).__name__, "write the stance as a JSON object")
        for key in REQUIRED_STANCE_FIELDS:
            if not isinstance(s.get(key), str) or not s.get(key, "").strip():
                raise _fail(f"stance is missing field '{key}'", w, f"'{key}' as a non-empty string",
                            repr(s.get(key)), f"add '{key}'")
        if s["label"] not in labels:
            raise _fail(f"label '{s['label']}' is not a stance label", f"{w}, field 'label'", " | ".join(labels),
                        s["label"], "use support, oppose or neutral (a pair with no stance is simply not listed)")
        if registry is not None and s["target"] not in registry:
            raise _fail(f"unknown target id '{s['target']}'", f"{w}, field 'target'",
                        f"an id in the target registry ({', '.join(t.id for t in registry)})", s["target"],
                        "fix the id or add the target to configs/targets.yaml")
        for key in ("aliases", "evidence"):
            value = s.get(key, [])
            if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
                raise _fail(f"field '{key}' must be a list of strings", f"{w}, field '{key}'", "[\"...\", ...]",
                            repr(value)[:60], f"write {key} as a JSON list of strings")
        for ev in s.get("evidence", []):
            if ev not in text:
                raise _fail("evidence string not found in the article text", f"{w}, field 'evidence'",
                            "a verbatim substring of 'text'", repr(ev[:80]),
                            "copy the sentence from the text exactly (quotes, dashes and spaces included)")
        pair = (s["actor"], s["target"])
        if pair in seen:
            raise _fail(f"pair ({s['actor']}, {s['target']}) is labelled twice", w, "one label per pair",
                        "a second entry", "keep one entry (the actor's position at the end of the article)")
        seen.add(pair)
        stances.append(GoldStance(s["actor"], s["target"], s["label"], tuple(s.get("aliases", [])),
                                  tuple(s.get("evidence", [])), s.get("type")))
    meta = {k: v for k, v in obj.items() if k not in {"id", "text", "stances", "title", "date", "source", "story"}}
    return LabelledArticle(str(art_id), text, tuple(stances), str(obj.get("title", "")), str(obj.get("date", "")),
                           str(obj.get("source", "")), str(obj.get("story", "") or art_id), meta)


def read_articles(path: str | Path, registry: TargetRegistry | None = None,
                  labels: Sequence[str] = LABELS) -> list[LabelledArticle]:
    """Read and validate a JSONL file of labelled articles; errors name file, line, article and field."""
    articles, ids = [], set()
    for where, obj in iter_json_lines(path, "labelled-article", "check data.* paths in the config"):
        art = parse_article(obj, where, registry, labels)
        if art.id in ids:
            raise DataFormatError(f"article id '{art.id}' appears twice", where=where, expected="unique ids",
                                  found=art.id, fix="give each article its own id")
        ids.add(art.id)
        articles.append(art)
    return articles


def read_many(paths: Iterable[str | Path], registry: TargetRegistry | None = None) -> list[LabelledArticle]:
    """Read several files into one list."""
    out: list[LabelledArticle] = []
    for p in paths:
        out.extend(read_articles(p, registry))
    return out


def _evidence_sentences(doc, text: str, evidence: Iterable[str]) -> set[int]:
    idx: set[int] = set()
    for ev in evidence:
        pos = text.find(ev)
        while pos >= 0:
            idx.update(range(doc.sentence_at(pos), doc.sentence_at(pos + max(len(ev) - 1, 0)) + 1))
            pos = text.find(ev, pos + 1)
    return idx


def article_examples(article: LabelledArticle, config: StanceConfig, registry: TargetRegistry,
                     aliases: AliasTable) -> list[PassageExample]:
    """Passage examples for one labelled article (see the module docstring for the rules)."""
    cfg = config
    doc = segment(article.text, load_pipeline(cfg.actors.spacy_model))
    specs = list({s.actor: {"name": s.actor, "aliases": list(s.aliases), "type": s.type}
                  for s in article.stances}.values())
    actors = {a.name: a for a in given_actors(doc, specs, aliases)}
    quotes = attribute_quotes(doc, list(actors.values()))
    link_pronoun_subjects(doc, list(actors.values()))
    kw = dict(context_sentences=cfg.evidence.context_sentences, max_chars=cfg.evidence.max_passage_chars,
              start_token=cfg.model.actor_start, end_token=cfg.model.actor_end)
    out = []
    for s in article.stances:
        actor, target = actors[s.actor], registry.get(s.target)
        gold_idx = _evidence_sentences(doc, article.text, s.evidence)
        chosen = select_passages(doc, actor, target, quotes, max_passages=cfg.evidence.max_passages,
                                 min_relevance=cfg.evidence.min_relevance,
                                 require_holder=cfg.evidence.require_holder == "always",
                                 holder_weight=cfg.evidence.holder_weight,
                                 min_passage_relevance=cfg.evidence.min_passage_relevance, **kw)
        covered, extra = set(), 0
        for p in chosen:  # most relevant first
            if p.sentence_index in gold_idx:
                covered.add(p.sentence_index)
                out.append(PassageExample(article.id, s.actor, actor.type, s.target, target.description, p.text,
                                          s.label, True))
            elif cfg.data.non_evidence_passages == "neutral" and extra < cfg.data.max_non_evidence_per_pair:
                extra += 1
                out.append(PassageExample(article.id, s.actor, actor.type, s.target, target.description, p.text,
                                          "neutral", False))
        for i in sorted(gold_idx - covered):
            p = build_passage(doc, actor, target, i, **kw)
            out.append(PassageExample(article.id, s.actor, actor.type, s.target, target.description, p.text,
                                      s.label, True))
    if cfg.data.contrastive_per_target > 0:
        out.extend(_contrastive_examples(article, doc, cfg, registry, aliases, kw))
    if cfg.data.cross_target_per_pair > 0:
        out.extend(_cross_target_examples(article, doc, actors, cfg, registry, kw))
    return out


def _cross_target_examples(article: LabelledArticle, doc, actors: dict, cfg: StanceConfig,
                           registry: TargetRegistry, kw: dict) -> list[PassageExample]:
    """An actor's gold evidence read against a target the actor does not address in the article: neutral.

    Keyword relevance cannot tell "we will vote for the reassurance force" from a position on NATO membership
    when the passage also mentions the alliance. For each gold pair, the evidence sentences are paired with the
    registry targets that the actor leaves unlisted in this article (not addressed, docs/annotation.md) and that
    the focus sentence still touches (keyword relevance > 0: the confusable ones, which selection would read at
    inference); the `data.cross_target_per_pair` most relevant become neutral examples. A bag of words cannot use
    these (its features do not interact target with passage); a cross-encoder learns what the passage is about.
    """
    listed: dict[str, set[str]] = {}
    for s in article.stances:
        listed.setdefault(s.actor, set()).add(s.target)
    out: list[PassageExample] = []
    seen: set[tuple[str, str, int]] = set()
    for s in article.stances:
        actor = actors[s.actor]
        candidates = []
        for i in sorted(_evidence_sentences(doc, article.text, s.evidence)):
            focus = doc.sentences[i].text
            for other in registry:
                if other.id in listed[s.actor] or (s.actor, other.id, i) in seen:
                    continue
                score = other.relevance(focus)
                if score > 0:
                    candidates.append((-score, i, other.id))
        for _, i, other_id in sorted(candidates)[:cfg.data.cross_target_per_pair]:
            seen.add((s.actor, other_id, i))
            other = registry.get(other_id)
            p = build_passage(doc, actor, other, i, **kw)
            out.append(PassageExample(article.id, s.actor, actor.type, other.id, other.description, p.text,
                                      "neutral", False))
    return out


def _contrastive_examples(article: LabelledArticle, doc, cfg: StanceConfig, registry: TargetRegistry,
                          aliases: AliasTable, kw: dict) -> list[PassageExample]:
    """Stance-bearing sentences marked for a person who holds no labelled stance in the article: neutral.

    "X proposed a force, but Y rejected it" teaches the relation only if the model also sees a third actor Z
    in that sentence marked and labelled as taking no position. Actors come from `discover_actors`, as at
    inference; any that matches a gold actor's name or alias is skipped.
    """
    gold_forms = {f.lower() for s in article.stances for f in (s.actor, *s.aliases)}
    # persons only: annotators often label a leader but not the state they speak for, so a state found in its
    # leader's sentence may well hold that stance; an unlabelled person there almost never does
    others = [a for a in discover_actors(doc, aliases, cfg.actors.entity_labels, cfg.actors.min_mentions)
              if a.type == "person" and not ({f.lower() for f in a.surface_forms()} & gold_forms)]
    out: list[PassageExample] = []
    for target_id in dict.fromkeys(s.target for s in article.stances):
        target = registry.get(target_id)
        evidence_idx = _evidence_sentences(doc, article.text, [e for s in article.stances if s.target == target_id
                                                               for e in s.evidence])
        made = 0
        for actor in others:
            for i in sorted({doc.sentence_at(m.start) for m in actor.mentions} & evidence_idx):
                if made >= cfg.data.contrastive_per_target:
                    break
                p = build_passage(doc, actor, target, i, **kw)
                out.append(PassageExample(article.id, actor.name, actor.type, target_id, target.description, p.text,
                                          "neutral", False))
                made += 1
    return out


def build_examples(articles: Sequence[LabelledArticle], config: StanceConfig, registry: TargetRegistry,
                   aliases: AliasTable, progress: bool = False) -> list[PassageExample]:
    """Passage examples for many articles."""
    from tqdm.auto import tqdm

    it: Iterator | Sequence = tqdm(articles, desc="building passages", unit="article") if progress else articles
    return [ex for art in it for ex in article_examples(art, config, registry, aliases)]


def augment_names(examples: Sequence[PassageExample], config: StanceConfig, seed: int) -> list[PassageExample]:
    """Swap the marked actor's name for an invented one in a share (`train.actor_mask_prob`) of examples."""
    rng = random.Random(seed)
    out = []
    for ex in examples:
        if rng.random() < config.train.actor_mask_prob:
            ex = PassageExample(ex.article_id, ex.actor, ex.actor_type, ex.target, ex.target_text,
                                swap_actor_name(ex.passage, ex.actor_type, config.model.actor_start,
                                                config.model.actor_end, rng), ex.label, ex.from_evidence)
        out.append(ex)
    return out
