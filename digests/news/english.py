"""How common a word is in English at large, when the optional `wordfreq` package is installed.

The stored news is small: a word it never uses may be a plain word a member types ("outfit",
"gimmick") or the name of something that is not stored ("Holodomor", "Neom"). wordfreq's
frequency lists (which ship inside its PyPI package) tell the two apart; without the package
nothing is called common, and the answers behave as they always have.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from functools import lru_cache


def _frequency_of() -> Callable[[str, str], float] | None:
    try:
        return importlib.import_module("wordfreq").zipf_frequency  # type: ignore[no-any-return]
    except ImportError:  # the default install: no word list
        return None


zipf_frequency = _frequency_of()

COMMON_ZIPF = 3.0
"""A word used about once per million words or more ("gimmick" 3.2, "basket" 4.1); names of
things not stored fall below ("Iliad" 2.9, "Neom" 1.3, "Okta" 1.6)."""


def has_word_list() -> bool:
    return zipf_frequency is not None


@lru_cache(maxsize=8192)
def is_common_word(word: str) -> bool:
    """Whether `word` is an everyday English word (False when no word list is installed)."""
    return zipf_frequency is not None and zipf_frequency(word, "en") >= COMMON_ZIPF
