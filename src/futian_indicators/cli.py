"""The ``futian-indicators`` command (also ``python -m futian_indicators``).

Exit status: 0 ok, 1 a data problem (a failed build, stale or altered data), 2 a usage error
(an unknown command, indicator or option). Expected errors print one message, never a traceback.

This module only parses arguments: each command calls one function of
:mod:`futian_indicators.terminal` and prints the reply.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from . import __version__, terminal, vocab
from .errors import FutianIndicatorsError

Command = Callable[[argparse.Namespace], terminal.Reply]

COMMANDS: dict[str, tuple[str, Command]] = {
    "summary": (
        "the data version, the letters and the headline series",
        lambda a: terminal.summary(version=a.data_version),
    ),
    "list": (
        "the indicators, with how many figures each has",
        lambda a: terminal.list_indicators(version=a.data_version),
    ),
    "show": (
        "every report of one indicator, with its quote and interval",
        lambda a: terminal.show(a.indicator, version=a.data_version),
    ),
    "check": (
        "the consistency checks across letters (exit 1 if an error fails; targets apart)",
        lambda a: terminal.check(status=a.status, markdown=a.markdown, version=a.data_version),
    ),
    "targets": (
        "every target or plan against its latest comparable actual (not consistency)",
        lambda a: terminal.targets(outcome=a.outcome, version=a.data_version),
    ),
    "build": (
        "build the tables from data/raw (run in a checkout)",
        lambda a: terminal.build(a.root, check_only=a.check),
    ),
    "extract": (
        "add a letter to data/raw with a draft of its figures, to review",
        lambda a: terminal.extract(
            a.letter, source_id=a.source_id, root=a.root, out=a.out, force=a.force, review=a.review
        ),
    ),
    "cite": (
        "cite the dataset, or one figure and its letter",
        lambda a: terminal.cite(a.figure_id, style=a.style, version=a.data_version),
    ),
    "letter": (
        "one letter with its numbers marked; --html writes it as a page for a browser",
        lambda a: terminal.letter(
            a.source_id, html=a.html, version=a.data_version, colour=sys.stdout.isatty()
        ),
    ),
    "export": (
        "write every table of a data version, and series, to a folder with a datapackage.json",
        lambda a: terminal.export(
            a.out, a.format, series=a.series, excel=a.excel, version=a.data_version
        ),
    ),
    "versions": ("the data versions this package can load", lambda a: terminal.versions()),
    "release": (
        "freeze the current data version into data/releases (maintainers)",
        lambda a: terminal.release(a.root),
    ),
}
"""Every command: its help line and the one function it calls."""

READERS = ("summary", "list", "show", "check", "targets", "cite", "letter", "export")
"""The commands that read a data version (``--data-version``)."""

MAINTAINERS = ("build", "extract", "release")
"""The commands run in a checkout of the repository (``--root``)."""


def _version_text() -> str:
    """``--version``: the package's version and the data version it ships."""
    from . import _resources

    try:
        data = str(_resources.manifest()["data_version"])
    except FutianIndicatorsError as exc:
        data = f"unreadable ({exc})"
    return f"%(prog)s {__version__}, data version {data}"


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="futian-indicators",
        description="Figures of Futian District's reply letters, each with its quote.",
    )
    parser.add_argument("--version", action="version", version=_version_text())
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    parsers = {}
    for name, (help_text, command) in COMMANDS.items():
        parsers[name] = sub.add_parser(name, help=help_text, description=help_text)
        parsers[name].set_defaults(command_function=command)
    parsers["show"].add_argument(
        "indicator", help="an indicator id, name or alias, any case: gdp, GDP, 国高 (see 'list')"
    )
    parsers["check"].add_argument(
        "--status",
        action="append",
        choices=(*vocab.CHECK_STATUSES, *vocab.LEGACY_CHECK_STATUSES),
        help="show only this status (repeatable)",
    )
    parsers["targets"].add_argument(
        "--outcome",
        action="append",
        choices=vocab.TARGET_OUTCOMES,
        help="show only this outcome (repeatable)",
    )
    parsers["check"].add_argument(
        "--markdown", action="store_true", help="print the docs page (docs/consistency.md)"
    )
    parsers["build"].add_argument(
        "--check", action="store_true", help="write nothing; exit 1 if processed data is stale"
    )
    parsers["cite"].add_argument("figure_id", nargs="?", help="a figure id (default: the dataset)")
    parsers["cite"].add_argument("--style", choices=("apa", "bibtex", "text"), default="apa")
    parsers["letter"].add_argument("source_id", help="a letter's id (see 'summary')")
    parsers["letter"].add_argument(
        "--html", type=Path, metavar="FILE", help="write the letter's HTML page to FILE"
    )
    parsers["export"].add_argument("--format", choices=vocab.EXPORT_FORMATS, default="csv")
    parsers["export"].add_argument("--out", type=Path, required=True, help="the folder to write")
    parsers["export"].add_argument(
        "--series",
        action="append",
        metavar="INDICATOR",
        help="also write this indicator's reconciled series (repeatable; id, name or alias)",
    )
    parsers["export"].add_argument(
        "--excel",
        action="store_true",
        help="CSV for Excel: a UTF-8 byte-order mark, booleans as TRUE/FALSE",
    )
    for name in READERS:
        parsers[name].add_argument(
            "--data-version",
            metavar="VERSION",
            help="a data version (see 'versions'; default: current)",
        )
    for name in MAINTAINERS:
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
    parsers["extract"].add_argument(
        "--review",
        type=Path,
        metavar="FILE",
        help="also write the review report (least sure labels first) as an HTML page to FILE",
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
        command: Command = args.command_function
        reply = command(args)
        (sys.stderr if reply.to_stderr else sys.stdout).write(reply.text)
    except FutianIndicatorsError as exc:
        print(f"futian-indicators: error: {exc}", file=sys.stderr)
        return exc.exit_code
    except BrokenPipeError:
        return 0
    return reply.status
