"""The series helper: one reconciled value per period, from every letter that reports it.

The reports of a period are intersected with :class:`~futian_indicators.core.interval.Interval`,
the interval type the grammar and the consistency engine use, so a shared end is closed only when
every report includes it, as in the checks.
"""

from __future__ import annotations

import functools
import math
from collections.abc import Iterable

import pandas as pd

from .api import load_figures, load_table
from .core.interval import Interval
from .vocab import LIST_SEPARATOR

_PERIOD_COLUMNS = (
    "indicator_id",
    "geo",
    "period",
    "period_type",
    "period_start",
    "period_end",
    "status",
    "unit",
)

SERIES_COLUMNS = (
    *_PERIOD_COLUMNS,
    "value",
    "lower",
    "upper",
    "lower_closed",
    "upper_closed",
    "n_figures",
    "figure_ids",
    "source_ids",
    "consistent",
    "derived_lower",
    "derived_upper",
    "derived_ids",
)
"""Columns of :func:`series`."""

DERIVED_DEFAULT = False
"""Whether :func:`series` and :func:`~futian_indicators.plot.plot_series` use derived figures
unless told: one default for both."""


def source_ids(figure_ids: Iterable[str], *, version: str | None = None) -> list[str]:
    """The letters some figures come from, a derived figure followed back to its letters.

    A derived figure has a letter only when it comes from one; its ``derived_from`` names the
    figures it was computed from, which may be derived too.

    Examples
    --------
    >>> source_ids(["derived/rd-intensity-2024-implied-by-rd-and-gdp"], version="1.1.0")
    ['npc-20250021', 'cppcc-2025136']
    >>> source_ids(["derived/gdp-2023-implied-by-sei-share"])
    ['npc-20240294']
    """
    everything = load_table("figures", version=version).set_index("figure_id")
    found: list[str] = []
    pending = list(figure_ids)
    seen: set[str] = set()
    while pending:
        figure_id = pending.pop()
        if figure_id in seen or figure_id not in everything.index:
            continue
        seen.add(figure_id)
        row = everything.loc[figure_id]
        if isinstance(row["source_id"], str):
            found.append(row["source_id"])
        if row["status"] == "derived" and isinstance(row["derived_from"], str):
            pending.extend(row["derived_from"].split(LIST_SEPARATOR))
    return list(dict.fromkeys(found))


def _strict(reports: pd.DataFrame) -> list[Interval]:
    """Each report's strict interval (its ends stay the stored floats)."""
    columns = ("lower", "upper", "lower_closed", "upper_closed")
    return [
        Interval(float(lower), float(upper), bool(lower_closed), bool(upper_closed))
        for lower, upper, lower_closed, upper_closed in zip(
            *(reports[c].tolist() for c in columns), strict=True
        )
    ]


def _point(reports: pd.DataFrame, common: Interval) -> float:
    """The value of a reconciled period, never an invented point.

    The stated value of the most precise report that the intersection's closure holds; else the
    bound of a one-sided intersection; else NaN.
    """
    if common.empty:
        return math.nan
    lower, upper = float(common.lower), float(common.upper)
    values = reports["value"].to_numpy()
    inside = (values >= lower) & (values <= upper)
    if inside.any():
        widths = (reports["upper"] - reports["lower"]).to_numpy()[inside]
        return float(values[inside][widths.argmin()])
    if math.isinf(upper) and not math.isinf(lower):
        return lower
    if math.isinf(lower) and not math.isinf(upper):
        return upper
    return math.nan


