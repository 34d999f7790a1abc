"""Gold actor mentions and quote speakers: the project's hand-marked set for measuring actor discovery.

Each line of a gold file is one article written with inline marks::

    {"id": "g1-01", "style": "wire",
     "actors": {"Emmanuel Macron": {"type": "person", "affiliation": "France"}, "France": {"type": "state"}},
     "markup": "[[Emmanuel Macron|French President Emmanuel Macron]] said <<Emmanuel Macron|“[[France]] is ready.”>>"}

- ``[[Canonical|surface]]`` marks one mention of an actor (``[[Canonical]]`` when the surface is the canonical
  name). Names, surnames, titles with names, role nouns and metonyms ("the Kremlin") are marked wherever they
  refer to the actor; a place named as a place ("talks in Brussels") is not. A pronoun is marked only where it
  is the speaker or subject of a speech or stance verb ("he said").
- ``<<Canonical|…>>`` marks a quote and its speaker; the span includes the quote marks and may hold mentions.

``parse_markup`` strips the marks and returns the plain text with character offsets, so the gold can never drift
from the text the system reads.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from stance.errors import DataFormatError
from stance.jsonl import iter_json_lines

PRONOUNS = frozenset("he she they it we i him her them his its their".split())
ACTOR_TYPES = ("person", "state", "organisation", "party")
_TOKEN = re.compile(r"\[\[|\]\]|<<|>>")


@dataclass(frozen=True)
class GoldMention:
    """One marked mention: ``text[start:end]`` refers to ``actor``."""

    actor: str
    start: int
    end: int
    text: str

    @property
    def is_pronoun(self) -> bool:
        """Whether the mention is a pronoun (scored apart from names)."""
        return self.text.lower() in PRONOUNS


@dataclass(frozen=True)
class GoldQuote:
    """One quote ``text[start:end]`` (quote marks included) and its speaker."""

    speaker: str
    start: int
    end: int


@dataclass(frozen=True)
class MentionArticle:
    """A gold article: plain text, its actors, every marked mention and quote."""

    id: str
    text: str
    actors: dict[str, dict]
    mentions: tuple[GoldMention, ...]
    quotes: tuple[GoldQuote, ...]


def _markup_error(msg: str, where: str, found: str, fix: str) -> DataFormatError:
    return DataFormatError(msg, where=where, expected="[[Actor|surface]] mentions and <<Actor|“quote”>> quotes",
                           found=found, fix=fix)


def parse_markup(markup: str, where: str = "markup") -> tuple[str, list[GoldMention], list[GoldQuote]]:
    """Strip the marks from ``markup``; return the plain text, the mentions and the quotes with offsets."""
    out: list[str] = []
    length = 0
    mentions: list[GoldMention] = []
    quotes: list[GoldQuote] = []
    stack: list[tuple[str, int, int]] = []  # (kind, plain-text start, markup position)
    pos = 0
    for m in _TOKEN.finditer(markup):
        chunk = markup[pos:m.start()]
        pos = m.end()
        tok = m.group()
        if tok in ("[[", "<<"):
            out.append(chunk)
            length += len(chunk)
            if tok == "[[" and any(kind == "[[" for kind, _, _ in stack):
                raise _markup_error("a mention inside a mention", f"{where}, character {m.start()}",
                                    markup[m.start():m.start() + 40], "close the first [[...]] before opening another")
            stack.append((tok, length, m.end()))
            continue
        opener = "[[" if tok == "]]" else "<<"
        if not stack or stack[-1][0] != opener:
            raise _markup_error(f"'{tok}' without a matching '{opener}'", f"{where}, character {m.start()}",
                                markup[max(0, m.start() - 40):m.end()], f"add the missing '{opener}' or remove '{tok}'")
        _, start, mpos = stack.pop()
        if opener == "[[":
            inner = markup[mpos:m.start()]
            actor, sep, surface = inner.partition("|")
            surface = surface if sep else actor
            actor = actor.strip()
            if not surface or not actor:
                raise _markup_error("an empty mention", f"{where}, character {mpos}", inner,
                                    "write [[Actor|surface]] or [[Actor]]")
            out.append(surface)
            mentions.append(GoldMention(actor, start, start + len(surface), surface))
            length += len(surface)
        else:
            out.append(chunk)
            length += len(chunk)
            plain_so_far = "".join(out)
            head = plain_so_far[start:]
            actor, sep, _ = head.partition("|")
            if not sep or not actor.strip():
                raise _markup_error("a quote mark without a speaker", f"{where}, character {mpos}", head[:40],
                                    "write <<Speaker|“the quote”>>")
            # drop the "Speaker|" head from the plain text and shift the mentions inside the quote
            cut = len(actor) + 1
            out = [plain_so_far[:start] + plain_so_far[start + cut:]]
            length -= cut
            mentions = [GoldMention(g.actor, g.start - cut, g.end - cut, g.text) if g.start >= start else g
                        for g in mentions]
            quotes = [GoldQuote(q.speaker, q.start - cut, q.end - cut) if q.start >= start else q for q in quotes]
            quotes.append(GoldQuote(actor.strip(), start, length))
    if stack:
        raise _markup_error(f"'{stack[-1][0]}' is never closed", f"{where}, character {stack[-1][2]}",
                            markup[stack[-1][2]:stack[-1][2] + 40], "close every [[ with ]] and every << with >>")
    out.append(markup[pos:])
    text = "".join(out)
    for g in mentions:
        if text[g.start:g.end] != g.text:  # pragma: no cover - internal consistency
            raise _markup_error("offsets drifted", where, g.text, "report this as a bug")
    return text, sorted(mentions, key=lambda g: g.start), sorted(quotes, key=lambda q: q.start)


def read_mention_gold(path: str | Path) -> list[MentionArticle]:
    """Read and validate a gold mentions file (JSON Lines); errors name file, line and article."""
    articles: list[MentionArticle] = []
    for where, obj in iter_json_lines(path, "gold mentions", "check the path"):
        if not isinstance(obj, dict) or not {"id", "markup", "actors"} <= set(obj):
            raise DataFormatError("a gold line needs id, markup and actors", where=where,
                                  expected="{\"id\", \"markup\", \"actors\"}", found=str(obj)[:60],
                                  fix="add the missing fields")
        where = f"{where}, article '{obj['id']}'"
        text, mentions, quotes = parse_markup(obj["markup"], where)
        actors = obj["actors"]
        used = {g.actor for g in mentions} | {q.speaker for q in quotes}
        unknown = sorted(used - set(actors))
        if unknown:
            raise DataFormatError("marks name actors missing from 'actors'", where=f"{where}, field 'actors'",
                                  expected="every marked actor listed with its type", found=", ".join(unknown),
                                  fix="add them to 'actors' or fix the spelling in the marks")
        for name, info in actors.items():
            if not isinstance(info, dict) or info.get("type") not in ACTOR_TYPES:
                raise DataFormatError(f"actor '{name}' has no valid type", where=f"{where}, actors['{name}']",
                                      expected=" | ".join(ACTOR_TYPES), found=str(info)[:60],
                                      fix="give each actor {\"type\": ...}")
            if name not in used:
                raise DataFormatError(f"actor '{name}' is listed but never marked", where=f"{where}, actors",
                                      expected="every listed actor marked at least once", found=name,
                                      fix="mark its mentions or drop it from 'actors'")
        articles.append(MentionArticle(str(obj["id"]), text, actors, tuple(mentions), tuple(quotes)))
    return articles
