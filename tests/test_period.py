"""Period labels."""

import datetime as dt

import pytest

from futian_indicators.core.period import parse_period
from futian_indicators.errors import CurationError

D = dt.date


@pytest.mark.parametrize(
    ("label", "start", "end", "kind"),
    [
        ("2024", D(2024, 1, 1), D(2024, 12, 31), "year"),
        ("2023H1", D(2023, 1, 1), D(2023, 6, 30), "half_year"),
        ("2023H2", D(2023, 7, 1), D(2023, 12, 31), "half_year"),
        ("2024Q1", D(2024, 1, 1), D(2024, 3, 31), "quarter"),
        ("2024-02", D(2024, 2, 1), D(2024, 2, 29), "month"),
        ("2023-08-31", D(2023, 8, 31), D(2023, 8, 31), "as_of"),
        ("2022/2024", D(2022, 1, 1), D(2024, 12, 31), "multi_year"),
        ("2023-01-01/2023-10-16", D(2023, 1, 1), D(2023, 10, 16), "since"),
    ],
)
def test_period_labels(label: str, start: dt.date, end: dt.date, kind: str) -> None:
    period = parse_period(label)
    assert (period.start, period.end, period.type) == (start, end, kind)


@pytest.mark.parametrize(
    ("label", "message"),
    [
        ("2024年", "is not a period label; allowed forms"),
        ("2023H3", "is not a period label"),
        ("2023-02-30", "names a day that does not exist"),
        ("2024/2022", "ends before it starts"),
        ("", "is not a period label"),
    ],
)
def test_bad_period_labels(label: str, message: str) -> None:
    with pytest.raises(CurationError, match=message):
        parse_period(label)
