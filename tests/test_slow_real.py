"""Slow tests: the real base model, a short real training run, floors on held-out articles, public data loaders.

Deselected by default (`-m slow`); CI runs them. Public-data tests skip with a reason when the folder is absent.
"""

import json
import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PUBLIC = Path(os.environ.get("STANCE_DATA_DIR", ROOT.parent / "shared" / "data" / "public"))
needs_public = pytest.mark.skipif(not PUBLIC.is_dir(), reason=f"public data sets not found at {PUBLIC}")
pytestmark = pytest.mark.slow


def test_real_base_model_loads_offline_with_markers():
    from stance.config import load_config
    from stance.model import StanceDetector

    det = StanceDetector.from_base(load_config(ROOT / "configs" / "default.yaml"))
    assert det.model.config.num_labels == 3
    assert det.tokenizer.tokenize("[ACTOR] Macron [/ACTOR]")[0] == "[ACTOR]"


@pytest.fixture(scope="module")
def short_real_model(tmp_path_factory):
    """MiniLM trained for 3 epochs on the project's training split, shorter inputs (a few minutes on 2 cores)."""
    from stance.config import load_config
    from stance.train import train

    out = tmp_path_factory.mktemp("real") / "model"
    cfg = load_config(ROOT / "configs" / "default.yaml", overrides=[
        f"train.output_dir={out}", "train.epochs=3", "model.max_length=160", "runtime.progress=false",
        "train.resume=false"])
    train(cfg)
    return out


def test_short_real_training_beats_baselines_on_test_split(short_real_model, tmp_path):
    """Floors on the held-out test split: well above always-one-label (≤ 0.25 macro-F1) after a short run."""
    from stance.cli import evaluate_model

    m = evaluate_model(short_real_model, ROOT / "data" / "test.jsonl", tmp_path / "eval", progress=False)
    assert m["n_pairs"] >= 40
    assert m["given_actors"]["macro_f1"] >= 0.45, m["given_actors"]
    assert m["end_to_end"]["actor_recall"] >= 0.6, m["end_to_end"]
    assert json.loads((tmp_path / "eval" / "metrics.json").read_text()) == m


def test_example_article_gets_stances_with_evidence(short_real_model):
    import stance

    text = (ROOT / "examples" / "article.txt").read_text()
    results = stance.predict(text, model=str(short_real_model))
    assert {r.actor for r in results} >= {"Kaarel Tamm", "Bence Farkas"}
    for r in results:
        assert r.evidence and all(text[e.start:e.end] == e.text for e in r.evidence)


@needs_public
@pytest.mark.parametrize("name,split,minimum", [("seesaw", "test", 500), ("directed_sentiment", "test", 3000),
                                                ("newsmtsc", "test", 1000), ("ruw", "test", 2000)])
def test_public_loaders_read_real_files(name, split, minimum):
    from stance.corpora import iter_public

    rows = list(iter_public(name, PUBLIC, split))
    assert len(rows) >= minimum
    labels = {r[4] for r in rows}
    assert labels <= {"support", "oppose", "neutral"} and {"support", "oppose"} <= labels
    if name in ("seesaw", "directed_sentiment"):
        assert all("[ACTOR]" in r[3] for r in rows[:200])


@needs_public
def test_public_sets_join_training_examples():
    from stance.config import load_config
    from stance.corpora import load_public_examples

    cfg = load_config(overrides=[f"data.public_dir={PUBLIC}", "data.public_sets=[seesaw,ruw]",
                                 "data.public_max_examples=50"])
    ex = load_public_examples(cfg)
    assert len(ex) == 100 and {e.target for e in ex} == {"public:seesaw", "public:ruw"}


@needs_public
def test_corpus_shares_no_8_word_run_with_public_sets():
    """The project's articles are original: no 8-word sequence in common with the public sets' texts."""
    import re

    from stance.corpora import iter_public

    def grams(text):
        words = re.findall(r"\w+", text.lower())
        return {" ".join(words[i:i + 8]) for i in range(len(words) - 7)}

    from stance.mention_gold import read_mention_gold

    ours = set()
    for f in (ROOT / "data").glob("*.jsonl"):
        for line in f.read_text(encoding="utf-8").splitlines():
            if line.strip():
                ours |= grams(json.loads(line)["text"])
    for f in (ROOT / "data" / "gold").glob("*.jsonl"):
        for art in read_mention_gold(f):
            ours |= grams(art.text)
    theirs = set()
    for name in ("seesaw", "directed_sentiment", "newsmtsc", "ruw"):
        for split in ("train", "validation", "test"):
            for row in iter_public(name, PUBLIC, split):
                theirs |= grams(re.sub(r"\[/?ACTOR\]", "", row[3]))
    shared = ours & theirs
    assert not shared, sorted(shared)[:10]


@pytest.mark.slow
def test_evidence_recall_floor_on_the_corpus():
    """Issue floor: with the gold actors given, at least 90% of gold evidence lies in the selected passages."""
    from stance.config import load_config
    from stance.data import read_articles
    from stance.evidence_scoring import evidence_recall

    cfg = load_config(ROOT / "configs" / "default.yaml")
    articles = [a for s in ("train", "validation", "test") for a in read_articles(ROOT / "data" / f"{s}.jsonl")]
    result = evidence_recall(articles, cfg)
    assert result["evidence_recall"] >= 0.90, result


@needs_public
def test_seesaw_named_speaker_floors():
    """Real news the project did not write: SEESAW test split (figures and definitions in docs/benchmarks.md)."""
    from stance.config import load_config
    from stance.speaker_scoring import score_seesaw

    summary = score_seesaw(PUBLIC, load_config(ROOT / "configs" / "default.yaml"), "test").summary()
    assert summary["articles"] >= 100 and summary["quote_sentences"] >= 300, summary
    assert summary["speaker_recall"] >= 0.95, summary
    assert summary["sentence_linking"] >= 0.85, summary
    assert summary["quote_agreement"] >= 0.75, summary


@pytest.mark.slow
def test_free_text_targets_find_their_evidence_with_embedding_similarity():
    """Targets typed as a description (no curated keywords): similarity to the description lifts evidence recall
    on the test split from 0.792 (keywords only) to 0.873 (figures in docs/benchmarks.md)."""
    from stance.config import load_config
    from stance.data import read_articles
    from stance.evidence_scoring import evidence_recall

    articles = read_articles(ROOT / "data" / "test.jsonl")
    with_similarity = evidence_recall(articles, load_config(ROOT / "configs" / "default.yaml"), free_text=True)
    keywords_only = evidence_recall(articles, load_config(ROOT / "configs" / "default.yaml",
                                                          overrides=["evidence.similarity_weight=0"]), free_text=True)
    assert with_similarity["evidence_recall"] >= 0.85, with_similarity
    assert with_similarity["evidence_recall"] >= keywords_only["evidence_recall"] + 0.05, (with_similarity,
                                                                                          keywords_only)
