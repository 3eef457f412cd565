"""Autocomplete for people: what a member has typed, matched against the names in the news."""

from __future__ import annotations

from collections.abc import Sequence

from .people import merge_names


def person_suggestions(people: Sequence[tuple[str, str, int]], typed: str, limit: int = 25) -> list[str]:
    """Up to `limit` names, most mentioned first, a surname folded into the full name it belongs
    to; names whose words start with what was typed come before names merely containing it."""
    canonical = merge_names(name for _, name, _ in people)
    counts: dict[str, int] = {}
    for _, name, count in people:
        full = canonical.get(name, name)
        counts[full] = counts.get(full, 0) + count
    ranked = sorted(counts, key=lambda n: (-counts[n], n))
    wanted = typed.strip().casefold()
    if not wanted:
        return ranked[:limit]
    starts = [n for n in ranked if any(w.startswith(wanted) for w in n.casefold().split())
              or n.casefold().startswith(wanted)]
    within = [n for n in ranked if wanted in n.casefold() and n not in starts]
    return (starts + within)[:limit]
