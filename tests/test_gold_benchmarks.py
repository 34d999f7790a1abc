"""The gold mention sets: markup parsing, and floors for actor discovery, quote attribution and evidence recall."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from stance.config import load_config
from stance.errors import DataFormatError
from stance.mention_gold import parse_markup, read_mention_gold
from stance.mention_scoring import score_gold_files

ROOT = Path(__file__).resolve().parents[1]
GOLD = sorted((ROOT / "data" / "gold").glob("*.jsonl"))


def test_markup_gives_plain_text_and_offsets():
    text, mentions, quotes = parse_markup(
        "[[Ana Lind|Minister Ana Lind]] said <<Ana Lind|“[[Sweden]] is ready. <<Olaf Berg|'No,'>> [[Olaf Berg|he]] "
        "said.”>> Later [[Russia|Moscow]] replied.")
    assert text == "Minister Ana Lind said “Sweden is ready. 'No,' he said.” Later Moscow replied."
    assert [(m.actor, text[m.start:m.end]) for m in mentions] == [
        ("Ana Lind", "Minister Ana Lind"), ("Sweden", "Sweden"), ("Olaf Berg", "he"), ("Russia", "Moscow")]
    assert [(q.speaker, text[q.start:q.end]) for q in quotes] == [
        ("Ana Lind", "“Sweden is ready. 'No,' he said.”"), ("Olaf Berg", "'No,'")]
    assert mentions[2].is_pronoun and not mentions[0].is_pronoun


@pytest.mark.parametrize("markup", ["[[Ana Lind|Ana", "<<“no speaker”>>", "a ]] b", "[[A|[[B]]]]"])
def test_bad_markup_is_an_error_with_a_place(markup):
    with pytest.raises(DataFormatError, match="character|never closed"):
        parse_markup(markup)


def test_marked_actor_missing_from_actors_is_reported(tmp_path):
    f = tmp_path / "g.jsonl"
    f.write_text(json.dumps({"id": "x", "actors": {}, "markup": "[[Ana Lind]] spoke."}) + "\n", encoding="utf-8")
    with pytest.raises(DataFormatError, match="missing from 'actors'"):
        read_mention_gold(f)


def test_gold_sets_are_large_enough():
    articles = [a for f in GOLD for a in read_mention_gold(f)]
    assert len(articles) >= 30
    assert sum(len(a.quotes) for a in articles) >= 300


def test_actor_and_quote_floors_on_the_gold_sets():
    """Issue floors: actor recall and quote-speaker accuracy at least 0.90 (figures in docs/benchmarks.md)."""
    summary = score_gold_files(GOLD, load_config(ROOT / "configs" / "default.yaml")).summary()
    assert summary["actor_recall"] >= 0.90, summary
    assert summary["quote_speaker_accuracy"] >= 0.90, summary
    assert summary["mention_recall"] >= 0.85, summary
    assert summary["mention_precision"] >= 0.80, summary
    assert summary["pronoun_accuracy"] >= 0.85, summary


def test_seesaw_named_speaker_rules():
    from stance.actors import Actor, Mention
    from stance.speaker_scoring import SpeakerScores, find_actor, is_named_person

    text = "Sen. Dana Whitlock spoke. Senate Republicans met."
    assert is_named_person("Dana Whitlock", "People", text)
    assert is_named_person("dana whitlock", "People", text)  # SEESAW lower-cases some names
    assert not is_named_person("Senate Republicans", "People", text)  # a group
    assert not is_named_person("Dana Whitlock", "Organization", text)
    assert not is_named_person("Ola Nordmann", "People", text)  # not named in the article
    whitlock = Actor("Whitlock", "person", [Mention(10, 18, "Whitlock")])
    assert find_actor("Dana Whitlock", [Actor("Senate", "organisation"), whitlock]) is whitlock
    scores = SpeakerScores()
    sentences = {"0": (0, 25), "1": (26, 48)}
    scores.add("a", text, sentences, [("0", "Dana Whitlock"), ("1", "Dana Whitlock")], [whitlock], [])
    assert scores.summary()["speaker_recall"] == 1.0 and scores.summary()["sentence_linking"] == 0.5