def _reconcile(reports: pd.DataFrame, derived: pd.DataFrame | None = None) -> dict[str, object]:
    """One period's reports -> the intersection of their strict intervals and a value.

    ``reports`` are the figures of the asked status (or, for a period only derived figures
    cover, those); ``derived`` the derived figures of the period, which never narrow the row:
    their intersection with the reports is in the ``derived_*`` columns.
    """
    derived = reports.iloc[:0] if derived is None else derived
    common = functools.reduce(Interval.intersection, _strict(reports))
    first = reports.iloc[0]
    nan = math.nan
    added = (
        functools.reduce(Interval.intersection, _strict(derived), common) if len(derived) else None
    )
    return {
        **{column: first[column] for column in _PERIOD_COLUMNS},
        "value": _point(reports, common),
        "lower": float(common.lower),
        "upper": float(common.upper),
        "lower_closed": common.lower_closed,
        "upper_closed": common.upper_closed,
        "n_figures": len(reports),
        "figure_ids": LIST_SEPARATOR.join(reports["figure_id"]),
        "source_ids": LIST_SEPARATOR.join(dict.fromkeys(reports["source_id"].dropna())),
        "consistent": not common.empty,
        "derived_lower": float(added.lower) if added is not None else nan,
        "derived_upper": float(added.upper) if added is not None else nan,
        "derived_ids": LIST_SEPARATOR.join(derived["figure_id"]) if len(derived) else None,
    }


def series(
    indicator: str,
    *,
    geo: str = "futian",
    status: str = "actual",
    derived: bool = DERIVED_DEFAULT,
    version: str | None = None,
) -> pd.DataFrame:
    """One reconciled value per period of an indicator.

    For each period, the strict intervals of every letter that reports it are intersected:
    ``lower``/``upper`` are the intersection, ``value`` is the stated value of the most precise
    report inside it (its closure: 超1100 and 1100 give 1100), or the bound of a one-sided
    intersection, or NaN: never an invented point. ``consistent`` is False, with ``value`` NaN,
    when the reports do not overlap (:func:`load_checks` says why).

    Parameters
    ----------
    indicator : str
        An indicator id, e.g. ``"gdp"``.
    geo : str, default "futian"
        The area.
    status : str, default "actual"
        ``"target"`` gives the series of targets.
    derived : bool, default False
        Also use the figures the derivations compute (a prior year's level implied by a growth
        rate, a total implied by a share; :func:`load_derivations`). They never narrow a row
        of reported figures: what they add is in ``derived_lower``/``derived_upper`` (the
        intersection with them) and ``derived_ids``. A period only they cover gets a row whose
        ``status`` is ``"derived"``.
    version : str, optional
        The data version (:func:`data_versions`); by default the bundled one.

    Returns
    -------
    DataFrame
        Columns ``SERIES_COLUMNS``; ``figure_ids`` and ``source_ids`` list the reports behind each
        value, separated by ``;`` (:data:`~futian_indicators.vocab.LIST_SEPARATOR`). Sorted by
        period end, then start.

    Examples
    --------
    >>> import futian_indicators as fi
    >>> gdp = fi.series("gdp").iloc[0]
    >>> gdp["period"], float(gdp["value"]), gdp["source_ids"]
    ('2024', 594882000000.0, 'cppcc-2025136')
    """
    statuses = [status, "derived"] if derived and status != "derived" else [status]
    figures = load_figures(indicator=indicator, geo=geo, status=statuses, version=version)
    rows = []
    for _, group in figures.groupby("period", sort=False):
        is_derived = (group["status"] == "derived").to_numpy()
        if status == "derived" or is_derived.all():
            rows.append(_reconcile(group, group.iloc[:0]))
        else:
            rows.append(_reconcile(group[~is_derived], group[is_derived]))
    dtypes = load_table("figures", version=version).dtypes.to_dict()
    dtypes |= {"n_figures": "int64", "figure_ids": "string", "source_ids": "string"}
    dtypes |= {"consistent": bool, "derived_lower": float, "derived_upper": float}
    dtypes |= {"derived_ids": "string"}
    frame = pd.DataFrame(rows, columns=list(SERIES_COLUMNS))
    frame = frame.astype({column: dtypes[column] for column in SERIES_COLUMNS})
    return frame.sort_values(["period_end", "period_start", "period"], ignore_index=True)
