"""Segmentation, actor discovery, quote attribution and pronoun rules, on sentences written for each rule."""

from pathlib import Path

import pytest

from stance.actors import AliasTable, discover_actors, given_actors
from stance.errors import InputError
from stance.quotes import attribute_quotes, find_quote_spans, link_pronoun_subjects
from stance.text import check_text, segment

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def table():
    return AliasTable.from_yaml(ROOT / "configs" / "actors.yaml")


def names(actors):
    return {a.name for a in actors}


def test_sentences_never_cross_paragraphs(nlp):
    text = "The vote was close\n\nMinisters met again on Friday. They agreed nothing."
    doc = segment(text, nlp)
    assert [s.text for s in doc.sentences] == ["The vote was close", "Ministers met again on Friday.",
                                               "They agreed nothing."]
    assert [s.paragraph for s in doc.sentences] == [0, 1, 1]
    for s in doc.sentences:
        assert text[s.start:s.end] == s.text
    assert doc.sentence_at(text.index("They")) == 2


@pytest.mark.parametrize("bad,message", [("", "text is empty"), ("   \n ", "text is empty"),
                                         (None, "text must be a string"), (["a"], "text must be a string")])
def test_bad_text(bad, message):
    with pytest.raises(InputError, match=message):
        check_text(bad)


def test_surnames_and_possessives_merge_into_full_name(nlp, table):
    text = ("Chancellor Greta Halvorsen arrived in Oslo on Monday. Halvorsen's aides said the visit was short. "
            "Later, Halvorsen met Tomas Brandt.")
    actors = discover_actors(segment(text, nlp), table)
    halv = next(a for a in actors if a.name == "Greta Halvorsen")
    assert len(halv.mentions) == 3
    assert [m.start for m in halv.mentions] == [text.index("Greta"), text.index("Halvorsen's"),
                                                text.index("Halvorsen met")]
    assert "Tomas Brandt" in names(actors)


def test_alias_table_maps_metonyms_and_keeps_persons_apart(nlp, table):
    text = ("The Kremlin rejected the plan on Tuesday. Moscow said it would respond. "
            "Vladimir Putin did not comment.")
    actors = discover_actors(segment(text, nlp), table)
    russia = next(a for a in actors if a.name == "Russia")
    assert {m.text for m in russia.mentions} == {"The Kremlin", "Moscow"} or \
        {m.text for m in russia.mentions} >= {"Kremlin", "Moscow"}
    assert "Vladimir Putin" in names(actors)  # the person is not merged into the state


def test_place_only_mentions_are_not_actors(nlp, table):
    text = "Delegates gathered in Geneva for the talks. Paula Renner said the mood was good."
    actors = discover_actors(segment(text, nlp), table)
    assert "Geneva" not in names(actors)


def test_article_without_actors_gives_no_actors(nlp, table):
    text = "It rained all day and the rivers rose. Nobody could say when it would stop."
    assert discover_actors(segment(text, nlp), table) == []


def test_given_actors_with_aliases_and_table(nlp, table):
    text = "The Élysée said on Monday that Paris was ready to act. Macron later repeated the point."
    doc = segment(text, nlp)
    actors = given_actors(doc, ["France", {"name": "Emmanuel Macron", "aliases": ["Macron"]}, "Nobody Here"], table)
    by = {a.name: a for a in actors}
    assert {m.text for m in by["France"].mentions} == {"Élysée", "Paris"} or \
        {m.text for m in by["France"].mentions} >= {"Paris"}
    assert [m.text for m in by["Emmanuel Macron"].mentions] == ["Macron"]
    assert by["Nobody Here"].mentions == []  # kept: its pairs will be "not addressed"
    with pytest.raises(InputError, match="an actor must be a name or a mapping"):
        given_actors(doc, [""], table)
    with pytest.raises(InputError, match="aliases of actor 'X' must be a list of strings"):
        given_actors(doc, [{"name": "X", "aliases": "Y"}], table)


