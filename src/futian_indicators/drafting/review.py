"""The review report of a draft: its least sure labels first, each with what it rests on.

Every draft figure has four labels, each with a confidence:

=========  ==========================================================================
label      confidence
=========  ==========================================================================
indicator  the figure's (:mod:`futian_indicators.drafting.scoring`; 0.3 or less for a
           proposed new indicator)
period     0.9 on the quote's words, 0.7 on other words of the letter (context), 0.5 on
geo        the convention (the letter's date, the district, actual), 0.3 on the
status     drafter's judgement (words the build's reader does not confirm)
=========  ==========================================================================

:func:`review_labels` lists the labels under :data:`REVIEW_BELOW`, least sure first (then in
the letter's order); ``futian-indicators extract`` prints the first of them
(:func:`review_lines`) and, with ``--review FILE``, writes them all as a standalone HTML page
(:func:`review_page`), which inserts every text escaped and allows no script and no request.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Final

from ..core.htmlpage import escape, page_head
from .records import Draft, DraftFigure

__all__ = ["REVIEW_BELOW", "ReviewLabel", "review_labels", "review_lines", "review_page"]

_CONFIDENCE_PREFIX_RE: Final = re.compile(r"^\d\.\d: ")
REVIEW_BELOW: Final = 0.7
"""A label under this confidence is listed for review."""

BASIS_CONFIDENCE: Final = {"quote": 0.9, "context": 0.7, "convention": 0.5, "judgement": 0.3}
"""The confidence of a period, geo or status label, by the basis the draft gives it."""


@dataclass(frozen=True, slots=True)
class ReviewLabel:
    """One label of a draft figure, how sure the draft is of it and what it rests on."""

    confidence: float
    label: str  # indicator, period, geo or status
    value: str
    basis: str  # the basis written in the draft (the indicator's: words, or proposed)
    rests_on: str
    figure: DraftFigure


def _labels(figure: DraftFigure) -> list[ReviewLabel]:
    why = dict(figure.rests_on)
    written = dict(figure.labels)
    basis = "proposed" if figure.proposal is not None else "words"
    about = _CONFIDENCE_PREFIX_RE.sub("", why.get("indicator", ""))
    out = [ReviewLabel(figure.confidence, "indicator", figure.indicator, basis, about, figure)]
    for label in ("period", "geo", "status"):
        basis = str(written.get(f"{label}_basis", "judgement"))
        out.append(
            ReviewLabel(BASIS_CONFIDENCE.get(basis, 0.3), label, str(getattr(figure, label)),
                        basis, why.get(label, ""), figure)
        )  # fmt: skip
    return out


def review_labels(draft: Draft, below: float = REVIEW_BELOW) -> list[ReviewLabel]:
    """The labels of a draft under ``below``, least sure first, then in the letter's order."""
    found = [item for f in draft.figures for item in _labels(f) if item.confidence < below]
    order = {"indicator": 0, "period": 1, "geo": 2, "status": 3}
    found.sort(key=lambda r: (r.confidence, r.figure.start, order[r.label]))
    return found


def review_lines(draft: Draft, limit: int = 20) -> list[str]:
    """The review report for a terminal: the ``limit`` least sure labels, then how many more."""
    found = review_labels(draft)
    if not found:
        return []
    figures = len({id(r.figure) for r in found})
    lines = [
        f"review first ({len(found)} label(s) of {figures} of the {len(draft.figures)} draft "
        "figure(s) (placed or proposed), least sure first):"
    ]
    for r in found[:limit]:
        lines.append(
            f"  {r.confidence:.1f} {r.label} {r.value} ({r.basis}) of {r.figure.quantity} "
            f"[{r.figure.slug}]: {r.rests_on}"
        )
    if len(found) > limit:
        lines.append(
            f"  … and {len(found) - limit} more (--review FILE writes them all as a page; the "
            "notes in the draft say why)"
        )
    return lines


_CSS: Final = """
body { font-family: system-ui, sans-serif; margin: 1.5rem auto; max-width: 72rem; padding: 0 1rem;
  color: #161616; line-height: 1.5; }
h1 { font-size: 1.3rem; } table { border-collapse: collapse; width: 100%; font-size: .9rem; }
th, td { border-bottom: 1px solid #ccc; padding: .35rem .5rem; text-align: left;
  vertical-align: top; }
th { background: #f2f2f2; position: sticky; top: 0; }
td.c { font-variant-numeric: tabular-nums; font-weight: 600; }
tr.low td.c { color: #9a0000; } tr.mid td.c { color: #8a5a00; }
.quote { font-family: "Noto Serif CJK SC", "Source Han Serif SC", serif; min-width: 16rem; }
td.why { min-width: 18rem; } code { overflow-wrap: anywhere; }
mark { background: #fff0a8; }
"""


def _quote(figure: DraftFigure) -> str:
    """The quote with the number marked (its first occurrence in the quote)."""
    at = figure.quote.find(figure.quantity)
    if at < 0:
        return escape(figure.quote)
    end = at + len(figure.quantity)
    before, number, after = figure.quote[:at], figure.quantity, figure.quote[end:]
    return f"{escape(before)}<mark>{escape(number)}</mark>{escape(after)}"


def review_page(draft: Draft) -> str:
    """The review report of a draft as a standalone HTML page (see the module docs)."""
    found = review_labels(draft)
    rows = []
    for r in found:
        band = "low" if r.confidence < 0.5 else "mid"
        rows.append(
            f'<tr class="{band}"><td class="c">{r.confidence:.1f}</td><td>{escape(r.label)}</td>'
            f"<td><code>{escape(r.value)}</code> ({escape(r.basis)})</td>"
            f"<td><code>{escape(r.figure.slug)}</code></td>"
            f'<td class="quote" lang="zh">{_quote(r.figure)}</td>'
            f'<td class="why">{escape(r.rests_on)}</td></tr>'
        )
    unplaced = "".join(
        f'<tr><td lang="zh">{escape(n.mention)}</td>'
        f'<td class="quote" lang="zh">{escape(n.quote)}</td>'
        f"<td>{escape(n.why)}</td></tr>"
        for n in draft.not_placed
    )
    head = "".join(
        f"<th>{h}</th>" for h in ("confidence", "label", "value", "figure", "quote", "rests on")
    )
    title = f"Review of the draft of {draft.source_id}"
    return (
        page_head(title, _CSS) + f"<body><h1>{escape(title)}</h1>\n"
        f"<p>{escape(draft.counts())}.</p>\n"
        f"<p>{len(found)} label(s) of the {len(draft.figures)} draft figure(s) (placed or "
        f"proposed) under "
        f"{REVIEW_BELOW:.1f}, least sure first: a proposed new indicator, a label on the "
        "drafter's judgement, then those on a convention. Each says what it rests on.</p>\n"
        f"<table><thead><tr>{head}</tr></thead><tbody>\n" + "\n".join(rows) + "\n</tbody></table>\n"
        f"<h2>Numbers not placed ({len(draft.not_placed)})</h2>\n"
        "<table><thead><tr><th>number</th><th>quote</th><th>why</th></tr></thead>"
        f"<tbody>{unplaced}</tbody></table>\n"
        "</body></html>\n"
    )
