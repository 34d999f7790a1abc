"""Mark an actor's name inside a public-data sentence, the way `stance.evidence.mark_actor` does for articles."""

from __future__ import annotations

import re


def mark_names(sentence: str, names: list[str], start_token: str, end_token: str) -> str | None:
    """Wrap every occurrence of the longest matching name form (full name, else its last word) in markers.

    Returns None when no form occurs, so callers can skip examples whose actor is not in the sentence.
    """
    forms = [n for n in names if n and n.strip()]
    forms += [n.split()[-1] for n in forms if len(n.split()) > 1 and len(n.split()[-1]) > 2]
    for form in sorted(dict.fromkeys(forms), key=len, reverse=True):
        pattern = re.compile(r"(?<!\w)" + re.escape(form) + r"(?:'s|’s)?(?!\w)")
        if pattern.search(sentence):
            return pattern.sub(lambda m: f"{start_token} {m.group(0)} {end_token}", sentence)
    return None