def test_quote_spans_including_unclosed_paragraph_quote():
    text = 'She said: “We will go.” Then: "No more." And “this runs on\n\nnext para'
    spans = [text[a:b] for a, b in find_quote_spans(text)]
    assert spans == ["We will go.", "No more.", "this runs on"]


@pytest.mark.parametrize("text,spans", [
    pytest.param('"We will not go,” she said. "Not this year," he said.', ["We will not go,", "Not this year,"],
                 id="straight-open-curly-close"),
    pytest.param('“He told me, "Wait for spring." I waited,” she said.',
                 ['He told me, "Wait for spring." I waited,', "Wait for spring."], id="straight-inside-curly"),
    pytest.param('It was over.” Then she said "no" twice.', ["no"], id="stray-closing-mark-ignored"),
    pytest.param('He called it "a trap. She said "never" later.', ["a trap. She said ", "never"],
                 id="unclosed-quote-ends-at-the-next-opening"),
])
def test_quote_spans_with_mixed_and_stray_marks(text, spans):
    assert [text[a:b] for a, b in find_quote_spans(text)] == spans


def test_mixed_marks_keep_later_quotes_with_their_speakers(nlp, table):
    text = ('"We will not send a single soldier,” Ilse Varga said on Monday. Her deputy, Karel Novak, disagreed. '
            '"We should be ready to go," Karel Novak said.')
    doc = segment(text, nlp)
    quotes = attribute_quotes(doc, given_actors(doc, ["Ilse Varga", "Karel Novak"], table))
    assert [q.speaker for q in quotes] == ["Ilse Varga", "Karel Novak"]


def test_party_and_state_tag_is_no_actor(nlp, table):
    text = '“We will not fund it,” said Sen. Dana Whitlock, R-Texas. Texas voted against the plan.'
    doc = segment(text, nlp)
    actors = {a.name: a for a in discover_actors(doc, table)}
    assert "Texas" not in actors or [m.start for m in actors["Texas"].mentions] == [text.rindex("Texas")]
    [quote] = attribute_quotes(doc, list(actors.values()))
    assert quote.speaker == "Dana Whitlock"


@pytest.mark.parametrize("text,labels,kind", [
    pytest.param("President Okafor met the envoys. Okafor said the plan was premature.", ["ORG", "ORG"], "person",
                 id="title-before-a-mention"),
    pytest.param("Okafor met the envoys. Okafor said the plan was premature. Okafor left.", ["ORG", "PERSON", "PERSON"],
                 "person", id="tagged-person-more-often-than-not"),
    pytest.param("Okafor met the envoys. Okafor said the plan was premature.", ["ORG", "PERSON"], "organisation",
                 id="a-tie-keeps-the-first-type"),
    pytest.param("Okafor met the envoys. Okafor said the plan was premature.", ["ORG", "ORG"], "organisation",
                 id="no-cue-stays-an-organisation"),
])
def test_a_name_the_tagger_calls_an_organisation(nlp, table, text, labels, kind):
    from spacy.tokens import Span

    doc = segment(text, nlp)
    sd = doc.spacy_doc
    at = [i for i, t in enumerate(sd) if t.text == "Okafor"]
    sd.ents = [Span(sd, i, i + 1, label=lab) for i, lab in zip(at, labels)]
    [okafor] = [a for a in discover_actors(doc, table) if a.name == "Okafor"]
    assert okafor.type == kind


