"""Config: shipped files load, overrides apply, bad keys and types fail with file, line and a hint."""

from pathlib import Path

import pytest

from stance.config import check_runtime_overrides, load_config, load_model_config, save_config
from stance.errors import ConfigError

ROOT = Path(__file__).resolve().parents[1]
DEFAULT = ROOT / "configs" / "default.yaml"


def test_shipped_configs_load_and_match_schema_defaults():
    cfg = load_config(DEFAULT)
    assert cfg == load_config()  # default.yaml documents the schema's defaults, no more, no less
    smoke = load_config(DEFAULT, ROOT / "configs" / "smoke.yaml")
    assert smoke.train.epochs == 1.0 and smoke.model.max_length == 96
    for exp in (ROOT / "configs" / "experiments").glob("*.yaml"):
        load_config(DEFAULT, exp)


def test_dotted_overrides_are_typed():
    cfg = load_config(DEFAULT, overrides=["train.epochs=2", "evidence.max_passages=3", "data.train=[a.jsonl,b.jsonl]"])
    assert cfg.train.epochs == 2.0 and cfg.evidence.max_passages == 3 and cfg.data.train == ["a.jsonl", "b.jsonl"]


def test_unknown_key_in_override_suggests_the_right_one():
    with pytest.raises(ConfigError, match=r"unknown config key 'train.epohcs'(.|\n)*did you mean 'train.epochs'"):
        load_config(DEFAULT, overrides=["train.epohcs=3"])


def test_unknown_key_in_file_names_file_and_line(tmp_path):
    f = tmp_path / "exp.yaml"
    f.write_text("train:\n  epochs: 2\n  learnig_rate: 0.1\n")
    with pytest.raises(ConfigError, match=r"exp.yaml, line 3: unknown config key 'train.learnig_rate'"
                                          r"(.|\n)*did you mean 'train.learning_rate'"):
        load_config(DEFAULT, f)


def test_wrong_type_is_rejected_with_file_and_line(tmp_path):
    f = tmp_path / "exp.yaml"
    f.write_text("model:\n  max_length: long\n")
    with pytest.raises(ConfigError, match=r"exp.yaml, line 2: wrong type for config key 'model.max_length'"):
        load_config(f)


def test_wrong_type_in_override():
    with pytest.raises(ConfigError, match="wrong type for config key 'train.batch_size'(.|\n)*found: 'big'"):
        load_config(overrides=["train.batch_size=big"])


def test_section_must_be_a_mapping(tmp_path):
    f = tmp_path / "bad.yaml"
    f.write_text("train: 3\n")
    with pytest.raises(ConfigError, match="bad.yaml, line 1: config section 'train' must be a mapping"):
        load_config(f)


def test_invalid_yaml_and_missing_file(tmp_path):
    f = tmp_path / "broken.yaml"
    f.write_text("train:\n  epochs: [1\n")
    with pytest.raises(ConfigError, match="not valid YAML"):
        load_config(f)
    with pytest.raises(ConfigError, match="config file not found"):
        load_config(tmp_path / "nope.yaml")


def test_override_without_equals_sign():
    with pytest.raises(ConfigError, match="an override must look like key=value"):
        load_config(overrides=["train.epochs"])


def test_choices_and_labels_are_checked():
    with pytest.raises(ConfigError, match="invalid value for 'predict.aggregation'"):
        load_config(overrides=["predict.aggregation=vote"])
    with pytest.raises(ConfigError, match="model.labels must name the three stance labels"):
        load_config(overrides=["model.labels=[support,oppose]"])


def test_frozen_keys_cannot_be_overridden_after_training(tmp_path):
    save_config(load_config(DEFAULT), tmp_path / "stance_config.yaml")
    cfg = load_model_config(tmp_path, ["predict.batch_size=4", "evidence.max_passages=2"])
    assert cfg.predict.batch_size == 4
    for key in ("model.max_length=64", "model.labels=[neutral,support,oppose]", "model.base=x",
                "evidence.context_sentences=0", "train.epochs=1"):
        with pytest.raises(ConfigError, match="is frozen in a trained model"):
            check_runtime_overrides([key])
    runtime_file = tmp_path / "runtime.yaml"
    runtime_file.write_text("model:\n  max_length: 64\n")
    with pytest.raises(ConfigError, match="'model.max_length' is frozen"):
        load_model_config(tmp_path, [], [runtime_file])
