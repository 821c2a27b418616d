"""What each command of ``futian-indicators`` prints: one function a command.

Each function takes the command's options as keyword arguments, calls the package's public
readers (with ``version=``) or the build's jobs (:mod:`futian_indicators.build.pipeline`), and
returns a :class:`Reply`: the text, where it goes and the exit status. The command line
(:mod:`futian_indicators.cli`) only parses arguments and prints the reply.
"""

from __future__ import annotations

import math
import textwrap
from collections.abc import Hashable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pandas as pd

from . import __version__, api, vocab
from .display import format_interval, format_value

HEADLINE_INDICATORS = (
    "gdp",
    "high_tech_enterprises",
    "rd_expenditure",
    "strategic_emerging_industries_value_added",
    "invention_patent_grants",
    "ip_pledge_financing",
)
"""The series ``summary`` shows."""


@dataclass(frozen=True, slots=True)
class Reply:
    """What a command prints and how it ends."""

    text: str
    """Printed as it is (it carries its own line ends)."""
    status: int = 0
    """The exit status: 0 ok, 1 a data problem, 2 a usage error."""
    to_stderr: bool = False
    """Whether the text goes to standard error rather than standard output."""


def _lines(*parts: str) -> str:
    return "".join(part + "\n" for part in parts)


def table(rows: list[list[str]], header: list[str]) -> str:
    """Left-aligned columns, widths measured in display cells (a CJK character takes two).

    Examples
    --------
    >>> print(table([["gdp", "地区生产总值"]], ["indicator", "name_zh"]))
    indicator  name_zh
    gdp        地区生产总值
    """

    def cells(text: str) -> int:
        return sum(2 if ord(ch) > 0x2E7F else 1 for ch in text)

    widths = [max(cells(r[i]) for r in [header, *rows]) for i in range(len(header))]
    lines = [
        "  ".join(
            text + " " * (width - cells(text)) for text, width in zip(row, widths, strict=True)
        )
        for row in [header, *rows]
    ]
    return "\n".join(line.rstrip() for line in lines)


def _reconciled(row: Mapping[Hashable, Any]) -> str:
    """A series value as people read it: the unit they use, a bound shown as a bound."""
    if not row["consistent"]:
        return "letters disagree"
    if math.isinf(row["upper"]):
        sign = "≥ " if row["lower_closed"] else "> "
        return sign + format_value(row["lower"], row["unit"])
    return format_value(row["value"], row["unit"])


_COUNT = vocab.FIGURE_COUNTS


def _counted(counts: Mapping[str, int]) -> str:
    """``157 curated figures + 12 derived figures = 169 figures in total``."""
    return " + ".join(f"{counts[k]} {_COUNT[k]}" for k in ("curated", "derived")) + (
        f" = {counts['total']} {_COUNT['total']}"
    )


def _coverage(mentions: pd.DataFrame, curated: int) -> str:
    """One line: how many of the numbers in the letters are accounted for, and how.

    Counted in numbers, not figures: one number may be the quantity of several curated figures
    (the same 1100亿元 as a level and as a target), so it says of how many.
    """
    figures = int(mentions["figure_id"].notna().sum())
    reasons = int(mentions["reason"].notna().sum())
    total = len(mentions)
    share = f"{(figures + reasons) / total:.0%}" if total else "n/a"
    return (
        f"Coverage: {figures + reasons} of {total} numbers in the letters accounted for ({share}): "
        f"{figures} numbers are the quantities of the {curated} {_COUNT['curated']}, "
        f"{reasons} are not figures (dates, document numbers, ordinals, ...)"
    )


def _headline_series(figures: pd.DataFrame, version: str | None) -> str:
    from . import series

    indicators = set(figures["indicator_id"])
    rows = []
    for indicator in (i for i in HEADLINE_INDICATORS if i in indicators):
        for r in series(indicator, version=version).to_dict("records"):
            letters = r["source_ids"].replace(vocab.LIST_SEPARATOR, ", ")
            rows.append([indicator, r["period"], _reconciled(r), letters])
    return table(rows, ["indicator", "period", "value", "letters"])


