"""Target registry: launch targets exist, unknown ids fail with a suggestion, free text works."""

from pathlib import Path

import pytest

from stance.errors import ConfigError, InputError
from stance.targets import TargetRegistry, target_from_text

REGISTRY = Path(__file__).resolve().parents[1] / "configs" / "targets.yaml"


def test_launch_targets_and_breadth(registry):
    assert "ukraine_nato_membership" in registry and "foreign_troops_in_ukraine" in registry
    assert len(registry) >= 8
    for t in registry:
        assert t.description and t.aliases and t.keywords


def test_unknown_id_suggests_nearest(registry):
    with pytest.raises(InputError, match=r"unknown target id 'ukraine_nato_membrship'(.|\n)*did you mean "
                                         r"'ukraine_nato_membership'"):
        registry.resolve(["ukraine_nato_membrship"])


def test_free_text_target(registry):
    [t] = registry.resolve(["sending tanks to Ukraine"])
    assert t.id.startswith("custom:") and t.description == "sending tanks to Ukraine"
    assert t.relevance("Berlin will send more tanks.") >= 1


def test_bad_target_values(registry):
    with pytest.raises(InputError, match="a target must be a registry id or a description"):
        registry.resolve([""])
    with pytest.raises(InputError, match="a target must be a registry id"):
        registry.resolve([42])


def test_relevance_prefers_aliases(registry):
    t = registry.get("foreign_troops_in_ukraine")
    strong = t.relevance("Paris offered to lead a reassurance force of foreign troops.")
    weak = t.relevance("The minister spoke about the mission.")
    assert strong > weak > 0
    assert t.relevance("Fishing quotas were discussed.") == 0


def test_registry_file_errors(tmp_path):
    f = tmp_path / "t.yaml"
    f.write_text("targets:\n  - id: Bad Id\n    description: x\n")
    with pytest.raises(ConfigError, match="target id must be snake_case"):
        TargetRegistry.from_yaml(f)
    f.write_text("targets:\n  - id: a\n    description: x\n  - id: a\n    description: y\n")
    with pytest.raises(ConfigError, match="defined twice"):
        TargetRegistry.from_yaml(f)
    with pytest.raises(ConfigError, match="target registry not found"):
        TargetRegistry.from_yaml(tmp_path / "none.yaml")


def test_roundtrip(registry, tmp_path):
    registry.to_yaml(tmp_path / "copy.yaml")
    again = TargetRegistry.from_yaml(tmp_path / "copy.yaml")
    assert [t.to_dict() for t in again] == [t.to_dict() for t in registry]


def test_target_from_text_keywords():
    t = target_from_text("  banning   Russian gas imports ")
    assert t.description == "banning Russian gas imports"
    assert "gas" in t.keywords and "imports" not in t.keywords and "import" in t.keywords
