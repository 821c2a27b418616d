"""Loaders: the public way to read the bundled tables, of the current or a released data version.

Every function returns a plain :class:`pandas.DataFrame` with the same columns and dtypes whatever
the filter (an empty result keeps them), sorted by its key. A filter value that does not exist
raises :class:`~futian_indicators.errors.UnknownValueError`, naming the closest valid values.
"""

from __future__ import annotations

import functools
from collections.abc import Collection, Iterable
from pathlib import PurePosixPath
from typing import Any

import pandas as pd

from . import _resources, vocab
from .core.semver import parse_semver
from .errors import ArgumentError, UnknownValueError, wrong_type
from .lookup import indicator_names, lookup_key, suggest_indicators
from .tabular import dataset_sha256

Filter = str | Iterable[str] | None

_FILTER_TYPES = "a str, a list of str or None"


def _values(value: Filter, parameter: str) -> list[str] | None:
    """A filter's values as a list; the package's error for anything but text or texts."""
    if value is None:
        return None
    if isinstance(value, str):
        return [value]
    if not isinstance(value, Iterable) or isinstance(value, bytes | dict):
        raise wrong_type(parameter, value, _FILTER_TYPES)
    values = list(value)
    for item in values:
        if not isinstance(item, str):
            raise wrong_type(parameter, item, "str values")
    return values


def _select(
    frame: pd.DataFrame, column: str, value: Filter, what: str, valid: Collection[str]
) -> pd.DataFrame:
    """Keep the rows whose ``column`` is one of ``value`` (the filter named ``what``)."""
    wanted = _values(value, what)
    if wanted is None:
        return frame
    for item in wanted:
        if item not in valid:
            raise UnknownValueError(what, item, valid)
    return frame[frame[column].isin(wanted)]


@functools.cache
def _indicator_names(version: str) -> tuple[dict[str, tuple[str, ...]], ...]:
    return indicator_names(_raw_table("indicators", version))


def resolve_indicator(indicator: str, *, version: str | None = None) -> str:
    """The indicator id that an id, an English or Chinese name or an alias stands for.

    Compared in any case and width (``GDP``, ``ｇｄｐ``); an id wins over a name, a name over an
    alias (``aliases_zh`` in :func:`load_indicators`). Every reader that takes an indicator
    resolves it with this function.

    Raises
    ------
    UnknownValueError
        When nothing matches; the message suggests ids by their ids, names and aliases.
    ArgumentError
        When the text is an alias of several indicators (it names them), or is not a str.

    Examples
    --------
    >>> resolve_indicator("国高"), resolve_indicator("GDP")
    ('high_tech_enterprises', 'gdp')
    """
    if not isinstance(indicator, str):
        raise wrong_type("indicator", indicator, "an indicator id, name or alias (str)")
    tiers = _indicator_names(data_version(version))
    key = lookup_key(indicator)
    for tier in tiers:
        ids = tier.get(key, ())
        if len(ids) == 1:
            return ids[0]
        if ids:
            named = ", ".join(repr(i) for i in ids)
            msg = f"indicator {indicator!r} names {len(ids)} indicators: {named}; give one id"
            raise ArgumentError(msg)
    raise UnknownValueError(
        "indicator",
        indicator,
        tiers[0],
        close=suggest_indicators(key, tiers),
        where_listed=f"the {len(tiers[0])} indicators are listed by fi.load_indicators() and "
        "'futian-indicators list'",
    )


def _indicators(value: Filter, version: str | None) -> list[str] | None:
    wanted = _values(value, "indicator")
    return None if wanted is None else [resolve_indicator(v, version=version) for v in wanted]


def _raw_table(name: str, version: str | None) -> pd.DataFrame:
    """A bundled table (not a copy): the current one, or the one a released version shipped."""
    wanted = data_version(version)
    if wanted == str(_resources.manifest()["data_version"]):
        return _resources.table(name)
    return _resources.release_table(wanted, name)


