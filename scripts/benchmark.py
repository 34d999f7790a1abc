"""Where prediction time goes: analysis (segmentation, actors, quotes, evidence) versus the model.

Measured side by side in one run on the same article(s), so the ratio holds on a noisy machine. Reports seconds per
article for each stage — spaCy's pipeline (tokens, sentences, parse, NER), actor discovery rules, quotes and
pronouns, evidence selection, the model — the analysis share of the total, and passages per second.
Usage: python scripts/benchmark.py [--model models/default] [--article examples/article.txt] [--repeat 5]
       [--words 600] [--targets ukraine_nato_membership foreign_troops_in_ukraine]
       python scripts/benchmark.py --corpus data/*.jsonl [--min-words 540 --max-words 660]   (real articles of
       about 600 words, one by one, with a median summary)
"""

from __future__ import annotations

import argparse
import json
import statistics
import time
from pathlib import Path

from stance.actors import discover_actors
from stance.evidence import select_passages
from stance.model import StanceDetector
from stance.quotes import attribute_quotes, link_pronoun_subjects
from stance.text import load_pipeline, segment


def article_of_length(text: str, words: int) -> str:
    """Repeat the article's paragraphs until it has about `words` words (whole paragraphs)."""
    paras = [p for p in text.split("\n\n") if p.strip()]
    out, n, i = [], 0, 0
    while n < words:
        out.append(paras[i % len(paras)])
        n += len(paras[i % len(paras)].split())
        i += 1
    return "\n\n".join(out)


def spacy_parts(nlp, text: str, repeat: int) -> dict:
    """Median seconds of each spaCy component on ``text``, and of the NER's own token encoder inside it.

    en_core_web_sm's NER does not share the pipeline's tok2vec: it embeds the text again. The part after that
    (``ner_decode``) is what an NER listening to the shared tok2vec would still cost.
    """
    parts: dict[str, list[float]] = {"tokenizer": []}
    ner_t2v = nlp.get_pipe("ner").model.get_ref("tok2vec") if "ner" in nlp.pipe_names else None
    for _ in range(repeat):
        t = time.perf_counter()
        doc = nlp.make_doc(text)
        parts["tokenizer"].append(time.perf_counter() - t)
        for name, proc in nlp.pipeline:
            t = time.perf_counter()
            doc = proc(doc)
            parts.setdefault(name, []).append(time.perf_counter() - t)
        if ner_t2v is not None:
            t = time.perf_counter()
            ner_t2v.predict([doc])
            parts.setdefault("ner_own_tok2vec", []).append(time.perf_counter() - t)
    out = {k: round(statistics.median(v), 4) for k, v in parts.items()}
    if ner_t2v is not None:
        out["ner_decode"] = round(max(out["ner"] - out["ner_own_tok2vec"], 0.0), 4)
    return out


