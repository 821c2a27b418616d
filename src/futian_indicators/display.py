"""Numbers in the units people read: 亿元 for yuan, 万平方米 for square metres, % for percent."""

from __future__ import annotations

import math

from .vocab import UNIT_LABELS

DISPLAY_UNITS: dict[str, tuple[float, str]] = {
    unit: (labels.divisor, labels.zh) for unit, labels in UNIT_LABELS.items()
}
"""unit -> (divisor, label) for display; values are stored in base units
(:data:`futian_indicators.vocab.UNIT_LABELS`)."""


def format_number(x: float, decimals: int = 4) -> str:
    """A number with thousands separators and no trailing zeros: ``5,948.82``, ``∞``, ``NA``."""
    if math.isinf(x):
        return "∞" if x > 0 else "-∞"
    if math.isnan(x):
        return "NA"
    return f"{x:,.{decimals}f}".rstrip("0").rstrip(".")


def format_value(value: float, unit: str) -> str:
    """Format a base-unit value in its display unit.

    Examples
    --------
    >>> format_value(594882000000.0, "CNY")
    '5,948.82 亿元'
    >>> format_value(19.3, "percent")
    '19.3%'
    """
    divisor, label = DISPLAY_UNITS.get(unit, (1.0, unit))
    text = format_number(value / divisor)
    return f"{text}{label}" if label in ("%", "") else f"{text} {label}"


def format_interval(lower: float, upper: float, unit: str) -> str:
    """Format an interval in the display unit, e.g. ``[1,100, ∞) 亿元``."""
    divisor, label = DISPLAY_UNITS.get(unit, (1.0, unit))
    left = "(" if math.isinf(lower) else "["
    right = ")" if math.isinf(upper) else "]"
    body = f"{left}{format_number(lower / divisor)}, {format_number(upper / divisor)}{right}"
    return f"{body} {label}".rstrip()
