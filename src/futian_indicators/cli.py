"""The ``futian-indicators`` command (also ``python -m futian_indicators``).

Exit status: 0 ok, 1 a data problem (a failed build, stale or altered data), 2 a usage error
(an unknown command, indicator or option). Expected errors print one message, never a traceback.
"""

from __future__ import annotations

import argparse
import math
import sys
import textwrap
from collections.abc import Callable, Hashable, Mapping, Sequence
from pathlib import Path
from typing import Any

import pandas as pd

from . import __version__
from .display import format_interval, format_value
from .errors import FutianIndicatorsError

HEADLINE_INDICATORS = (
    "gdp",
    "high_tech_enterprises",
    "rd_expenditure",
    "strategic_emerging_industries_value_added",
    "invention_patent_grants",
    "ip_pledge_financing",
)
"""The series ``summary`` shows."""


def _table(rows: list[list[str]], header: list[str]) -> str:
    """Left-aligned columns, widths measured in display cells (a CJK character takes two)."""

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


def _coverage(mentions: pd.DataFrame) -> str:
    """One line: how many of the numbers in the letters are accounted for, and how."""
    figures = int(mentions["figure_id"].notna().sum())
    reasons = int(mentions["reason"].notna().sum())
    total = len(mentions)
    share = f"{(figures + reasons) / total:.0%}" if total else "n/a"
    return (
        f"Coverage: {figures + reasons} of {total} numbers in the letters accounted for ({share}): "
        f"{figures} figures, {reasons} not figures (dates, document numbers, ordinals, ...)"
    )


def _summary(args: argparse.Namespace) -> int:
    from . import (
        DATA_VERSION,
        load_checks,
        load_figures,
        load_mentions,
        load_sources,
        report,
        series,
        verify,
    )

    every, sources = load_figures(), load_sources()
    figures = every[every["status"] != "derived"]
    counts = figures["source_id"].value_counts()
    print(
        f"futian-indicators {__version__}, data version {DATA_VERSION}: "
        f"{len(figures)} figures from {len(sources)} letters "
        f"(and {len(every) - len(figures)} derived from them)\n"
    )
    rows = [
        [
            s["source_id"],
            s["date"].strftime("%Y-%m-%d") if pd.notna(s["date"]) else "undated",
            s["issuer_zh"] if pd.notna(s["issuer_zh"]) else "(not stated)",
            str(counts.get(s["source_id"], 0)),
        ]
        for s in sources.to_dict("records")
    ]
    print(
        "Letters\n" + textwrap.indent(_table(rows, ["source", "date", "issuer", "figures"]), "  ")
    )
    print("\n" + _coverage(load_mentions()))
    print(f"Integrity: {len(verify())} bundled tables verified against the manifest (sha256)")
    print("Consistency: " + report.counts(load_checks()) + " (futian-indicators check)")
    indicators = set(figures["indicator_id"])
    rows = []
    for indicator in (i for i in HEADLINE_INDICATORS if i in indicators):
        for r in series(indicator).to_dict("records"):
            rows.append(
                [indicator, r["period"], _reconciled(r), r["source_ids"].replace(";", ", ")]
            )
    header = ["indicator", "period", "value", "letters"]
    print("\nHeadline series (Futian, actual)\n" + textwrap.indent(_table(rows, header), "  "))
    return 0


def _list(args: argparse.Namespace) -> int:
    from . import load_figures, load_indicators

    counts = load_figures()["indicator_id"].value_counts()
    rows = [
        [
            i["indicator_id"],
            i["name_zh"],
            i["unit"],
            str(counts.get(i["indicator_id"], 0)),
            i["name_en"],
        ]
        for i in load_indicators().to_dict("records")
    ]
    print(_table(rows, ["indicator", "name_zh", "unit", "figures", "name_en"]))
    return 0


def _show(args: argparse.Namespace) -> int:
    from . import load_figures

    figures = load_figures(indicator=args.indicator)
    for f in figures.to_dict("records"):
        interval = format_interval(f["lower"], f["upper"], f["unit"])
        print(f"{f['figure_id']}  [{f['geo']}, {f['period']}, {f['status']}]")
        print(f"  {f['value_as_reported']} ({f['qualifier']}): {interval}")
        print(f"  “{f['quote']}” (chars {f['char_start']}-{f['char_end']})")
        if pd.notna(f["note"]):
            print(
                textwrap.fill(
                    f["note"], width=96, initial_indent="  note: ", subsequent_indent="        "
                )
            )
    print(f"{len(figures)} figure(s) of {args.indicator}")
    return 0


def _check(args: argparse.Namespace) -> int:
    from . import DATA_VERSION, load_checks, load_rules, report

    checks = load_checks(status=args.status or None)
    if args.markdown:
        print(report.markdown(checks, load_rules(), DATA_VERSION), end="")
    else:
        print(report.text(checks))
    failed = (checks["status"] == "fail") & (checks["severity"] == "error")
    return 1 if failed.any() else 0


def _cite(args: argparse.Namespace) -> int:
    from .cite import cite

    print(cite(args.figure_id, style=args.style))
    return 0


