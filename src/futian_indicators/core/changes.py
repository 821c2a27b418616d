"""A change to a figure, in the terms the diff and the errata share: the fields, each value's text.

Neutral ground between the build (which checks each erratum against the figure it corrects) and
:mod:`futian_indicators.versions` (which compares data versions): it imports no loader and
nothing of the build.
"""

from __future__ import annotations

import math

import pandas as pd

DIFF_FIELDS = (
    "indicator_id",
    "geo",
    "period",
    "status",
    "value",
    "unit",
    "qualifier",
    "lower",
    "upper",
    "lower_lenient",
    "upper_lenient",
    "quote",
    "note",
)
"""The figure fields a diff compares and an erratum may correct."""


def as_text(value: object) -> str | None:
    """A figure field as text, as the diff and the errata write it (null stays null).

    Floats are written in their exact round-trip form.

    Examples
    --------
    >>> as_text(594882000000.0), as_text(float("inf")), as_text("2023-10-16")
    ('594882000000.0', 'inf', '2023-10-16')
    >>> as_text(float("nan")) is None and as_text(pd.NA) is None
    True
    """
    if value is None or (isinstance(value, float) and math.isnan(value)) or value is pd.NA:
        return None
    return repr(float(value)) if isinstance(value, float) else str(value)