@pytest.mark.parametrize("text,speaker", [
    ('“The force must be ready by spring,” Irena Sova said on Friday.', "Irena Sova"),
    ('"The force must be ready by spring," said Irena Sova.', "Irena Sova"),
    ('Irena Sova told reporters: "The force must be ready by spring."', "Irena Sova"),
    ('“The force must be ready by spring,” according to Irena Sova.', "Irena Sova"),
    ('Irena Sova called the plan “a force that must be ready by spring”.', "Irena Sova"),
    ('Irena Sova thanked the allies and said the force was “ready by spring”.', "Irena Sova"),
    ('Asked about the date, Irena Sova was blunt: “Spring.”', "Irena Sova"),
    ('Irena Sova praised the plan as “a force worth building”.', "Irena Sova"),
    ('Irena Sova compared the delay to “a door held shut from inside”.', "Irena Sova"),
    # the sentence's own speech verb names the speaker; "according to" only names who reported it
    ('Irena Sova said the delay made Europe “a hostage to the calendar,” according to two officials present.',
     "Irena Sova"),
])
def test_quote_speaker_patterns(nlp, table, text, speaker):
    doc = segment(text, nlp)
    actors = given_actors(doc, [speaker], table)
    [quote] = attribute_quotes(doc, actors)
    assert quote.speaker == speaker


def test_pronoun_speaker_goes_to_latest_person(nlp, table):
    text = ('Defence minister Irena Sova visited the base. “We are ready to deploy,” she said.')
    doc = segment(text, nlp)
    actors = given_actors(doc, ["Irena Sova"], table)
    [quote] = attribute_quotes(doc, actors)
    assert quote.speaker == "Irena Sova"
    assert any(m.kind == "pronoun" and m.text == "she" for m in actors[0].mentions)


UNKNOWN_PERSON = {"name": "Zaporizhzhia", "type": "person"}  # a place the tagger took for a person


@pytest.mark.parametrize("text,actors,speaker", [
    pytest.param("Irena Sova met Tomas Brandt in Riga. “We are ready to deploy,” she said.",
                 ["Irena Sova", "Tomas Brandt"], "Irena Sova", id="gender-skips-the-later-man"),
    pytest.param("Tomas Brandt met Karel Novak in Riga on Monday. “We are ready to deploy,” he said.",
                 ["Tomas Brandt", "Karel Novak"], "Tomas Brandt", id="subject-of-the-latest-sentence"),
    pytest.param("Tomas Brandt said that Karel Novak had called. “We are ready to deploy,” he said.",
                 ["Tomas Brandt", "Karel Novak"], "Tomas Brandt", id="main-clause-subject"),
    # Pinned limitation: a reader knows Novak speaks (he was handed the microphone); the rule picks the subject.
    pytest.param("Tomas Brandt handed the microphone to Karel Novak. “We are ready to deploy,” he said.",
                 ["Tomas Brandt", "Karel Novak"], "Tomas Brandt", id="subject-even-when-the-object-speaks"),
    pytest.param("Oksana Melnychuk led the talks near Zaporizhzhia. “We came to stop the killing,” she said.",
                 ["Oksana Melnychuk", UNKNOWN_PERSON], "Oksana Melnychuk", id="she-prefers-a-known-woman"),
])
def test_pronoun_speaker_salience(nlp, table, text, actors, speaker):
    doc = segment(text, nlp)
    [quote] = attribute_quotes(doc, given_actors(doc, actors, table))
    assert quote.speaker == speaker


def test_subject_pronoun_sentence_is_linked(nlp, table):
    text = "Senator Ruth Calder spoke first. She urged allies to send peacekeepers."
    doc = segment(text, nlp)
    actors = given_actors(doc, ["Ruth Calder"], table)
    link_pronoun_subjects(doc, actors)
    assert [m.text for m in actors[0].mentions if m.kind == "pronoun"] == ["She"]


def test_pronoun_subject_anywhere_in_sentence(nlp, table):
    text = "Chancellor Ina Korb spoke in Vienna. Speaking to diplomats, she said Austria was ready to send trainers."
    doc = segment(text, nlp)
    actors = given_actors(doc, ["Ina Korb", "Austria"], table)
    link_pronoun_subjects(doc, actors)
    korb = next(a for a in actors if a.name == "Ina Korb")
    assert [m.text for m in korb.mentions if m.kind == "pronoun"] == ["she"]
    assert [m.text for m in next(a for a in actors if a.name == "Austria").mentions] == ["Vienna", "Austria"]


