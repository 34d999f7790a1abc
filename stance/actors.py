"""Actors: who is in the article, under every name it uses for them.

- the alias table maps metonyms and institutions to one canonical actor ("the Kremlin", "Moscow" → Russia), and a
  state's bodies named with its demonym join it ("the Indian petroleum ministry" → India; ``stance.roles``);
- spaCy NER for people (PERSON), organisations (ORG) and states (GPE), without titles, demonyms, outlets or places
  named as places;
- person names merge by a key that ignores accents and transliteration endings (``stance.names``); a lone surname
  shared by two full names goes to the one mentioned most recently before it;
- every surface form of an actor is then searched across the whole text, so mentions the tagger missed count;
- titles give persons roles, an affiliation and a gender; role nouns and "the ministry" refer back (``link_roles``);
- callers may name the actors themselves (``actors=[...]``, optionally with aliases).
Persons and states stay separate actors (Vladimir Putin is not Russia).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable, Mapping, Sequence

import yaml

from stance.errors import ConfigError, InputError
from stance.names import fold, form_pattern, gender_of_honorific, gender_of_name, name_key
from stance.roles import BODY_NOUN, Role, find_role_nouns, find_state_bodies, matches, role_after, role_before
from stance.text import Document

_ENTITY_TYPES = {"PERSON": "person", "ORG": "organisation", "GPE": "state", "NORP": "group"}
_LEADING = re.compile(r"^(?:the|The)\s+")
_POSSESSIVE = re.compile(r"(?:'s|’s|'|’)$")
#: Words that open a title before a person's name, never part of the name.
TITLE_WORDS = frozenset("""president prime minister chancellor senator representative rep. sen. secretary general
spokesman spokeswoman spokesperson ambassador foreign defence defense deputy vice chief commander king queen pope
mayor governor speaker leader minister's mr mrs ms dr lord lady sir envoy adviser advisor chairman chairwoman
general admiral colonel marshal premier""".split())
#: Nationality adjectives the tagger sometimes takes for a person or an organisation ("Ukrainian").
DEMONYMS = frozenset("""ukrainian russian hungarian polish german french british american italian european western
chinese turkish slovak czech baltic nordic finnish swedish danish dutch belgian spanish portuguese greek romanian
bulgarian serbian croatian kazakh belarusian georgian moldovan lithuanian latvian estonian norwegian irish austrian
swiss japanese indian brazilian canadian israeli iranian saudi emirati qatari soviet ukrainians russians europeans
americans""".split())
#: An honorific or a capitalised title right before a name: "Ms. ", "President ", "Sen. ".
_PERSON_TITLE = re.compile(r"(?:\b(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov)\.?|\b(?:President|Senator|Governor|Speaker|Chancellor|"
                           r"Minister|Secretary|Representative|Mayor|Judge|Justice|Ambassador|Congressman|"
                           r"Congresswoman))\s+$")
_NAME_TOKEN = re.compile(r"^[A-ZÀ-ÖØ-Þ][\w'’.-]*$")
_HYPHEN_TAIL = re.compile(r"-[A-ZÀ-ÖØ-Þ][\w'’]*")
#: "Brekstad's Coastal Liberals": a possessor (group 1) before an organisation's name (group 2).
_POSSESSOR = re.compile(r"^([A-ZÀ-ÖØ-Þ][\w.-]*)['’]s\s+([A-ZÀ-ÖØ-Þ].*)$")
#: Capitalised words that stand before a surname without being a first name ("Said Starmer", "Monday Starmer").
_NOT_FIRST_NAMES = frozenset("""the a an and but or if when while as at in on by for from with after before then
said says told added asked under over since until also even only yet so thanks meanwhile however
monday tuesday wednesday thursday friday saturday sunday january february march april may june july august
september october november december mr mrs ms dr sir lord lady dame madam""".split()) | TITLE_WORDS | DEMONYMS


@dataclass(frozen=True)
class Mention:
    """One place where an actor is named or referred to: ``text == article[start:end]``."""

    start: int
    end: int
    text: str
    kind: str = "name"  # name | alias | role | pronoun


@dataclass
class Actor:
    """A canonical actor with all its mentions in one article."""

    name: str
    type: str = "unknown"
    mentions: list[Mention] = field(default_factory=list)
    aliases: set[str] = field(default_factory=set)
    affiliation: str | None = None
    roles: list[Role] = field(default_factory=list)
    gender: str | None = None  # "f" | "m" | None (unknown), for persons

    def add(self, mention: Mention) -> None:
        """Add a mention unless it overlaps one already held."""
        if not any(m.start < mention.end and mention.start < m.end for m in self.mentions):
            self.mentions.append(mention)
            self.mentions.sort(key=lambda m: m.start)

    def surface_forms(self) -> set[str]:
        """Every form naming this actor: canonical name, aliases and mention texts (no pronouns or role nouns)."""
        forms = {self.name, *self.aliases}
        forms.update(_clean(m.text) for m in self.mentions if m.kind not in ("pronoun", "role"))
        return {f for f in forms if f}


def _clean(surface: str) -> str:
    return _POSSESSIVE.sub("", _LEADING.sub("", surface.strip())).strip(" ,.;:")


@dataclass
class AliasTable:
    """Canonical actors and the names that stand for them (configs/actors.yaml)."""

    entries: dict[str, tuple[str, tuple[str, ...]]] = field(default_factory=dict)  # canonical -> (type, aliases)
    ignore: frozenset[str] = frozenset()  # surface forms that are never actors (media, platforms)

    @classmethod
    def from_yaml(cls, path: str | Path) -> "AliasTable":
        """Load and validate an alias table."""
        path = Path(path)
        if not path.is_file():
            raise ConfigError("actor alias table not found", where=str(path), expected="a YAML file with 'actors:'",
                              found="no such file", fix="set actors.alias_table to configs/actors.yaml or your own")
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        rows = data.get("actors") if isinstance(data, dict) else None
        if not isinstance(rows, list):
            raise ConfigError("alias table must hold a list under 'actors'", where=str(path),
                              expected="actors: [{canonical, type, aliases}]", found=type(rows).__name__,
                              fix="see configs/actors.yaml")
        ignore = data.get("ignore") or []
        if not isinstance(ignore, list) or not all(isinstance(x, str) for x in ignore):
            raise ConfigError("'ignore' in the alias table must be a list of names", where=str(path),
                              expected="ignore: [Telegram, Reuters]", found=repr(ignore)[:80], fix="fix the list")
        table = cls(ignore=frozenset(ignore))
        for i, row in enumerate(rows):
            if not isinstance(row, dict) or not row.get("canonical"):
                raise ConfigError("an alias-table row needs 'canonical'", where=f"{path}, actors[{i}]",
                                  expected="{canonical: Russia, type: state, aliases: [Moscow]}",
                                  found=repr(row)[:120], fix="add the canonical name")
            table.entries[str(row["canonical"])] = (str(row.get("type", "unknown")),
                                                    tuple(str(a) for a in row.get("aliases") or ()))
        return table

    def __post_init__(self) -> None:
        self._index: dict[str, str] | None = None
        self._pattern: re.Pattern | None = None

    @property
    def index(self) -> dict[str, str]:
        """Surface form → canonical name (canonical names map to themselves)."""
        if self._index is None:
            idx: dict[str, str] = {}
            for canon, (_, aliases) in self.entries.items():
                for form in (canon, *aliases):
                    idx.setdefault(form, canon)
                    idx.setdefault(_clean(form), canon)
                    if " " not in form and len(form) >= 4:  # datelines: "KYIV, May 3 —"
                        idx.setdefault(form.upper(), canon)
            self._index = idx
        return self._index

    @property
    def pattern(self) -> re.Pattern | None:
        """One regex for every surface form, longest first, on word boundaries."""
        if self._pattern is None and self.index:
            forms = sorted(self.index, key=len, reverse=True)
            self._pattern = re.compile(r"(?<![\w])(?:" + "|".join(re.escape(f) for f in forms) + r")(?![\w])")
        return self._pattern

    def lookup(self, surface: str) -> str | None:
        """Canonical name for a surface form, or None."""
        return self.index.get(surface) or self.index.get(_clean(surface))

    def type_of(self, canonical: str) -> str:
        """The type recorded for a canonical actor ('unknown' when absent)."""
        return self.entries.get(canonical, ("unknown", ()))[0]

    def aliases_of(self, canonical: str) -> tuple[str, ...]:
        """The aliases recorded for a canonical actor."""
        return self.entries.get(canonical, ("unknown", ()))[1]


def _overlaps(spans: Sequence[tuple[int, int]], start: int, end: int) -> bool:
    return any(s < end and start < e for s, e in spans)


def _search_forms(text: str, actor: Actor, forms: Iterable[str], taken: list[tuple[int, int]],
                  kind: str = "name", folded: str | None = None, keep: Callable[[int], bool] | None = None) -> None:
    """Add every whole-word occurrence of `forms` (longest first) that no other actor holds (and that `keep`, given
    its start, accepts). Matching ignores accents and transliteration endings (``stance.names``): "Zelenskyy" also
    finds "Zelensky's"."""
    folded = fold(text) if folded is None else folded
    for form in sorted({f for f in forms if len(f) >= 2}, key=len, reverse=True):
        for m in re.finditer(r"(?<![\w])" + form_pattern(form) + r"(?:'s|’s)?(?![\w])", folded):
            if not _overlaps(taken, m.start(), m.end()) and (keep is None or keep(m.start())):
                actor.add(Mention(m.start(), m.end(), text[m.start():m.end()], kind))
                taken.append((m.start(), m.end()))


def discover_actors(doc: Document, table: AliasTable, entity_labels: Sequence[str] = ("PERSON", "ORG", "GPE"),
                    min_mentions: int = 1) -> list[Actor]:
    """Find the actors of an article and all their mentions."""
    text = doc.text
    actors: dict[str, Actor] = {}
    taken: list[tuple[int, int]] = []

    def get(name: str, kind: str) -> Actor:
        if name not in actors:
            actors[name] = Actor(name=name, type=kind)
        return actors[name]

    # 1. alias table: metonyms and institutions, whatever the tagger said, unless the word is only part of an
    # organisation's name ("Reform UK" is a party, not the United Kingdom)
    if table.pattern is not None:
        for m in table.pattern.finditer(text):
            if _inside_org_name(doc, table, m.start(), m.end()):
                continue
            canon = table.index[m.group(0)]
            get(canon, table.type_of(canon)).add(Mention(m.start(), m.end(), m.group(0), "alias"))
            taken.append((m.start(), m.end()))

    # 1b. a state's bodies named with its demonym: "the Indian petroleum ministry", "the Russian embassy"
    for start, end, country in find_state_bodies(text):
        if not _overlaps(taken, start, end):
            canon = table.lookup(country) or country
            get(canon, "state").add(Mention(start, end, text[start:end], "alias"))
            taken.append((start, end))

    # 2. named entities
    persons: list[tuple[int, int, str]] = []
    person_votes: Counter = Counter()  # name key → times the tagger said PERSON minus times it said something else
    tagged_other: set[str] = set()  # names that became an organisation or a state on the tagger's word
    person_words = {w for e in doc.spacy_doc.ents if e.label_ == "PERSON" for w in _clean(e.text).split()}
    for ent in doc.spacy_doc.ents:
        if ent.label_ in ("PERSON", "ORG", "GPE", "NORP", "EVENT", "PRODUCT", "FAC", "LOC", "WORK_OF_ART"):
            person_votes[name_key(_clean(ent.text))] += 1 if ent.label_ == "PERSON" else -1
        if ent.label_ not in entity_labels or _overlaps(taken, ent.start_char, ent.end_char):
            continue
        start, surface = ent.start_char, _clean(ent.text)
        tail = _HYPHEN_TAIL.match(text, ent.end_char)  # "Kulynych-Zhuk": spaCy cuts the name at the hyphen,
        if tail and surface == ent.text and not table.lookup(surface) and not table.lookup(tail.group(0)[1:]) \
                and tail.group(0)[1:].lower() not in DEMONYMS:  # but "Russia-Ukraine talks" name two states
            if _overlaps(taken, ent.end_char, tail.end()):
                continue
            surface += tail.group(0)
            ent_end = tail.end()
        else:
            ent_end = ent.end_char
        if surface.isupper() and len(surface) > 4:  # datelines: "PARIS, May 3 —"
            surface = surface.title()
        if len(surface) < 2 or not surface[0].isupper() or surface in table.ignore or surface.lower() in DEMONYMS:
            continue
        canon = table.lookup(surface)
        if canon:
            get(canon, table.type_of(canon)).add(Mention(ent.start_char, ent_end, text[ent.start_char:ent_end],
                                                         "alias"))
            taken.append((ent.start_char, ent_end))
        elif ent.label_ == "PERSON":
            # "Kazakh President Kassym-Jomart Tokayev" → the name after the last title word
            words = surface.split()
            cut = max((i + 1 for i, w in enumerate(words) if w.lower() in TITLE_WORDS or w.lower() in DEMONYMS),
                      default=0)
            if cut >= len(words):
                continue
            if cut:
                start = ent.start_char + ent.text.index(words[cut])
                surface = " ".join(words[cut:])
            persons.append((start, ent_end, surface))
        else:
            start = ent.start_char
            owner = _POSSESSOR.match(surface)  # "Brekstad's Coastal Liberals": the party is "Coastal Liberals"
            if owner and (owner.group(1) in person_words or table.lookup(owner.group(1))):
                start += ent.text.index(owner.group(2))
                surface = owner.group(2)
            get(surface, _ENTITY_TYPES[ent.label_]).add(Mention(start, ent_end, text[start:ent_end]))
            taken.append((start, ent_end))
            tagged_other.add(surface)

    # 3. persons: full names first (one per name key, so "Zelensky" and "Zelenskyy" merge), then lone surnames
    # to the latest full name that ends with them
    full = [p for p in persons if len(p[2].split()) >= 2 and all(_NAME_TOKEN.match(t) for t in p[2].split())]
    canonical_full: dict[str, str] = {}
    for start, end, surface in full:
        owner = canonical_full.setdefault(name_key(surface), surface)
        get(owner, "person").add(Mention(start, end, text[start:end]))
        taken.append((start, end))
    full = [(a, b, canonical_full[name_key(n)]) for a, b, n in full]
    by_surname: dict[str, list[str]] = {}
    for name in dict.fromkeys(p[2] for p in full):
        by_surname.setdefault(name_key(name.split()[-1]), []).append(name)
    for start, end, surface in persons:
        if (start, end) in taken:
            continue
        owners = by_surname.get(name_key(surface.split()[-1]), [])
        if owners:
            before = [f for f in full if f[2] in owners and f[0] < start]
            owner = before[-1][2] if before else owners[0]
        else:
            owner = surface
        get(owner, "person").add(Mention(start, end, text[start:end]))
        taken.append((start, end))

    # 3b. the small tagger often calls a person an organisation ("Bence Farkas" ORG, then "Farkas" ORG): a
    # person-like name whose last word also stands alone as an actor is a person, and lone surnames join it
    table_names = set(table.entries)
    lone = {name_key(n): a for n, a in actors.items() if " " not in n and n not in table_names}
    for name, actor in list(actors.items()):
        parts = name.split()
        if actor.type != "person" and name not in table_names and name_key(parts[-1]) in lone and \
                _looks_like_person_name(parts):
            actor.type = "person"
    for name, actor in list(actors.items()):
        if actor.type == "person" and len(name.split()) >= 2:
            single = lone.get(name_key(name.split()[-1]))
            if single is not None and single is not actor and single.name in actors:
                for m in single.mentions:
                    actor.add(m)
                del actors[single.name]

    places = [(e.start_char, e.end_char) for e in doc.spacy_doc.ents
              if e.label_ in ("GPE", "ORG", "LOC", "NORP", "FAC")]
    # 3c. and calls many a politician an organisation or a place ("Trump" ORG, "Pelosi" GPE): a one-word actor outside
    # the alias table is a person when the tagger said PERSON for its name more often than anything else, or
    # when a person's title or honorific stands right before one of its mentions ("President Trump", "Ms Pelosi")
    for name, actor in actors.items():
        if name in tagged_other and actor.type != "person" and " " not in name and name not in table_names \
                and name.lower() not in DEMONYMS and (person_votes[name_key(name)] > 0 or any(
                    _PERSON_TITLE.search(text, max(0, m.start - 14), m.start)
                    or (not name.isupper() and _given_name_before(text, m.start, table, places))
                    for m in actor.mentions)):
            actor.type = "person"
    # a name of a person's shape that the tagger called an organisation, with a person's title next to it
    # ("Solomiya Berezhna, Ukraine's deputy foreign minister, spoke ...")
    for name, actor in actors.items():
        if actor.type == "organisation" and name not in table_names and _looks_like_person_name(name.split()) and any(
                role_after(text[m.end:m.end + 80]) or role_before(text[max(0, m.start - 80):m.start])
                for m in actor.mentions):
            actor.type = "person"

    # 3d. a person known only by a surname ("Starmer") whose full name the tagger missed ("10:30 - Keir Starmer on
    # arrival"): the given names written right before the surname, when the text has exactly one such form
    for name, actor in list(actors.items()):
        if actors.get(name) is actor and actor.type == "person" and " " not in name and name not in table_names:
            _complete_name(text, actor, actors, taken, table, places)

    # 4. every known form of each actor, across the whole text (surnames only for persons)
    folded = fold(text)
    for actor in actors.values():
        forms = {_clean(m.text) for m in actor.mentions}
        if actor.type == "person" and len(actor.name.split()) >= 2:
            surname = actor.name.split()[-1]
            if len(by_surname.get(name_key(surname), [])) <= 1:
                forms.add(surname)
        actor.aliases.update(f for f in forms if f != actor.name)
        _search_forms(text, actor, forms, taken, folded=folded)

    # 5. places named as places ("talks in Brussels", the dateline "MOSCOW —") are not the actor speaking
    for actor in actors.values():
        if actor.type != "person":
            actor.mentions = [m for m in actor.mentions if not _is_place_mention(text, m)]
    found = [a for a in actors.values() if len(a.mentions) >= min_mentions and not _only_a_place(text, a)
             and not _is_outlet(text, a, table)]
    # 6. titles, roles and role nouns ("the French president")
    link_roles(text, found, taken)
    return sorted(found, key=lambda a: a.mentions[0].start)


def _complete_name(text: str, actor: Actor, actors: dict[str, Actor], taken: list[tuple[int, int]],
                   table: AliasTable, places: Sequence[tuple[int, int]]) -> None:
    """Rename a surname-only person to the full name written in the text (step 3d of `discover_actors`): the given
    names right before the surname, when exactly one form occurs. A lone capitalised word opening a later sentence
    ("Later Vedum") is not a given name, nor are places or organisations ("Pennsylvania GOP"); at the first
    mention it is, since a person is introduced by full name. A person the tagger cut out of the full name
    ("Trygve Slagsvold" of "Trygve Slagsvold Vedum") merges in."""
    name = actor.name
    word = r"[A-ZÀ-ÖØ-Þ][a-zà-öø-ÿ]+(?:-[A-ZÀ-ÖØ-Þ][a-zà-öø-ÿ]+)?"
    seen = re.search(rf"(?<![\w-]){re.escape(name)}\b", text)
    first_seen = seen.start() if seen else -1
    firsts: Counter = Counter()
    for m in re.finditer(rf"(?<![\w.])((?:{word} ){{1,3}}){re.escape(name)}\b", text):
        if _overlaps(places, m.start(1), m.end(1) - 1):
            continue
        given = m.group(1).split()
        while given and (given[0].lower() in _NOT_FIRST_NAMES or table.lookup(given[0])):
            given = given[1:]  # "Said Keir Starmer": keep only the names
        sentence_start = re.search(r"(?:^|[.!?][\"”’)]?\s+|\n\s*|[“\"(]\s*)$", text[:m.start()]) is not None
        lone_opener = sentence_start and len(given) == len(m.group(1).split()) == 1
        if given and not any(g.lower() in _NOT_FIRST_NAMES for g in given) and (
                m.end(1) == first_seen or not lone_opener):
            firsts[" ".join(given)] += 1
    if len(firsts) != 1:
        return
    given_names = next(iter(firsts))
    full_name = f"{given_names} {name}"
    if full_name in actors:
        return
    partial = actors.get(given_names)
    if partial is not None and partial.type == "person" and partial is not actor:
        cut = {(m.start, m.end) for m in partial.mentions}
        taken[:] = [t for t in taken if t not in cut]
        for m in partial.mentions:
            if not text.startswith(full_name, m.start):
                actor.add(m)
        del actors[partial.name]
    actor.name = full_name
    actors[full_name] = actors.pop(name)
    for m in re.finditer(re.escape(full_name) + r"\b", text):
        inside = [x for x in actor.mentions if m.start() <= x.start and x.end <= m.end()]
        held = {(x.start, x.end) for x in inside}
        if not _overlaps([t for t in taken if t not in held], m.start(), m.end()):
            actor.mentions = [x for x in actor.mentions if x not in inside]
            actor.add(Mention(m.start(), m.end(), full_name))
            taken.append((m.start(), m.end()))


def _given_name_before(text: str, pos: int, table: AliasTable, places: Sequence[tuple[int, int]]) -> bool:
    """Whether a given name stands right before `pos` ("Taras Kulynych-Zhuk"): a capitalised word that is no
    title, weekday, function word, name in the alias table or part of a place or organisation the tagger found
    (`places`: "Pennsylvania GOP")."""
    m = re.search(r"(?<![\w.-])([A-ZÀ-ÖØ-Þ][a-zà-öø-ÿ]+) $", text[max(0, pos - 30):pos])
    if m is None:
        return False
    start = max(0, pos - 30) + m.start(1)
    return m.group(1).lower() not in _NOT_FIRST_NAMES and not table.lookup(m.group(1)) and not _overlaps(
        places, start, start + len(m.group(1)))


def _inside_org_name(doc: Document, table: AliasTable, start: int, end: int) -> bool:
    """Whether [start, end) lies inside a longer organisation name the tagger found ("the ruling United Russia
    party", "the Bank of Russia") that is not itself an alias, does not merely start with the match as a possessive
    ("Moscow's foreign ministry" still speaks for Russia) and holds no comma (a tagger run-on)."""
    for ent in getattr(doc.spacy_doc, "ents", ()) or ():
        if ent.label_ == "ORG" and ent.start_char <= start and end <= ent.end_char and (
                ent.start_char, ent.end_char) != (start, end):
            rest = doc.text[end:ent.end_char]
            if table.lookup(ent.text) is None and not rest.startswith(("'s", "’s")) and "," not in ent.text:
                return True
    return False


def link_roles(text: str, actors: Sequence[Actor], taken: list[tuple[int, int]],
               bystanders: Sequence[NamedPerson] = ()) -> None:
    """Read each person's titles (their roles, affiliation and gender) and add role nouns that refer back to them
    as mentions of kind "role" (rules in ``stance.roles``). `bystanders` are the persons named in the text
    who are not among `actors` (given-actor mode): a role noun is not linked across one titled with that office."""
    persons = [a for a in actors if a.type == "person"]
    for actor in persons:
        for m in actor.mentions:
            if m.kind in ("pronoun", "role"):
                continue
            for role in (role_before(text[max(0, m.start - 80):m.start]), role_after(text[m.end:m.end + 80])):
                if role is not None and role not in actor.roles:
                    actor.roles.append(role)
            honorific = re.search(r"\b(\w+\.?)\s+$", text[max(0, m.start - 6):m.start])
            if actor.gender is None and honorific:
                actor.gender = gender_of_honorific(honorific.group(1))
        if actor.affiliation is None:
            actor.affiliation = next((r.country for r in actor.roles if r.country), None)
        if actor.gender is None:
            actor.gender = gender_of_name(actor.name)
    for noun in find_role_nouns(text):
        if _overlaps(taken, noun.start, noun.end):
            continue
        best: tuple[int, Actor] | None = None
        for actor in persons:
            if not any(matches(noun.role, Role(r.head, r.country or actor.affiliation)) for r in actor.roles):
                continue
            last = max((m.start for m in actor.mentions if m.start < noun.start and m.kind != "pronoun"), default=-1)
            if last >= 0 and (best is None or last > best[0]):
                best = (last, actor)
        if best is not None and not _named_since(bystanders, best[0], noun.start, noun.role):
            best[1].add(Mention(noun.start, noun.end, text[noun.start:noun.end], "role"))
            taken.append((noun.start, noun.end))
    # "the ministry said": the body named most recently with that noun
    bodies = [(m.start, a) for a in actors if a.type != "person" for m in a.mentions if m.kind != "pronoun"]
    for ref in BODY_NOUN.finditer(text):
        if _overlaps(taken, ref.start(), ref.end()):
            continue
        noun = ref.group("noun").lower()
        owners = [(pos, a) for pos, a in bodies if pos < ref.start() and any(
            noun in m.text.lower() and m.start == pos for m in a.mentions)]
        if owners:
            owner = max(owners, key=lambda x: x[0])[1]
            owner.add(Mention(ref.start(), ref.end(), ref.group(0), "role"))
            taken.append((ref.start(), ref.end()))


_PLACE_BEFORE = re.compile(r"\b(?:in|near|at|outside|inside|across|around|throughout|within|towards?)\s+(?:the\s+)?$",
                           re.IGNORECASE)


def _is_place_mention(text: str, m: Mention) -> bool:
    """A mention after a locative preposition, a party-and-state tag ("Sen. Jo Ames, R-Texas"), or an upper-case
    dateline opening a paragraph."""
    if _PLACE_BEFORE.search(text[max(0, m.start - 14):m.start]) or _PARTY_STATE_TAG.search(text, max(0, m.start - 3),
                                                                                           m.start):
        return True
    para_start = text.rfind("\n", 0, m.start) + 1
    return m.text.isupper() and not text[para_start:m.start].strip() and bool(
        re.match(r"^[,\s]*(?:\(|—|–|-|[A-Z][a-z]{2}\.? \d)", text[m.end:m.end + 12]))


#: The party letter of a US legislator's "(R-Texas)" / ", D-Calif.," tag, right before the state.
_PARTY_STATE_TAG = re.compile(r"\b[RDI]-$")
_LOCATIVE = re.compile(r"(?:\b(?:in|at|to|from|near|outside|across|into|via|through|around|of)\s+(?:the\s+)?)$")


def _only_a_place(text: str, actor: Actor) -> bool:
    """A state/organisation seen only after locative prepositions ("talks in Brussels") is a place, not an actor.
    States from the alias table are kept: "sanctions on Russia" still names an actor that may speak elsewhere."""
    if actor.type == "person" or any(m.kind == "alias" for m in actor.mentions):
        return False
    return all(_LOCATIVE.search(text[max(0, m.start - 12):m.start]) for m in actor.mentions)


_OUTLET_WORDS = frozenset("""radio news agency press times post gazette herald wire television tv broadcasting
broadcaster journal courier tribune daily weekly service channel newspaper magazine review ledger dispatch bulletin
observer chronicle""".split())


def _is_outlet(text: str, actor: Actor, table: AliasTable) -> bool:
    """A news outlet or wire credit, not an actor: an organisation named with an outlet word ("Radio Kestrel",
    "Northgate Wire Service"), or one seen only in parentheses ("BRATISLAVA, Nov 20 (CEWS) —")."""
    if actor.type == "person" or actor.name in table.entries:
        return False
    if any(w.lower().strip(".,") in _OUTLET_WORDS for w in actor.name.split()):
        return True
    return all(text[max(0, m.start - 1):m.start] == "(" and text[m.end:m.end + 1] == ")" for m in actor.mentions)


_INSTITUTION_WORDS = frozenset("""party union council ministry organization organisation republic states kingdom
front alliance commission government parliament assembly court bank fund agency office league movement federation
congress senate coalition bloc forces army navy committee institute group association""".split())


def _looks_like_person_name(parts: Sequence[str]) -> bool:
    """Two to four capitalised words, none of them an institution word ("Social Democratic Party" is not a person)."""
    return 2 <= len(parts) <= 4 and all(_NAME_TOKEN.match(p) for p in parts) and \
        not any(p.lower().strip(".,") in _INSTITUTION_WORDS for p in parts)


def given_actors(doc: Document, specs: Sequence[str | Mapping], table: AliasTable) -> list[Actor]:
    """Actors named by the caller: ``"Emmanuel Macron"`` or ``{"name": ..., "aliases": [...], "type": ...}``.

    Mentions are found by the name, its aliases, the alias table's aliases for it and, for a person (type
    "person", or an untyped name of two to four capitalised words with no institution word), its surname.
    Titles and role nouns are linked as in discovery (``link_roles``). An actor with no mention is still returned
    (its pairs will be "not addressed").
    """
    actors: list[Actor] = []
    taken: list[tuple[int, int]] = []
    role_aliases: list[tuple[Actor, set[str]]] = []
    folded = fold(doc.text)
    parsed = [_parse_spec(s) for s in specs]
    # long names first, so "Emmanuel Macron" claims its words before a shorter alias of another actor can
    for name, aliases, kind in sorted(parsed, key=lambda p: -len(p[0])):
        canon = table.lookup(name)
        forms = {name, *aliases, *(table.aliases_of(canon) if canon else ())}
        kind = kind or (table.type_of(canon) if canon else "unknown")
        parts = name.split()
        if len(parts) >= 2 and not canon and (kind == "person" or (
                kind == "unknown" and _looks_like_person_name(parts))):
            forms.add(parts[-1])
            kind = kind if kind != "unknown" else "person"
        actor = Actor(name=name, type=kind, aliases=set(forms) - {name})
        roles = {f for f in forms if bare_role(f) is not None}
        _search_forms(doc.text, actor, forms - roles, taken, folded=folded)
        actors.append(actor)
        if roles:
            role_aliases.append((actor, roles))
    bystanders = _bystanders(doc, actors, table)
    named = {id(a): _as_named_person(doc.text, a) for a in actors if a.type == "person"} if role_aliases else {}
    for actor, roles in role_aliases:  # after every name has claimed its words
        others = [*bystanders, *(p for key, p in named.items() if key != id(actor))]
        for form in roles:
            def keep(pos: int, actor: Actor = actor, role: Role = bare_role(form), others=others) -> bool:
                own = max((m.start for m in actor.mentions if m.start < pos and m.kind == "name"), default=-1)
                return not _named_since(others, own, pos, role)

            _search_forms(doc.text, actor, {form, form[:1].upper() + form[1:]}, taken, folded=folded, keep=keep)
    by_state = {a.name: a for a in actors}
    by_state.update({table.lookup(a.name): a for a in actors if table.lookup(a.name)})
    for start, end, country in find_state_bodies(doc.text):  # "the Russian embassy" speaks for Russia
        owner = by_state.get(country) or by_state.get(table.lookup(country) or "")
        if owner is not None and not _overlaps(taken, start, end):
            owner.add(Mention(start, end, doc.text[start:end], "alias"))
            taken.append((start, end))
    link_roles(doc.text, actors, taken, bystanders)
    order = {p[0]: i for i, p in enumerate(parsed)}
    return sorted(actors, key=lambda a: order[a.name])


def bare_role(alias: str) -> Role | None:
    """The role an alias names when it is nothing but a role noun ("the prime minister", "the Hungarian prime
    minister"), else None. Such an alias stands for the actor only where nobody titled with that office was named
    since the actor (``given_actors``, ``_named_since``)."""
    nouns = find_role_nouns(alias)
    if len(nouns) == 1 and nouns[0].end == len(alias) and alias[:nouns[0].start].strip().lower() in {"", "the"}:
        return nouns[0].role
    return None


@dataclass(frozen=True)
class NamedPerson:
    """A person named in the text: where (name spans) and the titles read anywhere around those names."""

    spans: tuple[tuple[int, int], ...]
    titles: tuple[Role, ...]


def _titles_at(text: str, start: int, end: int) -> list[Role]:
    """Titles around a name, and inside it when the tagger's span took the title in ("French President X")."""
    cuts = [start, *(m.start() + start for m in re.finditer(r"(?<=\s)\S", text[start:end]))]
    found = [role_before(text[max(0, c - 80):c]) for c in cuts] + [role_after(text[end:end + 80])]
    return [r for r in found if r is not None]


def _as_named_person(text: str, actor: Actor) -> NamedPerson:
    titles = [t for m in actor.mentions if m.kind == "name" for t in _titles_at(text, m.start, m.end)]
    titles += [r for r in (bare_role(f) for f in actor.surface_forms()) if r is not None] + list(actor.roles)
    spans = tuple((m.start, m.end) for m in actor.mentions if m.kind == "name" and bare_role(m.text) is None)
    return NamedPerson(spans, tuple(titles))


def _bystanders(doc: Document, actors: Sequence[Actor], table: AliasTable) -> list[NamedPerson]:
    """The persons the tagger found that are none of `actors`, one per surname, with the titles read at any of
    their mentions. A one-word "person" never named in full ("Gospel") and names in the alias table (a capital the
    tagger took for a person) are left out as tagger errors."""
    ents = getattr(doc.spacy_doc, "ents", ()) or ()
    claimed = [(m.start, m.end) for a in actors for m in a.mentions]
    groups: dict[str, list] = {}
    for e in ents:
        if e.label_ == "PERSON" and table.lookup(e.text) is None and not _overlaps(claimed, e.start_char, e.end_char):
            key = re.sub(r"(?:'s|’s)$", "", e.text.split()[-1]).lower()
            groups.setdefault(key, []).append(e)
    return [NamedPerson(tuple((e.start_char, e.end_char) for e in group),
                        tuple(t for e in group for t in _titles_at(doc.text, e.start_char, e.end_char)))
            for group in groups.values() if any(len(e.text.split()) > 1 for e in group)]


def _named_since(persons: Sequence[NamedPerson], since: int, pos: int, role: Role) -> bool:
    """Whether one of `persons` is named after the actor's last name (`since`, -1 for none) and before the role
    noun at `pos`, and is titled with the same office somewhere in the text: "Prime Minister Keir Starmer said …;
    the prime minister added" is not about Meloni. A person with no title read, or another office ("French
    President Emmanuel Macron"), does not block. Nor does a name right before the noun ("After talks with Rutte,
    the Italian prime minister said"), where the caller's alias is trusted."""
    for person in persons:
        if any(since < a and b < pos - 3 for a, b in person.spans) and any(
                t.head == role.head and (t.country is None or role.country is None or t.country == role.country)
                for t in person.titles):
            return True
    return False


def _parse_spec(spec: str | Mapping) -> tuple[str, list[str], str | None]:
    if isinstance(spec, str) and spec.strip():
        return " ".join(spec.split()), [], None
    if isinstance(spec, Mapping) and isinstance(spec.get("name") or spec.get("actor"), str):
        name = " ".join(str(spec.get("name") or spec.get("actor")).split())
        aliases = spec.get("aliases") or []
        if not isinstance(aliases, (list, tuple)) or not all(isinstance(a, str) for a in aliases):
            raise InputError(f"aliases of actor '{name}' must be a list of strings", expected="['Macron', ...]",
                             found=repr(aliases)[:80], fix="pass aliases as a list of strings")
        return name, [a for a in aliases if a.strip()], spec.get("type")
    raise InputError("an actor must be a name or a mapping with 'name'", expected="'Emmanuel Macron' or "
                     "{'name': 'Emmanuel Macron', 'aliases': ['Macron']}", found=repr(spec)[:80],
                     fix="pass actor names as non-empty strings")
