"""Generate the docs pages that come from the package itself, at build time.

A Sphinx extension: on ``builder-inited`` (before Sphinx reads any page) it writes MyST fragments
to ``docs/_generated/`` (never committed), which the hand-written pages include:

- ``tables.md``: every table of :data:`futian_indicators.build.schema.SCHEMAS`, every column with
  its type, nullability, allowed values and description (the pandera models are the single source of
  the column docs), the table-level checks and the foreign keys;
- ``indicators.md``: the codebook (:func:`futian_indicators.load_indicators`), by category;
- ``sources.md``: the letters (:func:`futian_indicators.load_sources`), with their sha256;
- ``api.rst``: autodoc directives for every name of ``futian_indicators.__all__``, the errors
  and :mod:`futian_indicators.plot` (reST, not MyST: autodoc writes reST);
- ``html/letters/<source_id>.html``: every letter's page (:func:`futian_indicators.render_letter`),
  copied to the site's ``letters/`` folder (``html_extra_path``) and linked from the sources page,
  each figure of a letter to its mark;
- ``cli.md``: the help of the command line and of each of its commands;
- ``qualifiers.md``, ``units.md``, ``mention_kinds.md``: the grammar's tables, from its own
  tables and code (:mod:`grammar_tables`);
- ``coverage.md``: which indicators have figures for more than one period, for which periods
  (:func:`futian_indicators.analysis.period_coverage`), on the index page;
- ``benchmarks.md``: what each script of ``benchmarks/`` measures (its docstring) and the
  results of those that are deterministic and quick (leave one letter out, the grammar on its
  held-out sentences).

The Markdown helpers are in :mod:`myst_text`, the result pages (benchmarks, judgements, coverage)
in :mod:`results`, the grammar's tables in :mod:`grammar_tables`; this module writes them all.

A fragment is rewritten only when its text changes, so incremental builds stay incremental.
Run it alone (``python docs/_ext/generate.py``) to look at the fragments without a build.
"""

from __future__ import annotations

import argparse
import contextlib
import html
import importlib.util
import inspect
import os
from collections.abc import Callable, Iterable, Iterator, Mapping
from pathlib import Path
from typing import Any

import pandas as pd
from grammar_tables import PAGES as GRAMMAR_PAGES
from myst_text import code, page, table, text
from results import benchmarks_page, coverage_page, judgements_page

import futian_indicators as fi

OUT_DIR = "_generated"
"""Where the fragments go, relative to the docs' source folder."""

_DTYPES = {
    "string": "string",
    "datetime64[ns]": "date",
    "float64": "float",
    "int64": "integer",
    "Int64": "integer (nullable)",
    "bool": "boolean",
}


# --- The tables and their columns (pandera schemas) -----------------------------------------


def dtype_name(dtype: Any) -> str:
    """A reader's name for a pandera column type (``string[pyarrow]`` is a string)."""
    raw = str(dtype)
    return _DTYPES.get(raw.split("[pyarrow]", maxsplit=1)[0], raw)


def allowed_values(column: Any) -> str:
    """What a column's checks allow, in words: the values, the pattern or the bound."""
    parts = []
    for check in column.checks:
        stats = check.statistics or {}
        if check.name == "isin":
            parts.append(", ".join(code(v) for v in stats["allowed_values"]))
        elif check.name == "str_matches":
            parts.append("matches " + code(stats["pattern"]))
        elif check.name == "str_length" and stats.get("min_value") == 1:
            parts.append("not empty")
        elif check.name == "greater_than":
            parts.append(f"> {stats['min_value']}")
        elif check.name == "greater_than_or_equal_to":
            parts.append(f"≥ {stats['min_value']}")
        else:
            parts.append("fails if: " + text(check.error or check.name))
    return "; ".join(parts)