def test_first_person_inside_a_quote_is_the_speaker(nlp, table):
    text = 'Ina Korb said: "I would send trainers tomorrow, and my party agrees."'
    doc = segment(text, nlp)
    actors = given_actors(doc, ["Ina Korb"], table)
    attribute_quotes(doc, actors)
    assert [m.text for m in actors[0].mentions if m.kind == "pronoun"] == ["I", "my"]


def test_op_ed_byline_makes_the_author_speak_the_body(nlp, table):
    text = ("By Ina Korb\n\nThe minister, Tor Vang, said \"no troops\" yesterday.\n\n"
            "Ukraine belongs in NATO. We should say so.")
    doc = segment(text, nlp)
    actors = given_actors(doc, ["Ina Korb", "Tor Vang"], table)
    quotes = attribute_quotes(doc, actors)
    own = [text[q.start:q.end] for q in quotes if q.speaker == "Ina Korb"]
    assert any("Ukraine belongs in NATO." in s for s in own)
    assert not any(s == "no troops" for s in own)  # another speaker's quote stays theirs
    assert "We" in [m.text for m in actors[0].mentions if m.kind == "pronoun"]


def test_interview_answers_belong_to_the_interviewee(nlp, table):
    text = ("We spoke to Ina Korb about the summit.\n\nQ: Should Ukraine join?\n\n"
            "A: Yes. The alliance must invite it.\n\nQ: And troops?\n\nA: Not ours.")
    doc = segment(text, nlp)
    actors = given_actors(doc, ["Ina Korb"], table)
    quotes = attribute_quotes(doc, actors)
    assert [text[q.start:q.end] for q in quotes if q.speaker == "Ina Korb"] == [
        "Yes. The alliance must invite it.", "Not ours."]


def test_given_actor_surname_only_for_person_names(nlp, table):
    text = "The Freedom Party of Austria voted no. Austria abstained. Later Korb spoke."
    doc = segment(text, nlp)
    actors = {a.name: a for a in given_actors(doc, ["Freedom Party of Austria", "Austria", "Ina Korb"], table)}
    assert [m.text for m in actors["Austria"].mentions] == ["Austria"]  # the party does not take "Austria"
    assert [m.text for m in actors["Ina Korb"].mentions] == ["Korb"]


def test_transcript_turns_belong_to_the_named_speaker(nlp, table):
    text = ("Host Ada Roe asked the panel about troops.\n\nRUTTEN: We should send them after a truce.\n\n"
            "Roe: And you, minister?\n\nVilja Rutten said later she stood by it.")
    doc = segment(text, nlp)
    actors = given_actors(doc, ["Vilja Rutten", "Ada Roe"], table)
    quotes = attribute_quotes(doc, actors)
    turns = {text[q.start:q.end]: q.speaker for q in quotes}
    assert turns["We should send them after a truce."] == "Vilja Rutten"
    assert turns["And you, minister?"] == "Ada Roe"


def test_titles_datelines_demonyms_and_platforms_are_not_names(nlp, table):
    text = ("KYIV, May 3 — Kazakh President Kassym-Jomart Tokayev met officials. Tokayev later posted on Telegram "
            "that Ukrainian and Hungarian diplomats had spoken.")
    found = names(discover_actors(segment(text, nlp), table))
    assert "Kassym-Jomart Tokayev" in found
    assert "Ukraine" not in found  # the dateline KYIV names a place, not the Ukrainian government speaking
    assert not any(n.startswith("Kazakh") for n in found)
    assert not found & {"Telegram", "Ukrainian", "Hungarian", "KYIV", "Kazakh President Kassym-Jomart Tokayev"}


def test_person_tagged_as_organisation_is_merged(nlp, table):
    text = ("His Hungarian counterpart, Bence Farkas, rejected the idea outright. Sending troops would widen "
            "the war, Farkas said. Farkas was more cautious later.")
    actors = discover_actors(segment(text, nlp), table)
    farkas = [a for a in actors if "Farkas" in a.name]
    assert len(farkas) == 1 and farkas[0].name == "Bence Farkas" and farkas[0].type == "person"
    assert len(farkas[0].mentions) == 3


