"""Loaders and the series helper: the public way to read the bundled tables.

Every function returns a plain :class:`pandas.DataFrame` with the same columns and dtypes whatever
the filter (an empty result keeps them), sorted by its key. A filter value that does not exist
raises :class:`~futian_indicators.errors.UnknownValueError`, naming the closest valid values.
"""

from __future__ import annotations

import math
from collections.abc import Collection, Iterable

import pandas as pd

from . import _resources, vocab
from .errors import UnknownValueError

Filter = str | Iterable[str] | None

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
)
"""Columns of :func:`series`."""


def _values(value: Filter) -> list[str] | None:
    if value is None:
        return None
    if isinstance(value, str):
        return [value]
    return list(value)


def _select(
    frame: pd.DataFrame, column: str, value: Filter, what: str, valid: Collection[str]
) -> pd.DataFrame:
    wanted = _values(value)
    if wanted is None:
        return frame
    for item in wanted:
        if item not in valid:
            raise UnknownValueError(what, item, valid)
    return frame[frame[column].isin(wanted)]


def _raw_table(name: str, version: str | None) -> pd.DataFrame:
    """A bundled table (not a copy): the current one, or the one a released version shipped."""
    current = str(_resources.manifest()["data_version"])
    if version is None or version == current:
        return _resources.table(name)
    released = _resources.release_index()["versions"]
    if version not in released:
        raise UnknownValueError("data version", version, [*released, current])
    return _resources.release_table(version, name)


def _table(name: str, version: str | None = None) -> pd.DataFrame:
    return _raw_table(name, version).copy()


def load_sources(*, version: str | None = None) -> pd.DataFrame:
    """The letters: one row per letter, with its document number, issuer, date and sha256.

    Examples
    --------
    >>> import futian_indicators as fi
    >>> fi.load_sources().loc[0, "source_id"]
    'cppcc-20210091'
    """
    return _table("sources", version)


def load_indicators(*, version: str | None = None) -> pd.DataFrame:
    """The codebook: one row per indicator, with its names, unit, measure and aliases."""
    return _table("indicators", version)


def load_figures(
    *,
    indicator: Filter = None,
    source: Filter = None,
    geo: Filter = None,
    status: Filter = None,
    version: str | None = None,
) -> pd.DataFrame:
    """Every figure as a letter reports it, with its quote and the interval its words allow.

    Parameters
    ----------
    indicator, source, geo, status : str or list of str, optional
        Keep only these indicator ids, source ids, areas or statuses.
    version : str, optional
        A data version (see :func:`data_versions`); by default the current one. Every loader
        takes it: a paper that cites version 1.0.0 gets the same numbers back.

    Returns
    -------
    DataFrame
        One row per figure, sorted by ``figure_id``; columns as documented in the data dictionary.

    Raises
    ------
    UnknownValueError
        When a filter value does not exist; the message names the closest valid ones.

    Examples
    --------
    >>> import futian_indicators as fi
    >>> gdp = fi.load_figures(indicator="gdp", source="cppcc-2025136")
    >>> gdp[["period", "value", "value_as_reported"]].to_string(index=False)
    'period        value value_as_reported\\n  2024 5.948820e+11      5948.82 亿元'
    """
    frame = _table("figures", version)
    ids = _raw_table("indicators", version)["indicator_id"]
    frame = _select(frame, "indicator_id", indicator, "indicator", set(ids))
    sources = _raw_table("sources", version)["source_id"]
    frame = _select(frame, "source_id", source, "source", set(sources))
    frame = _select(frame, "geo", geo, "geo", vocab.GEOS)
    frame = _select(frame, "status", status, "status", vocab.STATUSES)
    return frame.reset_index(drop=True)