def _table(name: str, version: str | None = None) -> pd.DataFrame:
    return _raw_table(name, version).copy()


def load_table(name: str, *, version: str | None = None) -> pd.DataFrame:
    """Any bundled table by name, as a data version shipped it; the path every reader takes.

    Parameters
    ----------
    name : str
        A table's name: ``sources``, ``indicators``, ``figures``, ``evidence``, ``mentions``,
        ``errata``, ``rules``, ``checks``, ``derivations`` or ``targets``.
    version : str, optional
        A data version (see :func:`~futian_indicators.data_versions`); by default the current one.

    Returns
    -------
    DataFrame
        The whole table (a copy: callers may mutate it), unfiltered.

    Raises
    ------
    UnknownValueError
        For an unknown table name or data version.

    Examples
    --------
    >>> from futian_indicators.api import load_table
    >>> len(load_table("sources", version="1.0.0")) == len(load_table("sources"))
    True
    """
    names = _resources.table_names()
    if name not in names:
        raise UnknownValueError("table", name, names)
    return _table(name, version)


def data_version(version: str | None = None) -> str:
    """The data version a reader given ``version`` reads: ``version`` itself, or the current one.

    Raises
    ------
    UnknownValueError
        For a data version the package does not have.
    """
    current = str(_resources.manifest()["data_version"])
    if version is None or version == current:
        return current
    if not isinstance(version, str):
        raise wrong_type("version", version, "a data version such as '1.0.0' (str) or None")
    released = _resources.release_index()["versions"]
    if version not in released:
        known = {*released, current}
        # '1.0' means a 1.0.x: the versions it is a prefix of, newest first, before spelling
        within = sorted((v for v in known if v.startswith(f"{version}.")), key=parse_semver)
        raise UnknownValueError("data version", version, known, close=within[::-1] or None)
    return version


def load_dataset(*, version: str | None = None) -> dict[str, Any]:
    """The dataset's metadata as a citation needs it: title, version, date and content hash.

    ``content_sha256`` is the hash a citation names: of the data version's tables' canonical CSV
    (for a released version, its archived tables are named by their content hashes).

    Examples
    --------
    >>> from futian_indicators.api import load_dataset
    >>> load_dataset(version="1.0.0")["version"]
    '1.0.0'
    """
    manifest = _resources.manifest()
    dataset: dict[str, Any] = dict(manifest.get("dataset", {}))
    wanted = data_version(version)
    dataset["version"] = wanted
    if wanted == str(manifest["data_version"]):
        dataset["content_sha256"] = manifest.get("content_sha256", "")
        return dataset
    release = _resources.release_index()["versions"][wanted]
    hashes = {name: PurePosixPath(entry["file"]).stem for name, entry in release["tables"].items()}
    ordered = {name: hashes[name] for name in manifest["tables"] if name in hashes}
    dataset["content_sha256"] = dataset_sha256(ordered)
    dataset["date_released"] = release.get("date_released")
    return dataset


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


_BASIS_COLUMNS = tuple(f"{label}_basis" for label in vocab.LABELS)


def _select_labels(frame: pd.DataFrame, labels: str, version: str | None) -> pd.DataFrame:
    """Keep the figures whose labels rest on what ``labels`` asks (see :func:`load_figures`)."""
    if labels not in vocab.LABEL_FILTERS:
        raise UnknownValueError("labels filter", labels, vocab.LABEL_FILTERS)
    if labels == "any":
        return frame
    if not set(_BASIS_COLUMNS) <= set(frame.columns):
        msg = (
            f"labels={labels!r} needs the label bases, which data version "
            f"{data_version(version)} does not record (they came with 2.0.0); use labels='any' "
            "with that version, or a newer version"
        )
        raise ArgumentError(msg)
    bases = frame[list(_BASIS_COLUMNS)]
    curated = frame["status"] != "derived"  # a derived figure states nothing in any words
    if labels == "words":
        keep = curated & bases.isin(["quote", "context"]).all(axis=1)
    else:
        documented = bases.notna().all(axis=1) & ~bases.isin(["judgement"]).any(axis=1)
        keep = curated & documented & ~frame["doubtful"].astype(bool)
    return frame[keep.to_numpy()]