def test_transliteration_variants_are_one_person(nlp, table):
    text = ("Volodymyr Zelenskyy flew to Vilnius on Tuesday. Zelensky’s aides said the trip had been planned for "
            "weeks, and Zelenskiy himself called it routine. Kim Orbán-Varga and Orban-Varga's allies stayed home.")
    actors = discover_actors(segment(text, nlp), table)
    zel = [a for a in actors if "Zelensk" in a.name]
    assert len(zel) == 1 and len(zel[0].mentions) == 3


def test_given_actor_finds_spelling_variants(nlp, table):
    text = "Zelensky met Szijjarto. Later Mr Szijjártó said he had listened."
    doc = segment(text, nlp)
    actors = given_actors(doc, ["Volodymyr Zelenskyy", "Péter Szijjártó"], table)
    assert [m.text for m in actors[0].mentions] == ["Zelensky"]
    assert [m.text for m in actors[1].mentions if m.kind != "pronoun"] == ["Szijjarto", "Szijjártó"]


def test_role_noun_refers_to_the_titled_person(nlp, table):
    text = ("French President Lucien Garrel arrived in Warsaw on Monday. Poland's prime minister, Adam Wolski, met "
            "him at the airport. The French president later said the plan was sound. The Polish prime minister was "
            "less sure.")
    actors = {a.name: a for a in discover_actors(segment(text, nlp), table)}
    garrel, wolski = actors["Lucien Garrel"], actors["Adam Wolski"]
    assert [m.text for m in garrel.mentions if m.kind == "role"] == ["French president"]
    assert [m.text for m in wolski.mentions if m.kind == "role"] == ["Polish prime minister"]
    assert garrel.affiliation == "France" and wolski.affiliation == "Poland"


def test_role_noun_without_a_named_holder_or_before_a_name_is_not_linked(nlp, table):
    # "the German chancellor" names nobody introduced earlier: it is not guessed from world knowledge; and
    # "the French president, Lucien Garrel" is a title, so only the name is a mention.
    text = ("The French president, Lucien Garrel, spoke first. The German chancellor did not attend. Dana Ilves, "
            "Estonia's foreign minister, said the talks went well.")
    actors = {a.name: a for a in discover_actors(segment(text, nlp), table)}
    assert not any(m.kind == "role" for a in actors.values() for m in a.mentions)
    assert actors["Dana Ilves"].affiliation == "Estonia"


def test_place_named_as_place_is_not_a_mention(nlp, table):
    text = ("BRUSSELS, June 4 — Talks in Brussels ended late. Moscow rejected the plan, and the Kremlin said "
            "Hungary would veto it. A strike near Kyiv killed two people.")
    actors = {a.name: a for a in discover_actors(segment(text, nlp), table)}
    assert "European Union" not in actors  # the dateline and "in Brussels" are places
    assert "Ukraine" not in actors  # "near Kyiv" is a place
    assert [m.text for m in actors["Russia"].mentions] == ["Moscow", "the Kremlin"]
    assert "Hungary" in actors


def test_bare_question_interview_answers_belong_to_the_interviewee(nlp, table):
    text = ("Mirela Stanca leads the Civic Dawn party. We met her in Cluj.\n\n"
            "Should Romania send trainers to Ukraine?\n\n"
            "Yes, once a ceasefire holds. I would vote for it.\n\n"
            "And NATO membership for Kyiv?\n\n"
            "That is a decision for the summit, not for me.")
    doc = segment(text, nlp)
    actors = discover_actors(doc, table)
    quotes = attribute_quotes(doc, actors)
    answers = {text[q.start:q.end]: q.speaker for q in quotes}
    assert answers["Yes, once a ceasefire holds. I would vote for it."] == "Mirela Stanca"
    assert answers["That is a decision for the summit, not for me."] == "Mirela Stanca"