def summary(*, version: str | None = None) -> Reply:
    """``summary``: the data version, the letters, coverage, integrity, the headline series."""
    from . import (
        load_checks,
        load_figures,
        load_mentions,
        load_sources,
        load_targets,
        report,
        verify,
    )
    from .analysis import figure_counts

    every, sources = load_figures(version=version), load_sources(version=version)
    figures = every[every["status"] != "derived"]
    counts = figures["source_id"].value_counts()
    totals = figure_counts(every)
    rows = [
        [
            s["source_id"],
            s["date"].strftime("%Y-%m-%d") if pd.notna(s["date"]) else "undated",
            s["issuer_zh"] if pd.notna(s["issuer_zh"]) else "(not stated)",
            str(counts.get(s["source_id"], 0)),
        ]
        for s in sources.to_dict("records")
    ]
    letters = table(rows, ["source", "date", "issuer", _COUNT["curated"]])
    return Reply(
        _lines(
            f"futian-indicators {__version__}, data version {api.data_version(version)}: "
            f"{len(sources)} letters; {_counted(totals)}\n",
            "Letters\n" + textwrap.indent(letters, "  "),
            "\n" + _coverage(load_mentions(version=version), totals["curated"]),
            f"Integrity: {len(verify())} bundled tables verified against the manifest (sha256)",
            "Consistency (where the letters agree): "
            + report.counts(load_checks(version=version))
            + " (futian-indicators check)",
            "Targets (progress, not consistency): "
            + report.target_counts(load_targets(version=version))
            + " (futian-indicators targets)",
            "\nHeadline series (Futian, actual)\n"
            + textwrap.indent(_headline_series(figures, version), "  "),
        )
    )


def list_indicators(*, version: str | None = None) -> Reply:
    """``list``: the indicators, with how many curated and derived figures each has."""
    from . import load_figures, load_indicators
    from .analysis import figure_counts

    figures = load_figures(version=version)
    by_indicator = {i: figure_counts(group) for i, group in figures.groupby("indicator_id")}
    none = figure_counts(figures.iloc[:0])
    rows = [
        [
            i["indicator_id"],
            i["name_zh"],
            i["unit"],
            str(by_indicator.get(i["indicator_id"], none)["curated"]),
            str(by_indicator.get(i["indicator_id"], none)["derived"]),
            i["name_en"],
        ]
        for i in load_indicators(version=version).to_dict("records")
    ]
    header = ["indicator", "name_zh", "unit", _COUNT["curated"], _COUNT["derived"], "name_en"]
    total = f"{len(rows)} indicators; {_counted(figure_counts(figures))}"
    return Reply(_lines(table(rows, header), total))


def show(indicator: str, *, version: str | None = None) -> Reply:
    """``show``: every report of one indicator, with its quote and interval.

    The indicator may be an id, a name or an alias, in any case (``show GDP``, ``show 国高``).
    A derived figure has no words of its own: it is shown with the figures it is derived from.
    """
    from . import load_figures
    from .analysis import figure_counts
    from .api import resolve_indicator

    indicator = resolve_indicator(indicator, version=version)
    figures = load_figures(indicator=indicator, version=version)
    lines = []
    for f in figures.to_dict("records"):
        interval = format_interval(f["lower"], f["upper"], f["unit"])
        lines += [
            f"{f['figure_id']}  [{f['geo']}, {f['period']}, {f['status']}]",
            f"  {f['value_as_reported']} ({f['qualifier']}): {interval}",
            _words(f),
        ]
        if pd.notna(f["note"]):
            lines.append(
                textwrap.fill(
                    f["note"], width=96, initial_indent="  note: ", subsequent_indent="        "
                )
            )
    lines.append(f"{_counted(figure_counts(figures))} of {indicator}")
    return Reply(_lines(*lines))


def _words(figure: Mapping[Hashable, Any]) -> str:
    """Where a figure comes from: its quote and offsets, or the figures it is derived from."""
    if isinstance(figure["quote"], str):
        return f"  “{figure['quote']}” (chars {figure['char_start']}-{figure['char_end']})"
    basis = str(figure["derived_from"]).replace(vocab.LIST_SEPARATOR, ", ")
    return f"  derived from {basis}"


def check(
    *, status: list[str] | None = None, markdown: bool = False, version: str | None = None
) -> Reply:
    """``check``: the consistency report; exit status 1 when a check of severity error fails."""
    from . import load_checks, load_rules, report

    checks = load_checks(status=status or None, version=version)
    if markdown:
        text = report.markdown(checks, load_rules(version=version), api.data_version(version))
    else:
        text = _lines(report.text(checks))
    failed = (checks["status"] == "fail") & (checks["severity"] == "error")
    return Reply(text, 1 if failed.any() else 0)


def targets(*, outcome: list[str] | None = None, version: str | None = None) -> Reply:
    """``targets``: every target or plan against its latest comparable actual."""
    from . import load_targets, report

    return Reply(_lines(report.targets_text(load_targets(outcome=outcome, version=version))))


def cite(figure_id: str | None, *, style: str, version: str | None = None) -> Reply:
    """``cite``: the dataset's citation, or one figure's and its letter's."""
    from .cite import cite as citation

    return Reply(_lines(citation(figure_id, style=style, version=version)))


