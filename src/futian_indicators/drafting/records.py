"""The records a draft is made of: its figures, the numbers it could not place, the draft.

:func:`futian_indicators.drafting.draft.draft_figures` makes them; the YAML text
(:mod:`~futian_indicators.drafting.yamltext`), the review report
(:mod:`~futian_indicators.drafting.review`) and the ``extract`` command read them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from .proposal import Proposal
from .segments import Offsets
from .yamltext import NOT_PLACED_REASON

__all__ = ["Draft", "DraftFigure", "NotPlaced"]


@dataclass(frozen=True, slots=True)
class DraftFigure:
    """A draft figure: the keys of a figure record, its confidence, and where its number is."""

    slug: str
    indicator: str
    geo: str
    period: str
    status: str
    quote: str
    quantity: str
    value: float
    unit: str
    qualifier: str
    note: str
    confidence: float
    start: int  # the number's span in the normalised letter
    end: int
    proposal: Proposal | None = None  # a new indicator, when the codebook has none for it
    rests_on: tuple[tuple[str, str], ...] = ()  # (label, what it rests on)
    labels: tuple[tuple[str, Any], ...] = ()  # period_basis ... evidence, in the record's order
    period_words: tuple[Offsets, ...] = ()  # the words that state the period


@dataclass(frozen=True, slots=True)
class NotPlaced:
    """A measure the draft could not place, a passage that holds it once, and why."""

    quote: str
    mention: str
    why: str
    start: int
    end: int
    reason: str = NOT_PLACED_REASON  # the reason written under not_figures


@dataclass(slots=True)
class Draft:
    """The draft annotation of one letter."""

    source_id: str
    figures: list[DraftFigure] = field(default_factory=list)
    not_placed: list[NotPlaced] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)

    @property
    def placed(self) -> list[DraftFigure]:
        """The draft figures on a codebook indicator."""
        return [f for f in self.figures if f.proposal is None]

    @property
    def proposed(self) -> list[DraftFigure]:
        """The draft figures of a proposed new indicator (written under ``not_figures``)."""
        return [f for f in self.figures if f.proposal is not None]

    def counts(self) -> str:
        """The draft's numbers in the words every report of it uses (terminal, YAML, page).

        >>> Draft("cppcc-2026001").counts()
        '0 number(s): 0 placed on a codebook indicator, 0 proposed as a new indicator, 0 not placed'
        """
        placed, proposed, unplaced = len(self.placed), len(self.proposed), len(self.not_placed)
        return (
            f"{placed + proposed + unplaced} number(s): {placed} placed on a codebook indicator, "
            f"{proposed} proposed as a new indicator, {unplaced} not placed"
        )