def test_nested_quote_has_its_own_speaker(nlp, table):
    text = ("Rasa Vainė recalled the meeting. “Then Tomas Brandt told us, ‘No soldiers before a ceasefire,’ and left "
            "the room,” she said.")
    doc = segment(text, nlp)
    actors = given_actors(doc, ["Rasa Vainė", "Tomas Brandt"], table)
    quotes = {text[q.start:q.end]: q.speaker for q in attribute_quotes(doc, actors)}
    assert quotes["No soldiers before a ceasefire,"] == "Tomas Brandt"
    assert any(s == "Rasa Vainė" and k.startswith("Then Tomas Brandt") for k, s in quotes.items())


def test_state_bodies_and_back_references(nlp, table):
    text = ("The Indian petroleum ministry issued a statement on Friday. “We buy where the price is right,” the "
            "ministry said. The Russian embassy in Oslo called the plan “reckless”.")
    doc = segment(text, nlp)
    actors = discover_actors(doc, table)
    names = {a.name: a for a in actors}
    assert "India" in names and "Russia" in names
    assert [m.text for m in names["India"].mentions] == ["The Indian petroleum ministry", "the ministry"]
    speakers = {text[q.start:q.end]: q.speaker for q in attribute_quotes(doc, actors)}
    assert speakers["We buy where the price is right,"] == "India"
    assert speakers["reckless"] == "Russia"


def test_role_noun_and_it_as_speakers(nlp, table):
    text = ("Prime Minister Lena Dahl met reporters. “Not this year,” the prime minister said.\n\n"
            "NATO published its review. In a statement, it said the plan was “sound”.")
    doc = segment(text, nlp)
    actors = discover_actors(doc, table)
    speakers = {text[q.start:q.end]: q.speaker for q in attribute_quotes(doc, actors)}
    assert speakers["Not this year,"] == "Lena Dahl"
    assert speakers["sound"] == "NATO"


def test_unattributed_quote_after_a_subject_sentence(nlp, table):
    text = "Lena Dahl thanked the allies and urged them to plan.\n\nRasa Vainė agreed. “Plan now, not later.”"
    doc = segment(text, nlp)
    actors = given_actors(doc, ["Lena Dahl", "Rasa Vainė"], table)
    [quote] = attribute_quotes(doc, actors)
    assert quote.speaker == "Rasa Vainė"


def test_multi_paragraph_quote_continues_but_a_non_actor_speaker_stops_it(nlp, table):
    text = ("“We are ready,” Irena Sova said.\n\n“The brigade can move in a week.”\n\n"
            "“That is premature,” one diplomat said.")
    doc = segment(text, nlp)
    actors = given_actors(doc, ["Irena Sova"], table)
    speakers = [q.speaker for q in attribute_quotes(doc, actors)]
    assert speakers == ["Irena Sova", "Irena Sova", None]  # "one diplomat" is no actor: left unattributed


def test_long_article_keeps_offsets(nlp, table, registry):
    from stance.evidence import select_passages

    para = ("Irena Sova said the alliance should invite Ukraine to join NATO at the summit. "
            "Officials in Riga discussed budgets, roads and schools for most of the day. ")
    text = "\n\n".join([para * 6] * 63)  # about 10,000 words
    assert len(text.split()) >= 10_000
    doc = segment(text, nlp)
    actor = given_actors(doc, ["Irena Sova"], table)[0]
    passages = select_passages(doc, actor, registry.get("ukraine_nato_membership"), [], max_passages=5,
                               min_relevance=0.15, context_sentences=1, max_chars=900, start_token="[ACTOR]",
                               end_token="[/ACTOR]")
    assert len(passages) == 5
    for p in passages:
        assert text[p.focus_start:p.focus_end].startswith("Irena Sova said")


