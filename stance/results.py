"""Result types returned by the API: frozen dataclasses with ``to_dict()``."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field

#: Label of an (actor, target) pair for which no passage links the actor to the target.
NOT_ADDRESSED = "not_addressed"


@dataclass(frozen=True)
class Span:
    """A stretch of the article, by character offsets: ``text == article[start:end]``."""

    start: int
    end: int
    text: str
    label: str | None = None
    score: float | None = None

    def to_dict(self) -> dict:
        """Plain-dict form for JSON."""
        return asdict(self)


@dataclass(frozen=True)
class ActorStance:
    """One actor's stance toward one target in one article.

    ``label`` is ``support``, ``oppose`` or ``neutral``; ``not_addressed`` only appears when the caller asks for
    pairs without evidence (``predict.include_not_addressed=true``), and then ``score`` is 0 and ``evidence`` empty.
    ``score`` is the probability of ``label`` in the passage(s) that decided it; ``evidence`` are those passages'
    focus sentences, strongest first.
    """

    actor: str
    target: str
    label: str
    score: float
    probabilities: dict[str, float] = field(default_factory=dict)
    evidence: tuple[Span, ...] = ()
    actor_type: str | None = None
    target_description: str | None = None

    def to_dict(self) -> dict:
        """Plain-dict form for JSON."""
        d = asdict(self)
        d["evidence"] = [e.to_dict() for e in self.evidence]
        return d
