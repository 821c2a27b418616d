"""How a reader finds an indicator by what a user types: its id, a name or an alias.

Any case and width (NFKC: ＧＤＰ is GDP); an id wins over a name, a name over an alias
(``aliases_zh``; the context words ``cues_zh`` are never a name). A miss suggests ids by their
ids, names and aliases alike. :func:`futian_indicators.api.resolve_indicator` uses these.

Examples
--------
>>> lookup_key(" ＧＤＰ ")
'gdp'
"""

from __future__ import annotations

import difflib
import unicodedata

import pandas as pd

from . import vocab

__all__ = ["indicator_names", "lookup_key", "suggest_indicators"]


def lookup_key(text: str) -> str:
    """What a name is compared by: any width (NFKC: ＧＤＰ is GDP), any case, no outer spaces."""
    return unicodedata.normalize("NFKC", text).casefold().strip()


def indicator_names(codebook: pd.DataFrame) -> tuple[dict[str, tuple[str, ...]], ...]:
    """Lookup keys -> indicator ids, in the order they are tried: ids, names, aliases."""
    tiers: list[dict[str, list[str]]] = [{}, {}, {}]
    for row in codebook.itertuples(index=False):
        indicator = str(row.indicator_id)
        names = [n for n in (row.name_en, row.name_zh) if isinstance(n, str)]
        aliases = (
            str(row.aliases_zh).split(vocab.ALIAS_SEPARATOR)
            if isinstance(row.aliases_zh, str)
            else []
        )
        for tier, texts in zip(tiers, ([indicator], names, aliases), strict=True):
            for text in texts:
                ids = tier.setdefault(lookup_key(text), [])
                if text and indicator not in ids:
                    ids.append(indicator)
    return tuple({key: tuple(ids) for key, ids in tier.items() if key} for tier in tiers)


def suggest_indicators(key: str, tiers: tuple[dict[str, tuple[str, ...]], ...]) -> list[str]:
    """Up to three ids whose id, name or alias is closest to ``key`` (containing it first)."""
    every = {name: ids for tier in reversed(tiers) for name, ids in tier.items()}
    containing = [name for name in every if key and (key in name or name in key)]
    containing.sort(key=lambda name: abs(len(name) - len(key)))
    close = difflib.get_close_matches(key, list(every), n=6, cutoff=0.5)
    found = [i for name in [*containing, *close] for i in every[name]]
    return list(dict.fromkeys(found))[:3]
