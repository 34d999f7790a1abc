"""Model directory round trip, prediction API, bad model directories, and the CLI end to end (tiny model)."""

import json
import shutil
from pathlib import Path

import pytest

import stance
from stance.cli import main
from stance.errors import ConfigError, InputError, ModelLoadError
from stance.model import StanceDetector

FIXTURES = Path(__file__).parent / "fixtures"
ARTICLES = FIXTURES / "articles.jsonl"
TEXTS = [json.loads(line)["text"] for line in ARTICLES.read_text().splitlines()]


def test_model_dir_is_self_contained(trained_model_dir):
    for f in ("config.json", "model.safetensors", "tokenizer.json", "stance_config.yaml", "targets.yaml",
              "actors.yaml", "metrics.json", "README.md"):
        assert (trained_model_dir / f).is_file(), f
    cfg = json.loads((trained_model_dir / "config.json").read_text())
    assert cfg["id2label"] == {"0": "support", "1": "oppose", "2": "neutral"}
    assert cfg["stance"]["actor_markers"] == ["[ACTOR]", "[/ACTOR]"]
    from transformers import AutoModelForSequenceClassification

    assert AutoModelForSequenceClassification.from_pretrained(trained_model_dir).config.num_labels == 3


def test_save_load_gives_same_predictions(detector, tmp_path):
    before = detector.predict(TEXTS[1])
    detector.save_pretrained(tmp_path / "copy")
    again = StanceDetector.from_pretrained(tmp_path / "copy").predict(TEXTS[1])
    assert [r.to_dict() for r in before] == [r.to_dict() for r in again]


def test_predict_returns_actor_stances_with_valid_spans(detector):
    results = detector.predict(TEXTS[1])
    assert results and all(isinstance(r, stance.ActorStance) for r in results)
    assert {r.actor for r in results} >= {"Anna Korvel", "Mihail Dorn"}
    for r in results:
        assert r.label in {"support", "oppose", "neutral"} and 0 <= r.score <= 1
        assert sum(r.probabilities.values()) == pytest.approx(1, abs=1e-3)
        for e in r.evidence:
            assert TEXTS[1][e.start:e.end] == e.text
        json.dumps(r.to_dict())


def test_given_actors_targets_and_not_addressed(detector):
    results = detector.predict(TEXTS[1], targets=["foreign_troops_in_ukraine"], actors=["Mihail Dorn", "Zed Nobody"])
    assert {r.actor for r in results} == {"Mihail Dorn"}  # Zed Nobody is not addressed: omitted
    detector.config.predict.include_not_addressed = True
    try:
        results = detector.predict(TEXTS[1], targets="foreign_troops_in_ukraine", actors=["Zed Nobody"])
        assert [(r.actor, r.label, r.evidence) for r in results] == [("Zed Nobody", "not_addressed", ())]
    finally:
        detector.config.predict.include_not_addressed = False


def test_free_text_target_and_no_actor_article(detector):
    assert detector.predict("It rained all day. The river rose.") == []
    res = detector.predict(TEXTS[1], targets=["sending soldiers to Ukraine after a truce"])
    assert all(r.target.startswith("custom:") for r in res)


def test_similarity_ranking_applies_to_free_text_targets_by_default(trained_model_dir):
    det = StanceDetector.from_pretrained(trained_model_dir)
    a = det.analyse(TEXTS[1], ["ukraine_nato_membership", "sending soldiers to Ukraine after a truce"])
    bonus = det.similarity_bonuses(a.doc, a.targets)
    assert list(bonus) == [a.targets[1].id] and a.targets[1].id.startswith("custom:")
    assert len(bonus[a.targets[1].id]) == len(a.doc.sentences) and min(bonus[a.targets[1].id]) >= 0
    every = StanceDetector.from_pretrained(trained_model_dir, overrides=["evidence.similarity_targets=all"])
    assert set(every.similarity_bonuses(a.doc, a.targets)) == {t.id for t in a.targets}
    off = StanceDetector.from_pretrained(trained_model_dir, overrides=["evidence.similarity_weight=0"])
    assert off.similarity_bonuses(a.doc, a.targets) == {}
    with pytest.raises(ConfigError, match="similarity_targets"):
        StanceDetector.from_pretrained(trained_model_dir, overrides=["evidence.similarity_targets=some"])


def test_bad_inputs(detector):
    with pytest.raises(InputError, match="text is empty"):
        detector.predict("  ")
    with pytest.raises(InputError, match="text must be a string"):
        detector.predict(b"bytes")
    with pytest.raises(InputError, match="unknown target id 'nato'"):
        detector.predict(TEXTS[0], targets=["nato"])
    with pytest.raises(InputError, match="predict_batch takes a list of texts"):
        detector.predict_batch(TEXTS[0])
    with pytest.raises(InputError, match=r"texts\[1\]: texts\[1\] is invalid(.|\n)*or drop item 1"):
        detector.predict_batch([TEXTS[0], ""], progress=False)