def load_figures(
    *,
    indicator: Filter = None,
    source: Filter = None,
    geo: Filter = None,
    status: Filter = None,
    labels: str = "any",
    version: str | None = None,
) -> pd.DataFrame:
    """Every figure as a letter reports it, with its quote and the interval its words allow.

    Parameters
    ----------
    indicator : str or list of str, optional
        Keep only the figures of these indicators, each given by its id, its English or Chinese
        name or an alias, in any case and width: ``"gdp"``, ``"GDP"``, ``"国高"``,
        ``"国家高新技术企业"`` (:func:`resolve_indicator`; ``futian-indicators list`` lists them).
    source : str or list of str, optional
        Keep only the figures of these letters, by source id (``"cppcc-2023103"``; see
        :func:`load_sources`). Derived figures have a letter only when all they rest on is in one.
    geo : str or list of str, optional
        Keep only the figures of these areas: ``"futian"`` (the district), ``"shenzhen"`` (the
        city, as in 从全市看), ``"hetao_shenzhen_park"`` (the Hetao Shenzhen Park),
        ``"hetao_zone"`` (the whole Hetao cooperation zone) or ``"hong_kong"`` (Hong Kong).
    status : str or list of str, optional
        Keep only the figures of these statuses: ``"actual"`` (a level or count achieved),
        ``"target"`` and ``"plan"`` (what a letter aims at), ``"policy"`` (a rule's parameter,
        such as a subsidy cap) or ``"derived"`` (computed by the package from other figures).
    labels : {"any", "documented", "words"}, default "any"
        Keep only the figures whose labels (period, geo, status) rest on what is asked:
        ``"any"`` keeps every figure; ``"documented"`` leaves out those with a label whose basis
        is ``judgement`` and those marked ``doubtful``; ``"words"`` keeps only those whose every
        label rests on the letter's words (basis ``quote`` or ``context``). Derived figures state
        nothing in any words: only ``"any"`` keeps them. Data versions before 2.0.0 record no
        bases: with them, only ``"any"`` is allowed (another value raises ``ArgumentError``
        rather than passing unverified labels off as documented).
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
    ArgumentError
        For ``labels`` other than ``"any"`` on a data version that records no label bases.
        When a filter is of the wrong type (``indicator=5``); it is also a :class:`TypeError`.

    Examples
    --------
    >>> import futian_indicators as fi
    >>> words = fi.load_figures(labels="words")
    >>> set(words["period_basis"]) <= {"quote", "context"}
    True
    >>> gdp = fi.load_figures(indicator="gdp", source="cppcc-2025136")
    >>> gdp[["period", "value", "value_as_reported"]].to_string(index=False)
    'period        value value_as_reported\\n  2024 5.948820e+11      5948.82 亿元'
    """
    frame = _table("figures", version)
    wanted = _indicators(indicator, version)
    if wanted is not None:
        frame = frame[frame["indicator_id"].isin(wanted)]
    sources = _raw_table("sources", version)["source_id"]
    frame = _select(frame, "source_id", source, "source", set(sources))
    frame = _select(frame, "geo", geo, "geo", vocab.GEOS)
    frame = _select(frame, "status", status, "status", vocab.STATUSES)
    frame = _select_labels(frame, labels, version)
    return frame.reset_index(drop=True)


