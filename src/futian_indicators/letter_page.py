"""A letter as a standalone HTML page: its text, every number marked, a table of its figures.

Every text the page inserts (the letter, a quote, a note, a label) goes through :func:`_e`
(:func:`html.escape`), so a letter holding markup shows it as text. The style and the script are
inline and named by their sha256 in the page's Content-Security-Policy, which also forbids every
network request: the page works from a file, and no inserted text could run as a script.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable

from ._version import __version__
from .core.htmlpage import escape, page_head
from .letters import Evidence, Figure, Letter, Mark, layout, visible

STATUS_WORDS = {
    "actual": ("actual", "solid underline"),
    "target": ("target", "dashed underline"),
    "plan": ("plan", "dotted underline"),
    "policy": ("policy", "double underline"),
}
"""A figure status -> the word on its badge and the line under its number (not colour alone)."""

_CSS = """
:root { color-scheme: light; --actual: #1d4f91; --target: #9a4a00; --plan: #5b2d8e;
  --policy: #1e6b34; --muted: #6b6b6b; }
body { font-family: "Noto Serif CJK SC", "Source Han Serif SC", "Songti SC", serif; margin: 0;
  color: #161616; background: #fff; line-height: 1.9; }
header, main, footer { max-width: 46rem; margin: 0 auto; padding: 0 1rem; }
header h1 { font-size: 1.35rem; line-height: 1.5; margin: 1.5rem 0 .5rem; }
.meta { font-family: system-ui, sans-serif; font-size: .85rem; color: #333; }
.meta dt { display: inline; font-weight: 600; }
.meta dd { display: inline; margin: 0 1rem 0 .3rem; }
.legend { font-family: system-ui, sans-serif; font-size: .85rem; border: 1px solid #ccc;
  padding: .4rem .7rem; margin: .8rem 0; }
.letter p { margin: 0 0 .9rem; text-align: justify; }
.fig, .fig-number { color: inherit; text-decoration: none; padding-bottom: 1px; }
.fig { position: relative; }
.st-actual { border-bottom: 2px solid var(--actual); }
.st-target { border-bottom: 2px dashed var(--target); }
.st-plan { border-bottom: 2px dotted var(--plan); }
.st-policy { border-bottom: 3px double var(--policy); }
.fig-number { border-bottom-color: #444; }
.fig:focus { outline: 2px solid #000; outline-offset: 2px; }
.badge { font-family: system-ui, sans-serif; font-size: .62rem; font-weight: 600;
  vertical-align: super; line-height: 0; margin-left: 1px; }
.badge.st-actual, .badge.st-target, .badge.st-plan, .badge.st-policy { border-bottom: 0; }
.badge.st-actual { color: var(--actual); } .badge.st-target { color: var(--target); }
.badge.st-plan { color: var(--plan); } .badge.st-policy { color: var(--policy); }
.doubtful { text-decoration: underline wavy #b00020; }
.mention { color: var(--muted); border-bottom: 1px dotted #bbb; }
.evidence { background: #fff4cc; color: inherit; text-decoration: none;
  box-shadow: inset 0 -1px #b58f00; }
.tip { display: none; position: absolute; left: 0; top: 1.6em; z-index: 10;
  width: max-content; max-width: min(26rem, 85vw); background: #fff; color: #111;
  border: 1px solid #777; border-radius: 4px; padding: .5rem .7rem; box-shadow: 0 2px 8px #0003;
  font-family: system-ui, sans-serif; font-size: .8rem; line-height: 1.45; text-align: left;
  font-weight: normal; white-space: normal; }
.tip.left { left: auto; right: 0; }
.fig:hover > .tip, .fig:focus > .tip { display: block; }
.tip > span { display: block; } .tip b { font-weight: 600; }
.tip .head { font-size: .9rem; margin-bottom: .2rem; }
table { border-collapse: collapse; font-family: system-ui, sans-serif; font-size: .8rem;
  width: 100%; margin-bottom: 2rem; }
th, td { border-bottom: 1px solid #ddd; padding: .25rem .4rem; text-align: left;
  vertical-align: top; }
tr:target { background: #eef4ff; }
footer { font-family: system-ui, sans-serif; font-size: .75rem; color: var(--muted);
  padding-bottom: 2rem; }
"""

_SCRIPT = """
(function () {
  "use strict";
  var marks = document.querySelectorAll(".fig");
  function place(event) {
    var tip = event.currentTarget.querySelector(".tip");
    if (!tip) { return; }
    tip.classList.remove("left");
    if (tip.getBoundingClientRect().right > window.innerWidth - 8) { tip.classList.add("left"); }
  }
  function focusTarget() {
    var id = decodeURIComponent(window.location.hash.slice(1));
    var mark = id ? document.getElementById(id) : null;
    if (mark && mark.classList.contains("fig")) { mark.focus(); }
  }
  Array.prototype.forEach.call(marks, function (mark) {
    mark.addEventListener("focus", place);
    mark.addEventListener("mouseenter", place);
  });
  document.addEventListener("keydown", function (event) {
    var active = document.activeElement;
    if (event.key === "Escape" && active && active.classList.contains("fig")) { active.blur(); }
  });
  window.addEventListener("hashchange", focusTarget);
  focusTarget();
  document.documentElement.setAttribute("data-marks", String(marks.length));
})();
"""


# --- The tooltip ---------------------------------------------------------------------------


def _with_basis(value: str, basis: str) -> str:
    return f"{value} (basis: {basis})" if basis else value


def _tip_lines(figure: Figure, letter: Letter) -> Iterable[tuple[str, str]]:
    yield "value", f"{figure.value} ({figure.qualifier})"
    yield "interval", figure.interval
    if figure.interval_lenient and figure.interval_lenient != figure.interval:
        yield "lenient", figure.interval_lenient
    yield "as reported", figure.value_as_reported
    yield "unit as reported", figure.unit_as_reported or "—"
    yield "period", _with_basis(figure.period, figure.bases["period"])
    yield "area", _with_basis(figure.area, figure.bases["geo"])
    yield "status", _with_basis(figure.status, figure.bases["status"])
    if figure.doubtful:
        yield "doubtful", "the curator doubts this reading (see the note)"
    for check in figure.checks:
        yield "check", f"{check.status}: {check.check_id} ({check.label})"
    for target in figure.targets:
        other = (
            target.actual_figure_id
            if target.target_figure_id == figure.figure_id
            else target.target_figure_id
        )
        yield "target", f"{target.outcome}: {other or 'no actual'}"
    if not figure.checks:
        yield "checks", "none"
    yield "quote", f"“{figure.quote}”"


def _tip(figure: Figure, letter: Letter) -> str:
    head = f"{figure.number}. {figure.indicator_en} · {figure.indicator_zh}"
    rows = "".join(
        f"<span><b>{escape(name)}</b> {escape(value)}</span>"
        for name, value in _tip_lines(figure, letter)
    )
    return (
        f'<span class="tip" role="tooltip" id="tip-{escape(figure.slug)}">'
        f'<span class="head"><b>{escape(head)}</b></span>{rows}</span>'
    )


# --- The letter's text ---------------------------------------------------------------------


def _badge(figure: Figure) -> str:
    word = STATUS_WORDS.get(figure.status, (figure.status, ""))[0]
    text = f"[{figure.number}]" if figure.status == "actual" else f"[{figure.number} {word}]"
    if figure.doubtful:
        text += "?"
    return f'<sup class="badge st-{escape(figure.status)}">{escape(text)}</sup>'


def _anchor(figure: Figure, inner: str, letter: Letter) -> str:
    status = escape(figure.status)
    doubtful = " doubtful" if figure.doubtful else ""
    return (
        f'<a class="fig st-{status}{doubtful}" id="fig-{escape(figure.slug)}" '
        f'href="#row-{escape(figure.slug)}" data-figure-id="{escape(figure.figure_id)}" '
        f'data-status="{status}" aria-describedby="tip-{escape(figure.slug)}">'
        f"{inner}{_badge(figure)}{_tip(figure, letter)}</a>"
    )


def _words(letter: Letter, start: int, end: int, *, links: bool) -> str:
    """The letter's text from ``start`` to ``end``, with the evidence words in it marked."""
    inside = [e for e in letter.evidence if e.start < end and e.end > start]
    cuts = sorted(
        {start, end, *(max(start, min(end, p)) for e in inside for p in (e.start, e.end))}
    )
    parts = []
    for a, b in itertools.pairwise(cuts):
        piece = escape(visible(letter.text, a, b))
        covering = [e for e in inside if e.start <= a and e.end >= b]
        parts.append(_evidence(covering, piece, letter, links=links) if covering else piece)
    return "".join(parts)


def _evidence(covering: list[Evidence], piece: str, letter: Letter, *, links: bool) -> str:
    ids = " ".join(dict.fromkeys(e.figure_id for e in covering))
    labels = " ".join(dict.fromkeys(e.label for e in covering))
    numbers = ", ".join(
        f"[{letter.figures[e.figure_id].number}] {e.label}"
        for e in covering
        if e.figure_id in letter.figures
    )
    attributes = (
        f'class="evidence" data-evidence-for="{escape(ids)}" data-label="{escape(labels)}" '
        f'title="{escape("the words the label rests on: " + numbers)}"'
    )
    first = letter.figures.get(covering[0].figure_id)
    if links and first is not None:
        return f'<a {attributes} href="#fig-{escape(first.slug)}">{piece}</a>'
    return f"<span {attributes}>{piece}</span>"


def _mark(mark: Mark, letter: Letter) -> str:
    figures = [letter.figures[i] for i in mark.figure_ids]
    if not figures:
        reason = mark.reason or mark.kind
        inner = _words(letter, mark.start, mark.end, links=True)
        return (
            f'<span class="mention" data-reason="{escape(reason)}" data-kind="{escape(mark.kind)}" '
            f'title="{escape(mark.kind + ": " + reason)}">{inner}</span>'
        )
    inner = _words(letter, mark.start, mark.end, links=False)
    if len(figures) == 1:
        return _anchor(figures[0], inner, letter)
    # One number that several figures share (均居全市第一): the number once, a badge for each.
    status = figures[0].status if len({f.status for f in figures}) == 1 else "actual"
    badges = "".join(_anchor(f, "", letter) for f in figures)
    return f'<span class="fig-number st-{escape(status)}">{inner}</span>{badges}'


def _paragraphs(letter: Letter) -> str:
    parts = (
        "".join(
            _mark(mark, letter) if mark else _words(letter, start, end, links=True)
            for start, end, mark in pieces
        )
        for pieces in layout(letter)
    )
    return "\n".join(f"<p>{p}</p>" for p in parts)


# --- The page ------------------------------------------------------------------------------


def _meta(letter: Letter) -> str:
    fields = [
        ("letter", letter.source_id),
        ("document number", letter.doc_number),
        ("issuer", letter.issuer or "not stated"),
        ("date", letter.date or "undated"),
        ("data version", letter.data_version),
    ]
    items = "".join(f"<dt>{escape(k)}</dt><dd>{escape(v)}</dd>" for k, v in fields)
    return f'<dl class="meta">{items}</dl>'


def _legend(letter: Letter) -> str:
    others = sum(1 for m in letter.marks if not m.figure_ids)
    styles = "; ".join(f"{word}: {line}" for word, line in STATUS_WORDS.values())
    parts = [
        f"{len(letter.figures)} figures, each number marked with its index and status "
        f"({styles}); hover or focus a mark (Tab) for its values.",
        f"{others} other numbers, muted: hover for the reason they are not figures.",
    ]
    if letter.evidence:
        parts.append(f"{len(letter.evidence)} highlighted words: what a label rests on.")
    return f'<p class="legend">{escape(" ".join(parts))}</p>'


def _row(figure: Figure) -> str:
    checks = "; ".join(f"{c.status}: {c.check_id}" for c in figure.checks) or "—"
    targets = "; ".join(t.outcome for t in figure.targets)
    cells = [
        f'<a href="#fig-{escape(figure.slug)}">{figure.number}</a>',
        escape(figure.value_as_reported),
        f"{escape(figure.indicator_en)}<br>{escape(figure.indicator_zh)}",
        escape(figure.period),
        escape(figure.area),
        escape(figure.status),
        escape(figure.interval),
        escape(checks + (f"; target {targets}" if targets else "")),
    ]
    tds = "".join(f"<td>{cell}</td>" for cell in cells)
    return (
        f'<tr id="row-{escape(figure.slug)}" data-row-for="{escape(figure.figure_id)}">{tds}</tr>'
    )


def _table(letter: Letter) -> str:
    header = ["#", "as reported", "indicator", "period", "area", "status", "interval", "checks"]
    head = "".join(f"<th>{escape(h)}</th>" for h in header)
    rows = "\n".join(_row(f) for f in letter.figures.values())
    return (
        '<section class="figures"><h2>Figures</h2>'
        f"<table><thead><tr>{head}</tr></thead><tbody>\n{rows}\n</tbody></table></section>"
    )


def page(letter: Letter) -> str:
    """The standalone HTML page of a letter (see :func:`futian_indicators.render_letter`)."""
    title = f"{letter.source_id}: {letter.title}"
    return (
        page_head(title, _CSS, _SCRIPT)
        + f'<body><header><h1 lang="zh">{escape(letter.title)}</h1>{_meta(letter)}'
        f"{_legend(letter)}</header>\n"
        f'<main><article class="letter" lang="zh">\n{_paragraphs(letter)}\n</article>\n'
        f"{_table(letter)}</main>\n"
        f"<footer>Rendered by futian-indicators {escape(__version__)} from data version "
        f"{escape(letter.data_version)}. Offsets index the letter's raw text; line breaks of the "
        "printed page are joined.</footer>\n"
        f"<script>{_SCRIPT}</script></body></html>\n"
    )
