"""Roles: titles that come with a person's name, and role nouns that later stand for that person.

Rules:
1. A person's role is read where the name appears with a title: before it in the same sentence ("French President
   Emmanuel Macron", "Poland's prime minister, Donald Tusk", "German opposition leader Friedrich Merz") or in an
   apposition right after it ("Donald Tusk, the Polish prime minister,"). The title's country (a demonym or
   "Poland's") becomes the person's ``affiliation`` when none is known.
2. A role noun later in the article ("the French president", "the Polish prime minister", "the chancellor")
   refers to the person whose role matches, same country when the noun names one, named most recently before it.
   A role noun with no matching person named before it refers to nobody (it is not guessed from world knowledge),
   and one directly followed by a name ("the French president, Emmanuel Macron") is a title, not a reference.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

#: Demonym (lower case) → the state it names.
COUNTRY_OF_DEMONYM = {
    "american": "United States", "us": "United States", "u.s.": "United States", "british": "United Kingdom",
    "uk": "United Kingdom", "french": "France", "german": "Germany", "polish": "Poland", "italian": "Italy",
    "hungarian": "Hungary", "slovak": "Slovakia", "czech": "Czech Republic", "russian": "Russia",
    "ukrainian": "Ukraine", "turkish": "Turkey", "chinese": "China", "belarusian": "Belarus", "dutch": "Netherlands",
    "spanish": "Spain", "canadian": "Canada", "swedish": "Sweden", "finnish": "Finland", "estonian": "Estonia",
    "latvian": "Latvia", "lithuanian": "Lithuania", "romanian": "Romania", "danish": "Denmark",
    "norwegian": "Norway", "austrian": "Austria", "japanese": "Japan", "indian": "India", "belgian": "Belgium",
    "portuguese": "Portugal", "greek": "Greece", "bulgarian": "Bulgaria", "croatian": "Croatia",
    "serbian": "Serbia", "slovenian": "Slovenia", "irish": "Ireland", "swiss": "Switzerland", "georgian": "Georgia",
    "moldovan": "Moldova", "brazilian": "Brazil", "israeli": "Israel", "iranian": "Iran", "saudi": "Saudi Arabia",
    "australian": "Australia", "korean": "South Korea", "south african": "South Africa", "kazakh": "Kazakhstan",
    "icelandic": "Iceland", "luxembourgish": "Luxembourg", "maltese": "Malta", "cypriot": "Cyprus",
    "albanian": "Albania", "montenegrin": "Montenegro", "macedonian": "North Macedonia",
}
#: Role heads, longest first when matched. Several words name one office ("prime minister", "premier").
ROLE_HEADS = (
    "prime minister", "foreign minister", "defence minister", "defense minister", "finance minister",
    "interior minister", "economy minister", "deputy prime minister", "deputy foreign minister", "foreign secretary",
    "defence secretary", "defense secretary", "secretary of state", "secretary general", "secretary-general",
    "opposition leader", "party leader", "high representative", "national security adviser", "head of state",
    "president", "chancellor", "premier", "taoiseach", "minister", "spokesman", "spokeswoman", "spokesperson",
    "ambassador", "envoy", "speaker", "king", "queen", "pope", "mayor", "governor", "senator", "commissioner",
    "commander", "general", "admiral", "leader", "chairman", "chairwoman", "chair", "foreign policy chief",
)
SYNONYMS = {"premier": "prime minister", "defense minister": "defence minister", "secretary-general":
            "secretary general", "defense secretary": "defence secretary", "chairwoman": "chair", "chairman": "chair",
            "spokeswoman": "spokesperson", "spokesman": "spokesperson"}
_HEADS = "|".join(re.escape(h) for h in sorted(ROLE_HEADS, key=len, reverse=True))
_DEMONYMS = "|".join(re.escape(d) for d in sorted(COUNTRY_OF_DEMONYM, key=len, reverse=True))
_COUNTRY_POSS = r"(?-i:[A-Z][a-zà-ÿ]+(?:\s[A-Z][a-zà-ÿ]+)?)(?:'s|’s)"
_MODIFIERS = r"(?:(?:deputy|former|new|acting|outgoing|incoming|interim|current|then)\s+)?"
#: A title right before a name: "French President ", "Poland's prime minister, ", "the German chancellor ".
TITLE_BEFORE = re.compile(rf"(?:(?P<dem>{_DEMONYMS})\s+|(?P<poss>{_COUNTRY_POSS})\s+)?{_MODIFIERS}"
                          rf"(?:[\w-]+\s+)??(?P<head>{_HEADS})\s*,?\s*$", re.IGNORECASE)
#: An apposition right after a name: ", the Polish prime minister", ", Poland's prime minister".
TITLE_AFTER = re.compile(rf"^(?:'s|’s)?\s*,\s+(?:the\s+)?(?:(?P<dem>{_DEMONYMS})\s+|(?P<poss>{_COUNTRY_POSS})\s+)?"
                         rf"{_MODIFIERS}(?:[\w-]+\s+)??(?P<head>{_HEADS})\b", re.IGNORECASE)
#: A role noun that may stand for a person named earlier: "the French president", "the chancellor".
ROLE_NOUN = re.compile(rf"\b[Tt]he\s+(?P<span>(?:(?P<dem>{_DEMONYMS})\s+)?{_MODIFIERS}"
                       rf"(?P<head>{_HEADS}))\b(?!\s*(?:of|for|to)\b)", re.IGNORECASE)


#: Bodies that speak for their state: "the Indian petroleum ministry", "the Russian embassy in Warsaw".
INSTITUTION_NOUNS = ("ministry", "embassy", "government", "cabinet", "delegation", "mission", "consulate",
                     "foreign office", "presidency", "president's office", "prime minister's office", "officials",
                     "diplomats", "authorities", "negotiators")
_INSTITUTIONS = "|".join(re.escape(n) for n in sorted(INSTITUTION_NOUNS, key=len, reverse=True))
STATE_BODY = re.compile(rf"\b(?:[Tt]he\s+)?(?P<dem>{_DEMONYMS})\s+(?:(?-i:[a-z][\w-]+)\s+){{0,2}}"
                        rf"(?P<noun>{_INSTITUTIONS})\b", re.IGNORECASE)
#: A back-reference to a body named earlier: "the ministry said".
BODY_NOUN = re.compile(r"\b[Tt]he\s+(?P<noun>ministry|embassy|government|cabinet|delegation|mission|consulate)\b")


def find_state_bodies(text: str) -> list[tuple[int, int, str]]:
    """(start, end, state) for each body named with its state's demonym ("the Russian embassy" → Russia)."""
    out = []
    for m in STATE_BODY.finditer(text):
        country = COUNTRY_OF_DEMONYM.get(m.group("dem").lower())
        if country and m.group("dem")[0].isupper():
            out.append((m.start(), m.end(), country))
    return out


