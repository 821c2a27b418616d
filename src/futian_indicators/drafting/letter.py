"""Add a new letter to ``data/raw`` with a draft of its figures: ``futian-indicators extract``.

:func:`draft_letter` copies the letter to ``letters/<ID>.txt``, appends a draft record to
``sources.yaml`` (what the heading, salutation, signature and date state:
:mod:`futian_indicators.drafting.heading`) and writes ``figures/<ID>.yaml`` with a draft figure for
every quantity and rank the extractor finds (:mod:`futian_indicators.drafting.draft`). Every check
runs before anything is written, and the files are written all or none
(:mod:`futian_indicators.drafting.changes`). The draft builds as it stands
(``futian-indicators build``); a curator then reviews each figure, corrects it and replaces its
note. Nothing here is final data: every draft note starts with ``draft:``.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from ..errors import ArgumentError, LetterError
from ..language.normalise import NormalisedText, normalise
from ..raw.records import SOURCE_ID_RE, read_letter, read_yaml
from .changes import Change, appended, apply_all
from .draft import Draft, draft_figures
from .heading import KIND_BY_BODY, Heading, read_heading
from .matcher import read_codebook
from .review import review_lines, review_page
from .yamltext import render_figures, render_source

__all__ = ["DraftReport", "draft_letter", "review", "summary"]


@dataclass(frozen=True, slots=True)
class DraftReport:
    """What :func:`draft_letter` wrote."""

    draft: Draft
    figures_path: Path
    letter_path: Path | None  # None: the letter was already in place
    source_added: bool
    root: Path  # the project root: paths are shown relative to it
    review_path: Path | None = None  # where the review page was written, if asked

    def summary(self) -> str:
        """What ``futian-indicators extract`` did, in a few lines."""
        return summary(self, self.root)


def summary(report: DraftReport, root: Path) -> str:
    """What ``futian-indicators extract`` did, in a few lines, with paths relative to ``root``."""

    def shown(path: Path) -> str:
        return str(path.relative_to(root)) if path.is_relative_to(root) else str(path)

    draft = report.draft
    held = len(draft.not_placed) + len(draft.proposed)
    lines = [
        f"wrote {shown(report.figures_path)}: {draft.counts()}"
        + (" (those not on a codebook indicator listed at the top of the file)" if held else "")
    ]
    if report.letter_path is not None:
        lines.append(f"copied the letter to {shown(report.letter_path)}")
    if report.review_path is not None:
        lines.append(f"wrote {shown(report.review_path)}: the review report as a page")
    if report.source_added:
        lines.append(f"appended a draft record of {draft.source_id} to data/raw/sources.yaml")
    lines[1:1] = review(draft)
    lines += [f"problem: {p}" for p in draft.problems]
    lines.append("review the draft (every note says 'draft:'), then run 'futian-indicators build'")
    return "\n".join(lines)


def review(draft: Draft, limit: int = 20) -> list[str]:
    """The labels to review first, least sure first, with what each rests on.

    The report of :func:`futian_indicators.drafting.review.review_lines`: every label under 0.7
    (a proposed new indicator, a label on a convention or on the drafter's judgement), at most
    ``limit`` of them.
    """
    return review_lines(draft, limit)


def _check_source_id(source_id: str) -> None:
    if not SOURCE_ID_RE.fullmatch(source_id):
        msg = (
            f"source id {source_id!r} is not <body>-<document number> in lower-case letters, "
            "digits and '-' (e.g. 'cppcc-2025136', 'npc-20240294'); fix --source-id"
        )
        raise ArgumentError(msg)


def _read_new_letter(path: Path) -> tuple[bytes, NormalisedText]:
    """The bytes and normalised text of a letter not yet in ``data/raw`` (no hash to check)."""
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        msg = f"letter {str(path)!r} not found; give the path of the letter's text file"
        raise ArgumentError(msg) from None
    except IsADirectoryError:
        msg = f"letter {str(path)!r} is a folder; give the path of the letter's text file"
        raise ArgumentError(msg) from None
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        msg = (
            f"letter {str(path)!r} is not UTF-8 (at byte {exc.start}); convert it first, "
            "e.g. with iconv -f GB18030 -t UTF-8"
        )
        raise LetterError(msg) from None
    letter = normalise(text)
    if not letter.text:
        msg = f"letter {str(path)!r} is empty; give the text of the letter"
        raise LetterError(msg)
    return data, letter


def _holds_this_letter(target: Path, sha256: str) -> bool:
    """Whether ``letters/<id>.txt`` is there with this letter's bytes (raises if another's)."""
    if not target.exists():
        return False
    try:
        read_letter(target, sha256)
    except LetterError:
        msg = f"{target} holds another letter, and letters are never replaced: choose another id"
        raise LetterError(msg) from None
    return True


def _kind(source_id: str, heading: Heading) -> tuple[str, list[str]]:
    """The letter's kind, from its heading, else from the source id's body."""
    body, number = source_id.split("-", 1)
    named = KIND_BY_BODY.get(body)
    if heading.kind and named and heading.kind != named:
        other = next(b for b, k in KIND_BY_BODY.items() if k == heading.kind)
        msg = (
            f"source id {source_id!r} names a {named} but the letter's heading makes it a "
            f"{heading.kind} (提案/政协: cppcc, 建议/人大: npc); use '{other}-{number}'"
        )
        raise ArgumentError(msg)
    if heading.kind:
        return heading.kind, []
    if named:
        return named, [f"The heading names neither 提案 nor 建议: kind follows the id's {body!r}."]
    msg = (
        f"the letter's heading names neither 提案/政协 nor 建议/人大, and source id {source_id!r} "
        "has no known body to tell its kind; name it 'cppcc-<number>' or 'npc-<number>'"
    )
    raise ArgumentError(msg)


def _sources(path: Path) -> list[Mapping[str, Any]]:
    """The records of ``sources.yaml`` as written, valid or not (none when there is no file)."""
    data = read_yaml(path) if path.exists() else []
    return [r for r in (data if isinstance(data, list) else []) if isinstance(r, dict)]


def _known(source_id: str, sha256: str, sources: Sequence[Mapping[str, Any]]) -> bool:
    """Whether sources.yaml describes this letter already (raises if it describes another)."""
    known = next((r for r in sources if r.get("source_id") == source_id), None)
    if known is not None and known.get("sha256") != sha256:
        msg = (
            f"sources.yaml already describes {source_id!r}, with another sha256 "
            f"({str(known.get('sha256'))[:12]}…; this letter's is {sha256[:12]}…): choose "
            "another source id, or remove that record first"
        )
        raise LetterError(msg)
    return known is not None


def _source_record(
    source_id: str, heading: Heading, sha256: str, sources: Sequence[Mapping[str, Any]]
) -> str:
    """The draft record of sources.yaml: the heading's fields, and notes on what is missing."""
    kind, notes = _kind(source_id, heading)
    issuers = {r.get("issuer_zh"): r.get("issuer_en") for r in sources if r.get("issuer_en")}
    issuer_en = issuers.get(heading.issuer_zh) if heading.issuer_zh else None
    notes += heading.notes
    if heading.issuer_zh and issuer_en is None:
        notes.append("issuer_en is null: give the issuer's English name.")
    number = source_id.split("-", 1)[1]
    if heading.doc_number is None:
        notes.append("The heading states no document number: doc_number follows the source id.")
    elif heading.doc_number != number:
        notes.append(f"The letter's document number {heading.doc_number} is not the source id's.")
    if heading.title_zh is None:
        notes.append("The heading states no title in 《》 or “”: title_zh is a placeholder.")
    doc_number = heading.doc_number or number
    title = heading.title_zh or f"(no title stated: the reply to {doc_number})"
    heading = replace(heading, doc_number=doc_number, title_zh=title)
    return render_source(
        source_id, kind=kind, heading=heading, sha256=sha256, issuer_en=issuer_en, notes=notes
    )