def table_section(
    name: str, schema: Any, loader: str, rows: int, foreign_keys: Iterable[tuple[str, ...]]
) -> str:
    """One table of the data dictionary: description, key, columns, checks, foreign keys."""
    key = ", ".join(code(c) for c in schema.unique or ())
    blocks = [
        f"## `{name}`",
        f"{text(schema.description)}\n\nLoader: {code(loader)}. Key: {key}. Rows in data "
        f"{fi.DATA_VERSION}: {rows}.",
        table(
            ["column", "type", "null", "allowed values", "description"],
            (
                [
                    code(column_name),
                    dtype_name(column.dtype),
                    "yes" if column.nullable else "no",
                    allowed_values(column),
                    text(column.description),
                ]
                for column_name, column in schema.columns.items()
            ),
        ),
    ]
    if schema.checks:
        rules = "\n".join(f"- {text(check.error)}" for check in schema.checks)
        blocks.append(f"Row checks (the message a row that breaks one gets):\n\n{rules}")
    references = [
        f"- {code(column)} → {code(f'{ref_table}.{ref_column}')}"
        for table_name, column, ref_table, ref_column in foreign_keys
        if table_name == name
    ]
    if references:
        listed = "\n".join(references)
        blocks.append(f"Foreign keys (ids joined by `;` are checked one by one):\n\n{listed}")
    return "\n\n".join(blocks)


_LOADERS = {
    "sources": "load_sources()",
    "indicators": "load_indicators()",
    "figures": "load_figures()",
    "mentions": "load_mentions()",
    "rules": "load_rules()",
    "checks": "load_checks()",
}


def tables_page() -> str:
    """Every table, every column (from ``schema.SCHEMAS``)."""
    from futian_indicators import _resources
    from futian_indicators.build import schema

    sections = [
        table_section(
            name,
            model,
            _LOADERS.get(name, f"_resources.table({name!r})"),
            _resources.manifest()["tables"][name]["rows"],
            schema.FOREIGN_KEYS,
        )
        for name, model in schema.SCHEMAS.items()
    ]
    return page(*sections)


# --- The codebook ---------------------------------------------------------------------------


def _indicator_entry(row: Any, n_figures: int) -> str:
    """One indicator as a definition: id and names, then description and particulars."""
    facts = [f"unit {code(row.unit)}", f"measure {code(row.measure)}"]
    if isinstance(row.base_indicator, str):
        facts.append(f"of [{code(row.base_indicator)}](#indicator-{row.base_indicator})")
    if isinstance(row.denominator_indicator, str):
        whole = f"[{code(row.denominator_indicator)}](#indicator-{row.denominator_indicator})"
        facts.append(f"of the whole {whole} of {code(row.denominator_geo)}")
    if isinstance(row.aliases_zh, str):
        facts.append("also " + "、".join(text(a) for a in row.aliases_zh.split("|")))
    facts.append(f"{n_figures} figure{'s' if n_figures != 1 else ''}")
    note = f"\n\n  口径: {text(row.note)}" if isinstance(row.note, str) else ""
    return (
        f"(indicator-{row.indicator_id})=\n"
        f"{code(row.indicator_id)} · **{text(row.name_en)}** · {text(row.name_zh)}\n"
        f": {text(row.description_en)}\n\n"
        f"  {' · '.join(facts)}{note}"
    )


def indicators_page() -> str:
    """The codebook, by category (largest first), with how many figures report each indicator."""
    indicators = fi.load_indicators()
    counts = fi.load_figures().groupby("indicator_id").size()
    blocks = [
        f"{len(indicators)} indicators in {indicators['category'].nunique()} categories; "
        f"data version {fi.DATA_VERSION}."
    ]
    for category in indicators["category"].value_counts().index:
        group = indicators[indicators["category"] == category]
        blocks.append(f"## {category} ({len(group)})")
        blocks += [
            _indicator_entry(row, int(counts.get(row.indicator_id, 0)))
            for row in group.itertuples(index=False)
        ]
    return page(*blocks)


# --- The sources ----------------------------------------------------------------------------


def _date(value: Any) -> str:
    return "undated" if pd.isna(value) else pd.Timestamp(value).date().isoformat()


LETTER_PAGES = Path("html") / "letters"
"""Where each letter's page goes (under ``_generated/``); ``html_extra_path`` copies it to the
site's ``letters/`` folder, beside the sources page."""


def _letter_link(source_id: str, anchor: str = "", label: str = "") -> str:
    """A raw HTML link to a letter's page (MyST leaves it alone; the page is not a document)."""
    href = html.escape(f"letters/{source_id}.html" + (f"#{anchor}" if anchor else ""), quote=True)
    return f'<a href="{href}">{html.escape(label or source_id)}</a>'


