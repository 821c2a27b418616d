"""futian-indicators: validated, citable tables of the figures in Futian District reply letters.

>>> import futian_indicators as fi
>>> fi.series("gdp")                                   # doctest: +SKIP
>>> fi.load_figures(indicator="high_tech_enterprises")  # doctest: +SKIP

``__version__`` is the code's version; ``DATA_VERSION`` the bundled data's (semantic: major for a
schema break, minor for new letters or figures, patch for corrected values). They move
independently: a code release may ship the same data, and a data correction needs a code release
only to be shipped.
"""

from __future__ import annotations

from typing import Any

from ._resources import verify
from ._version import __version__
from .analysis import series
from .api import (
    load_checks,
    load_derivations,
    load_errata,
    load_evidence,
    load_figures,
    load_indicators,
    load_mentions,
    load_rules,
    load_sources,
    load_targets,
    run_checks,
)
from .cite import cite
from .errors import FutianIndicatorsError
from .language.mentions import extract_quantities
from .language.quantity import Quantity, parse_quantity
from .letters import render_letter
from .versions import data_versions, diff

__all__ = [
    "DATA_VERSION",
    "FutianIndicatorsError",
    "Quantity",
    "__version__",
    "cite",
    "data_versions",
    "diff",
    "extract_quantities",
    "load_checks",
    "load_derivations",
    "load_errata",
    "load_evidence",
    "load_figures",
    "load_indicators",
    "load_mentions",
    "load_rules",
    "load_sources",
    "load_targets",
    "parse_quantity",
    "render_letter",
    "run_checks",
    "series",
    "verify",
]


def __getattr__(name: str) -> Any:
    if name == "DATA_VERSION":
        from ._resources import manifest

        return manifest()["data_version"]
    msg = f"module 'futian_indicators' has no attribute {name!r}"
    raise AttributeError(msg)
