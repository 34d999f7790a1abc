"""Where prediction time goes: analysis (segmentation, actors, quotes, evidence) versus the model.

Measured side by side in one run on the same article(s), so the ratio holds on a noisy machine. Reports seconds per
article for each stage, the analysis share of the total, and passages per second.
Usage: python scripts/benchmark.py [--model models/default] [--article examples/article.txt] [--repeat 5]
       [--words 600] [--targets ukraine_nato_membership foreign_troops_in_ukraine]
"""

from __future__ import annotations

import argparse
import json
import statistics
import time
from pathlib import Path

from stance.model import StanceDetector
from stance.text import load_pipeline


def article_of_length(text: str, words: int) -> str:
    """Repeat the article's paragraphs until it has about `words` words (whole paragraphs)."""
    paras = [p for p in text.split("\n\n") if p.strip()]
    out, n, i = [], 0, 0
    while n < words:
        out.append(paras[i % len(paras)])
        n += len(paras[i % len(paras)].split())
        i += 1
    return "\n\n".join(out)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--model", default="models/default")
    parser.add_argument("--article", default="examples/article.txt")
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--words", type=int, default=600)
    parser.add_argument("--targets", nargs="+", default=["ukraine_nato_membership", "foreign_troops_in_ukraine"])
    args = parser.parse_args()
    det = StanceDetector.from_pretrained(args.model, overrides=["runtime.progress=false"])
    text = article_of_length(Path(args.article).read_text(encoding="utf-8"), args.words)
    load_pipeline(det.config.actors.spacy_model)
    det.predict(text, targets=args.targets)  # warm-up: first calls build caches
    analysis_s, model_s, n_passages = [], [], 0
    for _ in range(args.repeat):
        t0 = time.perf_counter()
        a = det.analyse(text, args.targets)
        t1 = time.perf_counter()
        det.classify([a])
        t2 = time.perf_counter()
        analysis_s.append(t1 - t0)
        model_s.append(t2 - t1)
        n_passages = sum(len(p) for p in a.passages.values())
    an, mo = statistics.median(analysis_s), statistics.median(model_s)
    print(json.dumps({"words": len(text.split()), "targets": args.targets, "actors": len(a.actors),
                      "passages": n_passages, "analysis_s": round(an, 4), "model_s": round(mo, 4),
                      "total_s": round(an + mo, 4), "analysis_share": round(an / (an + mo), 3),
                      "passages_per_s": round(n_passages / mo, 1) if mo else None}, indent=2))


if __name__ == "__main__":
    main()
