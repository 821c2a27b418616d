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

from .api import load_figures, load_table, resolve_indicator
from .core.interval import Interval
from .errors import ArgumentError
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


def figure_counts(figures: pd.DataFrame) -> dict[str, int]:
    """How many figures are curated, derived and in total.

    The three counts every command prints, by the names
    :data:`~futian_indicators.vocab.FIGURE_COUNTS` gives them.

    Examples
    --------
    >>> import futian_indicators as fi
    >>> counts = figure_counts(fi.load_figures())
    >>> counts["curated"] + counts["derived"] == counts["total"]
    True
    """
    derived = int((figures["status"] == "derived").sum())
    return {"curated": len(figures) - derived, "derived": derived, "total": len(figures)}


def figures_of(
    indicator: str,
    *,
    geo: str = "futian",
    status: str | list[str] | None = None,
    version: str | None = None,
) -> pd.DataFrame:
    """The figures of one indicator, area and status; the package's error for an area without any.

    What :func:`series` reads. An area for which no letter reports the indicator is a question
    the letters do not answer: it is said, with the areas that do have figures, rather than
    returned as an empty table (as :func:`~futian_indicators.plot.plot_series` does). An area
    that has figures, but none of the status asked for, gives an empty table: the indicator is
    reported there, only not as a target (say).

    Raises
    ------
    ArgumentError
        When no figure of the indicator is of that area; the message names the areas that have
        figures.
    UnknownValueError
        For an unknown indicator, area or status.
    """
    indicator = resolve_indicator(indicator, version=version)
    figures = load_figures(indicator=indicator, geo=geo, status=status, version=version)
    if figures.empty:
        everywhere = load_figures(indicator=indicator, version=version)
        if not everywhere["geo"].eq(geo).any():
            raise no_figures_error(indicator, geo, everywhere)
    return figures


def no_figures_error(
    indicator: str, geo: str, everywhere: pd.DataFrame, *, left_out: str = ""
) -> ArgumentError:
    """The error for an area no figure of the indicator is of, naming the areas that have some.

    ``everywhere`` holds the indicator's figures of every area; ``left_out`` says what a caller
    did not look at (`` (derived figures left out)``).
    """
    areas = ", ".join(repr(g) for g in dict.fromkeys(everywhere["geo"])) or "none"
    return ArgumentError(
        f"no figure of indicator {indicator!r} for geo {geo!r}{left_out}; "
        f"areas it is reported for: {areas}"
    )


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
        An indicator id, name or alias, in any case: ``"gdp"``, ``"GDP"``, ``"国高"``
        (:func:`~futian_indicators.api.resolve_indicator`).
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

    Raises
    ------
    ArgumentError
        When no letter reports the indicator for that area: the message names the areas that
        have figures, as :func:`~futian_indicators.plot.plot_series` does. An area with figures
        but none of the status asked for gives an empty table, with the columns and dtypes.

    Examples
    --------
    >>> import futian_indicators as fi
    >>> gdp = fi.series("gdp").iloc[0]
    >>> gdp["period"], float(gdp["value"]), gdp["source_ids"]
    ('2024', 594882000000.0, 'cppcc-2025136')
    """
    statuses = [status, "derived"] if derived and status != "derived" else [status]
    figures = figures_of(indicator, geo=geo, status=statuses, version=version)
    rows = []
    for _, group in figures.groupby("period", sort=False):
        is_derived = (group["status"] == "derived").to_numpy()
        if status == "derived" or is_derived.all():
            rows.append(_reconcile(group, group.iloc[:0]))
        else:
            rows.append(_reconcile(group[~is_derived], group[is_derived]))
    dtypes = load_table("figures", version=version).dtypes.to_dict()
    dtypes |= {"n_figures": "int64", "figure_ids": "str", "source_ids": "str"}
    dtypes |= {"consistent": bool, "derived_lower": float, "derived_upper": float}
    dtypes |= {"derived_ids": "str"}
    frame = pd.DataFrame(rows, columns=list(SERIES_COLUMNS))
    frame = frame.astype({column: dtypes[column] for column in SERIES_COLUMNS})
    return frame.sort_values(["period_end", "period_start", "period"], ignore_index=True)


PERIOD_COVERAGE_COLUMNS = ("indicator_id", "geo", "actual_periods", "derived_periods", "n_periods")
"""Columns of :func:`period_coverage`."""


def _periods(figures: pd.DataFrame) -> list[str]:
    ordered = figures.sort_values(["period_end", "period_start", "period"])
    return list(dict.fromkeys(ordered["period"]))


def period_coverage(*, version: str | None = None) -> pd.DataFrame:
    """Which periods each indicator has actual figures for, and which only derived ones add.

    What to expect of :func:`series` before asking it: most indicators are reported for one
    period only, and a second period often exists only as a derived figure (GDP of 2023 from a
    share). ``actual_periods`` and ``derived_periods`` are separated by ``;``
    (:data:`~futian_indicators.vocab.LIST_SEPARATOR`), in time order; ``n_periods`` counts both.

    Returns
    -------
    DataFrame
        One row per indicator and area that has actual or derived figures, sorted by indicator
        and area; columns :data:`PERIOD_COVERAGE_COLUMNS`.

    Examples
    --------
    >>> import futian_indicators as fi
    >>> row = period_coverage().set_index("indicator_id").loc["gdp"]
    >>> row["actual_periods"], row["derived_periods"]
    ('2024', '2023')
    """
    figures = load_figures(status=["actual", "derived"], version=version)
    rows = []
    for (indicator, geo), group in figures.groupby(["indicator_id", "geo"], sort=True):
        actual = _periods(group[group["status"] == "actual"])
        derived = [p for p in _periods(group[group["status"] == "derived"]) if p not in actual]
        joined = (LIST_SEPARATOR.join(actual), LIST_SEPARATOR.join(derived))
        rows.append((indicator, geo, *joined, len(actual) + len(derived)))
    frame = pd.DataFrame(rows, columns=list(PERIOD_COVERAGE_COLUMNS))
    return frame.astype({"n_periods": "int64"} | dict.fromkeys(PERIOD_COVERAGE_COLUMNS[:4], "str"))


def period_coverage_markdown(
    indicators: Iterable[str] | None = None, *, min_periods: int = 2, version: str | None = None
) -> str:
    """:func:`period_coverage` as a Markdown table: the README's and the docs index's.

    Parameters
    ----------
    indicators : iterable of str, optional
        Only these indicators (ids), in this order, whatever their number of periods; by
        default every indicator with at least ``min_periods`` periods.
    min_periods : int, default 2
        Leave out the indicators with fewer periods (when ``indicators`` is not given).
    """
    frame = period_coverage(version=version)
    if indicators is None:
        frame = frame[frame["n_periods"] >= min_periods]
    else:
        order = {indicator: i for i, indicator in enumerate(indicators)}
        frame = frame[frame["indicator_id"].isin(order)]
        frame = frame.sort_values("indicator_id", key=lambda s: s.map(order), kind="stable")
    lines = [
        "| indicator | area | actual figures for | derived figures add |",
        "|---|---|---|---|",
    ]
    for row in frame.itertuples(index=False):
        actual, derived = (
            str(p).replace(LIST_SEPARATOR, ", ") or "-"
            for p in (row.actual_periods, row.derived_periods)
        )
        lines.append(f"| `{row.indicator_id}` | {row.geo} | {actual} | {derived} |")
    return "\n".join(lines) + "\n"
