"""The words of the plots, in English and Chinese, and the language a plot is drawn in."""

from __future__ import annotations

import functools
import re
import warnings
from dataclasses import dataclass
from typing import Any

LANGS = ("en", "zh")
"""The languages of the labels: English, or Chinese (with an installed CJK font)."""

_WORDS = {
    "en": {
        "futian": "Futian District",
        "hetao_shenzhen_park": "Hetao Shenzhen Park",
        "hetao_zone": "Hetao Cooperation Zone",
        "shenzhen": "Shenzhen",
        "hong_kong": "Hong Kong",
        "series_title": "{name}, {geo}: every report in the letters",
        "period_axis": "period",
        "period_note": "Markers at the period's end; a line spans a period longer than a day.",
        "target": "target or plan (hollow)",
        "derived": "derived by the package (grey, dashed)",
        "open_up": "arrow up: no upper bound ('over', 'at least')",
        "open_down": "arrow down: a cap ('at most', 'under')",
        "series": "reconciled series (fi.series)",
        "sources": "Sources: Futian District {letters}.",
        "derived_note": (
            "Grey, dashed: values futian-indicators derives from figures of these letters."
        ),
        "interval_note": "Bars and arrows: the interval the words allow (strict reading).",
        "data": "futian-indicators, data {version}.",
        "coverage_title": "Which letter reports which indicator, for which period",
        "letter_dates": "Dotted lines: the letters' dates.",
        "checks_title": "Consistency checks: the status of each rule",
        "checks_kind_title": "Consistency checks: rules by kind and status",
        "rules": "number of rules",
        "checks_note": (
            "pass: the strict readings of the words are compatible; tension: only the lenient "
            "ones are; fail: neither. Targets are not consistency: see plot_targets."
        ),
        "targets_title": "Targets and plans against their latest comparable actual",
        "targets_note": (
            "Hollow: the target's threshold; filled: the actual compared (grey: derived, no "
            "letter states it). missed only for an actual of the target's own period."
        ),
        "gap": "actual ÷ threshold",
        "threshold": "threshold of the target or plan, at 1",
        "derived_actual": "derived actual (grey, dashed)",
        "met": "met",
        "possibly_met": "possibly met",
        "not_yet_met": "not yet met",
        "missed": "missed",
        "no_actual": "no actual",
        "pass": "pass",
        "tension": "tension",
        "fail": "fail",
        "not_applicable": "not applicable",
        "undated": "undated",
        "error": "error",
        "warning": "warning",
        "info": "info",
        "several": "derived from several letters",
    },
    "zh": {
        "futian": "福田区",
        "hetao_shenzhen_park": "河套深港科技创新合作区深圳园区",
        "hetao_zone": "河套深港科技创新合作区",
        "shenzhen": "深圳市",
        "hong_kong": "香港",
        "series_title": "{name}（{geo}）：各答复函的报告",
        "period_axis": "时期",
        "period_note": "标记位于期末；横线为长于一天的时期。",
        "target": "目标或计划（空心）",
        "derived": "本数据包推算值（灰色，虚线）",
        "open_up": "向上箭头：无上限（超、突破）",
        "open_down": "向下箭头：上限（最高、不超过）",
        "series": "核对后的序列（fi.series）",
        "sources": "资料来源：福田区{letters}。",
        "derived_note": "灰色虚线：futian-indicators 据上述答复函的数字推算的值。",
        "interval_note": "竖线与箭头：文字所允许的区间（严格读法）。",
        "data": "futian-indicators，数据版本 {version}。",
        "coverage_title": "各答复函报告的指标与时期",
        "letter_dates": "点线：答复函日期。",
        "checks_title": "一致性检验：各规则的结果",
        "checks_kind_title": "一致性检验：各类规则的结果",
        "rules": "规则数",
        "checks_note": (
            "通过：严格读法相容；存疑：仅宽松读法相容；不符：均不相容。"
            "目标不属一致性检验，见 plot_targets。"
        ),
        "targets_title": "目标与计划：对照最近的可比实际值",
        "targets_note": (
            "空心：目标门槛；实心：对照的实际值（灰色：推算值，无答复函直接报告）。"
            "仅当实际值属目标本期时才判为未达成。"
        ),
        "gap": "实际值 ÷ 门槛",
        "threshold": "目标或计划的门槛，位于 1",
        "derived_actual": "推算的实际值（灰色，虚线）",
        "met": "已达成",
        "possibly_met": "可能已达成",
        "not_yet_met": "尚未达成",
        "missed": "未达成",
        "no_actual": "无实际值",
        "pass": "通过",
        "tension": "存疑",
        "fail": "不符",
        "not_applicable": "不适用",
        "undated": "未注明日期",
        "error": "错误",
        "warning": "警告",
        "info": "提示",
        "several": "据多份答复函推算",
    },
}
_KINDS_ZH = {
    "agreement": "一致",
    "monotone": "单调",
    "identity": "恒等",
    "bound": "上界",
}
"""Rule kinds in Chinese (English labels are the kinds' ids)."""