def _export(args: argparse.Namespace) -> int:
    from .export import export

    written = export(args.out, args.format, version=args.data_version)
    print(f"wrote {len(written)} tables to {args.out}: {', '.join(p.name for p in written)}")
    return 0


def _versions(args: argparse.Namespace) -> int:
    from .versions import data_versions

    rows = [
        [
            r["version"],
            "current" if r["current"] else "",
            r["date_released"].strftime("%Y-%m-%d")
            if pd.notna(r["date_released"])
            else "unreleased",
            str(r["figures"]),
        ]
        for r in data_versions().to_dict("records")
    ]
    print(_table(rows, ["version", "", "released", "figures"]))
    return 0


def _release(args: argparse.Namespace) -> int:
    from .build.release import release

    print(release(args.root))
    return 0


def _build(args: argparse.Namespace) -> int:
    from .build.store import (
        PACKAGE_DATA_DIR,
        PROCESSED_DIR,
        read_releases,
        render,
        stale_files,
        write,
    )
    from .build.tables import build_tables
    from .raw.records import read_dataset

    root: Path = args.root
    raw_dir = root / "data" / "raw"
    if not raw_dir.is_dir():
        print(
            f"futian-indicators: error: no data/raw folder in {str(root)!r}; run the build "
            "from a checkout of the repository, or pass --root",
            file=sys.stderr,
        )
        return 2
    tables = build_tables(raw_dir)
    rendered = render(tables, read_dataset(raw_dir), read_releases(root))
    counts = ", ".join(f"{name} {len(frame)}" for name, frame in tables.items())
    if args.check:
        stale = stale_files(rendered, tables, root)
        if stale:
            print(
                "processed data is stale; run 'futian-indicators build' and commit:\n  "
                + "\n  ".join(stale),
                file=sys.stderr,
            )
            return 1
        print(f"processed data is up to date ({counts} rows)")
        return 0
    write(rendered, root)
    print(f"built {counts} rows into {PROCESSED_DIR} and {PACKAGE_DATA_DIR}")
    return 0


def _extract(args: argparse.Namespace) -> int:
    from .drafting.draft import extract_letter, summary

    written = extract_letter(
        args.letter, args.source_id, root=args.root, out=args.out, force=args.force
    )
    print(summary(written, args.root))
    return 0


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="futian-indicators",
        description="Figures of Futian District's reply letters, each with its quote.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    commands: list[tuple[str, str, Callable[[argparse.Namespace], int]]] = [
        ("summary", "the data version, the letters and the headline series", _summary),
        ("list", "the indicators, with how many figures each has", _list),
        ("show", "every report of one indicator, with its quote and interval", _show),
        ("check", "the consistency checks across letters (exit 1 if an error fails)", _check),
        ("build", "build the tables from data/raw (run in a checkout)", _build),
        ("extract", "add a letter to data/raw with a draft of its figures, to review", _extract),
        ("cite", "cite the dataset, or one figure and its letter", _cite),
        ("export", "write every table of a data version to a folder", _export),
        ("versions", "the data versions this package can load", _versions),
        ("release", "freeze the current data version into data/releases (maintainers)", _release),
    ]
    parsers = {}
    for name, help_text, handler in commands:
        parsers[name] = sub.add_parser(name, help=help_text, description=help_text)
        parsers[name].set_defaults(handler=handler)
    parsers["show"].add_argument("indicator", help="an indicator id (see 'list')")
    parsers["check"].add_argument(
        "--status",
        action="append",
        choices=("pass", "tension", "fail", "not_applicable"),
        help="show only this status (repeatable)",
    )
    parsers["check"].add_argument(
        "--markdown", action="store_true", help="print the docs page (docs/consistency.md)"
    )
    parsers["build"].add_argument(
        "--check", action="store_true", help="write nothing; exit 1 if processed data is stale"
    )
    parsers["cite"].add_argument("figure_id", nargs="?", help="a figure id (default: the dataset)")
    parsers["cite"].add_argument("--style", choices=("apa", "bibtex", "text"), default="apa")
    parsers["export"].add_argument("--format", choices=("csv", "parquet", "json"), default="csv")
    parsers["export"].add_argument("--out", type=Path, required=True, help="the folder to write")
    parsers["export"].add_argument("--data-version", help="a data version (default: current)")
    for name in ("build", "extract", "release"):
        parsers[name].add_argument(
            "--root",
            type=Path,
            default=Path.cwd(),
            help="the repository's root (default: current folder)",
        )
    parsers["extract"].add_argument("letter", type=Path, help="the letter's text file (UTF-8)")
    parsers["extract"].add_argument(
        "--source-id", required=True, help="its id, <body>-<document number>: cppcc-2025136"
    )
    parsers["extract"].add_argument(
        "--out", type=Path, help="the draft's path (default: data/raw/figures/<ID>.yaml)"
    )
    parsers["extract"].add_argument(
        "--force", action="store_true", help="overwrite the draft if it exists"
    )
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit status."""
    parser = _parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:
        return int(exc.code or 0)
    try:
        handler: Callable[[argparse.Namespace], int] = args.handler
        return handler(args)
    except FutianIndicatorsError as exc:
        print(f"futian-indicators: error: {exc}", file=sys.stderr)
        return exc.exit_code
    except BrokenPipeError:
        return 0