@dataclass(frozen=True)
class Role:
    """An office (its normalised head, e.g. "prime minister") and the country it belongs to, if named."""

    head: str
    country: str | None = None


def normalise_head(head: str) -> str:
    """Lower-cased role head with synonyms merged ("Premier" → "prime minister")."""
    head = " ".join(head.lower().split())
    return SYNONYMS.get(head, head)


def _country(dem: str | None, poss: str | None) -> str | None:
    if dem:
        return COUNTRY_OF_DEMONYM.get(dem.lower())
    if poss:
        return re.sub(r"(?:'s|’s)$", "", poss)
    return None


def role_before(text_before: str) -> Role | None:
    """The title that ends right before a name, if any (``text_before`` ends where the name starts)."""
    m = TITLE_BEFORE.search(text_before[-80:])
    if m is None:
        return None
    return Role(normalise_head(m.group("head")), _country(m.group("dem"), m.group("poss")))


def role_after(text_after: str) -> Role | None:
    """The apposition that starts right after a name, if any (``text_after`` starts where the name ends)."""
    m = TITLE_AFTER.match(text_after[:80])
    if m is None:
        return None
    return Role(normalise_head(m.group("head")), _country(m.group("dem"), m.group("poss")))


@dataclass(frozen=True)
class RoleNoun:
    """A role noun in the text: ``span`` (without the determiner) and the role it names."""

    start: int
    end: int
    role: Role


def find_role_nouns(text: str) -> list[RoleNoun]:
    """Every role noun that could refer back to a person ("the French president")."""
    out = []
    for m in ROLE_NOUN.finditer(text):
        after = text[m.end():m.end() + 40]
        if re.match(r"^,?\s+[A-Z][a-z]", after) and not re.match(r"^,?\s+(?:The|He|She|It|But|And)\b", after):
            continue  # a title before a name: "the French president, Emmanuel Macron"
        out.append(RoleNoun(m.start("span"), m.end("span"),
                            Role(normalise_head(m.group("head")), _country(m.group("dem"), None))))
    return out


def matches(noun: Role, role: Role) -> bool:
    """Whether a role noun can refer to a person holding ``role``."""
    if noun.head != role.head and not role.head.endswith(" " + noun.head):  # "the minister" → foreign minister
        return False
    return noun.country is None or role.country is None or noun.country == role.country
