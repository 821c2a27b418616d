"""Write a draft as YAML text: ``figures/<source_id>.yaml`` and a record of ``sources.yaml``.

The text is written by hand rather than by :func:`yaml.safe_dump` so that it reads as a curated
file does (docs/curation.md): keys in the record's order, one blank line between figures, long
texts folded at spaces, comments at the top listing what the draft could not place. Each scalar is
still written by PyYAML, so that it reads back as exactly the value drafted.

Examples
--------
>>> from futian_indicators.drafting.draft import Draft
>>> print(render_figures(Draft("cppcc-2025001"), "reply.txt"), end="")
# DRAFT figures of cppcc-2025001, written by `futian-indicators extract` from reply.txt. Nothing
# here is reviewed: check each figure's indicator, period, status and geo against its quote,
# correct it, and replace its note (each says 'draft:' until then). Format: docs/curation.md. 0
# number(s): 0 placed on a codebook indicator, 0 proposed as a new indicator, 0 not placed.
source_id: cppcc-2025001
figures: []
"""

from __future__ import annotations

import textwrap
from collections.abc import Iterable
from decimal import Decimal
from typing import TYPE_CHECKING, Any, Final

import yaml

from ..raw.records import FIGURE_KEYS
from .heading import Heading

if TYPE_CHECKING:
    from .records import Draft, DraftFigure

__all__ = ["NOT_PLACED_REASON", "render_figures", "render_source"]

NOT_PLACED_REASON: Final = "draft: not placed; review"
"""The reason a draft gives, under ``not_figures``, to a number it could not place."""


_WIDTH: Final = 96


def _scalar(value: Any, *, quoted: bool = False) -> str:
    """One YAML scalar as PyYAML writes it (quoted where it must be), on one line."""
    style = '"' if quoted else None
    dumped = yaml.safe_dump(value, allow_unicode=True, width=10**9, default_style=style)
    return dumped.removesuffix("\n...\n").rstrip("\n")


def _number(value: float) -> str:
    """A value YAML reads back as exactly this float (no exponent: YAML 1.1 needs a dot)."""
    if value.is_integer() and abs(value) < 2**53:
        return str(int(value))
    return format(Decimal(repr(value)), "f")


def _evidence_value(value: Any) -> str:
    """One label's evidence on one line: words, ``{passage: ..., words: ...}`` or a list."""
    if isinstance(value, dict):
        passage, words = (
            _scalar(value["passage"], quoted=True),
            _scalar(value["words"], quoted=True),
        )
        return f"{{passage: {passage}, words: {words}}}"
    if isinstance(value, list | tuple):
        return "[" + ", ".join(_evidence_value(v) for v in value) + "]"
    return _scalar(str(value), quoted=True)


def _entry(key: str, value: Any, indent: str) -> list[str]:
    """``key: value`` lines; a long text is folded (``>-``) at spaces; evidence as a mapping."""
    if key == "evidence" and isinstance(value, dict):
        inner = " " * len(indent) + "  "
        return [f"{' ' * len(indent)}evidence:"] + [
            f"{inner}{label}: {_evidence_value(v)}" for label, v in value.items()
        ]
    text = _number(value) if key == "value" else _scalar(value, quoted=key == "period")
    line = f"{indent}{key}: {text}"
    if len(line) <= _WIDTH or not isinstance(value, str) or " " not in value:
        return [line]
    body = textwrap.wrap(value, _WIDTH - 6, break_long_words=False, break_on_hyphens=False)
    return [f"{indent}{key}: >-", *(f"{indent}  {part}" for part in body)]


def _comments(text: str, indent: str = "# ") -> list[str]:
    return textwrap.wrap(
        text, _WIDTH, initial_indent=indent, subsequent_indent="#     " if indent != "# " else "# "
    )


_FIGURE_KEYS: Final = tuple(
    k for key in (*FIGURE_KEYS, "note")
    for k in ((key, "evidence") if key == "status_basis" else (key,))
)  # fmt: skip
"""The keys of a figure record, in the order the curated files write them (evidence, optional,
after the bases)."""


def _proposed_reason(figure: DraftFigure) -> str:
    """The not_figures reason of a draft figure of a proposed new indicator."""
    assert figure.proposal is not None
    return (
        f"draft: {figure.proposal.describe()}; period {figure.period}, status {figure.status}, "
        f"geo {figure.geo}; add the indicator to indicators.yaml and curate it as a figure, or "
        "give it its reason"
    )