@dataclass(frozen=True)
class _Lang:
    """The language labels are drawn in, and the font families that can draw it."""

    code: str
    family: tuple[str, ...] | None = None

    def words(self, key: str) -> str:
        return _WORDS[self.code][key]

    def font(self) -> dict[str, Any]:
        """Keyword arguments for a text artist."""
        return {"fontfamily": list(self.family)} if self.family else {}

    def legend_font(self, size: float = 8) -> dict[str, Any]:
        """The ``prop`` of a legend."""
        return {"size": size, **({"family": list(self.family)} if self.family else {})}


_CJK = "\u2e80-\u9fff\uf900-\ufaff"
_OPENING = "（(「『《“‘〔［\\["
_CLOSING = "）)」』》”’〕］\\]，。；：、！？％,.;:!?%"
_ATOM = re.compile(
    rf"\s+"
    rf"|[{_OPENING}]*"  # an opening bracket stays with what follows it
    rf"(?:No\.\s\d+"  # a document number: No. 2023103
    rf"|[^\s{_CJK}\u3000-\u303f\uff00-\uffef]+"  # a Latin word, a number, a date: 2023-10-16
    rf"|[{_CJK}]|.)"  # one CJK character (or any other single character)
    rf"[{_CLOSING}]*"  # closing punctuation stays with what precedes it
)
"""The units a line may break between: never inside a Latin word, a number or a date."""


def _atoms(text: str) -> list[str]:
    """The text cut where a line may break: at spaces and around each CJK character."""
    return _ATOM.findall(text)


@functools.lru_cache(maxsize=4096)
def _text_width(text: str, fontsize: float, family: tuple[str, ...] | None) -> float:
    """The width of a one-line text in points (a missing glyph is reported when drawn)."""
    from matplotlib.font_manager import FontProperties
    from matplotlib.textpath import TextToPath

    prop = FontProperties(family=list(family) if family else None, size=fontsize)
    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", message=r"Glyph \d+ .* missing from font")
        width, _, _ = TextToPath().get_text_width_height_descent(text, prop, ismath=False)
    return float(width)


def wrap(text: str, width: float, fontsize: float, lang: _Lang) -> str:
    """Wrap ``text`` into lines no wider than ``width`` points at ``fontsize``, between words.

    Lines break at spaces, and in Chinese between two characters, never inside a run of Latin
    letters, digits and their punctuation (``2023-10-16``, ``1,503``, ``futian-indicators``),
    never before closing punctuation (``）``, ``。``) nor after an opening bracket. A unit wider
    than a line stays whole on its own line. Existing line breaks are kept.
    """
    lines: list[str] = []
    for paragraph in text.split("\n"):
        line = ""
        for atom in _atoms(paragraph):
            if atom.isspace():
                line += " " if line else ""
                continue
            if line and _text_width(line + atom, fontsize, lang.family) > width:
                lines.append(line.rstrip())
                line = atom
            else:
                line += atom
        lines.append(line.rstrip())
    return "\n".join(lines)