def test_role_alias_of_a_given_actor_is_not_read_across_another_holder(nlp, table):
    """A caller's alias that is only a role noun ("the prime minister") stands for the actor unless somebody titled
    with the same office was named in between. A differently titled person does not block it. Pinned on purpose:
    neither does an untitled person, even where a reader would see that the other person is meant."""
    text = ("Vesna Orlić arrived in Ljubljana early. Speaking there, the prime minister said Slovenia would wait.\n\n"
            "Later, Tomas Lindgren spoke to reporters. Asked about troops, the prime minister said Sweden was set.\n\n"
            "Orlić then met French President Hugo Garrel. The prime minister told him Ljubljana had not moved.\n\n"
            "Orlić also met Prime Minister Ada Rusu. Afterwards the prime minister flew home.")
    doc = segment(text, nlp)
    [actor] = given_actors(doc, [{"name": "Vesna Orlić", "aliases": ["the prime minister", "Orlić"]}], table)
    roles = [(m.text, doc.sentence_at(m.start)) for m in actor.mentions if m.text.lower() == "the prime minister"]
    assert roles == [("the prime minister", 1), ("the prime minister", 3), ("The prime minister", 5)]  # not after Rusu
    [plain] = given_actors(segment("Vesna Orlić spoke. Later the prime minister left.", nlp),
                           [{"name": "Vesna Orlić", "aliases": ["the prime minister"]}], table)
    assert [m.text for m in plain.mentions] == ["Vesna Orlić", "the prime minister"]


def test_role_alias_shared_by_two_given_actors_goes_to_the_one_named_last(nlp, table):
    # the longer name searches first, so without the rule Orlić-Kranjčar would take Lindgren's "the prime minister"
    text = ("Vesna Orlić-Kranjčar spoke first.\n\n14:22 — Tomas Lindgren has repeated his line. Speaking to "
            "reporters, the prime minister said Sweden was ready.")
    doc = segment(text, nlp)
    orlic, lindgren = given_actors(doc, [{"name": "Vesna Orlić-Kranjčar", "aliases": ["the prime minister"]},
                                         {"name": "Tomas Lindgren", "aliases": ["the prime minister"]}], table)
    assert [m.text for m in lindgren.mentions] == ["Tomas Lindgren", "the prime minister"]
    assert [m.text for m in orlic.mentions] == ["Vesna Orlić-Kranjčar"]


def test_role_noun_is_not_linked_across_a_titled_bystander_in_given_mode(nlp, table):
    text = ("Dutch Prime Minister Sanne Vermeer opened the summit. Belgian Prime Minister Ivo Kranjc spoke next. "
            "The prime minister then left early.")
    [actor] = given_actors(segment(text, nlp), ["Sanne Vermeer"], table)
    assert not any(m.kind == "role" for m in actor.mentions)  # Kranjc holds that office too
    [again] = given_actors(segment("Dutch Prime Minister Sanne Vermeer opened the summit. Ivo Kranjc, who chairs the "
                                   "talks, spoke next. The prime minister then left early.", nlp), ["Sanne Vermeer"],
                           table)
    assert [m.text for m in again.mentions if m.kind == "role"] == ["prime minister"]  # untitled: no block


def test_a_state_alias_inside_an_organisation_name_is_not_the_state(nlp, table):
    text = ("Deputies of the ruling United Russia party backed the motion on Tuesday. The Bank of Russia said it would "
            "appeal. Moscow's foreign ministry called the vote a provocation.")
    actors = {a.name: a for a in discover_actors(segment(text, nlp), table)}
    assert [m.text for m in actors["United Russia"].mentions] == ["United Russia"]
    assert [m.text for m in actors["Bank of Russia"].mentions] == ["The Bank of Russia"]
    assert [m.text for m in actors["Russia"].mentions] == ["Moscow"]  # a possessive still speaks for the state


