"""Which codebook indicator a number reports, and how sure that is: names, subject, cues.

Three kinds of evidence, for the indicators of the number's unit:

- *a name*: the indicator's ``name_zh`` or a true synonym (``aliases_zh``) near the number, as
  :class:`~futian_indicators.drafting.matcher.Matcher` finds it (0.9 in the number's phrase,
  0.7 in its clause, 0.5 in its sentence);
- *the subject phrase*: the words the number is the predicate of (before it in its phrase, with
  the period, area and verb words around them taken off: 实质推进和落地高端科创项目 for
  超200个; or, for a count, the noun after it: 5个 *大型央企研发中心*), scored against each name
  by :func:`similarity`; a growth, share or rank is scored against its base indicator's names
  too (金融业增加值…深圳第一 is the finance rank), but only when the number's own words make it
  that kind (增长 before a percent: a growth; 占: a share); a growth with no subject of its own
  takes the clause before's. The confidence is 0.9 times the similarity (0.8 from the clause
  before);
- *cues* (``cues_zh``): context words that raise the chosen indicator's confidence by 0.1 when
  they stand in the number's sentence, but never make a match alone.

A match must rest on a specific word: a subject shares at least three characters in a row with
the name it matches. The better of the name and the subject evidence wins (the name on a tie).
Under :data:`~futian_indicators.drafting.proposal.ACCEPT` the draft proposes a new indicator
instead (:mod:`futian_indicators.drafting.proposal`).

Examples
--------
>>> similarity("高端科创项目", "高端科创项目"), similarity("项目", "高端科创项目")
(1.0, 0.0)
>>> round(similarity("世界500强企业研发中心", "世界500强研发中心"), 2)
0.94
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from typing import Final

from .cues import CLAUSE, LEVEL_NAMES, PHRASE, SENTENCE, Offsets, Place, Segments
from .matcher import Choice, CodebookEntry, Matcher, alias_pattern
from .proposal import clean, clean_leading, measure_of, off_status

__all__ = ["GENERIC_RE", "choose", "similarity", "subjects"]

GENERIC_RE: Final = re.compile(r"^(?:同比|增长|增速|占全市|占比|比重|全市第|深圳第)")
"""Words that name no indicator alone (同比增长, 占全市): a match never rests on them alone."""
_GENERIC_WORDS_RE: Final = re.compile(
    r"同比增长|同比|增长率?|增速|占全市的?|占比|比重|(?:全市|深圳)(?:第一|排名)|排名"
)
_MIN_RUN: Final = 3  # characters in a row a subject shares with the name it matches
_CUE_BONUS: Final = {CLAUSE: 0.2, SENTENCE: 0.1}
_QUALIFIED: Final = 0.2  # less for a name the subject qualifies (香港高校研发机构 for 研发机构)
_QUALIFIER_CHARS: Final = 2
_MODIFIER: Final = 0.3  # less for a name that only qualifies the subject (国高企业 in …培育辅导会)
_RANK_TAIL_RE: Final = re.compile(
    r"(?:多年|连续)?(?:稳居|均居|居|位列|位居|排名|排|为|均为)?(?:全市|深圳市?|全省|全国|全区)?$"
)
_AFTER_RE: Final = re.compile(r"[^，；。、：！？（(]{1,24}")
_AFTER_TAIL_RE: Final = re.compile(r"(?:等|以上|左右|的)+$")
_KINDED: Final = ("growth", "share")
_TOPIC_WEIGHT: Final = {CLAUSE: 0.6, SENTENCE: 0.5}
_PREDICATE_RE: Final = re.compile(r"^(?:占|同比|增长|增速|比上年|较上年|规模|总量|总额|金额)")
_VERB_TAIL_RE: Final = re.compile(r"(?:达到|达|为|超过|超|约|近|突破|逾|的)+$")


def _lcs(a: str, b: str) -> tuple[int, int]:
    """The longest common subsequence of ``a`` and ``b`` and their longest common run."""
    seq = [[0] * (len(b) + 1) for _ in range(len(a) + 1)]
    run = [[0] * (len(b) + 1) for _ in range(len(a) + 1)]
    best_run = 0
    for i, x in enumerate(a, 1):
        for j, y in enumerate(b, 1):
            if x == y:
                seq[i][j] = seq[i - 1][j - 1] + 1
                run[i][j] = run[i - 1][j - 1] + 1
                best_run = max(best_run, run[i][j])
            else:
                seq[i][j] = max(seq[i - 1][j], seq[i][j - 1])
    return seq[len(a)][len(b)], best_run


def similarity(subject: str, name: str) -> float:
    """How well a subject phrase matches a name, 0 to 1: mostly how much of the name it holds.

    0 unless they share :data:`_MIN_RUN` characters in a row (the whole name when it is shorter),
    or two in a row with four fifths of a name of four or more characters (国际性产业组织 and
    国际产业与标准组织).
    """
    subject, name = _GENERIC_WORDS_RE.sub("", subject), _GENERIC_WORDS_RE.sub("", name)
    if not subject or not name or "…" in name:
        return 0.0
    common, run = _lcs(subject, name)
    coverage, precision = common / len(name), common / len(subject)
    if run < min(_MIN_RUN, len(name)) and not (run >= 2 and len(name) >= 4 and coverage >= 0.8):
        return 0.0
    return (2 * coverage + precision) / 3


def _pieces(text: str, span: Offsets, others: Sequence[Offsets]) -> str:
    """The longest subject words of a phrase once the numbers in it are taken out."""
    cuts = sorted(o for o in others if span[0] <= o[0] and o[1] <= span[1])
    pieces, at = [], span[0]
    for start, end in [*cuts, (span[1], span[1])]:
        pieces.append(clean(text[at:start]))
        at = end
    return max(pieces, key=len)


def subjects(
    segments: Segments, place: Place, unit: str, others: Sequence[Offsets] = ()
) -> list[tuple[str, float]]:
    """The subject phrases of the number at ``place``, each with the weight of its place.

    The words before it in its phrase (after any other number there); for a count or a percent,
    the noun after it (up to the next number); for a number with no subject of its own, or only
    a share's or growth's words (占GDP比重, 同比增长, 规模达), the phrase before
    (会计师事务所164家、占全市的42%: 会计师事务所), alone and joined to its own words; then the
    phrases before it in its sentence, its topic (weaker).
    """
    text, mention = segments.text, place.mention
    phrase = segments.span(PHRASE, *mention)
    start = max([phrase[0], *(e for s, e in others if phrase[0] <= s and e <= mention[0])])
    own = text[start : mention[0]]
    before = clean(own)
    if unit == "rank":
        before = _RANK_TAIL_RE.sub("", before)
    found = [(before, 0.9)] if before else []
    light = _VERB_TAIL_RE.sub("", off_status(clean_leading(own)))
    if unit == "rank":
        light = _RANK_TAIL_RE.sub("", light)
    if light and light != before:
        found.append((light, 0.9))  # with its nouns of measure: 发行规模, 服务企业
    after = ""
    if unit in ("count", "percent") and (m := _AFTER_RE.match(text, mention[1])) is not None:
        stop = min([m.end(), *(s for s, _ in others if mention[1] <= s < m.end())])
        after = _AFTER_TAIL_RE.sub("", text[mention[1] : stop].removeprefix("的"))
        if after:
            found.append((after, 0.9))
    bare = not before and not after  # 5所香港高校: the noun after it is its subject
    if (bare or _PREDICATE_RE.match(light)) and phrase[0] > place.sentence[0]:
        at = phrase[0] - 1
        if base := _pieces(text, segments.span(PHRASE, at, at), others):
            found.append((base, 0.8))
            if light:
                found.append((base + light, 0.9))
    at = phrase[0]
    while at > place.sentence[0]:  # the topic: the phrases before it in its sentence
        previous = segments.span(PHRASE, at - 1, at - 1)
        level = CLAUSE if previous[0] >= place.clause[0] else SENTENCE
        if words := _pieces(text, previous, others):
            found.append((words, _TOPIC_WEIGHT[level]))
        at = previous[0]
    return found


def _names(entry: CodebookEntry, matcher: Matcher, kind: str) -> tuple[str, ...]:
    """The words an entry's subject may match: its names, and its base's when kinds agree."""
    names = entry.aliases_zh
    base = matcher.by_id.get(entry.base_indicator or "")
    if base is not None and entry.measure in (*_KINDED, "rank") and entry.measure == kind:
        names = (*names, *base.aliases_zh)
    return names


def _kind_agrees(entry: CodebookEntry, kind: str) -> bool:
    if kind in _KINDED or entry.measure in _KINDED:
        return entry.measure == kind
    return True


def _by_subject(
    matcher: Matcher, place: Place, unit: str, kind: str, others: Sequence[Offsets]
) -> tuple[Choice | None, list[str]]:
    """The entry whose names the number's subject phrase matches best, and its own phrases."""
    best: tuple[float, int, Choice] | None = None
    phrases = subjects(matcher.segments, place, unit, others)
    for entry in matcher.by_id.values():
        if entry.unit != unit or not _kind_agrees(entry, kind):
            continue
        for phrase, weight in phrases:
            for name in _names(entry, matcher, kind):
                if GENERIC_RE.match(name):
                    continue
                score = similarity(phrase, name)
                if score <= 0:
                    continue
                confidence = weight * score
                if _modifier_of(name, [phrase]):
                    confidence -= _MODIFIER
                elif weight >= 0.8 and _qualified(name, [phrase]):
                    confidence -= _QUALIFIED
                key = (round(confidence, 3), -matcher.order[entry.indicator_id])
                if best is None or key > best[:2]:
                    words = "the subject" if weight >= 0.8 else "the words of its sentence"
                    where = f"{words} “{phrase}”, like “{name}” ({score:.2f})"
                    best = (*key, Choice(entry, name, where, confidence))
    return (best[2] if best else None), [p for p, weight in phrases if weight >= 0.8]


