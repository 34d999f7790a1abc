"""Quotes and who speaks them.

Rules, in order, for a quote's speaker:
1. after the closing mark, in the same sentence: ``“…,” X said`` / ``“…,” said X`` / ``“…,” he added``;
2. before the opening mark, in the same sentence: ``X said: “…”`` / ``X told reporters, “…”``;
3. a quote with neither continues the previous quote's speaker if that quote is in the same or the
   previous paragraph (multi-paragraph quotes).
4. in an interview, answers belong to the interviewee: "A:" paragraphs after "Q:" ones, or, with no markers,
   the paragraph right after each bare question paragraph (one that ends with "?");
5. transcript turns ("NAUMANN: …") belong to the actor named by the label; an op-ed with a "By NAME" byline
   speaks in its author's voice outside quotation marks.
Quote marks are paired in one pass over every double mark (``find_quote_spans``), so mixed styles (`"…”`) and
quotes within quotes pair as a reader pairs them. A speaking pronoun (he / she) goes to the most salient
compatible person (see ``_resolve_pronoun``); with no person named in the last four sentences it stays
unresolved. A quote's words are evidence for its speaker
only: actors named inside it are not holders of what it says (``stance.evidence.is_holder``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Sequence

from stance.actors import Actor, Mention
from stance.roles import ROLE_NOUN
from stance.text import Document

SPEECH_VERBS = ("said", "says", "added", "adds", "told", "tells", "warned", "warns", "insisted", "argued", "argues",
                "wrote", "writes", "noted", "stressed", "declared", "replied", "asked", "continued", "explained",
                "insists", "stated", "remarked", "cautioned", "conceded", "admitted", "claimed", "posted", "tweeted",
                "announced", "responded", "countered", "vowed", "pledged", "urged", "suggested", "acknowledged")
_VERB = r"(?:" + "|".join(SPEECH_VERBS) + r")"
#: Verbs that introduce a quote inside a sentence ("called the plan “reckless”", "describing it as “…”").
_INTRO_VERBS = r"(?:call(?:s|ed|ing)?|describ(?:e|es|ed|ing)|accus(?:e|es|ed|ing)|dismiss(?:es|ed|ing)?|" \
    r"welcom(?:e|es|ed|ing)|say(?:s|ing)?|tell(?:s|ing)?|writ(?:e|es|ing)|wrote|add(?:s|ing)?|insist(?:s|ing)?|" \
    r"warn(?:s|ing)?|argu(?:e|es|ing)|promis(?:e|es|ed|ing)|vow(?:s|ed|ing)?|brand(?:s|ed|ing)?|term(?:s|ed)?|" \
    r"labell?(?:s|ed|ing)?|urg(?:e|es|ing)|repl(?:y|ies|ying)|respond(?:s|ing)?|put it|was blunt|were blunt|" \
    r"prais(?:e|es|ed|ing)|hail(?:s|ed|ing)?|compar(?:e|es|ed|ing)|comment(?:s|ed|ing)?|critici[sz](?:e|es|ed|ing)|" \
    r"alleg(?:e|es|ed|ing)|condemn(?:s|ed|ing)?|denounc(?:e|es|ed|ing)|blast(?:s|ed|ing)?|slamm?(?:s|ed|ing)?)"
_PRONOUN = re.compile(r"\b(he|she|it|He|She|It)\b")
_FIRST_PERSON = re.compile(r"\b(I|me|my|I'm|I’m|I've|I’ve)\b")
_ANSWER = re.compile(r"^(?:A|Answer)\s*:\s*", re.MULTILINE)
_QUESTION = re.compile(r"^(?:Q|Question)\s*:", re.MULTILINE)


@dataclass(frozen=True)
class Quote:
    """Quoted words ``text[start:end]`` (marks excluded) and the actor who speaks them, if found."""

    start: int
    end: int
    speaker: str | None


_INNER_SINGLE = re.compile(r"(?<![\w’'])([‘'])(?=[A-Z\w])(.+?)(?<=\S)[’'](?![\w])", re.DOTALL)


_OPENING_MARKS, _CLOSING_MARKS = "“«", "”»"
_BEFORE_OPEN = set("([{—–-/")
_AFTER_CLOSE = set(".,;:!?)]}—–-")


def _mark_role(text: str, i: int, is_open: bool) -> str:
    """Whether the double quotation mark at ``text[i]`` opens or closes a quote. Curly marks say so themselves; a
    straight mark opens after a space or bracket and before a word, closes after a word and before a space or
    punctuation, and otherwise toggles."""
    c = text[i]
    if c in _OPENING_MARKS:
        return "open"
    if c in _CLOSING_MARKS:
        return "close"
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    if (before.isspace() or before in _BEFORE_OPEN) and not after.isspace():
        return "open"
    if (after.isspace() or after in _AFTER_CLOSE) and not before.isspace():
        return "close"
    return "close" if is_open else "open"


def find_quote_spans(text: str) -> list[tuple[int, int]]:
    """Spans between matching quote marks, sorted by start; an unclosed mark runs to the end of its paragraph.

    One left-to-right pass over every double mark (“ ” " « »), so mixed marks pair as a reader pairs them: real
    copy often opens with a straight mark and closes with a curly one, and one stray mark must not flip every
    later quote inside out. A mark of the other style inside an open quote opens a quote within it
    (“He told me, "Wait."”); a closing mark closes the innermost open quote of its style, else the innermost open
    quote (a mixed pair); a second opening mark of the open quote's style ends that quote there; a closing mark
    with no open quote is ignored (a multi-paragraph quote's closing mark, or a typo). Single quotes (‘…’ or '…')
    count only inside a double-quoted span, as a quote within a quote."""
    spans = []
    for para in re.finditer(r"[^\n]+(?:\n(?!\s*\n)[^\n]*)*", text):
        stack: list[tuple[bool, int]] = []  # (straight?, position of the opening mark), innermost last
        for m in re.finditer(r"[“”\"«»]", para.group(0)):
            i = para.start() + m.start()
            straight = text[i] == '"'
            role = _mark_role(text, i, bool(stack) and stack[-1][0] == straight)
            if role == "open":
                if stack and stack[-1][0] == straight:
                    if text[stack[-1][1] + 1:i].strip():
                        spans.append((stack[-1][1] + 1, i))
                    stack.pop()
                stack.append((straight, i))
            elif stack:
                depth = next((k for k in range(len(stack) - 1, -1, -1) if stack[k][0] == straight), len(stack) - 1)
                while len(stack) > depth:
                    spans.append((stack.pop()[1] + 1, i))
        spans.extend((a + 1, para.end()) for _, a in stack)  # these quotes continue in the next paragraph
    inner = []
    for a, b in spans:
        for m in _INNER_SINGLE.finditer(text, a, b):
            if m.end() <= b and "\n\n" not in m.group(2):
                inner.append((m.start(2), m.end(2)))
    return sorted(spans + inner)


def _mention_in(actors: list[Actor], start: int, end: int, last: bool = False) -> tuple[Actor, Mention] | None:
    hits = [(m.start, a, m) for a in actors for m in a.mentions if start <= m.start and m.end <= end]
    if not hits:
        return None
    hits.sort(key=lambda h: h[0])
    _, actor, mention = hits[-1] if last else hits[0]
    return actor, mention


_PRONOUN_GENDER = {"he": "m", "she": "f"}
#: How many sentences back a "he"/"she" looks for its person.
PRONOUN_WINDOW = 4
_SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})


def _is_subject(doc: Document, m: Mention) -> bool:
    span = doc.spacy_doc.char_span(m.start, m.end, alignment_mode="expand")
    if span is None:
        return False
    tok = span.root
    for _ in range(3):
        if tok.dep_ in _SUBJECT_DEPS:
            return True
        if tok.dep_ not in ("compound", "appos", "poss") or tok.head.i == tok.i:
            return False
        tok = tok.head
    return False


def _resolve_pronoun(doc: Document, actors: list[Actor], pos: int, pronoun: str = "",
                     skip: Sequence[tuple[int, int]] = ()) -> Actor | None:
    """The most salient person a "he"/"she" at `pos` can refer to.

    Candidates: person actors named (by name, alias, role noun or an already resolved pronoun) in the current or the
    ``PRONOUN_WINDOW`` previous sentences, whose gender, when known, agrees with the pronoun. ("It said" goes to
    the state or organisation named last in the current or two previous sentences.) Salience: take the latest
    sentence that names a candidate; a candidate that is the grammatical subject there (or a resolved pronoun) wins
    over one that is not, the subject of the main clause beats that of a clause inside it, and among equals the one
    named last wins. For "she", a person known to be a woman beats one of unknown gender. Limits: gender
    comes only from honorifics and a first-name list, so two men (or two unknowns) in one sentence are told apart
    only by syntax, and a pronoun naming someone outside the window stays unresolved."""
    first = doc.sentences[max(0, doc.sentence_at(pos) - PRONOUN_WINDOW)].start
    if pronoun.lower() == "it":  # "it said": a state or organisation named in the last two sentences
        first = doc.sentences[max(0, doc.sentence_at(pos) - 2)].start
        bodies = [(m.start, a) for a in actors if a.type not in ("person", "unknown")
                  for m in a.mentions if first <= m.start < pos]
        return max(bodies, key=lambda x: x[0])[1] if bodies else None
    gender = _PRONOUN_GENDER.get(pronoun.lower())
    people = [a for a in actors if a.type == "person" and (gender is None or a.gender in (None, gender))]
    cands = [(m.start, a, m) for a in people
             for m in a.mentions if first <= m.start < pos and not any(x <= m.start < y for x, y in skip)]
    if gender == "f" and any(c[1].gender == gender for c in cands):  # "she" after a known woman
        cands = [c for c in cands if c[1].gender == gender]
    if not cands:
        return None
    latest = doc.sentence_at(max(c[0] for c in cands))
    in_sentence = sorted((c for c in cands if doc.sentence_at(c[0]) == latest), key=lambda c: c[0])
    subjects = [(_clause_depth(doc, c[2]), c) for c in in_sentence if c[2].kind == "pronoun" or _is_subject(doc, c[2])]
    if subjects:  # the subject of the main clause beats the subject of a clause inside it
        top = min(d for d, _ in subjects)
        return [c for d, c in subjects if d == top][-1][1]
    return in_sentence[-1][1]


def _clause_depth(doc: Document, m: Mention) -> int:
    """How deep the clause whose subject is `m` sits below the sentence root (0: the main clause)."""
    span = doc.spacy_doc.char_span(m.start, m.end, alignment_mode="expand")
    if span is None:
        return 99
    tok, depth = span.root, 0
    while tok.head.i != tok.i and depth < 50:
        tok, depth = tok.head, depth + 1
    return depth


Hit = tuple  # (start, end, actor or None for a pronoun / unresolved role noun, surface text)


def _speaker_mentions(doc: Document, actors: list[Actor], a: int, b: int) -> list[Hit]:
    """Actor mentions, he/she/it pronouns and role nouns ("the prime minister") in ``text[a:b]``, in order."""
    out = [(m.start, m.end, act, m.text) for act in actors for m in act.mentions
           if a <= m.start and m.end <= b and m.kind != "pronoun"]
    taken = [(s, e) for s, e, _, _ in out]
    for p in _PRONOUN.finditer(doc.text, a, b):
        if not any(s <= p.start() < e for s, e in taken):
            out.append((p.start(), p.end(), None, p.group(0)))
    for r in ROLE_NOUN.finditer(doc.text, a, b):
        if not any(s < r.end() and r.start() < e for s, e in taken):
            out.append((r.start("span"), r.end("span"), None, r.group("span")))
    return sorted(out, key=lambda x: x[0])


def _take(doc: Document, actors: list[Actor], hit: Hit, quote_spans: list[tuple[int, int]]) -> Actor | None:
    """The actor a speaker mention stands for. A pronoun or an unresolved role noun goes to the most salient
    compatible actor named outside quotes (``_resolve_pronoun``) and becomes a mention of it."""
    start, end, actor, surface = hit
    if actor is not None:
        return actor
    pronoun = surface if _PRONOUN.fullmatch(surface) else ""
    actor = _resolve_pronoun(doc, actors, start, pronoun, quote_spans)
    if actor is not None:
        actor.add(Mention(start, end, surface, "pronoun" if pronoun else "role"))
    return actor


def _subject_hit(doc: Document, hits: list[Hit], verb_char: int) -> Hit | None:
    """The hit that is the grammatical subject of the verb at ``verb_char``; for a verb without its own subject
    ("thanked X and said …", "telling reporters …") the subject of the verb it hangs from."""
    span = doc.spacy_doc.char_span(verb_char, verb_char + 1, alignment_mode="expand")
    if span is None:
        return None
    verb = span[0]
    for _ in range(3):
        subj = [t for t in verb.children if t.dep_ in ("nsubj", "nsubjpass")]
        if subj:
            def at(tok):
                return next((h for h in hits if h[0] <= tok.idx < h[1] or tok.idx <= h[0] < tok.idx + len(tok.text)),
                            None)
            direct = at(subj[0])
            if direct is not None and direct[2] is not None:
                return direct
            # "The minister, Tor Vang, said": the named apposition beats the role noun
            named = [h for t in subj[0].children if t.dep_ == "appos" for h in [at(t)] if h and h[2] is not None]
            return named[0] if named else direct  # None: a subject that is no actor ("the official said")
        if verb.dep_ not in ("conj", "advcl", "xcomp", "ccomp") or verb.head.i == verb.i:
            return None
        verb = verb.head
    return None


_NO_ATTRIBUTION = re.compile(r"\b(?:and|but|or|while|which|who|that|as|then|before|after|because)\b", re.IGNORECASE)


def attribute_quotes(doc: Document, actors: list[Actor]) -> list[Quote]:
    """Find quotes and their speakers; pronoun speakers are added to the actor as pronoun mentions.

    After the close (``“…,” X said`` / ``“…,” said X`` / ``“…,” he added`` / ``“…,” according to X``) and before the
    open (``X said: “…”``, ``X called it “…”``, ``X said Ukraine was “…”``) the speaker is the grammatical subject of
    the speech verb (or of the verb it is coordinated with: "X thanked Y and said …"), else the mention nearest the
    verb. A colon without a verb (``X was blunt: “…”``) takes the sentence's subject; a quote with no attribution that
    opens a sentence takes the subject of the previous sentence in its paragraph, or continues the previous quote's
    speaker. A speech verb whose subject is no actor ("the official said") leaves the quote unattributed."""
    text = doc.text
    quotes: list[Quote] = []
    spans = find_quote_spans(text)
    quote_spans = [(a - 1, b + 1) for a, b in spans]
    for start, end in spans:
        sent = doc.sentences[doc.sentence_at(min(end, len(text) - 1))]
        speaker: Actor | None = None
        attributed = False  # a speech verb was found, whether or not its subject is an actor
        # 1. after the close: up to the end of the sentence that holds the closing mark (at most 120 chars)
        tail_end = min(max(sent.end, end + 1), end + 120)
        tail = text[end:tail_end]
        verb = re.search(r"\b" + _VERB + r"\b", tail)
        according = re.match(r"^[”\"»]?\s*,?\s*(?:\w+\s+)?according to\b", tail)
        according_no_actor = False  # "…,” according to sources": the sentence's own speech verb may name one
        if according:
            hits = _speaker_mentions(doc, actors, end + according.end(), tail_end)
            attributed = bool(hits)
            according_no_actor = not hits
            speaker = _take(doc, actors, hits[0], quote_spans) if hits else None
        elif verb and verb.start() <= 60 and not re.search(r"[“\"«]", tail[1:verb.start()]):
            between = text[end + 1:end + verb.start()].strip(" ,”\"»'’\n")
            if len(between.split()) <= 6 and not _NO_ATTRIBUTION.search(between):
                attributed = True
                hits = _speaker_mentions(doc, actors, end, min(tail_end, end + verb.end() + 60))
                hit = _subject_hit(doc, hits, end + verb.start())
                if hit is None:
                    before = [h for h in hits if h[0] < end + verb.start()]
                    after = [h for h in hits if h[0] >= end + verb.end()]
                    hit = before[-1] if before else (after[0] if after and not between else None)
                speaker = _take(doc, actors, hit, quote_spans) if hit else None
        # 2. before the open, same sentence
        head_sent = doc.sentences[doc.sentence_at(start)]
        head_start, head_end = head_sent.start, max(head_sent.start, start - 1)
        head = text[head_start:head_end]
        if speaker is None and not attributed:
            verbs = list(re.finditer(r"\b(?:" + _VERB + "|" + _INTRO_VERBS + r")\b", head))
            if verbs:
                attributed = True
                hits = _speaker_mentions(doc, actors, head_start, head_end)
                hit = _subject_hit(doc, hits, head_start + verbs[-1].start())
                if hit is None:
                    before = [h for h in hits if h[0] < head_start + verbs[-1].start()]
                    hit = before[-1] if before else None
                speaker = _take(doc, actors, hit, quote_spans) if hit else None
            elif head.rstrip().endswith(":"):
                attributed = True
                hits = _speaker_mentions(doc, actors, head_start, head_end)
                subjects = [h for h in hits if _is_subject(doc, Mention(h[0], h[1], h[3]))]
                if subjects or hits:
                    speaker = _take(doc, actors, (subjects or hits)[-1], quote_spans)
        attributed = attributed or according_no_actor
        # 3. no attribution: the previous sentence's subject, or the previous quote's speaker
        prev_span = None
        if head.rstrip().endswith((".", "!", "?")):  # the segmenter kept the previous sentence with the quote
            prev_span = (head_start, head_end)
        elif not head.strip() and head_sent.index > 0:
            prev = doc.sentences[head_sent.index - 1]
            if prev.paragraph == head_sent.paragraph:
                prev_span = (prev.start, prev.end)
        if speaker is None and not attributed and prev_span is not None:
            if not any(a < prev_span[1] and prev_span[0] < b for a, b in quote_spans):
                hits = _speaker_mentions(doc, actors, *prev_span)
                subjects = [h for h in hits if _is_subject(doc, Mention(h[0], h[1], h[3]))]
                if subjects:
                    speaker = _take(doc, actors, subjects[0], quote_spans)
        outer = next((o for o in quote_spans if o[0] < start - 1 and end + 1 <= o[1]), None)
        previous = [q for q in quotes if not any(o[0] < q.start - 1 and q.end + 1 <= o[1] for o in quote_spans)]
        if speaker is None and not attributed and outer is None and previous and previous[-1].speaker is not None:
            gap = text[previous[-1].end:start]
            if gap.count("\n\n") <= 1 and len(gap) < 400:
                speaker = next((a for a in actors if a.name == previous[-1].speaker), None)
        if speaker is None and outer is not None:  # an unattributed quote within a quote: its outer speaker's
            speaker = next((a for q in quotes if (q.start - 1, q.end + 1) == outer for a in actors
                            if a.name == q.speaker), None)
        quotes.append(Quote(start, end, speaker.name if speaker else None))
    quotes.extend(_interview_answers(doc, actors))
    quotes.extend(_transcript_turns(doc, actors))
    _link_byline_author(doc, actors, quotes)
    for q in quotes:  # "I" inside a speaker's words is the speaker
        speaker = next((a for a in actors if a.name == q.speaker), None)
        if speaker is not None:
            for m in _FIRST_PERSON.finditer(text, q.start, q.end):
                speaker.add(Mention(m.start(), m.end(), m.group(0), "pronoun"))
    return sorted(quotes, key=lambda q: q.start)


_BYLINE = re.compile(r"^By\s+([^\n]{3,80})$")
_AUTHOR_PRONOUN = re.compile(r"\b(I|me|my|I'm|I’m|I've|I’ve|we|We|our|Our|us)\b")


def _link_byline_author(doc: Document, actors: list[Actor], quotes: list[Quote]) -> None:
    """An op-ed that opens with a byline ("By Jana Holm") speaks in its author's voice: everything outside
    quotation marks is the author's (added to `quotes` as the author's words), and first-person pronouns there
    become mentions of the author."""
    first = doc.sentences[0] if doc.sentences else None
    if first is None or not _BYLINE.match(first.text):
        return
    author = next((a for a in actors for m in a.mentions if first.start <= m.start < first.end), None)
    if author is None:
        return
    inside = sorted((q.start - 1, q.end + 1) for q in quotes)
    pos, own = first.end, []
    for a, b in [*inside, (len(doc.text), len(doc.text))]:
        if a > pos:
            own.append(Quote(pos, a, author.name))
        pos = max(pos, b)
    quotes.extend(own)
    for q in own:
        for m in _AUTHOR_PRONOUN.finditer(doc.text, q.start, q.end):
            author.add(Mention(m.start(), m.end(), m.group(0), "pronoun"))


_TURN = re.compile(r"^([A-ZÀ-Þ][\w'’. -]{1,40}):\s+", re.MULTILINE)


def _transcript_turns(doc: Document, actors: list[Actor]) -> list[Quote]:
    """Transcript turns: a paragraph that opens with an actor's name and a colon ("KALLAS: ...", "Rutte: ...")
    is that actor's words, up to the end of the paragraph."""
    out = []
    for m in _TURN.finditer(doc.text):
        label = m.group(1).strip().lower()  # the whole label must be a name of the actor
        speaker = next((a for a in actors if label in {f.lower() for f in a.surface_forms()}
                        or label == a.name.split()[-1].lower()), None)
        if speaker is not None:
            end = doc.text.find("\n\n", m.end())
            out.append(Quote(m.end(), len(doc.text) if end < 0 else end, speaker.name))
    return out


def _interview_answers(doc: Document, actors: list[Actor]) -> list[Quote]:
    """In an interview, answers are spoken by the interviewee: the person actor named first in the introduction
    (before the first question). With "Q:"/"A:" markers every "A:" paragraph is an answer; without them, the
    paragraph right after each bare question paragraph (at least two of them, ending with "?") is. No person in the
    introduction: the answers stay unattributed."""
    text = doc.text
    answers: list[tuple[int, int]] = []
    if _QUESTION.search(text) and _ANSWER.search(text):
        first_qa = min(m.start() for m in (_QUESTION.search(text), _ANSWER.search(text)) if m)
        for m in _ANSWER.finditer(text):
            end = text.find("\n\n", m.end())
            answers.append((m.end(), len(text) if end < 0 else end))
    else:
        paras = [(m.start(), m.end()) for m in re.finditer(r"[^\n]+(?:\n(?!\n)[^\n]*)*", text)]
        questions = [i for i, (a, b) in enumerate(paras[1:-1], 1)
                     if text[a:b].rstrip().endswith("?") and text[a] not in "\"“«'‘"
                     and not text[paras[i + 1][0]:paras[i + 1][1]].rstrip().endswith("?")]
        if len(questions) < 2:
            return []
        first_qa = paras[questions[0]][0]
        answers = [paras[i + 1] for i in questions]
    intro = [(m.start, a) for a in actors if a.type == "person" for m in a.mentions
             if m.start < first_qa and m.kind != "pronoun"]
    if not intro:
        return []
    speaker = min(intro, key=lambda x: x[0])[1]
    return [Quote(a, b, speaker.name) for a, b in answers]


_SUBJECT_PRONOUN = re.compile(r"\b(He|he|She|she)\b")


def link_pronoun_subjects(doc: Document, actors: list[Actor]) -> None:
    """Every "he"/"she" (nominative, so the subject of its clause: "Speaking in Vienna, he said ...") becomes a
    mention of the person actor named most recently before it, within the current and three previous sentences.
    Gender is not checked."""
    for m in _SUBJECT_PRONOUN.finditer(doc.text):
        if any(x.start <= m.start() < x.end for a in actors for x in a.mentions):
            continue
        actor = _resolve_pronoun(doc, actors, m.start(), m.group(1))
        if actor is not None:
            actor.add(Mention(m.start(), m.end(), m.group(1), "pronoun"))
