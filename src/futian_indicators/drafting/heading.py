"""Read what a letter's heading, salutation, signature and closing date state about it.

A reply letter opens with a heading that names the proposal or suggestion it answers (its
document number, the session it was raised at, its title), a salutation naming the members or
deputies it answers (尊敬的…委员：), and closes with the issuing office's signature and the date.
:func:`read_heading` reads these from a normalised letter into a draft record of
``data/raw/sources.yaml``; whatever the letter does not state stays ``None`` and the record's
note says so (nothing is guessed). It is the first half of ``futian-indicators extract``
(:mod:`futian_indicators.drafting.draft`); a curator reviews the record before it is kept.

Where each field comes from:

=============  ==================================================================================
field          read from
=============  ==================================================================================
kind           the heading: 提案 or 政协 make a CPPCC proposal reply, else 建议 or 人大 an
               NPC suggestion reply (a proposal may be titled …的建议: 提案 is looked for first)
doc_number     第2025136号, TA 20210091 or 20240294号 in the heading
session_zh     政协六届五次会议, 区八届人大五次会议, 第八届人民代表大会第四次会议 (read as
               八届人大四次会议), without the place (深圳市福田区)
title_zh       the first 《…》 of the heading, else the first “关于…” in quotation marks
recipients_zh  the salutation: 尊敬的郭宏伟委员： gives 郭宏伟委员
issuer_zh      the signature after the letter's last sentence: 福田区科技创新局
date           the closing date after the last sentence: 2025年9月26日
=============  ==================================================================================
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Final

from .. import vocab
from ..language.lexicon import CN_SMALL_NUMERALS, DATE, DOC_NUMBER_FORMS

_HEADING_END_RE: Final = re.compile(r"答复如下|回复如下|现答复|收悉")
_DOC_NUMBER_RES: Final = tuple(re.compile(form) for form in DOC_NUMBER_FORMS)
_NOT_DIGITS_RE: Final = re.compile(r"\D")
_SESSION_RE: Final = re.compile(
    rf"((?:(?<!田)区)?(?:政协)?[{CN_SMALL_NUMERALS}]+届(?:人大)?[{CN_SMALL_NUMERALS}]+次会议)"
    rf"|第([{CN_SMALL_NUMERALS}]+)届人民代表大会第([{CN_SMALL_NUMERALS}]+)次会议"
)
_BOOK_TITLE_RE: Final = re.compile(r"《([^《》]{2,200})》")
_QUOTED_TITLE_RE: Final = re.compile(r"“(关于[^“”]{2,200})”")
_QUOTED_RE: Final = re.compile(r"“([^“”]{2,200})”(?:提案|建议)")
_SALUTATION_RE: Final = re.compile(r"尊敬的([^：:。]{1,300})[：:]")
_SENTENCE_END_RE: Final = re.compile(r"[。！!？?]")
_ISSUER_RE: Final = re.compile(
    r"((?:深圳市)?福田区[\u4e00-\u9fff]{1,24}?(?:局|委员会|办公室|人民政府|中心|委|办|署))"
)
_DATE_RE: Final = re.compile(DATE)
_KINDS: Final = tuple(
    (kind, re.compile(f"{words.item_zh}|{words.body_zh}"), words.id_body)
    for kind, words in vocab.SOURCE_KIND_WORDS.items()
)
KIND_BY_BODY: Final[Mapping[str, str]] = {body: kind for kind, _, body in _KINDS}
"""The kind of source each body of a source id (``cppcc-…``, ``npc-…``) stands for."""


@dataclass(slots=True)
class Heading:
    """What a letter states about itself; ``None`` where it does not say, with a note why."""

    kind: str | None = None
    doc_number: str | None = None
    session_zh: str | None = None
    title_zh: str | None = None
    issuer_zh: str | None = None
    recipients_zh: str | None = None
    date: dt.date | None = None
    notes: list[str] = field(default_factory=list)


def _heading_part(text: str) -> str:
    """The letter up to its first 答复如下/收悉 (heading, salutation, opening), or 600 chars."""
    m = _HEADING_END_RE.search(text, 0, 1200)
    return text[: m.end()] if m else text[:600]


def _tail(text: str) -> str:
    """What follows the letter's last sentence: the signature and the closing date."""
    ends = list(_SENTENCE_END_RE.finditer(text))
    return text[ends[-1].end() :] if ends else ""


def _kind(head: str) -> str | None:
    for kind, pattern, _ in _KINDS:
        if pattern.search(head):
            return kind
    return None


def _doc_number(head: str) -> str | None:
    for pattern in _DOC_NUMBER_RES:
        m = pattern.search(head)
        if m:
            return _NOT_DIGITS_RE.sub("", m.group(0))
    return None


def _session(head: str) -> str | None:
    m = _SESSION_RE.search(head)
    if m is None:
        return None
    if m.group(1):
        return m.group(1)
    return f"{m.group(2)}届人大{m.group(3)}次会议"


def _title(head: str) -> str | None:
    for pattern in (_BOOK_TITLE_RE, _QUOTED_TITLE_RE, _QUOTED_RE):
        m = pattern.search(head)
        if m:
            return m.group(1)
    return None


def _date(tail: str) -> dt.date | None:
    found = _DATE_RE.findall(tail)
    if not found:
        return None
    try:
        return dt.date(*(int(x) for x in found[-1]))
    except ValueError:
        return None


def read_heading(text: str) -> Heading:
    """Read kind, document number, session, title, recipients, issuer and date of a letter.

    Parameters
    ----------
    text : str
        The normalised letter (:func:`futian_indicators.language.normalise.normalise`).

    Returns
    -------
    Heading
        Each field as the letter states it, or ``None`` with a sentence in ``notes`` saying
        what the letter does not state.

    Examples
    --------
    >>> h = read_heading(
    ...     "关于对第2025136号提案《关于福田区打造一流营商环境的建议》的答复尊敬的郭宏伟委员："
    ...     "您于福田区政协六届五次会议上提出的提案已收悉。……再次感谢。"
    ...     "福田区科技和工业信息化局2025年9月26日"
    ... )
    >>> h.kind, h.doc_number, h.session_zh, h.title_zh
    ('cppcc_proposal_reply', '2025136', '政协六届五次会议', '关于福田区打造一流营商环境的建议')
    >>> h.recipients_zh, h.issuer_zh, h.date
    ('郭宏伟委员', '福田区科技和工业信息化局', datetime.date(2025, 9, 26))
    >>> read_heading("关于区八届人大五次会议第20250021号建议的答复。感谢！").notes[0]
    'The letter names no issuer (no signature after its last sentence): issuer_zh is null.'
    """
    head, tail = _heading_part(text), _tail(text)
    salutation = _SALUTATION_RE.search(head)
    issuer = _ISSUER_RE.search(tail)
    heading = Heading(
        kind=_kind(head),
        doc_number=_doc_number(head),
        session_zh=_session(head),
        title_zh=_title(head),
        issuer_zh=issuer.group(1) if issuer else None,
        recipients_zh=salutation.group(1) if salutation else None,
        date=_date(tail),
    )
    missing = {
        "issuer_zh": "The letter names no issuer (no signature after its last sentence): "
        "issuer_zh is null.",
        "date": "The letter is undated (no closing date after its last sentence): date is null.",
        "session_zh": "The heading names no session (…届…次会议): session_zh is null.",
        "recipients_zh": "The letter has no salutation (尊敬的…：): recipients_zh is null.",
    }
    heading.notes.extend(note for name, note in missing.items() if getattr(heading, name) is None)
    return heading
