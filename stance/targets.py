"""The target registry: what actors can take a stance toward.

A target has an ``id``, a natural-language ``description`` (the text the model reads), ``aliases`` that name it
outright and ``keywords`` that point to it. Targets come from ``configs/targets.yaml`` or are passed at call time
as free text, in which case keywords are taken from the text itself.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from pathlib import Path
from typing import Iterable, Sequence

import yaml

from stance.errors import ConfigError, InputError

_ID_RE = re.compile(r"^[a-z0-9][a-z0-9_]*$")
_STOPWORDS = frozenset("""a an the of to in on for and or with by from into onto at as its their his her be being
being is are was were that this these those any some more most less about over under than""".split())


@dataclass(frozen=True)
class Target:
    """One stance target."""

    id: str
    description: str
    aliases: tuple[str, ...] = ()
    keywords: tuple[str, ...] = ()

    @cached_property
    def alias_pattern(self) -> re.Pattern | None:
        """Case-insensitive pattern of the aliases (whole-word starts)."""
        return _compile(self.aliases)

    @cached_property
    def keyword_pattern(self) -> re.Pattern | None:
        """Case-insensitive pattern of the keywords (word starts, so 'deploy' matches 'deployed')."""
        return _compile(self.keywords, whole=False)

    def relevance(self, text: str) -> float:
        """How strongly `text` is about this target: 2 per alias hit plus 1 per distinct keyword hit."""
        return _relevance(self.alias_pattern, self.keyword_pattern, text)

    def to_dict(self) -> dict:
        """Plain-dict form, as in the registry file."""
        return {"id": self.id, "description": self.description, "aliases": list(self.aliases),
                "keywords": list(self.keywords)}


@lru_cache(maxsize=8192)
def _relevance(alias_pattern: re.Pattern | None, keyword_pattern: re.Pattern | None, text: str) -> float:
    # cached: evidence selection scores the same sentences, paragraphs and article for every actor
    score = 0.0
    if alias_pattern is not None:
        score += 2.0 * len(alias_pattern.findall(text))
    if keyword_pattern is not None:
        score += float(len({m.lower() for m in keyword_pattern.findall(text)}))
    return score


def _compile(words: Sequence[str], whole: bool = True) -> re.Pattern | None:
    words = sorted({w for w in words if w.strip()}, key=len, reverse=True)
    if not words:
        return None
    body = "|".join(re.escape(w) for w in words)
    end = r"\b" if whole else ""
    return re.compile(rf"(?<!\w)(?:{body}){end}", re.IGNORECASE)


def target_from_text(text: str) -> Target:
    """An ad-hoc target from a free-text description: keywords are its content words."""
    clean = " ".join(text.split())
    words = [w for w in re.findall(r"[A-Za-z][\w'-]+", clean) if w.lower() not in _STOPWORDS and len(w) > 2]
    slug = "_".join(w.lower() for w in words[:6]) or "custom_target"
    # stems: drop a plural/verb ending so 'troops' also matches 'troop'
    keywords = tuple(dict.fromkeys(w[:-1] if len(w) > 4 and w.endswith("s") else w for w in words))
    return Target(id=f"custom:{slug}", description=clean, aliases=(), keywords=keywords)


@dataclass
class TargetRegistry:
    """Targets by id, loaded from a YAML registry."""

    targets: dict[str, Target] = field(default_factory=dict)
    source: str = "<memory>"

    @classmethod
    def from_yaml(cls, path: str | Path) -> "TargetRegistry":
        """Load and validate a registry file (see configs/targets.yaml)."""
        path = Path(path)
        if not path.is_file():
            raise ConfigError("target registry not found", where=str(path), expected="a YAML file with 'targets:'",
                              found="no such file", fix="set targets.registry to configs/targets.yaml or your own")
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        entries = data.get("targets") if isinstance(data, dict) else None
        if not isinstance(entries, list):
            raise ConfigError("target registry must hold a list under 'targets'", where=str(path),
                              expected="targets: [{id, description, aliases, keywords}, ...]",
                              found=type(entries).__name__, fix="see configs/targets.yaml")
        reg = cls(source=str(path))
        for i, entry in enumerate(entries):
            where = f"{path}, targets[{i}]"
            if not isinstance(entry, dict) or not entry.get("id") or not entry.get("description"):
                raise ConfigError("a target needs an 'id' and a 'description'", where=where,
                                  expected="{id: snake_case, description: text, aliases: [...], keywords: [...]}",
                                  found=repr(entry)[:120], fix="add the missing field")
            unknown = set(entry) - {"id", "description", "aliases", "keywords"}
            if unknown:
                raise ConfigError(f"unknown target field(s) {sorted(unknown)}", where=where,
                                  expected="id, description, aliases, keywords", found=", ".join(sorted(unknown)),
                                  fix="remove or rename the field")
            tid = str(entry["id"])
            if not _ID_RE.match(tid):
                raise ConfigError("target id must be snake_case", where=where, expected="e.g. ukraine_nato_membership",
                                  found=tid, fix="use lower-case letters, digits and underscores")
            if tid in reg.targets:
                raise ConfigError(f"target id '{tid}' is defined twice", where=where, expected="unique ids",
                                  found=tid, fix="rename or merge the entries")
            reg.targets[tid] = Target(tid, " ".join(str(entry["description"]).split()),
                                      tuple(map(str, entry.get("aliases") or ())),
                                      tuple(map(str, entry.get("keywords") or ())))
        return reg

    def __contains__(self, target_id: object) -> bool:
        return target_id in self.targets

    def __iter__(self):
        return iter(self.targets.values())

    def __len__(self) -> int:
        return len(self.targets)

    def get(self, target_id: str) -> Target:
        """The target with this id, or an :class:`InputError` with a suggestion."""
        if target_id in self.targets:
            return self.targets[target_id]
        close = difflib.get_close_matches(target_id, list(self.targets), n=1, cutoff=0.5)
        hint = f"did you mean '{close[0]}'? " if close else ""
        raise InputError(f"unknown target id '{target_id}'", expected=f"one of: {', '.join(self.targets)}",
                         found=target_id, fix=f"{hint}add it to {self.source}, or pass a description with spaces "
                                              "as free text")

    def resolve(self, targets: Iterable[str | Target]) -> list[Target]:
        """Turn ids, free-text descriptions or Target objects into Targets.

        A string without spaces is an id and must be in the registry; a string with spaces is a description.
        """
        out: list[Target] = []
        for t in targets:
            if isinstance(t, Target):
                out.append(t)
            elif not isinstance(t, str) or not t.strip():
                raise InputError("a target must be a registry id or a description", expected="a non-empty string",
                                 found=repr(t), fix="pass e.g. 'ukraine_nato_membership' or 'sending tanks to Ukraine'")
            elif t in self.targets or " " not in t.strip():
                out.append(self.get(t.strip()))
            else:
                out.append(target_from_text(t))
        return list({t.id: t for t in out}.values())

    def to_yaml(self, path: str | Path) -> None:
        """Write the registry (used to make a model directory self-contained)."""
        Path(path).write_text(yaml.safe_dump({"targets": [t.to_dict() for t in self]}, sort_keys=False,
                                             allow_unicode=True), encoding="utf-8")
