"""Drafting a new letter: a draft of its ``data/raw`` records, for a curator to review.

The modules, in the order a draft is made: :mod:`.heading` (what a letter states about itself),
:mod:`.cues` and :mod:`.status_area` (period and status from words), :mod:`.area` (the area),
:mod:`.matcher` (the codebook's names in the letter), :mod:`.scoring` (names, subject phrase and
cues to an indicator and a confidence), :mod:`.proposal` (a new indicator where the codebook has
none), :mod:`.draft` (the figures of a letter), :mod:`.yamltext` (the draft as YAML text),
:mod:`.review` (the review report, least sure labels first), :mod:`.changes` (the files it adds,
all or none) and :mod:`.letter` (the ``extract`` command: :func:`draft_letter`).
"""

from .draft import Draft, DraftFigure, NotPlaced, draft_figures
from .letter import DraftReport, draft_letter, summary
from .matcher import CodebookEntry, read_codebook
from .yamltext import NOT_PLACED_REASON, render_figures, render_source

__all__ = [
    "NOT_PLACED_REASON",
    "CodebookEntry",
    "Draft",
    "DraftFigure",
    "DraftReport",
    "NotPlaced",
    "draft_figures",
    "draft_letter",
    "read_codebook",
    "render_figures",
    "render_source",
    "summary",
]