def _modifier_of(alias: str, phrases: Sequence[str]) -> str | None:
    """The subject phrase an alias only qualifies (国高企业 in 国高企业专场培育辅导会), if any."""
    for phrase in phrases:
        at = phrase.find(alias)
        if at >= 0 and len(phrase) - (at + len(alias)) >= 2:
            return phrase
    return None


def _qualified(alias: str, phrases: Sequence[str]) -> str | None:
    """The subject phrase that ends in an alias and qualifies it (perhaps another indicator).

    高校研发机构 for 研发机构: two or more characters before it.
    """
    for phrase in phrases:
        if GENERIC_RE.match(alias):
            return None  # 同比增长 takes its base's words before it
        if phrase.endswith(alias) and len(phrase) >= len(alias) + _QUALIFIER_CHARS:
            return phrase
    return None


def _anothers(matcher: Matcher, alias: str, place: Place, others: Sequence[Offsets]) -> bool:
    """Whether the alias, after the number, is the subject of a number after it in its phrase.

    10个、*香港高校研发机构*13家: the alias is 13家's, not 10个's.
    """
    text, mention = matcher.text, place.mention
    at = text.find(alias, mention[1], place.sentence[1])
    if at <= mention[1]:
        return False  # right after the number (5个大型央企研发中心), or not after it
    phrase = matcher.segments.span(PHRASE, at, at + len(alias))
    return any(at + len(alias) <= s and e <= phrase[1] for s, e in others)