def letter_pages(folder: Path) -> list[Path]:
    """Write every letter's page (:func:`futian_indicators.render_letter`); return those changed."""
    folder.mkdir(parents=True, exist_ok=True)
    changed = []
    for source_id in fi.load_sources()["source_id"]:
        path = folder / f"{source_id}.html"
        content = fi.render_letter(source_id)
        if not path.exists() or path.read_text(encoding="utf-8") != content:
            path.write_text(content, encoding="utf-8")
            changed.append(path)
    return changed


def _figures_of(source_id: str, figures: pd.DataFrame) -> str:
    rows = figures[(figures["source_id"] == source_id) & (figures["status"] != "derived")]
    return table(
        ["figure", "as reported", "status", "period"],
        (
            [
                _letter_link(source_id, "fig-" + r.figure_id.split("/", 1)[1], r.figure_id),
                text(r.value_as_reported),
                code(r.status),
                text(r.period),
            ]
            for r in rows.itertuples(index=False)
        ),
    )


def sources_page() -> str:
    """The letters: a summary table, then every field of each letter and its figures."""
    sources = fi.load_sources()
    figures = fi.load_figures()
    counts = figures.groupby("source_id").size()
    summary = table(
        ["letter", "page", "document number", "issuer", "date", "figures"],
        (
            [
                f"[{code(row.source_id)}](#source-{row.source_id})",
                _letter_link(row.source_id, label="read"),
                text(row.doc_number),
                text(row.issuer_en if isinstance(row.issuer_en, str) else "not stated"),
                _date(row.date),
                str(int(counts.get(row.source_id, 0))),
            ]
            for row in sources.itertuples(index=False)
        ),
    )
    blocks = [summary]
    for row in sources.itertuples(index=False):
        fields = [
            ("kind", code(row.kind)),
            ("document number", text(row.doc_number)),
            ("session", text(row.session_zh)),
            ("title", text(row.title_zh)),
            ("issuer", text(row.issuer_zh)),
            ("issuer (English)", text(row.issuer_en)),
            ("addressed to", text(row.recipients_zh)),
            ("date", _date(row.date)),
            ("raw text", code(row.raw_path)),
            ("page", _letter_link(row.source_id, label="the letter, every number marked")),
            ("sha256", code(row.sha256)),
            ("characters", f"{row.n_chars:,}"),
            ("note", text(row.note)),
        ]
        blocks += [
            f"(source-{row.source_id})=\n## `{row.source_id}`: {text(row.title_zh)}",
            table(["field", "value"], ([name, value or "—"] for name, value in fields)),
            f"Figures of `{row.source_id}`, each linked to its mark in the letter's page:",
            _figures_of(row.source_id, figures),
        ]
    return page(*blocks)


# --- The API reference ----------------------------------------------------------------------


def _directive(name: str, argument: str, *options: str) -> str:
    """A reStructuredText directive (autodoc writes reST, so the API page is reST)."""
    return "\n".join([f".. {name}:: {argument}", *(f"   :{option}:" for option in options)])


def _heading(title: str) -> str:
    return f"{title}\n{'-' * len(title)}"


def _autodoc(qualified: str, obj: object) -> str:
    if inspect.isclass(obj) and issubclass(obj, BaseException):
        return _directive("autoexception", qualified, "show-inheritance")
    if inspect.isclass(obj):
        return _directive("autoclass", qualified, "members")
    if callable(obj):
        return _directive("autofunction", qualified)
    return ""


_DATA = {
    "__version__": "The package's (code's) version.",
    "DATA_VERSION": (
        "The bundled data's version (semantic: major for a schema break, minor for new letters "
        "or figures, patch for corrected values); it moves independently of ``__version__``."
    ),
}

_GROUPS = {
    "Loading the tables": (
        "load_sources",
        "load_indicators",
        "load_figures",
        "load_mentions",
        "load_rules",
        "load_checks",
        "verify",
    ),
    "Series and checks": ("series", "run_checks"),
    "Reading quantities": ("parse_quantity", "Quantity", "extract_quantities"),
    "Data versions and citing": ("cite", "data_versions", "diff", "DATA_VERSION", "__version__"),
}
"""The order of the public names on the page; a name of ``__all__`` not listed comes last."""


def _public(name: str) -> str:
    obj = getattr(fi, name)
    if isinstance(obj, str):
        doc = _DATA.get(name, "")
        return f".. py:data:: {name}\n   :value: {obj!r}\n\n   {doc}"
    return _autodoc(f"futian_indicators.{name}", obj)