def _check_out(out: Path, force: bool, review_path: Path | None) -> None:
    """Refuse a draft or review path that cannot be written, before anything is written."""
    for path, option in ((out, "--out"), (review_path, "--review")):
        if path is not None and path.is_dir():
            msg = f"{option} {str(path)!r} is a folder; give the path of a file in it"
            raise ArgumentError(msg)
    if out.exists() and not force:
        raise ArgumentError(f"{str(out)!r} exists; pass --force to overwrite it")
    if review_path is not None and not review_path.parent.is_dir():
        msg = (
            f"--review {str(review_path)!r}: the folder {str(review_path.parent)!r} does not "
            "exist; create it first, or give a file in an existing folder"
        )
        raise ArgumentError(msg)


def draft_letter(
    letter_path: Path,
    source_id: str,
    *,
    root: Path,
    out: Path | None = None,
    force: bool = False,
    review_path: Path | None = None,
) -> DraftReport:
    """Add a letter to ``root/data/raw`` with a draft of its figures (see the module docs).

    Copies the letter to ``letters/<source_id>.txt`` (unless it is there), appends a draft
    record to ``sources.yaml`` (unless it has one with the letter's sha256) and writes the draft
    figures to ``out`` (default ``figures/<source_id>.yaml``) and, with ``review_path``, the
    review report as a page there (:func:`~futian_indicators.drafting.review.review_page`).
    Every check runs before anything is written; the files are written all or none.

    Returns
    -------
    DraftReport
        The draft and what was written; ``report.summary()`` says it in a few lines.

    Raises
    ------
    ArgumentError
        (exit 2) No ``data/raw`` under ``root``; the letter file is missing; the source id is
        malformed or names the wrong body; ``out`` exists and ``force`` is not set; ``out`` or
        ``review_path`` is a folder; the folder of ``review_path`` does not exist.
    LetterError
        (exit 1) The letter is not UTF-8 or is empty; the id is another letter's.
    CurationError
        (exit 1) indicators.yaml or sources.yaml cannot be read.
    """
    raw_dir = root / "data" / "raw"
    if not raw_dir.is_dir():
        msg = f"no data/raw folder in {str(root)!r}; run in a checkout, or pass --root"
        raise ArgumentError(msg)
    _check_source_id(source_id)
    data, letter = _read_new_letter(letter_path)
    out = out if out is not None else raw_dir / "figures" / f"{source_id}.yaml"
    _check_out(out, force, review_path)
    heading = read_heading(letter.text)
    sha256 = hashlib.sha256(data).hexdigest()
    sources_path = raw_dir / "sources.yaml"
    sources = _sources(sources_path)
    known = _known(source_id, sha256, sources)
    target = raw_dir / "letters" / f"{source_id}.txt"
    copied = not _holds_this_letter(target, sha256)
    record = None if known else _source_record(source_id, heading, sha256, sources)
    number = source_id.split("-", 1)[1]  # the document number, where the heading states none
    dated = replace(heading, doc_number=heading.doc_number or number)
    draft = draft_figures(letter, source_id, read_codebook(raw_dir), dated)
    changes = [Change(target, data)] if copied else []
    changes += [appended(sources_path, record)] if record is not None else []
    changes.append(Change(out, render_figures(draft, letter_path.name).encode("utf-8")))
    if review_path is not None:
        changes.append(Change(review_path, review_page(draft).encode("utf-8")))
    apply_all(changes)
    copy = target if copied else None
    return DraftReport(draft, out, copy, record is not None, root, review_path)