def _cued(matcher: Matcher, choice: Choice, place: Place) -> Choice:
    """The choice, raised by a cue of its indicator in the number's clause or sentence."""
    text = matcher.text
    for level, span in ((CLAUSE, place.clause), (SENTENCE, place.sentence)):
        for cue in choice.entry.cues_zh:
            if alias_pattern(cue).search(text, *span):
                where = f"{choice.where}; cue “{cue}” in its {LEVEL_NAMES[level].split()[1]}"
                bonus = _CUE_BONUS[level]
                return replace(choice, where=where, confidence=choice.confidence + bonus)
    return choice


def choose(
    matcher: Matcher, place: Place, unit: str, others: Sequence[Offsets], before: str
) -> Choice | None:
    """The indicator for the number at ``place`` (see the module docs); None: no evidence.

    ``before`` is the number's clause up to it (it tells a growth or a share apart).
    """
    kind = measure_of(before, unit, "actual")
    by_name = matcher.choose(place, unit, others)
    if by_name is not None and not _kind_agrees(by_name.entry, kind):
        by_name = replace(by_name, confidence=by_name.confidence - 0.2,
                          where=f"{by_name.where}; its words make it a {kind}")  # fmt: skip
    by_subject, phrases = _by_subject(matcher, place, unit, kind, others)
    if by_name is not None and (head := _modifier_of(by_name.alias, phrases)):
        by_name = replace(by_name, confidence=by_name.confidence - _MODIFIER,
                          where=f"{by_name.where}; only a modifier of “{head}”")  # fmt: skip
    elif by_name is not None and (head := _qualified(by_name.alias, phrases)):
        by_name = replace(by_name, confidence=by_name.confidence - _QUALIFIED,
                          where=f"{by_name.where}; “{head}” says more than it")  # fmt: skip
    if by_name is not None and _anothers(matcher, by_name.alias, place, others):
        by_name = replace(by_name, confidence=by_name.confidence - _MODIFIER,
                          where=f"{by_name.where}; the subject of the number after it")  # fmt: skip
    candidates = [c for c in (by_name, by_subject) if c is not None]
    if not candidates:
        return None
    cued = [_cued(matcher, c, place) for c in candidates]
    best = max(cued, key=lambda c: c.confidence)  # the name first on a tie
    return replace(best, confidence=round(min(0.9, best.confidence), 2))
