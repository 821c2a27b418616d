"""The raw reader's public names: read and validate ``data/raw`` into records.

The work is done in three modules, one job each: :mod:`~futian_indicators.raw.yamlfile` (YAML
with line numbers, and the places problems name), :mod:`~futian_indicators.raw.model` (the
records and the checks each gets on its own) and :mod:`~futian_indicators.raw.reader` (the files
of ``data/raw``, every problem collected). Import from here.
"""

from __future__ import annotations

from .model import (
    FIGURE_KEYS,
    FIGURE_OPTIONAL_KEYS,
    SOURCE_ID_RE,
    EvidenceWords,
    FigureRecord,
    IndicatorRecord,
    NotFigureRecord,
    RawData,
    SourceRecord,
)
from .reader import read_dataset, read_indicators, read_letter, read_raw
from .yamlfile import Where, read_yaml

__all__ = [
    "FIGURE_KEYS",
    "FIGURE_OPTIONAL_KEYS",
    "SOURCE_ID_RE",
    "EvidenceWords",
    "FigureRecord",
    "IndicatorRecord",
    "NotFigureRecord",
    "RawData",
    "SourceRecord",
    "Where",
    "read_dataset",
    "read_indicators",
    "read_letter",
    "read_raw",
    "read_yaml",
]
