"""Period labels, and the days and type each one stands for.

Labels: ``2024``, ``2023H1``, ``2023Q3``, ``2023-08``, ``2024-12-31``, ``../2023-08-31``,
``2022/2024``, ``../2024``, ``2023-01-01/2023-10-16``. A label is what users filter and plot by;
:func:`parse_period` turns it into the first and last day it covers and its type, and refuses
anything else.

Two labels have an open start (``..``, as in ISO 8601 intervals): ``../2023-08-31`` is a flow
counted up to a date with no stated start (``to_date``: 累计, 已…开展, never ``as_of``, which is
for a stock at a date), and ``../2024`` is several years up to 2024 with no stated first year
(``multi_year``: 多年稳居). Their ``start`` is None.

A multi-year label ``2022/2024`` means the years 2022 to 2024 together (3年累计); a change over
them (3年翻两番, 3年增长7.6倍) runs from the end of 2021 to the end of 2024.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass

from ..errors import CurationError

_DATE = r"(\d{4})-(\d{2})-(\d{2})"
_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("year", re.compile(r"(\d{4})")),
    ("half_year", re.compile(r"(\d{4})H([12])")),
    ("quarter", re.compile(r"(\d{4})Q([1-4])")),
    ("month", re.compile(r"(\d{4})-(\d{2})")),
    ("as_of", re.compile(_DATE)),
    ("multi_year", re.compile(r"(\d{4})/(\d{4})")),
    ("since", re.compile(_DATE + "/" + _DATE)),
    ("to_date", re.compile(r"\.\./" + _DATE)),
    ("multi_year", re.compile(r"\.\./(\d{4})")),
)

PERIOD_LABEL_FORMS = (
    "'2024' (year), '2023H1' (half year), '2023Q3' (quarter), '2023-08' (month), "
    "'2024-12-31' (as of a date), '../2023-08-31' (counted up to a date, no stated start), "
    "'2022/2024' (several years), '../2024' (several years up to 2024, no stated first), "
    "'2023-01-01/2023-10-16' (since a date, up to a date)"
)


@dataclass(frozen=True, slots=True)
class Period:
    """A period label with the days it covers (both ends included; no start when it is open)."""

    label: str
    start: dt.date | None
    end: dt.date
    type: str


def _month_end(year: int, month: int) -> dt.date:
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def _span(kind: str, g: tuple[int, ...]) -> tuple[dt.date | None, dt.date]:
    if kind == "to_date":
        return None, dt.date(*g)
    if kind == "multi_year" and len(g) == 1:
        return None, dt.date(g[0], 12, 31)
    if kind == "year":
        return dt.date(g[0], 1, 1), dt.date(g[0], 12, 31)
    if kind == "half_year":
        first = 1 + 6 * (g[1] - 1)
        return dt.date(g[0], first, 1), _month_end(g[0], first + 5)
    if kind == "quarter":
        first = 1 + 3 * (g[1] - 1)
        return dt.date(g[0], first, 1), _month_end(g[0], first + 2)
    if kind == "month":
        return dt.date(g[0], g[1], 1), _month_end(g[0], g[1])
    if kind == "as_of":
        day = dt.date(*g)
        return day, day
    if kind == "multi_year":
        return dt.date(g[0], 1, 1), dt.date(g[1], 12, 31)
    return dt.date(*g[:3]), dt.date(*g[3:])


def parse_period(label: str) -> Period:
    """Read a period label.

    Parameters
    ----------
    label : str
        One of the forms in ``PERIOD_LABEL_FORMS``.

    Returns
    -------
    Period
        The label, its first and last day, and its type.

    Raises
    ------
    CurationError
        When the label has none of the forms, or names a day that does not exist, or ends
        before it starts.

    Examples
    --------
    >>> p = parse_period("2023H1")
    >>> p.start, p.end, p.type
    (datetime.date(2023, 1, 1), datetime.date(2023, 6, 30), 'half_year')
    >>> parse_period("2022/2024").type
    'multi_year'
    >>> p = parse_period("../2023-08-31")
    >>> p.start, p.end, p.type
    (None, datetime.date(2023, 8, 31), 'to_date')
    >>> parse_period("../2024").type
    'multi_year'
    """
    for kind, pattern in _PATTERNS:
        match = pattern.fullmatch(label)
        if match is None:
            continue
        try:
            start, end = _span(kind, tuple(int(x) for x in match.groups()))
        except ValueError as exc:
            msg = f"period {label!r} names a day that does not exist ({exc}); fix the date"
            raise CurationError(msg) from None
        if start is not None and end < start:
            msg = f"period {label!r} ends before it starts; write the earlier end first"
            raise CurationError(msg)
        return Period(label, start, end, kind)
    msg = f"period {label!r} is not a period label; allowed forms: {PERIOD_LABEL_FORMS}"
    raise CurationError(msg)