def load_evidence(*, version: str | None = None) -> pd.DataFrame:
    """The words of the letters, other than the quotes, that state the figures' labels.

    One row per passage of a label (``period``, ``geo`` or ``status``) whose basis is
    ``context``: ``figure_id``, ``label``, ``text`` (verbatim from the normalised letter) and
    ``char_start``/``char_end`` (offsets into the raw letter, like a quote's). The build reads
    these words and fails unless they give the figure's label. Data versions before 2.0.0 have
    no evidence: for them the table is empty.

    Examples
    --------
    >>> import futian_indicators as fi
    >>> list(fi.load_evidence().columns)
    ['figure_id', 'label', 'text', 'char_start', 'char_end']
    """
    return _table("evidence", version)


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
        ``code``, ``duration``, ``page_number``).

    Returns
    -------
    DataFrame
        One row per mention, sorted by letter and position: ``char_start``/``char_end`` index
        the raw letter (data versions before 2.0.0 call them ``start``/``end``);
        ``figure_id`` is set when the mention is a figure's quantity, ``reason`` otherwise.
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
    """The rules: the consistency checks and the derivations.

    Columns: id, kind, severity, label, definition (JSON) and note.
    """
    return _table("rules", version)


def load_checks(
    *, status: Filter = None, severity: Filter = None, version: str | None = None
) -> pd.DataFrame:
    """The result of every consistency check: where the letters agree, and where they do not.

    Only relations that hold by definition or accounting are checks (agreement, monotone,
    identity, bound); targets are followed in :func:`load_targets`, derived figures in
    :func:`load_derivations`.

    Parameters
    ----------
    status : str or list of str, optional
        Keep only these results: ``pass``, ``tension``, ``fail`` (data versions before 2.0.0
        also have ``not_applicable``).
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
    >>> set(fi.load_checks()["status"]) <= {"pass", "tension", "fail"}
    True
    """
    frame = _table("checks", version)
    statuses = (*vocab.CHECK_STATUSES, *vocab.LEGACY_CHECK_STATUSES)
    frame = _select(frame, "status", status, "status", statuses)
    frame = _select(frame, "severity", severity, "severity", vocab.SEVERITIES)
    return frame.reset_index(drop=True)


def load_targets(*, outcome: Filter = None, version: str | None = None) -> pd.DataFrame:
    """Every target or plan figure against its latest comparable actual.

    Parameters
    ----------
    outcome : str or list of str, optional
        Keep only these outcomes: ``met``, ``possibly_met``, ``not_yet_met``, ``missed``
        (only for an actual of the target's own period), ``no_actual``.

    Returns
    -------
    DataFrame
        One row per target or plan figure, sorted by ``target_figure_id``: the threshold, the
        actual compared (a derived figure only where no letter states one, as
        ``actual_status`` says), the outcome, the gap and a message quoting the letters.
        Empty, with these columns, for a data version before 2.0.0.

    Examples
    --------
    >>> import futian_indicators as fi
    >>> set(fi.load_targets()["outcome"]) <= set(fi.vocab.TARGET_OUTCOMES)
    True
    """
    frame = _table("targets", version)
    frame = _select(frame, "outcome", outcome, "outcome", vocab.TARGET_OUTCOMES)
    return frame.reset_index(drop=True)


def load_derivations(*, version: str | None = None) -> pd.DataFrame:
    """The derivations: each figure the package derives, its inputs and what they rest on.

    One row per derivation rule, sorted by ``rule_id``: the derived figure, its expression and
    inputs, its intervals, the weakest basis of its inputs' labels (``input_basis``), the inputs
    whose labels rest on a judgement, and the doubtful inputs that kept it out. Empty, with these
    columns, for a data version before 2.0.0 (derived figures are in :func:`load_figures`).
    """
    return _table("derivations", version)


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
    from .consistency.engine import evaluate, rules_from_table

    if figures is None:
        figures = load_figures(version=version)
    figures = figures[figures["status"] != "derived"].reset_index(drop=True)
    indicators = _table("indicators", version)
    units = dict(zip(indicators["indicator_id"], indicators["unit"], strict=True))
    result = evaluate(rules_from_table(_table("rules", version)), figures, units)
    stored = _table("checks", version)  # the version's own columns and dtypes (its schema)
    frame = pd.DataFrame(result.checks, columns=list(stored.columns))
    frame = frame.astype(stored.dtypes.to_dict())
    return frame.sort_values("check_id", ignore_index=True)
