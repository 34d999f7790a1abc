"""Evidence: the passages that link an actor to a target.

A passage is built around a *focus* sentence that mentions the actor (name, alias or resolved pronoun) or lies
inside a quote the actor speaks. The passage adds ``evidence.context_sentences`` sentences before the focus from
the same paragraph, so "It would be a mistake," she said can be read with what "it" is. Passages are ranked by
their relevance to the target (registry aliases count 2, distinct keywords 1; the focus sentence counts fully,
the context half, the rest of the paragraph a quarter, plus small terms for the previous paragraph and the whole
article), and at most ``evidence.max_passages`` with relevance ≥ ``evidence.min_relevance`` are kept.
No passage ⇒ the pair is *not addressed* (which is not the same as neutral).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Callable, Sequence

from stance.actors import Actor
from stance.quotes import Quote
from stance.targets import Target
from stance.text import Document

#: Weights of the wider context in a passage's relevance. An actor's reaction often names the target only as
#: "the plan" or "the idea", introduced a paragraph earlier; an article that is about the target throughout makes
#: any statement by its actors likely to be about it. The document term is capped (DOCUMENT_WEIGHT × DOCUMENT_CAP).
PREVIOUS_PARAGRAPH_WEIGHT = 0.15
DOCUMENT_WEIGHT = 0.025
DOCUMENT_CAP = 20.0


@dataclass(frozen=True)
class Passage:
    """What the model reads for one (actor, target): ``text`` with the actor's mentions marked.

    ``start``/``end`` bound the whole passage in the article; ``focus_start``/``focus_end`` the focus sentence.
    """

    actor: str
    target: str
    text: str
    start: int
    end: int
    focus_start: int
    focus_end: int
    relevance: float
    sentence_index: int


#: Dependency labels that make a mention the holder of what its clause says (climbing through compounds,
#: possessives, appositions and conjunctions: "Hungary's foreign minister said", "Paris and Rome rejected").
HOLDER_DEPS = frozenset({"nsubj", "nsubjpass", "csubj", "csubjpass", "agent", "ROOT"})
_CLIMB_DEPS = frozenset({"compound", "poss", "appos", "conj", "nmod", "amod", "npadvmod", "det"})


#: Head nouns that make a person the holder when an actor only modifies them ("the Labour member", "NATO Secretary
#: General Mark Rutte", "Hungary's foreign minister"): the position is the person's, not the actor's.
PERSON_HEADS = frozenset("""minister president chancellor premier leader member secretary senator lawmaker mp deputy
chairman chairwoman chair chief general admiral commander envoy ambassador mayor governor king queen official
candidate politician spokesman spokeswoman spokesperson""".split()) - {"spokesman", "spokeswoman", "spokesperson"}


_SUBJECTS = frozenset({"nsubj", "nsubjpass"})


#: Dependencies through which a clause hangs under another one's predicate ("said that …", "its demand that …").
_EMBEDDING_DEPS = frozenset({"ccomp", "xcomp", "acl", "relcl", "advcl", "conj", "dobj", "pobj", "prep", "attr", "oprd",
                             "pcomp"})


def _reported_by_another(tok, reporters: Sequence[tuple[int, int]]) -> bool:
    """Whether `tok`, a subject, heads a clause embedded under another actor's predicate: "Downing Street said that
    Ukraine must be able to defend itself" is the United Kingdom's position, not Ukraine's, and so is "the Kremlin
    … repeated its demand that Kyiv abandon its NATO ambitions" Russia's (docs/annotation.md: positions one actor
    attributes to another are evidence about the speaker). Climbing from the clause through the predicates above
    it (a misparsed coordination may put another subject in between, so the climb does not stop at the first),
    the answer is whether one of their subjects lies in `reporters` (the mention spans of the actors who count as
    someone else; see `is_holder`)."""
    clause = tok.head
    if clause.dep_ not in _EMBEDDING_DEPS or clause.head.i == clause.i:
        return False  # a main clause
    node = clause.head
    for _ in range(8):
        for c in node.children:
            if c.dep_ in _SUBJECTS and not (c.left_edge.i <= tok.i <= c.right_edge.i):
                lo, hi = c.left_edge.idx, c.right_edge.idx + len(c.right_edge)
                if any(a < hi and lo < b for a, b in reporters):  # "a Downing Street spokesperson"
                    return True
        if node.dep_ not in _EMBEDDING_DEPS or node.head.i == node.i:
            return False
        node = node.head
    return False


def is_holder(doc: Document, actor: Actor, sentence_index: int, quotes: list[Quote],
              reporters: Sequence[Actor] = ()) -> bool:
    """Whether `actor` can hold the position a sentence states: it speaks a quote there, is referred to by a
    resolved pronoun there, or one of its mentions is (part of) the subject, the agent of a passive, or the
    source in "according to X". An actor that is only an object ("troops into Ukraine", "EU funding"), named inside
    someone else's quote, only a modifier of a person ("the Labour member", "Hungary's foreign minister"), or the
    subject of a clause that one of `reporters` reports (`_reported_by_another`) is not; a modifier of a
    spokesperson or body is ("a Kremlin spokesman", "Hungary's foreign ministry"). `reporters` are the other actors
    whose report of a clause makes it theirs (`reporters_of`)."""
    sent = doc.sentences[sentence_index]
    for q in quotes:
        if q.speaker == actor.name and q.start < sent.end and sent.start < q.end:
            return True
    others = [(q.start, q.end) for q in quotes if q.speaker != actor.name]
    reported = [(m.start, m.end) for a in reporters for m in a.mentions]
    for m in actor.mentions:
        if not sent.start <= m.start < sent.end or any(a <= m.start < b for a, b in others):
            continue
        if m.kind == "pronoun":
            return True
        span = doc.spacy_doc.char_span(m.start, m.end, alignment_mode="expand")
        if span is None:
            continue
        tok = span.root
        for _ in range(4):
            if tok.dep_ in HOLDER_DEPS:
                if tok.dep_ in _SUBJECTS and _reported_by_another(tok, reported):
                    break
                return True
            if tok.dep_ == "pobj" and (tok.head.lower_ == "by" or (tok.head.lower_ == "to" and
                                                                    tok.head.head.lower_ == "according")):
                return True
            if tok.dep_ not in _CLIMB_DEPS or tok.head.i == tok.i:
                break
            if actor.type != "person" and tok.dep_ in ("compound", "poss", "amod") and (
                    tok.head.ent_type_ == "PERSON" or tok.head.lower_ in PERSON_HEADS):
                break  # the actor only describes a person, who holds the position
            tok = tok.head
    return False


def reporters_of(actor: Actor, actors: Sequence[Actor],
                 lookup: Callable[[str], str | None] = lambda name: None) -> list[Actor]:
    """The actors whose report of a clause with `actor` as its subject makes the position theirs. Every other actor,
    except, for a state or organisation, the persons who may speak for it: those affiliated with it, and those whose
    affiliation is unknown ("President Klaus Iohannis said Romania would back …" is Romania's position, as the
    guideline reads a leader speaking with the state as subject). `lookup` maps an affiliation to a canonical name."""
    if actor.type == "person":
        return [a for a in actors if a is not actor]
    return [a for a in actors if a is not actor and not (a.type == "person" and (
        a.affiliation is None or (lookup(a.affiliation) or a.affiliation) == actor.name))]


def linked_sentences(doc: Document, actor: Actor, quotes: list[Quote]) -> set[int]:
    """Sentences that mention the actor or that the actor speaks."""
    idx = {doc.sentence_at(m.start) for m in actor.mentions}
    for q in quotes:
        if q.speaker == actor.name:
            first, last = doc.sentence_at(q.start), doc.sentence_at(max(q.start, q.end - 1))
            idx.update(range(first, last + 1))
    return idx


def mark_actor(text: str, offset: int, actor: Actor, start_token: str, end_token: str) -> str:
    """`text` (which starts at article offset `offset`) with each mention of `actor` inside it wrapped in markers."""
    out, pos = [], 0
    for m in actor.mentions:
        a, b = m.start - offset, m.end - offset
        if a < pos or b > len(text):
            continue
        out.append(text[pos:a])
        out.append(f"{start_token} {text[a:b]} {end_token}")
        pos = b
    out.append(text[pos:])
    return "".join(out)


def build_passage(doc: Document, actor: Actor, target: Target, sentence_index: int, *, context_sentences: int,
                  max_chars: int, start_token: str, end_token: str, doc_relevance: float | None = None) -> Passage:
    """The passage focused on one sentence, with context from the same paragraph, trimmed to `max_chars`."""
    focus = doc.sentences[sentence_index]
    first = sentence_index
    while (first > 0 and sentence_index - first < context_sentences
           and doc.sentences[first - 1].paragraph == focus.paragraph):
        first -= 1
    start = doc.sentences[first].start
    # drop context from the left until the passage fits; the focus sentence itself is never cut
    while first < sentence_index and focus.end - start > max_chars:
        first += 1
        start = doc.sentences[first].start
    raw = doc.text[start:focus.end]
    context = doc.text[start:focus.start]
    para = [s for s in doc.sentences if s.paragraph == focus.paragraph and not first <= s.index <= sentence_index]
    rest = " ".join(s.text for s in para)
    prev = " ".join(s.text for s in doc.sentences if s.paragraph == focus.paragraph - 1)
    relevance = (target.relevance(focus.text) + 0.5 * target.relevance(context)
                 + 0.25 * target.relevance(rest) + PREVIOUS_PARAGRAPH_WEIGHT * target.relevance(prev)
                 + DOCUMENT_WEIGHT * min(target.relevance(doc.text) if doc_relevance is None else doc_relevance,
                                         DOCUMENT_CAP))
    marked = mark_actor(raw, start, actor, start_token, end_token)
    return Passage(actor.name, target.id, marked, start, focus.end, focus.start, focus.end, relevance,
                   sentence_index)


def select_passages(doc: Document, actor: Actor, target: Target, quotes: list[Quote], *, max_passages: int,
                    min_relevance: float, context_sentences: int, max_chars: int, start_token: str,
                    end_token: str, require_holder: bool = False, holder_weight: float = 0.0,
                    min_passage_relevance: float | None = None,
                    similarity_bonus: Sequence[float] | None = None, reporters: Sequence[Actor] = ()
                    ) -> list[Passage]:
    """The best passages linking `actor` to `target`, most relevant first (ties: earlier first).

    Sentences where the actor holds the position (speaks, or is the subject: see `is_holder`) rank with their
    relevance raised by the factor ``1 + holder_weight``; with `require_holder`, only such sentences count. A pair is
    addressed when one passage reaches ``min_relevance``; it then keeps up to ``max_passages`` passages whose
    relevance reaches ``min_passage_relevance`` (default: ``min_relevance``), so a reply that names the target
    only as "it" can join the sentence that names it. `similarity_bonus` (one value per sentence; see
    ``stance.similarity``) is added to each focus sentence's keyword relevance. `reporters` go to `is_holder`."""
    min_passage_relevance = min_relevance if min_passage_relevance is None else min_passage_relevance
    doc_relevance = target.relevance(doc.text)
    scored = []
    for i in sorted(linked_sentences(doc, actor, quotes)):
        holder = (require_holder or holder_weight > 0) and is_holder(doc, actor, i, quotes, reporters)
        if require_holder and not holder:
            continue
        p = build_passage(doc, actor, target, i, context_sentences=context_sentences, max_chars=max_chars,
                          start_token=start_token, end_token=end_token, doc_relevance=doc_relevance)
        if similarity_bonus is not None and similarity_bonus[i] > 0:
            p = replace(p, relevance=p.relevance + float(similarity_bonus[i]))
        if p.relevance >= min(min_relevance, min_passage_relevance):
            scored.append((p.relevance * (1.0 + holder_weight) if holder else p.relevance, p))
    if not any(p.relevance >= min_relevance for _, p in scored):
        return []  # the pair is not addressed
    scored = [(r, p) for r, p in scored if p.relevance >= min_passage_relevance]
    scored.sort(key=lambda x: (-x[0], x[1].start))
    return [p for _, p in scored[:max_passages]]