def load_mentions(
    *, source: Filter = None, kind: Filter = None, version: str | None = None
) -> pd.DataFrame:
    """Every number mention in every letter, and the figure or reason that accounts for it.

    Parameters
    ----------
    source : str or list of str, optional
        Keep only these letters.
    kind : str or list of str, optional
        Keep only these kinds (``quantity``, ``rank``, ``date``, ``doc_number``, ``ordinal``,
        ``code``, ``duration``).

    Returns
    -------
    DataFrame
        One row per mention, sorted by letter and position: ``start``/``end`` index the raw
        letter; ``figure_id`` is set when the mention is a figure's quantity, ``reason`` otherwise.
    """
    frame = _table("mentions", version)
    sources = _raw_table("sources", version)["source_id"]
    frame = _select(frame, "source_id", source, "source", set(sources))
    frame = _select(frame, "kind", kind, "kind", vocab.MENTION_KINDS)
    return frame.reset_index(drop=True)


def load_errata(*, version: str | None = None) -> pd.DataFrame:
    """Corrections to released figures: figure, field, before, after, data version, date, reason.

    Every correction is also told in CHANGELOG.md; :func:`diff` shows all changes, corrected or
    added, between two versions.
    """
    return _table("errata", version)


def load_rules(*, version: str | None = None) -> pd.DataFrame:
    """The consistency rules: id, kind, severity, label, definition (JSON), note and guard."""
    return _table("rules", version)


def load_checks(
    *, status: Filter = None, severity: Filter = None, version: str | None = None
) -> pd.DataFrame:
    """The result of every consistency rule over the bundled figures.

    Parameters
    ----------
    status : str or list of str, optional
        Keep only these results: ``pass``, ``tension``, ``fail``, ``not_applicable``.
    severity : str or list of str, optional
        Keep only these severities: ``error``, ``warning``, ``info``.

    Returns
    -------
    DataFrame
        One row per evaluated rule instance, sorted by ``check_id``: the figures and letters it
        rests on, the strict intervals compared, and a message quoting the letters' words.

    Examples
    --------
    >>> import futian_indicators as fi
    >>> set(fi.load_checks()["status"]) <= {"pass", "tension", "fail", "not_applicable"}
    True
    """
    frame = _table("checks", version)
    frame = _select(frame, "status", status, "status", vocab.CHECK_STATUSES)
    frame = _select(frame, "severity", severity, "severity", vocab.SEVERITIES)
    return frame.reset_index(drop=True)


def run_checks(figures: pd.DataFrame | None = None, *, version: str | None = None) -> pd.DataFrame:
    """Evaluate the consistency rules over a figures table (by default the bundled one).

    Use it on a table of your own (the bundled figures with a value corrected, or with figures
    of a new letter added): it needs the columns of :func:`load_figures`. Figures with status
    ``derived`` are ignored and derived again from the others.

    Parameters
    ----------
    figures : DataFrame, optional
        The figures to check; by default those of ``version``.
    version : str, optional
        The data version whose rules and codebook (units) are applied, and whose figures are
        checked when ``figures`` is not given; by default the bundled one.

    Returns
    -------
    DataFrame
        The ``checks`` table for those figures (as :func:`load_checks`).

    Raises
    ------
    FutianIndicatorsError
        When a rule names a figure the table does not have.
    """
    from .consistency.engine import CHECK_COLUMNS, evaluate, rules_from_table

    if figures is None:
        figures = load_figures(version=version)
    figures = figures[figures["status"] != "derived"].reset_index(drop=True)
    indicators = _table("indicators", version)
    units = dict(zip(indicators["indicator_id"], indicators["unit"], strict=True))
    rows, _ = evaluate(rules_from_table(_table("rules", version)), figures, units)
    frame = pd.DataFrame(rows, columns=list(CHECK_COLUMNS))
    frame = frame.astype(_table("checks", version).dtypes.to_dict())
    return frame.sort_values("check_id", ignore_index=True)


def _intersection(reports: pd.DataFrame) -> tuple[float, float, bool, bool]:
    """The intersection of the reports' strict intervals: lower, upper and whether each is closed.

    At a shared end, the intersection is closed only if every interval ending there is.
    """
    lower, upper = float(reports["lower"].max()), float(reports["upper"].min())
    lower_closed = bool(reports.loc[reports["lower"] == lower, "lower_closed"].all())
    upper_closed = bool(reports.loc[reports["upper"] == upper, "upper_closed"].all())
    return lower, upper, lower_closed, upper_closed


