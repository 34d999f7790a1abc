"""Passage → model input. One definition for training, evaluation and prediction.

Segment A is the target's description, segment B the passage with the actor's mentions wrapped in marker tokens.
Only the passage is truncated, from the left: the focus sentence (which holds the marked actor) ends the
passage, so cutting context from the front keeps the actor inside the window.
"""

from __future__ import annotations

import random
import re
from typing import Sequence

#: Invented names used to swap the marked actor's name during training, so no name carries a label.
SWAP_PERSONS = ("Ilse Varnholt", "Tomasz Kędrak", "Amara Osei-Lind", "Jules Perrault", "Marta Quintela",
                "Oskar Lindqvist", "Dana Whitcombe", "Radu Moldovan", "Petra Havlíková", "Anders Mikkelsen",
                "Lucia Ferrante", "Kofi Mensah-Berg", "Elena Sørbø", "Viktor Halas", "Grace Okonkwo",
                "Henrik Dahlgren", "Aino Rantala", "Mateo Solís", "Yara Haddad", "Nils Brenner")
SWAP_STATES = ("Norway", "Portugal", "Canada", "Austria", "Greece", "Finland", "Spain", "Japan", "Ireland",
               "Belgium", "Chile", "Estonia", "Croatia", "Denmark", "Bulgaria", "Mexico", "Sweden", "Romania")


def encode_pairs(tokenizer, targets: Sequence[str], passages: Sequence[str], max_length: int) -> dict:
    """Tokenize (target description, marked passage) pairs; truncates the passage only, from the left."""
    side = tokenizer.truncation_side
    tokenizer.truncation_side = "left"
    try:
        return tokenizer(list(targets), list(passages), truncation="only_second", max_length=max_length)
    finally:
        tokenizer.truncation_side = side


def swap_actor_name(passage: str, actor_type: str, start_token: str, end_token: str, rng: random.Random) -> str:
    """Replace the marked actor's names (not pronouns) by one invented name of the same kind, everywhere."""
    pool = SWAP_PERSONS if actor_type == "person" else SWAP_STATES if actor_type == "state" else None
    if pool is None:
        return passage
    new = rng.choice(pool)
    surname = new.split()[-1]
    pattern = re.compile(re.escape(start_token) + r" (.+?) " + re.escape(end_token))

    def repl(m: re.Match) -> str:
        inner = m.group(1)
        if inner.lower() in {"he", "she", "they", "it"}:
            return m.group(0)
        possessive = "’s" if inner.endswith("’s") else "'s" if inner.endswith("'s") else ""
        name = surname if actor_type == "person" and len(inner.split()) == 1 else new
        return f"{start_token} {name}{possessive} {end_token}"

    return pattern.sub(repl, passage)
