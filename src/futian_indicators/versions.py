"""Data versions: which ones this package can load, and what changed between two of them."""

from __future__ import annotations

import pandas as pd

from . import _resources
from .analysis import figure_counts
from .api import load_figures
from .core.changes import DIFF_FIELDS, as_text
from .core.semver import parse_semver

DATA_VERSION_COLUMNS = (
    "version",
    "date_released",
    "figures",
    "curated_figures",
    "derived_figures",
    "current",
)
"""Columns of :func:`data_versions`."""


def data_versions() -> pd.DataFrame:
    """Every data version this package can load: the released ones and the current one.

    Returns
    -------
    DataFrame
        ``version``, ``date_released`` (null while unreleased), ``figures`` (figures in total),
        ``curated_figures`` and ``derived_figures`` (the two kinds it is made of), ``current``
        (the version loaders give by default), sorted by version.
    """
    current = str(_resources.manifest()["data_version"])
    dates = {v: e["date_released"] for v, e in _resources.release_index()["versions"].items()}
    dates.setdefault(current, None)
    rows = []
    for version, released in dates.items():
        counts = figure_counts(load_figures(version=version))
        rows.append(
            {
                "version": version,
                "date_released": released,
                "figures": counts["total"],
                "curated_figures": counts["curated"],
                "derived_figures": counts["derived"],
                "current": version == current,
            }
        )
    frame = pd.DataFrame(rows, columns=DATA_VERSION_COLUMNS)
    frame["date_released"] = pd.to_datetime(frame["date_released"]).astype("datetime64[ns]")
    counts_dtype = dict.fromkeys(("figures", "curated_figures", "derived_figures"), "int64")
    frame = frame.astype({"version": "str", **counts_dtype, "current": bool})
    order = sorted(range(len(frame)), key=lambda i: parse_semver(frame["version"].iloc[i]))
    return frame.iloc[order].reset_index(drop=True)


def diff(old: str, new: str | None = None) -> pd.DataFrame:
    """What changed in the figures between two data versions.

    Parameters
    ----------
    old : str
        A data version (see :func:`data_versions`).
    new : str, optional
        A later data version; by default the current one.

    Returns
    -------
    DataFrame
        One row per change, sorted by figure id and field: ``figure_id``, ``change``
        (``added``, ``removed`` or ``changed``), ``field`` (for a change: which field;
        null for an added or removed figure), ``before`` and ``after`` (the values as text;
        floats in their exact round-trip form).

    Examples
    --------
    >>> import futian_indicators as fi
    >>> fi.diff(fi.DATA_VERSION).empty
    True
    """
    return diff_figures(load_figures(version=old), load_figures(version=new))


def diff_figures(old: pd.DataFrame, new: pd.DataFrame) -> pd.DataFrame:
    """:func:`diff` of two figures tables (for instance the bundled one and your corrections)."""
    before, after = old.set_index("figure_id"), new.set_index("figure_id")
    rows = [
        {"figure_id": f, "change": "removed", "field": None, "before": None, "after": None}
        for f in before.index.difference(after.index)
    ]
    rows += [
        {"figure_id": f, "change": "added", "field": None, "before": None, "after": None}
        for f in after.index.difference(before.index)
    ]
    fields = [f for f in DIFF_FIELDS if f in before.columns and f in after.columns]
    for figure_id in before.index.intersection(after.index):
        for field in fields:
            was, now = as_text(before.at[figure_id, field]), as_text(after.at[figure_id, field])
            if was != now:
                rows.append(
                    {
                        "figure_id": figure_id,
                        "change": "changed",
                        "field": field,
                        "before": was,
                        "after": now,
                    }
                )
    frame = pd.DataFrame(rows, columns=["figure_id", "change", "field", "before", "after"])
    frame = frame.astype("str")
    return frame.sort_values(["figure_id", "field"], ignore_index=True, na_position="first")
