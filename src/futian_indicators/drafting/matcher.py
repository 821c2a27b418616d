"""Find the codebook's names in a letter: which indicator names stand around a number.

The indicators' names (``name_zh`` and the true synonyms ``aliases_zh``; never the context words
``cues_zh``, which only raise a match's confidence: :mod:`futian_indicators.drafting.scoring`) are
looked for around the number, among the indicators whose unit is the number's unit (``…`` in an
alias stands for a gap: 体量…全市第一). An alias the number stands inside wins first (覆盖国家 in
覆盖56个国家, 香港高校 in 香港5所高校); then the nearest alias in the number's phrase (up to 、),
then its clause (up to ，；：), then its sentence. Within a level an alias right after a count comes
first (5个 *大型央企研发中心*), then the nearest before the number (*地区生产总值* 5948.82亿元),
then the nearest after; an alias with another number between it and this one comes after those with
none; of two at the same place the longer wins. When several indicators share the winning alias
(同比增长), the one whose other words (other aliases, name, base indicator's words) stand nearest
before the number wins: 同比增长 after 知识产权质押融资登记金额 is ``ip_pledge_financing_growth``. A
number with no alias of its unit around it is not placed.

Confidence is 0.9 for an alias in the number's phrase, 0.7 in its clause, 0.5 in its sentence,
less 0.2 when another number stands between, and less 0.1 when several indicators share the alias
(0.3 when nothing tells them apart).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Final

from ..errors import CurationError
from ..raw.records import IndicatorRecord, read_indicators
from .cues import CLAUSE, LEVEL_NAMES, PHRASE, SENTENCE, Offsets, Place, Segments

__all__ = ["Choice", "CodebookEntry", "Matcher", "read_codebook"]


@dataclass(frozen=True, slots=True)
class CodebookEntry:
    """What a draft needs of one indicator: its id, unit, measure, names, base and cues.

    ``aliases_zh`` are the names the drafter looks for (``name_zh`` first, then the true
    synonyms); ``cues_zh`` the context words of two or more characters (a unit word alone, 家 or
    个, tells no indicator apart), which raise a match's confidence but never make one.
    """

    indicator_id: str
    unit: str
    measure: str
    name_zh: str
    aliases_zh: tuple[str, ...]
    base_indicator: str | None = None
    cues_zh: tuple[str, ...] = ()

    @classmethod
    def of(cls, record: IndicatorRecord) -> CodebookEntry:
        """The entry of one record of ``indicators.yaml`` (as ``read_indicators`` gives it)."""
        names = tuple(dict.fromkeys((record.name_zh, *record.aliases_zh)))
        cues = tuple(c for c in dict.fromkeys(record.cues_zh) if len(c) > 1 and c not in names)
        return cls(
            record.indicator_id,
            record.unit,
            record.measure,
            record.name_zh,
            names,
            record.base_indicator,
            cues,
        )


def read_codebook(raw_dir: Path) -> list[CodebookEntry]:
    """Read ``indicators.yaml`` for drafting, with the build's reader; invalid records are skipped.

    Raises
    ------
    CurationError
        When the file is missing, is not YAML or holds no valid indicator.
    """
    path = raw_dir / "indicators.yaml"
    problems: list[str] = []
    entries = [CodebookEntry.of(r) for r in read_indicators(path, problems)]
    if not entries:
        detail = f" ({problems[0]})" if problems else ""
        msg = f"{path}: no indicator records found{detail}; a draft needs the codebook's aliases_zh"
        raise CurationError(msg)
    return entries


@dataclass(frozen=True, slots=True)
class _Occurrence:
    """An alias of an indicator found in a letter."""

    start: int
    end: int
    alias: str
    entry: CodebookEntry


def alias_pattern(alias: str) -> re.Pattern[str]:
    parts = [re.escape(p) for p in alias.split("…") if p]
    return re.compile(r"[^。！？]{0,40}?".join(parts))


@dataclass(frozen=True, slots=True)
class Choice:
    """The indicator proposed for a number, the alias it rests on, and how sure that is.

    ``where`` says where the alias stands (``before the number, same phrase``) and, when several
    indicators share it, what told them apart.
    """

    entry: CodebookEntry
    alias: str
    where: str
    confidence: float


# The rank of an alias's place relative to the number (smaller wins within a level).
_AROUND, _RIGHT_AFTER, _BEFORE, _AFTER = range(4)
_PLACE_NAMES: Final = ("around", "right after", "before", "after")
_LEVEL_CONFIDENCE: Final = {PHRASE: 0.9, CLAUSE: 0.7, SENTENCE: 0.5}


class Matcher:
    """Finds the codebook's aliases in a letter, and chooses an indicator for a number.

    Examples
    --------
    >>> book = [CodebookEntry("gdp", "CNY", "flow", "地区生产总值", ("地区生产总值",))]
    >>> text = "2024年实现地区生产总值5948.82亿元。"
    >>> segments = Segments(text)
    >>> mention = (text.index("5948"), text.index("。"))
    >>> choice = Matcher(book, segments).choose(Place.of(segments, mention), "CNY", [])
    >>> choice.entry.indicator_id, choice.alias, choice.where, choice.confidence
    ('gdp', '地区生产总值', 'before the number, same phrase', 0.9)
    """

    def __init__(self, codebook: Sequence[CodebookEntry], segments: Segments) -> None:
        self.segments, self.text = segments, segments.text
        self.by_id = {e.indicator_id: e for e in codebook}
        self.order = {e.indicator_id: i for i, e in enumerate(codebook)}
        self.patterns = [
            (alias, alias_pattern(alias), entry) for entry in codebook for alias in entry.aliases_zh
        ]
        self.cache: dict[Offsets, list[_Occurrence]] = {}

    def occurrences(self, sentence: Offsets) -> list[_Occurrence]:
        """Every alias in a sentence."""
        if sentence not in self.cache:
            self.cache[sentence] = [
                _Occurrence(m.start(), m.end(), alias, entry)
                for alias, pattern, entry in self.patterns
                for m in pattern.finditer(self.text, *sentence)
            ]
        return self.cache[sentence]

    def wraps(self, mention: Offsets) -> list[_Occurrence]:
        """The aliases the number stands inside (覆盖国家 in 覆盖56个国家)."""
        text, found = self.text, []
        for alias, _, entry in self.patterns:
            for cut in range(1, len(alias) if "…" not in alias else 1):
                head, tail = alias[:cut], alias[cut:]
                if text.startswith(head, mention[0] - cut) and text.startswith(tail, mention[1]):
                    end = mention[1] + len(tail)
                    found.append(_Occurrence(mention[0] - cut, end, alias, entry))
        return found

    def measure(self, entry: CodebookEntry) -> str:
        """The measure that decides stock or flow: a share's, growth's or rank's base's."""
        base = self.by_id.get(entry.base_indicator or "")
        return base.measure if base is not None else entry.measure

    def context(self, place: Place, occurrence: _Occurrence) -> int:
        """How near before the number the indicator's other words stand (smaller: nearer)."""
        entry = occurrence.entry
        words = {*entry.aliases_zh, entry.name_zh, *entry.cues_zh}
        base = self.by_id.get(entry.base_indicator or "")
        if base is not None:
            words |= {*base.aliases_zh, base.name_zh}
        at, best = place.mention[0], 10**6
        for word in words - {occurrence.alias}:
            for m in alias_pattern(word).finditer(self.text, *place.sentence):
                best = min(best, at - m.end() if m.end() <= at else 1000 + m.start() - at)
        return best

    def _key(
        self, occ: _Occurrence, place: Place, unit: str, others: Sequence[Offsets]
    ) -> tuple[int, bool, int, int, int]:
        """Sort key of an alias: level, number between, place, distance, longer first."""
        mention = place.mention
        length = -len(occ.alias.replace("…", ""))
        if occ.start < mention[0] and occ.end > mention[1]:
            return PHRASE, False, _AROUND, 0, length
        after = occ.start >= mention[1]
        distance = occ.start - mention[1] if after else max(0, mention[0] - occ.end)
        lo, hi = (mention[1], occ.start) if after else (occ.end, mention[0])
        between = any(lo <= s and e <= hi for s, e in others)
        where = (
            (_RIGHT_AFTER if distance == 0 and unit == "count" else _AFTER) if after else _BEFORE
        )
        level = self.segments.level_of((occ.start, occ.end), mention)
        return level, between, where, distance, length

    def choose(self, place: Place, unit: str, others: Sequence[Offsets]) -> Choice | None:
        """The indicator for the number at ``place`` (None: no alias of its unit around)."""
        candidates = [*self.wraps(place.mention), *self.occurrences(place.sentence)]
        keyed = [
            (self._key(occ, place, unit, others), occ)
            for occ in candidates
            if occ.entry.unit == unit
        ]
        if not keyed:
            return None
        best = min(key for key, _ in keyed)
        tied = {occ.entry.indicator_id: occ for key, occ in keyed if key == best}
        level, between, where_rank, _, _ = best
        where = f"{_PLACE_NAMES[where_rank]} the number, {LEVEL_NAMES[level]}"
        confidence = _LEVEL_CONFIDENCE[level] - (0.2 if between else 0.0)
        if between:
            where += ", another number between"
        if len(tied) == 1:
            (occ,) = tied.values()
            return Choice(occ.entry, occ.alias, where, confidence)
        near = {i: self.context(place, occ) for i, occ in tied.items()}
        ranked = sorted(tied, key=lambda i: (near[i], self.order[i]))
        resolved = near[ranked[0]] < near[ranked[1]]
        where += f"; shared by {', '.join(sorted(tied))}: " + (
            "its other words stand nearest" if resolved else "nothing tells them apart"
        )
        occ = tied[ranked[0]]
        return Choice(occ.entry, occ.alias, where, confidence - (0.1 if resolved else 0.3))