def test_a_surname_only_person_takes_the_full_name_the_tagger_missed(nlp, table):
    """The tagger sometimes finds only the surname ("10:30 - Keir Starmer on arrival" is missed); the given names
    written right before it become part of the name. A capitalised word opening a sentence ("Yesterday Starmer")
    is not a given name, and with two different candidates nothing is guessed."""
    text = ('10:30 - Keir Starmer on arrival: "We are ready."\n\n11:40 - Macron and Starmer have appeared together.')
    actors = {a.name: a for a in discover_actors(segment(text, nlp), table)}
    assert [m.text for m in actors["Keir Starmer"].mentions] == ["Keir Starmer", "Starmer"]
    names = {a.name for a in discover_actors(segment("Starmer spoke. Yesterday Starmer left.", nlp), table)}
    assert names == {"Starmer"}


def test_a_titled_name_the_tagger_calls_an_organisation_is_a_person_and_answers_the_interview(nlp, table):
    text = ("Solomiya Vereshchak, Ukraine's deputy foreign minister for European integration, spoke to a weekly in "
            "Graz.\n\nQ: Will Ukraine be invited to join NATO this year?\n\nA: No, and we are realistic about that.\n\n"
            "Q: And the European Union?\n\nA: We will be a member, and the only question left is the date.")
    doc = segment(text, nlp)
    assert [e.label_ for e in doc.spacy_doc.ents if e.text == "Solomiya Vereshchak"] == ["ORG"]  # the tagger's slip
    actors = {a.name: a for a in discover_actors(doc, table)}
    assert actors["Solomiya Vereshchak"].type == "person"
    quotes = attribute_quotes(doc, list(actors.values()))
    assert [q.speaker for q in quotes] == ["Solomiya Vereshchak", "Solomiya Vereshchak"]


def test_a_persons_possessive_is_not_part_of_an_organisations_name(nlp, table):
    text = ("Prime Minister Ingrid Brekstad spoke on Monday. The shift matters because Brekstad's Coastal Liberals had "
            "been quietly split. The Kestrian People's Party disagreed.")
    actors = {a.name: a for a in discover_actors(segment(text, nlp), table)}
    assert [m.text for m in actors["Coastal Liberals"].mentions] == ["Coastal Liberals"]
    assert "Brekstad's" in [m.text for m in actors["Ingrid Brekstad"].mentions]
    assert "Kestrian People's Party" in actors  # "People's" is no person: the name stays whole


def test_live_blog_time_stamps_are_blanked_for_the_tagger_and_open_their_sentence(nlp, table):
    text = ("Leaders met in Lyon.\n\n12:05 - Volodymyr Zelensky is in the room in person. He thanked the hosts.\n\n"
            "14:22 — The talks ended at 3:30 - late.")
    doc = segment(text, nlp)
    assert [s.text for s in doc.sentences] == ["Leaders met in Lyon.",
                                               "12:05 - Volodymyr Zelensky is in the room in person.",
                                               "He thanked the hosts.", "14:22 — The talks ended at 3:30 - late."]
    assert all(text[s.start:s.end] == s.text for s in doc.sentences)
    assert "Volodymyr Zelensky" in {a.name for a in discover_actors(doc, table)}


def test_a_hyphenated_surname_the_tagger_cuts_is_one_person_with_its_given_name(nlp, table):
    text = ("The Verkhovna Rada is far less united. Taras Kulynych-Zhuk, a former battalion commander, said no. "
            "Kulynych-Zhuk is equally blunt.")
    actors = {a.name: a for a in discover_actors(segment(text, nlp), table)}
    assert actors["Taras Kulynych-Zhuk"].type == "person"
    assert [m.text for m in actors["Taras Kulynych-Zhuk"].mentions] == ["Taras Kulynych-Zhuk", "Kulynych-Zhuk"]
    states = {a.name for a in discover_actors(segment("The Russia-Ukraine talks resumed in Geneva.", nlp), table)}
    assert {"Russia", "Ukraine"} <= states  # two states joined by a hyphen stay two states
    party = discover_actors(segment("Delegates said the Pennsylvania GOP would meet again. The GOP did not "
                                    "comment.", nlp), table)
    assert not any(a.type == "person" for a in party)  # a place before an acronym is no given name