def measure(det: StanceDetector, text: str, targets: list[str], repeat: int) -> dict:
    """Median seconds per stage for one article (after one warm-up prediction)."""
    cfg, nlp = det.config, load_pipeline(det.config.actors.spacy_model)
    det.predict(text, targets=targets)  # warm-up: first calls build caches
    analysis_s, model_s, n_passages = [], [], 0
    stages: dict[str, list[float]] = {"spacy": [], "actors": [], "quotes": [], "evidence": []}
    resolved = det.resolve_targets(targets)
    for _ in range(repeat):
        t0 = time.perf_counter()
        a = det.analyse(text, targets)
        t1 = time.perf_counter()
        det.classify([a])
        t2 = time.perf_counter()
        analysis_s.append(t1 - t0)
        model_s.append(t2 - t1)
        n_passages = sum(len(p) for p in a.passages.values())
        # the same analysis again, stage by stage
        s0 = time.perf_counter()
        doc = segment(text, nlp)
        s1 = time.perf_counter()
        actors = discover_actors(doc, det.aliases, cfg.actors.entity_labels, cfg.actors.min_mentions)
        s2 = time.perf_counter()
        quotes = attribute_quotes(doc, actors)
        link_pronoun_subjects(doc, actors)
        s3 = time.perf_counter()
        gate = cfg.evidence.discovered_min_relevance
        gate = cfg.evidence.min_relevance if gate is None else gate
        for actor in actors:
            for target in resolved:
                select_passages(doc, actor, target, quotes, max_passages=cfg.evidence.max_passages,
                                min_relevance=gate, context_sentences=cfg.evidence.context_sentences,
                                max_chars=cfg.evidence.max_passage_chars, start_token=cfg.model.actor_start,
                                end_token=cfg.model.actor_end, require_holder=cfg.evidence.require_holder != "never",
                                min_passage_relevance=cfg.evidence.min_passage_relevance)
        s4 = time.perf_counter()
        for k, v in zip(stages, (s1 - s0, s2 - s1, s3 - s2, s4 - s3)):
            stages[k].append(v)
    an, mo = statistics.median(analysis_s), statistics.median(model_s)
    st = {k: statistics.median(v) for k, v in stages.items()}
    rules = st["actors"] + st["quotes"] + st["evidence"]
    parts = spacy_parts(nlp, text, repeat)
    # the least a tokenizer + shared tok2vec + parser + NER pipeline of this architecture costs: the NER reading
    # the shared token vectors instead of computing its own
    floor = sum(parts.get(k, 0.0) for k in ("tokenizer", "tok2vec", "parser", "ner_decode"))
    return {"words": len(text.split()), "targets": targets, "actors": len(a.actors), "passages": n_passages,
            "analysis_s": round(an, 4), "model_s": round(mo, 4), "total_s": round(an + mo, 4),
            "analysis_share": round(an / (an + mo), 3), "stages_s": {k: round(v, 4) for k, v in st.items()},
            "rules_share": round(rules / (an + mo), 3), "spacy_share": round(st["spacy"] / (an + mo), 3),
            "passages_per_s": round(n_passages / mo, 1) if mo else None, "spacy_parts_s": parts,
            "spacy_floor_s": round(floor, 4),
            "spacy_budget_for_10pct_s": round((0.1 * mo - 0.9 * rules) / 0.9, 4)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--model", default="models/default")
    parser.add_argument("--article", default="examples/article.txt")
    parser.add_argument("--corpus", nargs="+", help="labelled articles (JSONL): measure each one whose length is in "
                                         "--min-words..--max-words, with the default targets, and summarise")
    parser.add_argument("--min-words", type=int, default=540)
    parser.add_argument("--max-words", type=int, default=660)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--words", type=int, default=600)
    parser.add_argument("--targets", nargs="+", default=["ukraine_nato_membership", "foreign_troops_in_ukraine"])
    args = parser.parse_args()
    det = StanceDetector.from_pretrained(args.model, overrides=["runtime.progress=false"])
    if not args.corpus:
        text = article_of_length(Path(args.article).read_text(encoding="utf-8"), args.words)
        print(json.dumps(measure(det, text, args.targets, args.repeat), indent=2))
        return
    rows = []
    lines = [ln for path in args.corpus for ln in Path(path).read_text(encoding="utf-8").splitlines()]
    for line in lines:
        art = json.loads(line) if line.strip() else None
        if art and args.min_words <= len(art["text"].split()) <= args.max_words:
            row = measure(det, art["text"], args.targets, args.repeat)
            rows.append({"id": art["id"], **{k: row[k] for k in ("words", "actors", "passages", "analysis_s",
                                                                  "model_s", "analysis_share", "spacy_share",
                                                                  "rules_share")}})
            print(json.dumps(rows[-1]))
    if not rows:
        raise SystemExit(f"no article in {' '.join(args.corpus)} has {args.min_words}-{args.max_words} words")
    summary = {k: round(statistics.median(r[k] for r in rows), 4)
               for k in ("words", "actors", "passages", "analysis_s", "model_s", "analysis_share", "spacy_share",
                         "rules_share")}
    print(json.dumps({"articles": len(rows), "median": summary,
                      "analysis_share_range": [min(r["analysis_share"] for r in rows),
                                               max(r["analysis_share"] for r in rows)]}, indent=2))


if __name__ == "__main__":
    main()