def _inside(values: pd.Series, lower: float, upper: float, closed: tuple[bool, bool]) -> pd.Series:
    above = (values > lower) | ((values == lower) & closed[0])
    below = (values < upper) | ((values == upper) & closed[1])
    return above & below


def _reconcile(reports: pd.DataFrame) -> dict[str, object]:
    """One period's reports -> the intersection of their strict intervals and a point value."""
    lower, upper, lower_closed, upper_closed = _intersection(reports)
    consistent = lower < upper or (lower == upper and lower_closed and upper_closed)
    inside = reports[_inside(reports["value"], lower, upper, (lower_closed, upper_closed))]
    if consistent and len(inside):
        widths = (inside["upper"] - inside["lower"]).to_numpy()
        value = float(inside["value"].to_numpy()[widths.argmin()])
    elif consistent and math.isfinite(lower) and math.isfinite(upper):
        value = (lower + upper) / 2
    else:
        value = math.nan
    first = reports.iloc[0]
    return {
        **{column: first[column] for column in _PERIOD_COLUMNS},
        "value": value,
        "lower": lower,
        "upper": upper,
        "lower_closed": lower_closed,
        "upper_closed": upper_closed,
        "n_figures": len(reports),
        "figure_ids": ";".join(reports["figure_id"]),
        "source_ids": ";".join(dict.fromkeys(reports["source_id"].dropna())),
        "consistent": consistent,
    }


def series(
    indicator: str,
    *,
    geo: str = "futian",
    status: str = "actual",
    derived: bool = False,
    version: str | None = None,
) -> pd.DataFrame:
    """One reconciled value per period of an indicator.

    For each period, the strict intervals of every letter that reports it are intersected:
    ``lower``/``upper`` are the intersection, ``value`` is the stated value of the most precise
    report inside it (or the intersection's midpoint when no stated value is inside it), and
    ``consistent`` is False, with ``value`` NaN, when the reports do not overlap
    (:func:`load_checks` says why).

    Parameters
    ----------
    indicator : str
        An indicator id, e.g. ``"gdp"``.
    geo : str, default "futian"
        The area.
    status : str, default "actual"
        ``"target"`` gives the series of targets.
    derived : bool, default False
        Also use the figures the consistency rules derive (a prior year's level implied by a
        growth rate, a total implied by a share): a period only they cover gets a row whose
        ``status`` is ``"derived"``.
    version : str, optional
        The data version (:func:`data_versions`); by default the bundled one.

    Returns
    -------
    DataFrame
        Columns ``SERIES_COLUMNS``; ``figure_ids`` and ``source_ids`` list the reports behind each
        value, separated by ``;``. Sorted by period end, then start.

    Examples
    --------
    >>> import futian_indicators as fi
    >>> gdp = fi.series("gdp").iloc[0]
    >>> gdp["period"], float(gdp["value"]), gdp["source_ids"]
    ('2024', 594882000000.0, 'cppcc-2025136')
    """
    statuses = [status, "derived"] if derived and status != "derived" else [status]
    figures = load_figures(indicator=indicator, geo=geo, status=statuses, version=version)
    figures = figures.sort_values("status", key=lambda s: s == "derived", kind="stable")
    rows = [_reconcile(group) for _, group in figures.groupby("period", sort=False)]
    dtypes = _table("figures", version).dtypes.to_dict()
    dtypes |= {"n_figures": "int64", "figure_ids": "string", "source_ids": "string"}
    dtypes |= {"consistent": bool}
    frame = pd.DataFrame(rows, columns=list(SERIES_COLUMNS))
    frame = frame.astype({column: dtypes[column] for column in SERIES_COLUMNS})
    return frame.sort_values(["period_end", "period_start", "period"], ignore_index=True)