def test_predict_batch_matches_single(detector):
    batch = detector.predict_batch(TEXTS[:3], progress=False)
    assert [[r.to_dict() for r in res] for res in batch] == [[r.to_dict() for r in detector.predict(t)]
                                                              for t in TEXTS[:3]]


def test_bad_model_directories(trained_model_dir, tmp_path):
    with pytest.raises(ModelLoadError, match="model directory not found(.|\n)*stance train"):
        StanceDetector.from_pretrained(tmp_path / "missing")
    partial = tmp_path / "partial"
    shutil.copytree(trained_model_dir, partial, ignore=shutil.ignore_patterns("model.safetensors", "checkpoints"))
    with pytest.raises(ModelLoadError, match="model directory is incomplete(.|\n)*missing model.safetensors"):
        StanceDetector.from_pretrained(partial)
    relabelled = tmp_path / "relabelled"
    shutil.copytree(trained_model_dir, relabelled, ignore=shutil.ignore_patterns("checkpoints"))
    cfg = json.loads((relabelled / "config.json").read_text())
    cfg["id2label"] = {"0": "favor", "1": "against", "2": "none"}
    cfg["label2id"] = {"favor": 0, "against": 1, "none": 2}
    (relabelled / "config.json").write_text(json.dumps(cfg))
    with pytest.raises(ModelLoadError, match="the model's labels differ from its config's"):
        StanceDetector.from_pretrained(relabelled)


def test_stance_predict_without_default_model(monkeypatch, tmp_path):
    monkeypatch.setenv("STANCE_MODEL", str(tmp_path / "nothing"))
    with pytest.raises(ModelLoadError, match="no default model has been trained yet(.|\n)*make main"):
        stance.predict(TEXTS[0])


def test_stance_predict_with_model_path(trained_model_dir, monkeypatch):
    monkeypatch.setenv("STANCE_MODEL", str(trained_model_dir))
    assert stance.predict(TEXTS[0]) == stance.predict(TEXTS[0], model=str(trained_model_dir))


def test_evaluation_reproduces_training_validation_metrics(trained_model_dir, tmp_path):
    saved = json.loads((trained_model_dir / "metrics.json").read_text())["validation"]
    out = tmp_path / "eval"
    assert main(["evaluate", "--model", str(trained_model_dir), "--data", str(ARTICLES), "--out", str(out)]) == 0
    metrics = json.loads((out / "metrics.json").read_text())
    assert metrics == saved
    for f in ("report.md", "confusion_matrix.png", "predictions.jsonl"):
        assert (out / f).is_file()
    g = metrics["given_actors"]
    assert metrics["n_articles"] == 4 and metrics["n_pairs"] == 10
    assert set(g["per_label"]) == {"support", "oppose", "neutral"} and "per_target" in g
    assert {"precision", "recall", "f1", "actor_recall"} <= set(metrics["end_to_end"])
    assert metrics["end_to_end"]["actor_recall"] >= 0.8
    preds = [json.loads(x) for x in (out / "predictions.jsonl").read_text().splitlines()]
    assert sum(p["view"] == "given_actors" for p in preds) == 10


def test_cli_train_and_predict_formats(smoke_overrides, tmp_path, capsys):
    assert main(["train", "-c", "configs/default.yaml", "-c", "configs/smoke.yaml", *smoke_overrides]) == 0
    model = smoke_overrides[1].split("=", 1)[1]
    folder = tmp_path / "texts"
    folder.mkdir()
    for i, t in enumerate(TEXTS[:2]):
        (folder / f"a{i}.txt").write_text(t)
    (tmp_path / "in.csv").write_text('id,text\nx1,"' + TEXTS[0].replace('"', '""') + '"\n')
    for src, out in ((folder, tmp_path / "o.jsonl"), (tmp_path / "in.csv", tmp_path / "o.csv"),
                     (ARTICLES, tmp_path / "o2.jsonl")):
        assert main(["predict", str(src), "--model", model, "--out", str(out), "runtime.progress=false"]) == 0
        assert out.read_text().strip()
    assert (tmp_path / "o.csv").read_text().startswith("id,actor,target,label,score,evidence")
    assert main(["predict", str(folder / "a0.txt"), "--model", model, "--targets", "ukraine_nato_membership"]) == 0
    rows = [json.loads(x) for x in capsys.readouterr().out.strip().splitlines()[-3:]]
    assert all(r["target"] == "ukraine_nato_membership" for r in rows)


def test_cli_errors_exit_2_with_message(trained_model_dir, tmp_path, capsys):
    assert main(["predict", str(ARTICLES), "--model", str(trained_model_dir), "model.max_length=32"]) == 2
    assert "is frozen in a trained model" in capsys.readouterr().err
    assert main(["train", "train.epohcs=1"]) == 2
    assert "did you mean 'train.epochs'" in capsys.readouterr().err
    assert main(["predict", str(tmp_path / "none.txt"), "--model", str(trained_model_dir)]) == 2
    assert "input not found" in capsys.readouterr().err
