"""Labelled-article reader: every bad line fails with file, line, article id and field; examples are built."""

import json
from pathlib import Path

import pytest

from stance.actors import AliasTable
from stance.config import load_config
from stance.data import build_examples, read_articles
from stance.errors import DataFormatError

ROOT = Path(__file__).resolve().parents[1]
ARTICLES = Path(__file__).parent / "fixtures" / "articles.jsonl"
GOOD = {"id": "z-1", "text": "Mara Lind said troops must go to Ukraine.",
        "stances": [{"actor": "Mara Lind", "target": "foreign_troops_in_ukraine", "label": "support",
                     "evidence": ["Mara Lind said troops must go to Ukraine."]}]}


def write(tmp_path, *lines):
    f = tmp_path / "a.jsonl"
    f.write_text("\n".join(x if isinstance(x, str) else json.dumps(x) for x in lines) + "\n")
    return f


def with_stance(**changes):
    obj = json.loads(json.dumps(GOOD))
    obj["stances"][0].update(changes)
    return obj


def test_fixture_reads(registry):
    arts = read_articles(ARTICLES, registry)
    assert len(arts) == 4 and arts[0].stances[0].label == "support"


@pytest.mark.parametrize("line,message", [
    ('{"id": "z-1", "text": ', r"line 2: malformed JSON line"),
    ({"id": "z-2", "stances": []}, r"line 2: article is missing field 'text'"),
    ({**GOOD, "id": "z-3", "text": "  "}, r"line 2, article 'z-3': field 'text' must be a non-empty string"),
    ({**GOOD, "id": "z-4", "stances": {}}, r"article 'z-4': field 'stances' must be a list"),
    ({**with_stance(label="favour"), "id": "z-5"}, r"article 'z-5', stances\[0\], field 'label': label 'favour' "
                                                   r"is not a stance label"),
    ({**with_stance(target="nato_ukraine"), "id": "z-6"}, r"article 'z-6', stances\[0\], field 'target': unknown "
                                                          r"target id 'nato_ukraine'"),
    ({**with_stance(evidence=["Mara Lind said nothing."]), "id": "z-7"},
     r"article 'z-7', stances\[0\], field 'evidence': evidence string not found in the article text"),
    ({**with_stance(actor=""), "id": "z-8"}, r"article 'z-8', stances\[0\]: stance is missing field 'actor'"),
    ({**with_stance(evidence="Mara"), "id": "z-9"}, r"field 'evidence' must be a list of strings"),
    ({**GOOD}, r"line 2: article id 'z-1' appears twice"),
    ("[1, 2]", r"line 2: an article line must be a JSON object"),
])
def test_bad_lines_are_named(tmp_path, registry, line, message):
    f = write(tmp_path, GOOD, line)
    with pytest.raises(DataFormatError, match=rf"a.jsonl, {message}" if message.startswith("line") else message):
        read_articles(f, registry)


def test_duplicate_pair_and_missing_file(tmp_path, registry):
    obj = json.loads(json.dumps(GOOD))
    obj["stances"].append(obj["stances"][0])
    with pytest.raises(DataFormatError, match=r"is labelled twice"):
        read_articles(write(tmp_path, obj), registry)
    with pytest.raises(DataFormatError, match="labelled-article file not found"):
        read_articles(tmp_path / "none.jsonl", registry)


def test_examples_use_evidence_and_mark_the_actor(smoke_config, registry):
    arts = read_articles(ARTICLES, registry)
    examples = build_examples(arts, smoke_config, registry, AliasTable.from_yaml(ROOT / "configs" / "actors.yaml"))
    labelled = [e for e in examples if e.from_evidence]
    assert {(e.actor, e.label) for e in labelled} >= {("Petra Lindholm", "support"), ("Karl Brenner", "oppose"),
                                                       ("Lars Ekholm", "neutral"), ("Russia", "oppose")}
    for e in examples:
        assert "[ACTOR]" in e.passage or e.actor_type == "person"
    # the pronoun-carried quote of Ruth Calder is an example with "she" marked
    assert any(e.actor == "Ruth Calder" and "[ACTOR] she [/ACTOR]" in e.passage for e in labelled)


