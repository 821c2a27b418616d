"""Citations: the dataset with its version and content hash, and a figure with its letter.

A researcher cites the data version used, and the content hash proves which tables those were;
citing a figure also names the letter it comes from (issuer, document number, date) and quotes
the letter's words.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

import pandas as pd

from .api import load_dataset, load_table
from .errors import UnknownValueError
from .vocab import SOURCE_KIND_WORDS

STYLES = ("apa", "bibtex", "text")
"""Citation styles :func:`cite` writes."""

_AUTHOR = "futian-indicators contributors"

_MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]


def apa_date(date: pd.Timestamp) -> str:
    """A date as APA writes it in a reference: ``2023, October 16`` (whatever the locale).

    Examples
    --------
    >>> apa_date(pd.Timestamp("2023-10-16"))
    '2023, October 16'
    """
    return f"{date.year}, {_MONTHS[date.month - 1]} {date.day}"


def _kind(kind: str, doc_number: str) -> str:
    """What a letter is, in English: ``Reply to CPPCC proposal No. 2025136``."""
    words = SOURCE_KIND_WORDS.get(kind)
    if words is None:
        return f"Reply No. {doc_number}"
    return f"Reply to {words.body_en_full} {words.item_en} No. {doc_number}"


def _short_hash(dataset: Mapping[str, Any]) -> str:
    return f"sha256:{str(dataset['content_sha256'])[:16]}"


def _year(dataset: Mapping[str, Any]) -> str:
    released = dataset.get("date_released")
    return str(released)[:4] if released else "n.d."


def _dataset_citation(style: str, version: str | None) -> str:
    d = load_dataset(version=version)
    title, version, content = d["title"], d["version"], _short_hash(d)
    if style == "bibtex":
        key = "futian_indicators_" + re.sub(r"\W", "_", version)
        year = f"  year = {{{_year(d)}}},\n" if _year(d) != "n.d." else ""
        return (
            f"@misc{{{key},\n  author = {{{{{_AUTHOR}}}}},\n  title = {{{{{title}}}}},\n"
            f"{year}  version = {{{version}}},\n"
            f"  note = {{Data set, version {version}, content {content}}}\n}}"
        )
    if style == "apa":
        return f"{_AUTHOR}. ({_year(d)}). {title} (Version {version}) [Data set]. {content}."
    return f"{title}, data version {version} ({content})."


def _letter(source: Mapping[Any, Any]) -> dict[str, str]:
    date = source["date"]
    dated = "" if pd.isna(date) else date.strftime("%Y-%m-%d")
    issuer = (
        source["issuer_zh"]
        if isinstance(source["issuer_zh"], str)
        else "福田区 (issuer not stated)"
    )
    kind = _kind(str(source["kind"]), str(source["doc_number"]))
    return {
        "issuer": issuer,
        "date": dated,
        "apa_date": "n.d." if pd.isna(date) else apa_date(date),
        "title": str(source["title_zh"]),
        "kind": kind,
        "year": dated[:4] or "n.d.",
    }


def _figure_citation(figure_id: str, style: str, version: str | None) -> str:
    figures = load_table("figures", version=version).set_index("figure_id")
    if figure_id not in figures.index:
        raise UnknownValueError("figure id", figure_id, figures.index)
    figure = figures.loc[figure_id]
    dataset = _dataset_citation(style, version)
    if not isinstance(figure["source_id"], str) or not isinstance(figure["quote"], str):
        basis = figure["derived_from"]
        note = f"derived figure {figure_id} ({figure['value_as_reported']}), from {basis}"
        return f"{dataset}\n{note}" if style != "bibtex" else f"{dataset}\n% {note}"
    sources = load_table("sources", version=version).set_index("source_id")
    letter = _letter(sources.loc[figure["source_id"]].to_dict())
    quote = figure["quote"]
    if style == "bibtex":
        key = re.sub(r"\W", "_", figure_id)
        entry = (
            f"@misc{{{key},\n  author = {{{{{letter['issuer']}}}}},\n"
            f"  title = {{{letter['title']}}},\n  year = {{{letter['year']}}},\n"
            f"  note = {{{letter['kind']}, {letter['date'] or 'undated'}. Quoted: “{quote}”}}\n}}"
        )
        return f"{entry}\n{dataset}"
    if style == "apa":
        when = f"({letter['apa_date']})"
        return (
            f"{letter['issuer']}. {when}. {letter['title']} [{letter['kind']}]. "
            f"Quoted in {dataset.rstrip('.')}, figure {figure_id}: “{quote}”."
        )
    return (
        f"“{quote}” ({letter['issuer']}, {letter['kind']}, {letter['date'] or 'undated'}); "
        f"figure {figure_id} in {dataset}"
    )


def cite(figure_id: str | None = None, *, style: str = "apa", version: str | None = None) -> str:
    """Cite the dataset, or one figure and its letter.

    Parameters
    ----------
    figure_id : str, optional
        A figure id (``<source_id>/<slug>``); without it, the dataset is cited.
    style : {"apa", "bibtex", "text"}, default "apa"
    version : str, optional
        The data version to cite (:func:`~futian_indicators.data_versions`), with its content
        hash and the figure as that version has it; by default the bundled one.

    Returns
    -------
    str
        The citation; the dataset's names its data version and content hash.

    Raises
    ------
    UnknownValueError
        For an unknown figure id, style or data version (the message names the closest valid
        ones).

    Examples
    --------
    >>> import futian_indicators as fi
    >>> "[Data set]" in fi.cite()
    True
    >>> "辖区国家高新技术企业达1503家" in fi.cite("cppcc-2023103/high-tech-enterprises-2023")
    True
    """
    if style not in STYLES:
        raise UnknownValueError("citation style", style, STYLES)
    if figure_id is None:
        return _dataset_citation(style, version)
    return _figure_citation(figure_id, style, version)
