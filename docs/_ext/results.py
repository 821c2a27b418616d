"""The docs pages that report results: the benchmarks, the curators' judgements, the coverage.

Each function returns a page's MyST text from the package and the repository as they are when the
docs are built (:mod:`generate` writes them to ``docs/_generated/``).
"""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

from myst_text import code, page, table, text

import futian_indicators as fi

# --- The benchmarks -------------------------------------------------------------------------

_RUN_AT_BUILD = {
    "leave_one_out.py": ("Leave one letter out", True, False),
    "heldout_letters.py": ("The drafter on the held-out letters", True, False),
    "heldout_grammar.py": ("The quantity grammar on held-out sentences", False, True),
}
"""The benchmarks run at build time, deterministic (no timing) and quick (about 2 s each): the
title of their results, whether they take ``--root`` (the repository's root), and whether their
output is plain text (a table, shown in a code block) rather than Markdown."""


def benchmarks_page(root: Path) -> str:
    """Each script of ``root/benchmarks`` with its docstring; the leave-one-out results."""
    folder = root / "benchmarks"
    scripts = sorted(folder.glob("*.py")) if folder.is_dir() else []
    if not scripts:
        note = "The `benchmarks/` folder is not part of this copy of the project."
        return page("## Leave one letter out", note)
    blocks = []
    for script in scripts:
        doc = ast.get_docstring(ast.parse(script.read_text(encoding="utf-8"))) or ""
        blocks += [f"## `benchmarks/{script.name}`", doc]
        if script.name in _RUN_AT_BUILD:
            title, takes_root, plain = _RUN_AT_BUILD[script.name]
            command = [sys.executable, str(script), *(["--root", str(root)] if takes_root else [])]
            result = subprocess.run(
                command, check=False, capture_output=True, text=True, timeout=300
            )
            if result.returncode != 0:
                msg = f"{' '.join(command)} failed ({result.returncode}):\n{result.stderr}"
                raise RuntimeError(msg)
            output = result.stdout.strip()
            blocks += [
                f"### {title}",
                f"The results on data {fi.DATA_VERSION}, computed when this page was built:",
                f"```text\n{output}\n```" if plain else output,
            ]
    return page(*blocks)


# --- The judgements -------------------------------------------------------------------------


def judgements_page() -> str:
    """Every label that rests on the curator's judgement, and every doubtful label, with why."""
    figures = fi.load_figures(status=["actual", "target", "plan", "policy"])
    bases = ["period_basis", "geo_basis", "status_basis"]
    judged = figures[figures[bases].eq("judgement").any(axis=1) | figures["doubtful"]]
    blocks = [
        f"{len(judged)} of the {len(figures)} curated figures of data version "
        f"{fi.DATA_VERSION} have a label that no words of the letter state (basis "
        f"`judgement`) or that the curator doubts (`doubtful`): "
        + ", ".join(
            f"{int(figures[b].eq('judgement').sum())} {b.removesuffix('_basis')}" for b in bases
        )
        + f" judgements, {int(figures['doubtful'].sum())} doubtful. "
        '`fi.load_figures(labels="documented")` leaves them all out.'
    ]
    for source_id, group in judged.groupby("source_id", sort=True):
        blocks.append(f"## {source_id}")
        rows = []
        for row in group.itertuples(index=False):
            labels = [
                f"{b.removesuffix('_basis')} {code(getattr(row, b.removesuffix('_basis')))}"
                for b in bases
                if getattr(row, b) == "judgement"
            ]
            if row.doubtful:
                labels.append("doubtful")
            rows.append([code(row.figure_id), text(row.quote), "; ".join(labels), text(row.note)])
        blocks.append(table(["figure", "quote", "judged", "why (the figure's note)"], rows))
    return page(*blocks)


def coverage_page() -> str:
    """The index page's table: the indicators with more than one period, and which."""
    from futian_indicators.analysis import period_coverage_markdown

    return period_coverage_markdown()