NEGATIVES = ("Ministers from the northern states met in Tromsø on Monday. Petra Lindqvist told Anton Vries that her "
             "government would back sending a reassurance force to Ukraine once a ceasefire holds. The talks ended "
             "without a statement.")
NEGATIVES_EVIDENCE = ("Petra Lindqvist told Anton Vries that her government would back sending a reassurance force to "
                      "Ukraine once a ceasefire holds.")


def _negatives_article(tmp_path, registry, *extra_stances):
    obj = {"id": "neg-1", "text": NEGATIVES,
           "stances": [{"actor": "Petra Lindqvist", "type": "person", "target": "foreign_troops_in_ukraine",
                        "label": "support", "evidence": [NEGATIVES_EVIDENCE]}, *extra_stances]}
    return read_articles(write(tmp_path, obj), registry)


def _cross_target_config(smoke_overrides, per_pair: int):
    return load_config(ROOT / "configs" / "default.yaml", ROOT / "configs" / "smoke.yaml",
                       overrides=[*smoke_overrides, f"data.cross_target_per_pair={per_pair}"])


def test_cross_target_and_contrastive_negatives(tmp_path, smoke_overrides, registry):
    aliases = AliasTable.from_yaml(ROOT / "configs" / "actors.yaml")
    config = _cross_target_config(smoke_overrides, 1)
    examples = build_examples(_negatives_article(tmp_path, registry), config, registry, aliases)
    by_key = {(e.actor, e.target, e.label, e.from_evidence) for e in examples}
    assert ("Petra Lindqvist", "foreign_troops_in_ukraine", "support", True) in by_key
    # her evidence read against the target it also touches (a ceasefire) and that she is not labelled on: neutral
    cross = [e for e in examples if e.actor == "Petra Lindqvist" and e.target != "foreign_troops_in_ukraine"]
    assert [(e.target, e.label, e.from_evidence) for e in cross] == [("ceasefire_negotiations", "neutral", False)]
    assert "[ACTOR] Petra Lindqvist [/ACTOR]" in cross[0].passage
    assert cross[0].target_text == registry.get("ceasefire_negotiations").description
    # the unlabelled person in the evidence sentence is marked and labelled neutral on the labelled target
    assert ("Anton Vries", "foreign_troops_in_ukraine", "neutral", False) in by_key


def test_no_cross_target_negative_for_a_labelled_target_or_when_off(tmp_path, smoke_config, smoke_overrides,
                                                                    registry):
    aliases = AliasTable.from_yaml(ROOT / "configs" / "actors.yaml")
    both = _negatives_article(tmp_path, registry, {"actor": "Petra Lindqvist", "type": "person",
                                                   "target": "ceasefire_negotiations", "label": "neutral",
                                                   "evidence": [NEGATIVES_EVIDENCE]})
    examples = build_examples(both, _cross_target_config(smoke_overrides, 1), registry, aliases)
    assert all(e.label == "neutral" and e.from_evidence for e in examples
               if e.actor == "Petra Lindqvist" and e.target == "ceasefire_negotiations")
    single = build_examples(_negatives_article(tmp_path, registry), _cross_target_config(smoke_overrides, 0),
                            registry, aliases)
    assert {e.target for e in single if e.actor == "Petra Lindqvist"} == {"foreign_troops_in_ukraine"}


def test_drills_are_training_only_and_keep_held_out_names_out(registry):
    """data/drills*.jsonl (minimal-pair briefs, docs/drills-brief.md) feed training only: its briefs parse, come in
    pairs, share no id with the corpus, and label no actor that only the held-out splits name."""
    import sys

    sys.path.insert(0, str(ROOT / "scripts"))
    from check_batch import check

    for name in ("drills.jsonl", "drills_round2.jsonl"):
        problems, counts = check(ROOT / "data" / name, "d", ROOT / "data", kind="drill")
        assert not problems, problems[:5]
        assert counts["articles"] >= 300 and counts["label", "neutral"] / counts["pairs"] >= 0.2
    cfg = load_config(ROOT / "configs" / "default.yaml")
    assert "data/drills.jsonl" in cfg.data.train
    used = {Path(p).name for p in [*cfg.data.validation, *cfg.data.test]}
    assert not used & {"drills.jsonl", "drills_round2.jsonl"}