def api_page() -> str:
    """Autodoc for the public names, the errors and the plot module (when it exists)."""
    from futian_indicators import errors

    public = [name for name in fi.__all__ if name != "FutianIndicatorsError"]
    blocks = [_directive("automodule", "futian_indicators")]
    for title, names in (*_GROUPS.items(), ("Other", ())):
        listed = [n for n in names if n in public] if names else public
        if listed:
            blocks += [_heading(title), *(_public(name) for name in listed)]
        public = [n for n in public if n not in listed]
    blocks += [
        _heading("Errors"),
        _directive("automodule", "futian_indicators.errors"),
        _autodoc("futian_indicators.FutianIndicatorsError", fi.FutianIndicatorsError),
    ]
    for name, obj in inspect.getmembers(errors, inspect.isclass):
        subclass = obj is not fi.FutianIndicatorsError and obj.__module__ == errors.__name__
        if subclass and issubclass(obj, fi.FutianIndicatorsError):
            blocks.append(_autodoc(f"futian_indicators.errors.{name}", obj))
    blocks.append(_heading("Plots: futian_indicators.plot"))
    if importlib.util.find_spec("futian_indicators.plot") is not None:
        blocks.append(_directive("automodule", "futian_indicators.plot", "members"))
    else:
        blocks.append("The plot module is not part of this version of the package.")
    notice = ".. Generated by docs/_ext/generate.py at build time: do not edit."
    return "\n\n".join((notice, *blocks)) + "\n"


# --- The command line -----------------------------------------------------------------------


@contextlib.contextmanager
def _columns(width: int) -> Iterator[None]:
    """Fix the width argparse wraps help to (the terminal's), so the text is the same everywhere."""
    saved = os.environ.get("COLUMNS")
    os.environ["COLUMNS"] = str(width)
    try:
        yield
    finally:
        if saved is None:
            del os.environ["COLUMNS"]
        else:
            os.environ["COLUMNS"] = saved


def cli_page() -> str:
    """``futian-indicators --help`` and each command's ``--help``."""
    from futian_indicators import cli

    with _columns(90):
        parser = cli._parser()
        blocks = [f"```text\n$ futian-indicators --help\n{parser.format_help().rstrip()}\n```"]
        for action in parser._actions:
            if isinstance(action, argparse._SubParsersAction):
                for name, sub in action.choices.items():
                    usage = sub.format_help().rstrip()
                    blocks += [
                        f"## `{name}`",
                        f"```text\n$ futian-indicators {name} --help\n{usage}\n```",
                    ]
    return page(*blocks)


# --- Writing --------------------------------------------------------------------------------


PAGES: Mapping[str, Callable[[], str]] = {
    "coverage.md": coverage_page,
    "tables.md": tables_page,
    "indicators.md": indicators_page,
    "sources.md": sources_page,
    "judgements.md": judgements_page,
    "api.rst": api_page,
    "cli.md": cli_page,
    **GRAMMAR_PAGES,
}
"""Every fragment, by file name, and the function that writes its text."""


def write(folder: Path, root: Path) -> list[Path]:
    """Write every fragment to ``folder``; leave a file alone when its text is unchanged.

    ``root`` is the repository's root (``benchmarks/`` is there, outside the package).
    """
    folder.mkdir(parents=True, exist_ok=True)
    makers = {**PAGES, "benchmarks.md": lambda: benchmarks_page(root)}
    changed = []
    for name, make in makers.items():
        path = folder / name
        content = make()
        if not path.exists() or path.read_text(encoding="utf-8") != content:
            path.write_text(content, encoding="utf-8")
            changed.append(path)
    return changed + letter_pages(folder / LETTER_PAGES)


def _on_builder_inited(app: Any) -> None:
    docs = Path(app.srcdir)
    write(docs / OUT_DIR, docs.parent)


def setup(app: Any) -> dict[str, Any]:
    """Register the generator with Sphinx."""
    app.connect("builder-inited", _on_builder_inited)
    return {"version": fi.__version__, "parallel_read_safe": True, "parallel_write_safe": True}


if __name__ == "__main__":
    docs = Path(__file__).resolve().parents[1]
    for path in write(docs / OUT_DIR, docs.parent):
        print(f"wrote {path}")