def _basis_keys(figure: DraftFigure) -> list[tuple[str, Any]]:
    """The label-basis keys of a figure, in the record's order."""
    return [(k, v) for k, v in figure.labels if k in _FIGURE_KEYS]


_REVIEW_LIMIT: Final = 30  # the least sure labels listed at the top of the draft


def render_figures(draft: Draft, letter_name: str) -> str:
    """The draft as the text of ``figures/<source_id>.yaml`` (format: docs/curation.md).

    A draft figure of a proposed new indicator is written under ``not_figures`` with its
    proposal as the reason: the build accepts only codebook indicators. The comments at the top
    list the numbers not placed, then the least sure labels (the review report:
    :func:`~futian_indicators.drafting.review.review_lines`).
    """
    from .review import review_lines  # review imports draft, which imports this module

    placed, proposed = draft.placed, draft.proposed
    n, m = len(placed), len(draft.not_placed) + len(proposed)
    lines = _comments(
        f"DRAFT figures of {draft.source_id}, written by `futian-indicators extract` from "
        f"{letter_name}. Nothing here is reviewed: check each figure's indicator, period, status "
        "and geo against its quote, correct it, and replace its note (each says 'draft:' until "
        f"then). Format: docs/curation.md. {draft.counts()}"
        + (f"; the {m} not on a codebook indicator:" if m else ".")
    )
    for p in draft.not_placed:
        lines += _comments(f"{p.mention} in “{p.quote}”: {p.why}", indent="#   - ")
    for f in proposed:
        lines += _comments(f"{f.quantity} in “{f.quote}”: {_proposed_reason(f)}", indent="#   - ")
    if m:
        lines += _comments(
            "Each is listed under not_figures with a reason that starts 'draft:': curate it as a "
            "figure, or give it its reason."
        )
    for problem in draft.problems:
        lines += _comments(f"PROBLEM: {problem}")
    for line in review_lines(draft, limit=_REVIEW_LIMIT):
        lines += _comments(line.strip(), indent="#   - " if line.startswith("  ") else "# ")
    lines += [f"source_id: {_scalar(draft.source_id)}", "figures:" + ("" if n else " []")]
    for i, figure in enumerate(placed):
        lines += [""] if i else []
        values = {key: getattr(figure, key) for key in _FIGURE_KEYS if hasattr(figure, key)}
        values.update(_basis_keys(figure))
        for key in _FIGURE_KEYS:
            if key in values:
                lines += _entry(key, values[key], "  - " if key == "slug" else "    ")
    if m:
        lines += ["", "not_figures:"]
        entries = [(p.quote, p.mention, p.reason) for p in draft.not_placed]
        entries += [(f.quote, f.quantity, _proposed_reason(f)) for f in proposed]
        for quote, mention, reason in entries:
            lines += _entry("quote", quote, "  - ")
            lines += _entry("mention", mention, "    ")
            lines += _entry("reason", reason, "    ")
    return "\n".join(lines) + "\n"


def render_source(
    source_id: str,
    *,
    kind: str,
    heading: Heading,
    sha256: str,
    issuer_en: str | None,
    notes: Iterable[str],
) -> str:
    """A draft record of ``sources.yaml`` (format: docs/curation.md), as text to append."""
    note = " ".join(
        [
            "DRAFT record written by futian-indicators extract from the letter's heading, "
            "salutation, signature and closing date; review every field, then replace this "
            "note with what the letter does not state.",
            *notes,
        ]
    )
    fields: list[tuple[str, Any]] = [
        ("source_id", source_id),
        ("kind", kind),
        ("doc_number", heading.doc_number),
        ("session_zh", heading.session_zh),
        ("title_zh", heading.title_zh),
        ("issuer_zh", heading.issuer_zh),
        ("issuer_en", issuer_en),
        ("recipients_zh", heading.recipients_zh),
        ("date", heading.date),
        ("sha256", sha256),
        ("note", note),
    ]
    lines = []
    for i, (key, value) in enumerate(fields):
        if key == "doc_number" and value is not None:
            lines.append(f"  {key}: {_scalar(str(value), quoted=True)}")
        else:
            lines += _entry(key, value, "- " if i == 0 else "  ")
    return "\n".join(lines) + "\n"