def export(
    out: Path,
    fmt: str,
    *,
    series: list[str] | None = None,
    excel: bool = False,
    version: str | None = None,
) -> Reply:
    """``export``: write every table of a data version, and series, to a folder."""
    from .export import export as write_tables

    written = write_tables(out, fmt, series=series or (), excel=excel, version=version)
    names = ", ".join(p.name for p in written)
    return Reply(_lines(f"wrote {len(written)} files to {out}: {names}"))


def versions() -> Reply:
    """``versions``: the data versions this package can load."""
    from .versions import data_versions

    rows = [
        [
            r["version"],
            "current" if r["current"] else "",
            r["date_released"].strftime("%Y-%m-%d")
            if pd.notna(r["date_released"])
            else "unreleased",
            str(r["curated_figures"]),
            str(r["derived_figures"]),
            str(r["figures"]),
        ]
        for r in data_versions().to_dict("records")
    ]
    header = ["version", "", "released", *(_COUNT[k] for k in ("curated", "derived", "total"))]
    return Reply(_lines(table(rows, header)))


def _rows(rows: Mapping[str, int]) -> str:
    return ", ".join(f"{name} {count}" for name, count in rows.items())


def build(root: Path, *, check_only: bool = False) -> Reply:
    """``build`` (``--check``): build the tables from data/raw, or tell whether they are stale."""
    from .build import pipeline
    from .build.store import PACKAGE_DATA_DIR, PROCESSED_DIR

    if check_only:
        freshness = pipeline.check(root)
        if freshness.stale:
            text = "processed data is stale; run 'futian-indicators build' and commit:\n  "
            return Reply(_lines(text + "\n  ".join(freshness.stale)), 1, to_stderr=True)
        return Reply(_lines(f"processed data is up to date ({_rows(freshness.rows)} rows)"))
    rows = pipeline.build(root)
    return Reply(_lines(f"built {_rows(rows)} rows into {PROCESSED_DIR} and {PACKAGE_DATA_DIR}"))


def release(root: Path) -> Reply:
    """``release``: freeze the current data version into the archive."""
    from .build import pipeline

    return Reply(_lines(pipeline.release(root)))


def extract(
    letter: Path,
    *,
    source_id: str,
    root: Path,
    out: Path | None,
    force: bool,
    review: Path | None = None,
) -> Reply:
    """``extract``: add a letter to data/raw with a draft of its figures, to review."""
    from .drafting import draft_letter

    report = draft_letter(letter, source_id, root=root, out=out, force=force, review_path=review)
    return Reply(_lines(report.summary()))


_DIM, _RESET = "\x1b[2m", "\x1b[0m"


def _letter_text(view: Any, *, colour: bool) -> str:
    """The letter's paragraphs: a figure's number as ``[number][index]``, other numbers dim."""
    from .letters import layout, visible

    paragraphs = []
    for pieces in layout(view):
        words = []
        for start, end, mark in pieces:
            text = visible(view.text, start, end)
            if mark is None:
                words.append(text)
            elif mark.figure_ids:
                numbers = ",".join(str(view.figures[i].number) for i in mark.figure_ids)
                words.append(f"[{text}][{numbers}]")
            else:
                words.append(f"{_DIM}{text}{_RESET}" if colour else text)
        paragraphs.append("".join(words))
    return "\n\n".join(paragraphs)


def _footnotes(view: Any) -> list[list[str]]:
    return [
        [
            f"[{f.number}]",
            f.slug,
            f.status,
            f.period,
            f.area,
            f.value_as_reported,
            f.interval,
            f.indicator_zh,
        ]
        for f in view.figures.values()
    ]


def letter(
    source_id: str, *, html: Path | None = None, version: str | None = None, colour: bool = False
) -> Reply:
    """``letter``: the letter with its numbers marked; with ``html``, its page written there."""
    from .core.files import write_atomically
    from .letters import read_letter, render_letter

    view = read_letter(source_id, version=version)
    others = sum(1 for m in view.marks if not m.figure_ids)
    counts = f"{len(view.figures)} figures, {others} other numbers"
    if html is not None:
        write_atomically(html, render_letter(source_id, version=version).encode())
        return Reply(_lines(f"wrote {html}: the letter {source_id} ({counts})"))
    header = ["", "figure", "status", "period", "area", "as reported", "interval", "indicator"]
    return Reply(
        _lines(
            f"{source_id} (data version {view.data_version}): {counts}; "
            "[number][index] is a figure" + (", dim numbers are not figures" if colour else ""),
            "",
            _letter_text(view, colour=colour),
            "",
            table(_footnotes(view), header),
        )
    )
