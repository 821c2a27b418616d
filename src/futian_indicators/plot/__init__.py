"""Plots of the figures, of which letter reports what, and of the consistency checks.

Three helpers, each drawing on a matplotlib Axes (a new figure when ``ax`` is None) and returning
it:

- :func:`plot_series`: every report of one indicator as the interval its words allow;
- :func:`plot_coverage`: which letter reports which indicator for which period;
- :func:`plot_checks`: the status of every consistency rule.

matplotlib is imported by this module only: ``import futian_indicators`` never imports it.

Conventions shared by the three plots:

- one marker shape and colour per letter, the same in every plot (the letters' order in
  :func:`~futian_indicators.load_sources`); targets and plans are hollow; figures the package
  derives (status ``derived``) are grey with dashed intervals;
- values in the units people read (亿元 for yuan, 万平方米 for square metres:
  :data:`futian_indicators.display.DISPLAY_UNITS`), labelled in ASCII in English
  ("100 million CNY", "10,000 m²");
- a footer naming the letters (document numbers and dates) the plotted figures come from;
- ``lang="zh"`` draws Chinese labels with an installed CJK font (:data:`CJK_FONT_FAMILIES`); when
  none is installed it warns once per process and draws English labels, never missing-glyph
  boxes.

Examples
--------
>>> import matplotlib
>>> matplotlib.use("Agg")
>>> import matplotlib.pyplot as plt
>>> from futian_indicators.plot import plot_checks, plot_coverage, plot_series
>>> ax = plot_series("high_tech_enterprises")
>>> ax.get_ylabel()
'National high-tech enterprises (number)'
>>> ax.figure.savefig("high_tech_enterprises.png")  # doctest: +SKIP
>>> plt.close("all")
"""

from __future__ import annotations

import functools
import math
import re
import textwrap
import warnings
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pandas as pd
from matplotlib import dates as _dates
from matplotlib import font_manager
from matplotlib.lines import Line2D
from matplotlib.patches import FancyArrowPatch, Patch
from matplotlib.ticker import MaxNLocator

from .. import _resources, api, display, vocab
from ..errors import ArgumentError, UnknownValueError

if TYPE_CHECKING:
    from matplotlib.axes import Axes

mdates: Any = _dates  # matplotlib.dates has no type hints

__all__ = ["CJK_FONT_FAMILIES", "plot_checks", "plot_coverage", "plot_series"]

LANGS = ("en", "zh")
"""The languages of the labels: English, or Chinese (with an installed CJK font)."""

CJK_FONT_FAMILIES = (
    "Noto Sans CJK SC",
    "Noto Sans CJK JP",
    "Noto Sans CJK TC",
    "Noto Sans SC",
    "Source Han Sans SC",
    "Source Han Sans CN",
    "Source Han Sans",
    "Noto Serif CJK SC",
    "Noto Serif CJK JP",
    "Source Han Serif SC",
    "WenQuanYi Micro Hei",
    "WenQuanYi Zen Hei",
    "Microsoft YaHei",
    "SimHei",
    "PingFang SC",
    "Hiragino Sans GB",
    "Heiti SC",
    "STHeiti",
    "Songti SC",
    "SimSun",
    "AR PL UMing CN",
    "Droid Sans Fallback",
    "Arial Unicode MS",
)
"""CJK fonts ``lang="zh"`` looks for, in order of preference (then any font whose name says CJK
and that has the glyphs)."""

_CJK_NAME = re.compile(
    r"cjk|source ?han|sourcehan|wenquanyi|wqy|yahei|msyh|simhei|simsun|pingfang|hiragino|heiti|"
    r"songti|droid ?sans ?fallback|uming|ukai|arial ?unicode|noto ?s[ae][nr][si]?f? ?sc",
    re.IGNORECASE,
)
_CJK_PROBE = "福田亿元万平方米"
_FALLBACK_FAMILY = "DejaVu Sans"
_CJK_WARNED = False

_MARKERS = ("o", "s", "^", "D", "v", "P", "h", "<", ">", "p")
_COLOURS = (
    "#1f77b4",
    "#d62728",
    "#2ca02c",
    "#9467bd",
    "#ff7f0e",
    "#8c564b",
    "#e377c2",
    "#17becf",
    "#bcbd22",
    "#393b79",
)
_DERIVED_COLOUR = "0.55"
_SEVERAL_LETTERS_MARKER = "X"
_HOLLOW_STATUSES = ("target", "plan")

_STATUS_COLOURS = {
    "pass": "#4daf4a",
    "tension": "#ff9f1c",
    "fail": "#d62728",
    "not_applicable": "#c8c8c8",
}
_STATUS_HATCHES = {"pass": "", "tension": "//", "fail": "xx", "not_applicable": ""}
_STATUS_ORDER = vocab.CHECK_STATUSES_WORST_FIRST

_UNITS_EN = {
    "CNY": "100 million CNY",
    "USD": "100 million USD",
    "m2": "10,000 m²",
    "percent": "%",
    "percentage_point": "percentage points",
    "count": "number",
    "times": "times",
    "pflops": "PFLOPS",
    "rank": "rank, 1 = first",
}
_UNITS_ZH = {"rank": "名次", "pflops": "P", "count": "个"}
_SMALL_UNITS = {
    "CNY": (1e4, "10,000 CNY", "万元"),
    "USD": (1e4, "10,000 USD", "万美元"),
    "m2": (1.0, "m²", "平方米"),
}

_WORDS = {
    "en": {
        "futian": "Futian District",
        "hetao_shenzhen_park": "Hetao Shenzhen Park",
        "shenzhen": "Shenzhen",
        "series_title": "{name}, {geo}: every report in the letters",
        "period_axis": "period (marker at its end; a line spans a period longer than a day)",
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
        "letter_dates": "dotted lines: the letters' dates",
        "checks_title": "Consistency checks: the status of each rule",
        "checks_kind_title": "Consistency checks: rules by kind and status",
        "rules": "number of rules",
        "checks_note": (
            "pass: the strict readings of the words are compatible; tension: only the lenient "
            "ones are; fail: neither; not applicable: the rule's guard or a missing figure."
        ),
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
        "shenzhen": "深圳市",
        "series_title": "{name}（{geo}）：各答复函的报告",
        "period_axis": "时期（标记位于期末；横线为长于一天的时期）",
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
        "letter_dates": "点线：答复函日期",
        "checks_title": "一致性检验：各规则的结果",
        "checks_kind_title": "一致性检验：各类规则的结果",
        "rules": "规则数",
        "checks_note": (
            "通过：严格读法相容；存疑：仅宽松读法相容；不符：均不相容；不适用：规则的适用条件不满足或缺少数字。"
        ),
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
    "target": "目标",
}
_SOURCE_KINDS = {
    "cppcc_proposal_reply": {"en": ("CPPCC", "proposal"), "zh": ("政协", "提案")},
    "npc_suggestion_reply": {"en": ("NPC", "suggestion"), "zh": ("人大", "建议")},
}


# --- language and fonts -------------------------------------------------------------------


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


def _rows(frame: pd.DataFrame) -> Iterator[Any]:
    """The rows of a table as named tuples (typed loosely: columns are read by name)."""
    return frame.itertuples()


def _covers(path: str, text: str = _CJK_PROBE) -> bool:
    try:
        font = font_manager.get_font(path)
    except (OSError, RuntimeError):
        return False
    return all(font.get_char_index(ord(char)) for char in text)


def _pick_cjk_font(entries: Sequence[Any]) -> str | None:
    by_name: dict[str, str] = {}
    for entry in entries:
        by_name.setdefault(entry.name, entry.fname)
    for name in CJK_FONT_FAMILIES:
        if name in by_name and _covers(by_name[name]):
            return name
    for name, path in by_name.items():
        if _CJK_NAME.search(name) and _covers(path):
            return name
    return None


@functools.cache
def _find_cjk_font() -> str | None:
    """The family name of an installed font that draws Chinese, or None.

    Looks at matplotlib's font list first, then at the system's font files (a font installed
    after matplotlib cached its list is found there and added to it).
    """
    found = _pick_cjk_font(font_manager.fontManager.ttflist)
    if found is not None:
        return found
    for path in font_manager.findSystemFonts():
        if _CJK_NAME.search(Path(path).name):
            try:
                font_manager.fontManager.addfont(path)
            except (OSError, RuntimeError, ValueError):
                continue
    return _pick_cjk_font(font_manager.fontManager.ttflist)


def _no_cjk_font_message() -> str:
    return (
        "no CJK font found for lang='zh': drawing English labels instead (Chinese text would "
        "show as empty boxes). Install one of these fonts: "
        + ", ".join(CJK_FONT_FAMILIES[:1] + CJK_FONT_FAMILIES[4:5] + CJK_FONT_FAMILIES[10:15])
        + "; for example 'apt-get install fonts-noto-cjk' (Debian, Ubuntu), 'dnf install "
        "google-noto-sans-cjk-fonts' (Fedora) or 'brew install --cask font-noto-sans-cjk-sc' "
        "(macOS); then restart Python."
    )


def _lang(lang: str) -> _Lang:
    """Resolve ``lang`` to the language actually drawn (English when no CJK font is found)."""
    global _CJK_WARNED  # noqa: PLW0603 (one warning per process)
    if lang not in LANGS:
        raise UnknownValueError("lang", lang, LANGS)
    if lang == "en":
        return _Lang("en")
    family = _find_cjk_font()
    if family is None:
        if not _CJK_WARNED:
            _CJK_WARNED = True
            warnings.warn(_no_cjk_font_message(), UserWarning, stacklevel=3)
        return _Lang("en")
    return _Lang("zh", (family, _FALLBACK_FAMILY))


# --- letters, units and numbers -----------------------------------------------------------


@dataclass(frozen=True)
class _Letter:
    source_id: str
    kind: str
    doc_number: str
    session_zh: str
    date: pd.Timestamp | None
    marker: str
    colour: str

    def _date(self, lang: _Lang) -> str:
        return self.date.strftime("%Y-%m-%d") if self.date is not None else lang.words("undated")

    def _kind(self, lang: _Lang) -> tuple[str, str]:
        default = {"en": (self.kind, "letter"), "zh": ("", "")}[lang.code]
        return _SOURCE_KINDS.get(self.kind, {}).get(lang.code, default)

    def short(self, lang: _Lang) -> str:
        """The letter in a legend: body, document number and date."""
        body, what = self._kind(lang)
        if lang.code == "zh":
            return f"{body}第{self.doc_number}号{what}答复（{self._date(lang)}）"
        return f"{body} No. {self.doc_number} ({self._date(lang)})"

    def long(self, lang: _Lang) -> str:
        """The letter in a footer: what it replies to, its document number and date."""
        body, what = self._kind(lang)
        if lang.code == "zh":
            return f"对{self.session_zh}第{self.doc_number}号{what}的答复（{self._date(lang)}）"
        return f"reply to {body} {what} No. {self.doc_number} ({self._date(lang)})"


@functools.cache
def _letters() -> dict[str, _Letter]:
    """Every letter, with its marker and colour (fixed by the letters' order)."""
    sources = _resources.table("sources")
    letters = {}
    for i, row in enumerate(_rows(sources)):
        date = None if pd.isna(row.date) else pd.Timestamp(row.date)
        letters[str(row.source_id)] = _Letter(
            source_id=str(row.source_id),
            kind=str(row.kind),
            doc_number=str(row.doc_number),
            session_zh="" if pd.isna(row.session_zh) else str(row.session_zh),
            date=date,
            marker=_MARKERS[i % len(_MARKERS)],
            colour=_COLOURS[i % len(_COLOURS)],
        )
    return letters


def _indicator(indicator_id: str) -> dict[str, Any]:
    table = _resources.table("indicators")
    row = table.loc[table["indicator_id"] == indicator_id].iloc[0]
    return {str(key): value for key, value in row.items()}


def _measure_word(figures: pd.DataFrame) -> str | None:
    """The one measure word (家, 件, 个 ...) the letters use for a count, if they agree."""
    words = set()
    for text in figures.loc[figures["status"] != "derived", "value_as_reported"]:
        tail = re.sub(r"(以上|以下|左右)$", "", str(text).strip()).split()[-1]
        tail = re.sub(r"^[^\u4e00-\u9fff]*[余多万亿百千超]*", "", tail)
        if tail:
            words.add(tail)
    return words.pop() if len(words) == 1 else None


def _display_unit(unit: str, figures: pd.DataFrame, lang: _Lang) -> tuple[float, str]:
    """The divisor from base units and the unit's label, in the language drawn.

    The units of :data:`futian_indicators.display.DISPLAY_UNITS` (亿元, 万平方米), except that
    amounts all under one such unit are drawn in the smaller one the letters use for them
    (最高200万元 in 万元, not as 0.02亿元).
    """
    divisor, label_zh = display.DISPLAY_UNITS.get(unit, (1.0, unit))
    label_en = _UNITS_EN.get(unit, unit)
    finite = pd.concat([figures["value"], figures["lower"], figures["upper"]]).abs()
    finite = finite[finite < float("inf")]
    if unit in _SMALL_UNITS and len(finite) and finite.max() < divisor:
        divisor, label_en, label_zh = _SMALL_UNITS[unit]
    if lang.code == "en":
        return divisor, label_en
    if unit == "count":
        return divisor, _measure_word(figures) or _UNITS_ZH["count"]
    return divisor, _UNITS_ZH.get(unit) or label_zh or unit


def _axis_label(name: str, unit: str, lang: _Lang) -> str:
    """``name (unit)`` (``名称（单位）`` in Chinese), wrapped between words, never in the unit."""
    width = 22 if lang.code == "zh" else 45
    unit = f"（{unit}）" if lang.code == "zh" else f" ({unit})"
    lines = textwrap.wrap(name, width, break_on_hyphens=False) or [""]
    if len(lines[-1]) + len(unit) <= width:
        lines[-1] += unit
    else:
        lines.append(unit.strip())
    return "\n".join(lines)


def _value_text(row: Any, divisor: float, unit_text: str, lang: _Lang) -> str:
    """A figure's value beside its marker: the letter's words in Chinese, ASCII in English.

    The axis's unit is left out (超1100, not 超1100亿元, on an axis in 亿元).
    """
    value, lower, upper = row.value / divisor, row.lower / divisor, row.upper / divisor
    if row.status == "derived":
        prefix = "推算≈" if lang.code == "zh" else "≈"
        return prefix + display.format_number(value, 2)
    if lang.code == "zh":
        words = re.sub(r"\s+", "", str(row.value_as_reported))
        return words.removesuffix(unit_text) if words != unit_text else words
    number = display.format_number(value)
    qualifier = row.qualifier
    if qualifier == "over":
        return f">{number}" if math.isinf(upper) else f"{number}+"
    if qualifier == "under":
        if row.unit == "rank":
            return f"top {number}"
        return f"{'≤' if row.upper_closed else '<'}{number}"
    if qualifier == "range":
        return f"{display.format_number(lower)}-{display.format_number(upper)}"
    prefixes = {"at_least": "≥", "nearly": "nearly ", "approx": "~"}
    return prefixes.get(qualifier, "") + number


def _footer_text(source_ids: Iterable[str], lang: _Lang, *notes: str) -> str:
    letters = _letters()
    named = [letters[s] for s in letters if s in set(source_ids)]
    joiner = "；" if lang.code == "zh" else "; "
    text = lang.words("sources").format(letters=joiner.join(x.long(lang) for x in named))
    version = _resources.manifest()["data_version"]
    parts = [text, *notes, lang.words("data").format(version=version)]
    return ("" if lang.code == "zh" else " ").join(parts)


def _wrap(text: str, lang: _Lang, inches: float, fontsize: float = 7) -> str:
    """Wrap a text to fit a width (in inches) at a font size (in points)."""
    char = fontsize * (1.0 if lang.code == "zh" else 0.55)
    width = max(20, int(inches * 72 / char * 0.95))
    return "\n".join(textwrap.wrap(text, width, break_on_hyphens=False))


def _figure_width(ax: Axes) -> float:
    """The width in inches of the figure an Axes is on (of the whole figure, for a subfigure)."""
    figure: Any = ax.figure
    while not hasattr(figure, "get_figwidth"):
        figure = figure.figure
    return float(figure.get_figwidth())


def _add_footer(ax: Axes, text: str, lang: _Lang, offset: float) -> None:
    """The source note under the axes, from the figure's left edge, wrapped to its width."""
    ax.annotate(
        _wrap(text, lang, _figure_width(ax) - 0.2),
        xy=(0.01, 0),
        xycoords=("figure fraction", "axes fraction"),
        xytext=(0, -offset),
        textcoords="offset points",
        ha="left",
        va="top",
        fontsize=7,
        color="0.3",
        annotation_clip=False,
        gid="source-footer",
        **lang.font(),
    )


def _source_ids(figures: pd.DataFrame) -> list[str]:
    """The letters the figures come from, following derived figures back to their letters."""
    everything = _resources.table("figures").set_index("figure_id")
    found: list[str] = []
    pending = list(figures["figure_id"])
    seen: set[str] = set()
    while pending:
        figure_id = pending.pop()
        if figure_id in seen or figure_id not in everything.index:
            continue
        seen.add(figure_id)
        row = everything.loc[figure_id]
        if isinstance(row["source_id"], str):
            found.append(row["source_id"])
        if row["status"] == "derived" and isinstance(row["derived_from"], str):
            pending.extend(row["derived_from"].split(";"))
    return list(dict.fromkeys(found))


def _new_axes(ax: Axes | None, size: tuple[float, float]) -> Axes:
    if ax is not None:
        return ax
    import matplotlib.pyplot as plt

    _, new = plt.subplots(figsize=size, layout="constrained")
    return new


def _date_axis(ax: Axes, left: float, right: float, lang: _Lang) -> None:
    """A time axis from ``left`` to ``right`` (date numbers).

    Over two years or more, years are labelled between their boundaries, so that a year's
    figure, drawn at its end (31 December), reads as that year and not the next.
    """
    from matplotlib.ticker import NullFormatter

    ax.set_xlim(left, right)
    years = (right - left) / 365.25
    if years < 2:
        locator = mdates.AutoDateLocator(minticks=3, maxticks=9)
        formats = ["%Y", "%m月", "%d日", "%H:%M", "%H:%M", "%S.%f"] if lang.family else None
        ax.xaxis.set_major_locator(locator)
        ax.xaxis.set_major_formatter(mdates.ConciseDateFormatter(locator, formats=formats))
        if lang.family:
            ax.tick_params(axis="x", labelfontfamily=list(lang.family))
        return
    base = max(1, math.ceil(years / 12))
    ax.xaxis.set_major_locator(mdates.YearLocator(base))
    ax.xaxis.set_major_formatter(NullFormatter())
    ax.xaxis.set_minor_locator(mdates.YearLocator(base, month=7, day=2))
    ax.xaxis.set_minor_formatter(mdates.DateFormatter("%Y"))
    ax.tick_params(axis="x", which="major", length=8)
    ax.tick_params(axis="x", which="minor", length=0)


def _x(dates: pd.Series) -> list[float]:
    return [float(mdates.date2num(pd.Timestamp(d).to_pydatetime())) for d in dates]


# --- plot_series --------------------------------------------------------------------------


def _shape(row: Any) -> str:
    """How a figure's interval is drawn: ``bar``, ``up`` (no upper bound) or ``down``."""
    if math.isinf(row.upper):
        return "up"
    if math.isinf(row.lower) or (row.qualifier == "under" and row.lower <= 0):
        return "down"
    return "bar"


def _dodged(figures: pd.DataFrame) -> list[float]:
    """X of each figure: its period end, shifted apart where several share one."""
    ends, starts = _x(figures["period_end"]), _x(figures["period_start"])
    width = max(ends) - min(starts)
    step = min(max(width * 0.05, 8.0), 90.0) if width else 20.0
    xs = list(ends)
    for _, group in figures.groupby("period_end", sort=False):
        positions = list(group.index)
        for k, i in enumerate(positions):
            xs[i] = ends[i] + (k - (len(positions) - 1) / 2) * step
    return xs


def _limits(figures: pd.DataFrame, shapes: list[str], divisor: float) -> tuple[float, float, float]:
    """Y limits in display units, and the length of an open-ended interval's arrow."""
    finite: list[float] = []
    for row, shape in zip(_rows(figures), shapes, strict=True):
        finite.append(row.value)
        if shape == "bar":
            finite += [row.lower, row.upper]
    lo, hi = min(finite) / divisor, max(finite) / divisor
    span = hi - lo or (abs(hi) * 0.25 or 1.0)
    arrow = 0.22 * span
    bottom = lo - 0.12 * span - (arrow if "down" in shapes else 0)
    top = hi + 0.12 * span + (arrow if "up" in shapes else 0)
    return bottom, top, arrow


def _style(row: Any) -> tuple[str, str, str, str]:
    """Marker, edge colour, face colour and line style of a figure."""
    letter = _letters().get(row.source_id) if isinstance(row.source_id, str) else None
    marker = letter.marker if letter else _SEVERAL_LETTERS_MARKER
    if row.status == "derived":
        return marker, _DERIVED_COLOUR, _DERIVED_COLOUR, "--"
    colour = letter.colour if letter else "black"
    face = "white" if row.status in _HOLLOW_STATUSES else colour
    return marker, colour, face, "-"


def _draw_figure(ax: Axes, row: Any, x: float, shape: str, scale: tuple[float, float]) -> None:
    divisor, arrow = scale
    _, colour, _, line = _style(row)
    value = row.value / divisor
    fid = row.figure_id
    if shape == "bar":
        ax.plot(
            [x, x],
            [row.lower / divisor, row.upper / divisor],
            color=colour,
            linestyle=line,
            linewidth=1.6,
            marker="_",
            markersize=9,
            zorder=2,
            gid=f"interval:{fid}",
        )
    else:
        end = value + arrow if shape == "up" else value - arrow
        ax.add_patch(
            FancyArrowPatch(
                (x, value),
                (x, end),
                arrowstyle="-|>",
                mutation_scale=13,
                color=colour,
                linestyle=line,
                linewidth=1.6,
                zorder=2,
                gid=f"arrow-{shape}:{fid}",
            )
        )
    start, end_x = _x(pd.Series([row.period_start, row.period_end]))
    period = (start, end_x) if row.period_type != "as_of" and start < end_x else None
    _draw_period_and_marker(ax, period, (x, value), row, size=(1.0, 0.45, 8, 1.6))


def _draw_period_and_marker(
    ax: Axes,
    period: tuple[float, float] | None,
    point: tuple[float, float],
    row: Any,
    *,
    size: tuple[float, float, float, float],
) -> None:
    """A figure's marker at ``x``, and a thin line over its period when it lasts longer than a day.

    ``size`` is (line width, line alpha, marker size, marker edge width).
    """
    marker, colour, face, line = _style(row)
    linewidth, alpha, markersize, edgewidth = size
    (x, y), fid = point, row.figure_id
    if period is not None:
        ax.plot(
            list(period),
            [y, y],
            color=colour,
            linestyle=line,
            linewidth=linewidth,
            alpha=alpha,
            marker="|",
            markersize=6,
            zorder=1,
            gid=f"span:{fid}",
        )
    ax.plot(
        [x],
        [y],
        linestyle="none",
        marker=marker,
        markersize=markersize,
        markerfacecolor=face,
        markeredgecolor=colour,
        markeredgewidth=edgewidth,
        zorder=3,
        gid=f"marker:{fid}",
    )


def _draw_value_labels(
    ax: Axes, figures: pd.DataFrame, xs: list[float], unit: tuple[float, str], lang: _Lang
) -> None:
    """Each figure's value beside its marker.

    To the right; where several figures share a period, the first half's to the left and a
    little above, clear of the previous period's labels on the right of their markers.
    """
    divisor, unit_text = unit
    for _, group in figures.groupby("period_end", sort=False):
        for k, (i, row) in enumerate(zip(group.index, _rows(group), strict=True)):
            left = len(group) > 1 and k < len(group) / 2
            ax.annotate(
                _value_text(row, divisor, unit_text, lang),
                xy=(xs[i], row.value / divisor),
                xytext=(-6, 5) if left else (7, 0),
                textcoords="offset points",
                ha="right" if left else "left",
                va="bottom" if left else "center",
                fontsize=8,
                color=_style(row)[1],
                gid=f"value:{row.figure_id}",
                **lang.font(),
            )


def _draw_series(ax: Axes, indicator: str, geo: str, derived: bool, divisor: float) -> bool:
    """Overlay the reconciled series as a line, where a line says something true.

    Two periods are joined only when both values are bounded intervals (a line to a lower bound,
    such as 突破1500家, would draw a fall that the words do not say) and of the same period type
    (a year to a year, a date to a date).
    """
    reconciled = api.series(indicator, geo=geo, derived=derived)
    bounded = reconciled["value"].notna() & reconciled["lower"].gt(float("-inf"))
    bounded &= reconciled["upper"].lt(float("inf")) & reconciled["consistent"]
    xs = _x(reconciled["period_end"])
    types = [str(t) for t in reconciled["period_type"]]
    drawn = False
    for i in range(1, len(reconciled)):
        same_type = types[i] == types[i - 1]
        if not (bounded.iat[i] and bounded.iat[i - 1] and same_type):
            continue
        ax.plot(
            xs[i - 1 : i + 1],
            reconciled["value"].iloc[i - 1 : i + 1] / divisor,
            color="0.25",
            linewidth=0.9,
            alpha=0.6,
            zorder=1,
            gid="series",
        )
        drawn = True
    return drawn


def _series_legend(
    ax: Axes, figures: pd.DataFrame, shapes: list[str], has_series: bool, lang: _Lang
) -> None:
    letters = _letters()
    present = set(figures["source_id"].dropna())
    handles: list[Any] = [
        Line2D(
            [],
            [],
            linestyle="none",
            marker=x.marker,
            markersize=8,
            color=x.colour,
            label=x.short(lang),
        )
        for x in letters.values()
        if x.source_id in present
    ]
    if figures["source_id"].isna().any():
        handles.append(
            Line2D(
                [],
                [],
                linestyle="none",
                marker=_SEVERAL_LETTERS_MARKER,
                markersize=8,
                color=_DERIVED_COLOUR,
                label=lang.words("several"),
            )
        )
    if figures["status"].isin(_HOLLOW_STATUSES).any():
        handles.append(
            Line2D(
                [],
                [],
                linestyle="none",
                marker="o",
                markersize=8,
                markerfacecolor="white",
                markeredgecolor="0.2",
                label=lang.words("target"),
            )
        )
    if (figures["status"] == "derived").any():
        handles.append(
            Line2D([], [], color=_DERIVED_COLOUR, linestyle="--", label=lang.words("derived"))
        )
    for shape, arrow in (("up", r"$\uparrow$"), ("down", r"$\downarrow$")):
        if shape in shapes:
            handles.append(
                Line2D(
                    [],
                    [],
                    linestyle="none",
                    marker=arrow,
                    markersize=10,
                    color="0.2",
                    label=lang.words(f"open_{shape}"),
                )
            )
    if has_series:
        handles.append(Line2D([], [], color="0.25", alpha=0.6, label=lang.words("series")))
    ax.legend(
        handles=handles,
        loc="upper left",
        bbox_to_anchor=(1.01, 1.0),
        frameon=False,
        prop=lang.legend_font(),
    )


def plot_series(
    indicator: str,
    *,
    geo: str = "futian",
    ax: Axes | None = None,
    lang: str = "en",
    derived: bool = True,
) -> Axes:
    """Draw every report of an indicator as the interval its words allow.

    Each figure of the indicator and area (:func:`~futian_indicators.load_figures`) is one
    marker at its period's end (shifted a little where several share a period), drawn with:

    - a vertical bar over its strict interval (``lower``, ``upper``) when that is bounded;
    - an arrow pointing up when the words give no upper bound (超1100亿元, 突破1500家) and down
      for a cap (最高60万元, 不超过500万元);
    - a thin horizontal line over its period when the period is longer than a day (a year, a
      half-year, 2022/2024, "since 2023-01-01");
    - its value beside it: in English, ASCII (">1,100", ">=" as "≥1,500"); in Chinese, the
      letter's own words (超1100亿元).

    One marker shape and colour per letter, named in the legend; targets and plans are hollow;
    figures the package derives are grey and dashed. The reconciled series
    (:func:`~futian_indicators.series`) is overlaid as a line when it has two values or more.
    Values are in display units (亿元 for yuan, 万平方米 for square metres, % for percent; counts
    as they are); a footer names the letters the figures come from. Ranks are drawn with the
    first place at the top.

    Parameters
    ----------
    indicator : str
        An indicator id, e.g. ``"gdp"`` or ``"high_tech_enterprises"``.
    geo : str, default "futian"
        The area: ``"futian"``, ``"hetao_shenzhen_park"`` or ``"shenzhen"``.
    ax : matplotlib Axes, optional
        Where to draw; by default a new figure.
    lang : {"en", "zh"}, default "en"
        The labels' language. ``"zh"`` needs a CJK font (:data:`CJK_FONT_FAMILIES`); without
        one it warns once and draws English labels.
    derived : bool, default True
        Also draw the figures the package derives (status ``derived``), in grey.

    Returns
    -------
    matplotlib Axes
        The Axes drawn on. Each artist's ``gid`` names its figure: ``interval:<figure_id>``,
        ``arrow-up:<figure_id>``, ``arrow-down:<figure_id>``, ``marker:<figure_id>``.

    Raises
    ------
    UnknownValueError
        When the indicator, the area or the language does not exist.
    ArgumentError
        When no letter reports the indicator for that area.

    Examples
    --------
    >>> import matplotlib
    >>> matplotlib.use("Agg")
    >>> import matplotlib.pyplot as plt
    >>> from futian_indicators.plot import plot_series
    >>> ax = plot_series("gdp")
    >>> ax.get_ylabel()
    'Gross domestic product (100 million CNY)'
    >>> sorted(a.get_gid() for a in ax.lines if str(a.get_gid()).startswith("marker:"))
    ['marker:cppcc-2025136/gdp-2024', 'marker:derived/gdp-2023-implied-by-sei-share']
    >>> plt.close(ax.figure)
    """
    style = _lang(lang)
    statuses = None if derived else list(vocab.CURATED_STATUSES)
    figures = api.load_figures(indicator=indicator, geo=geo, status=statuses)
    if figures.empty:
        everywhere = api.load_figures(indicator=indicator)
        areas = ", ".join(repr(g) for g in dict.fromkeys(everywhere["geo"])) or "none"
        msg = (
            f"no figure of indicator {indicator!r} for geo {geo!r}"
            f"{'' if derived else ' (derived figures left out)'}; areas it is reported for: "
            f"{areas}"
        )
        raise ArgumentError(msg)
    figures = figures.sort_values(
        ["period_end", "status", "source_id", "figure_id"], ignore_index=True
    )
    meta = _indicator(indicator)
    unit = str(meta["unit"])
    divisor, unit_text = _display_unit(unit, figures, style)
    shapes = [_shape(row) for row in _rows(figures)]
    bottom, top, arrow = _limits(figures, shapes, divisor)
    xs = _dodged(figures)

    ax = _new_axes(ax, (10.0, 5.0))
    for row, x, shape in zip(_rows(figures), xs, shapes, strict=True):
        _draw_figure(ax, row, x, shape, (divisor, arrow))
    _draw_value_labels(ax, figures, xs, (divisor, unit_text), style)
    has_series = _draw_series(ax, indicator, geo, derived, divisor)

    name = str(meta["name_zh"] if style.code == "zh" else meta["name_en"])
    ax.set_ylabel(_axis_label(name, unit_text, style), **style.font())
    ax.set_xlabel(style.words("period_axis"), fontsize=8, **style.font())
    ax.set_title(
        _wrap(
            style.words("series_title").format(name=name, geo=style.words(geo)),
            style,
            0.7 * _figure_width(ax),
            fontsize=11,
        ),
        fontsize=11,
        loc="left",
        **style.font(),
    )
    ax.set_ylim(bottom, top)
    if unit == "rank":
        ax.invert_yaxis()
    starts = _x(figures["period_start"])
    left, right = min(*starts, *xs), max(xs)
    pad = max((right - left) * 0.08, 60.0)
    _date_axis(ax, left - pad, right + 1.8 * pad, style)
    ax.ticklabel_format(axis="y", style="plain", useOffset=False)
    if unit in ("count", "rank"):
        ax.yaxis.set_major_locator(MaxNLocator(integer=True, steps=[1, 2, 2.5, 5, 10]))
    ax.grid(axis="y", alpha=0.3)
    ax.spines[["top", "right"]].set_visible(False)
    _series_legend(ax, figures, shapes, has_series, style)
    notes = [style.words("interval_note")]
    if (figures["status"] == "derived").any():
        notes.append(style.words("derived_note"))
    _add_footer(ax, _footer_text(_source_ids(figures), style, *notes), style, offset=42)
    return ax


# --- plot_coverage ------------------------------------------------------------------------


def _coverage_rows(
    figures: pd.DataFrame, indicators: Sequence[str] | None, min_figures: int
) -> list[tuple[str, str]]:
    """The (indicator, geo) rows to draw: those asked for, or those with enough figures."""
    sizes = figures.groupby(["indicator_id", "geo"]).size()
    if indicators is None:
        sizes = sizes[sizes >= min_figures]
    geo_order = {g: i for i, g in enumerate(vocab.GEOS)}
    keys = [(str(i), str(g)) for i, g in sizes.index]
    return sorted(keys, key=lambda key: (geo_order.get(key[1], 99), key[0]))


def _row_label(indicator_id: str, geo: str, lang: _Lang) -> str:
    meta = _indicator(indicator_id)
    name = str(meta["name_zh"] if lang.code == "zh" else meta["name_en"])
    if geo != "futian":
        area = lang.words(geo)
        if lang.code == "zh":
            name += f"（{area[:2] if geo == 'hetao_shenzhen_park' else area}）"
        else:
            name += f" [{area}]"
    lines = textwrap.wrap(name, 20 if lang.code == "zh" else 44)
    if len(lines) > 2:
        lines = [lines[0], lines[1][:-1].rstrip() + "…"]
    return "\n".join(lines)


def plot_coverage(
    *,
    ax: Axes | None = None,
    lang: str = "en",
    indicators: str | Sequence[str] | None = None,
    min_figures: int = 2,
    derived: bool = False,
) -> Axes:
    """Draw which letter reports which indicator, for which period.

    One row per indicator and area, one marker per figure at its period's end (a thin line over
    a period longer than a day), one marker shape and colour per letter (as in
    :func:`plot_series`); targets and plans are hollow. Where several letters report the same
    period their markers sit side by side in the row. Dotted vertical lines mark the letters'
    dates.

    Parameters
    ----------
    ax : matplotlib Axes, optional
        Where to draw; by default a new figure, as tall as the rows need.
    lang : {"en", "zh"}, default "en"
        The labels' language (see :func:`plot_series`).
    indicators : str or list of str, optional
        The indicators to draw; by default every indicator and area with at least
        ``min_figures`` figures.
    min_figures : int, default 2
        Without ``indicators``: the fewest figures a row needs to be drawn.
    derived : bool, default False
        Also draw the figures the package derives (grey).

    Returns
    -------
    matplotlib Axes
        The Axes drawn on; each figure's marker has the ``gid`` ``marker:<figure_id>``.

    Raises
    ------
    UnknownValueError
        When an indicator or the language does not exist.

    Examples
    --------
    >>> import matplotlib
    >>> matplotlib.use("Agg")
    >>> import matplotlib.pyplot as plt
    >>> from futian_indicators.plot import plot_coverage
    >>> ax = plot_coverage(indicators=["gdp", "high_tech_enterprises"])
    >>> [t.get_text() for t in ax.get_yticklabels()]
    ['Gross domestic product', 'National high-tech enterprises']
    >>> plt.close(ax.figure)
    """
    style = _lang(lang)
    statuses = None if derived else list(vocab.CURATED_STATUSES)
    figures = api.load_figures(indicator=indicators, status=statuses)
    rows = _coverage_rows(figures, indicators, min_figures)
    row_of = {key: i for i, key in enumerate(rows)}
    keys = list(zip(figures["indicator_id"], figures["geo"], strict=True))
    figures = figures[[key in row_of for key in keys]].copy()
    figures["row"] = [
        row_of[key] for key in zip(figures["indicator_id"], figures["geo"], strict=True)
    ]
    figures = figures.sort_values(["row", "period_end", "source_id", "status"], ignore_index=True)

    ax = _new_axes(ax, (11.0, 0.36 * len(rows) + 2.6))
    letters = _letters()
    for (_, _end), cell in figures.groupby(["row", "period_end"], sort=False):
        for k, row in enumerate(_rows(cell)):
            y = row.row + (k - (len(cell) - 1) / 2) * min(0.22, 0.7 / len(cell))
            start, end = _x(pd.Series([row.period_start, row.period_end]))
            period = (start, end) if row.period_type != "as_of" and start < end else None
            _draw_period_and_marker(ax, period, (end, y), row, size=(1.2, 0.5, 7, 1.4))
    present = [x for x in letters.values() if x.source_id in set(figures["source_id"].dropna())]
    for letter in present:
        if letter.date is not None:
            ax.axvline(
                _x(pd.Series([letter.date]))[0],
                color=letter.colour,
                linestyle=":",
                linewidth=0.9,
                alpha=0.7,
                zorder=0,
            )
    ax.set_yticks(range(len(rows)), [_row_label(i, g, style) for i, g in rows], fontsize=8)
    ax.set_ylim(len(rows) - 0.5, -0.5)
    for y in range(len(rows) + 1):
        ax.axhline(y - 0.5, color="0.9", linewidth=0.6, zorder=0)
    ax.tick_params(axis="y", length=0)
    if style.family:
        ax.tick_params(labelfontfamily=list(style.family))
    starts = _x(figures["period_start"]) + [
        _x(pd.Series([x.date]))[0] for x in present if x.date is not None
    ]
    ends = _x(figures["period_end"])
    pad = max((max(ends) - min(starts)) * 0.04, 45.0) if len(figures) else 45.0
    _date_axis(ax, min(starts, default=0.0) - pad, max(ends, default=1.0) + pad, style)
    ax.set_xlabel(
        f"{style.words('period_axis')}; {style.words('letter_dates')}", fontsize=8, **style.font()
    )
    ax.set_title(style.words("coverage_title"), fontsize=11, loc="left", **style.font())
    ax.spines[["top", "right"]].set_visible(False)
    handles: list[Any] = [
        Line2D([], [], linestyle="none", marker=x.marker, color=x.colour, label=x.short(style))
        for x in present
    ]
    if figures["status"].isin(_HOLLOW_STATUSES).any():
        handles.append(
            Line2D(
                [],
                [],
                linestyle="none",
                marker="o",
                markerfacecolor="white",
                markeredgecolor="0.2",
                label=style.words("target"),
            )
        )
    if (figures["status"] == "derived").any():
        handles.append(
            Line2D([], [], color=_DERIVED_COLOUR, linestyle="--", label=style.words("derived"))
        )
    ax.legend(
        handles=handles,
        loc="upper left",
        bbox_to_anchor=(1.01, 1.0),
        frameon=False,
        prop=style.legend_font(),
    )
    _add_footer(ax, _footer_text(_source_ids(figures), style), style, offset=42)
    return ax


# --- plot_checks --------------------------------------------------------------------------


def _status_handles(checks: pd.DataFrame, lang: _Lang) -> list[Any]:
    counts = checks["status"].value_counts()
    return [
        Patch(
            facecolor=_STATUS_COLOURS[s],
            hatch=_STATUS_HATCHES[s],
            edgecolor="white",
            label=f"{lang.words(s)} ({int(counts.get(s, 0))})",
        )
        for s in _STATUS_ORDER
    ]


def _kind_label(kind: str, lang: _Lang) -> str:
    return _KINDS_ZH.get(kind, kind) if lang.code == "zh" else kind


_STATUS_BAR = 0.3
"""With ``by="rule"``: the width of the status bar, as a fraction of the axes."""


def _ordered_kinds(kinds: Iterable[str]) -> list[str]:
    present = set(kinds)
    return [k for k in vocab.RULE_KINDS if k in present] + sorted(present - set(vocab.RULE_KINDS))


def _checks_by_rule(ax: Axes, checks: pd.DataFrame, lang: _Lang) -> None:
    """One row per rule: a bar coloured by status, then the rule's id; a heading per kind."""
    order = {s: i for i, s in enumerate(_STATUS_ORDER)}
    y = 0
    for kind in _ordered_kinds(checks["kind"]):
        group = checks[checks["kind"] == kind].copy()
        group["order"] = group["status"].map(order)
        group = group.sort_values(["order", "rule_id"])
        ax.text(
            0,
            y,
            f"{_kind_label(kind, lang)} ({len(group)})",
            va="center",
            ha="left",
            fontsize=9,
            fontweight="bold",
            gid=f"kind:{kind}",
            **lang.font(),
        )
        y += 1
        for row in _rows(group):
            ax.barh(
                y,
                _STATUS_BAR,
                height=0.8,
                color=_STATUS_COLOURS[row.status],
                hatch=_STATUS_HATCHES[row.status],
                edgecolor="white",
                linewidth=0.5,
                gid=f"check:{row.check_id}",
            )
            ax.text(
                0.01,
                y,
                f"{lang.words(row.status)} · {_WORDS[lang.code].get(row.severity, row.severity)}",
                va="center",
                ha="left",
                fontsize=7,
                color="white" if row.status == "fail" else "0.1",
                bbox={"boxstyle": "square,pad=0.15", "fc": _STATUS_COLOURS[row.status], "lw": 0},
                **lang.font(),
            )
            ax.text(
                _STATUS_BAR + 0.015,
                y,
                str(row.check_id),
                va="center",
                ha="left",
                fontsize=7.5,
                gid=f"rule:{row.check_id}",
            )
            y += 1
    ax.set_ylim(y - 0.5, -0.7)
    ax.set_xlim(0, 1)
    ax.set_xticks([])
    ax.set_yticks([])
    ax.spines[:].set_visible(False)


def _checks_by_kind(ax: Axes, checks: pd.DataFrame, lang: _Lang) -> None:
    table = pd.crosstab(checks["kind"], checks["status"])
    kinds = _ordered_kinds(table.index)
    table = table.reindex(index=kinds, columns=list(_STATUS_ORDER), fill_value=0)
    left = [0] * len(kinds)
    for status in _STATUS_ORDER:
        counts = [int(n) for n in table[status]]
        for y, (n, start) in enumerate(zip(counts, left, strict=True)):
            if n == 0:
                continue
            ax.barh(
                y,
                n,
                left=start,
                color=_STATUS_COLOURS[status],
                hatch=_STATUS_HATCHES[status],
                edgecolor="white",
                gid=f"count:{kinds[y]}:{status}",
            )
            ax.text(start + n / 2, y, str(n), ha="center", va="center", fontsize=8)
        left = [a + b for a, b in zip(left, counts, strict=True)]
    ax.set_yticks(range(len(kinds)), [_kind_label(k, lang) for k in kinds])
    ax.invert_yaxis()
    ax.set_xlabel(lang.words("rules"), **lang.font())
    ax.xaxis.set_major_locator(MaxNLocator(integer=True))
    ax.spines[["top", "right"]].set_visible(False)


def plot_checks(*, ax: Axes | None = None, lang: str = "en", by: str = "rule") -> Axes:
    """Draw the status of every consistency rule.

    ``by="rule"`` draws one bar per rule (labelled with its id), grouped by kind and coloured
    by status (pass green, tension orange and hatched, fail red and cross-hatched, not applicable
    grey), worst first within a kind; the bar says the status and the rule's severity.
    ``by="kind"`` draws, per kind of rule, how many rules end in each status.

    Parameters
    ----------
    ax : matplotlib Axes, optional
        Where to draw; by default a new figure.
    lang : {"en", "zh"}, default "en"
        The labels' language (see :func:`plot_series`); rule ids stay as they are.
    by : {"rule", "kind"}, default "rule"
        One bar per rule, or counts per kind and status.

    Returns
    -------
    matplotlib Axes
        The Axes drawn on; with ``by="rule"`` each bar's ``gid`` is ``check:<check_id>``.

    Raises
    ------
    UnknownValueError
        When ``lang`` or ``by`` is not one of the values above.

    Examples
    --------
    >>> import matplotlib
    >>> matplotlib.use("Agg")
    >>> import matplotlib.pyplot as plt
    >>> from futian_indicators.plot import plot_checks
    >>> ax = plot_checks(by="kind")
    >>> [t.get_text() for t in ax.get_yticklabels()]
    ['agreement', 'monotone', 'identity', 'bound', 'target']
    >>> plt.close(ax.figure)
    """
    style = _lang(lang)
    if by not in ("rule", "kind"):
        raise UnknownValueError("by", by, ("rule", "kind"))
    checks = api.load_checks()
    if by == "rule":
        height = 0.17 * (len(checks) + checks["kind"].nunique()) + 1.6
        ax = _new_axes(ax, (7.5, height))
        _checks_by_rule(ax, checks, style)
        title, offset = style.words("checks_title"), 6.0
        legend: dict[str, Any] = {"loc": "upper right", "bbox_to_anchor": (1.0, 1.0), "ncols": 1}
    else:
        ax = _new_axes(ax, (7.5, 3.6))
        _checks_by_kind(ax, checks, style)
        title, offset = style.words("checks_kind_title"), 36.0
        legend = {"loc": "upper left", "bbox_to_anchor": (1.01, 1.0), "ncols": 1}
    if style.family:
        ax.tick_params(labelfontfamily=list(style.family))
    ax.set_title(title, fontsize=11, loc="left", **style.font())
    ax.legend(
        handles=_status_handles(checks, style),
        frameon=False,
        **legend,
        prop=style.legend_font(),
    )
    sources = [s for ids in checks["source_ids"].dropna() for s in str(ids).split(";") if s]
    _add_footer(ax, _footer_text(sources, style, style.words("checks_note")), style, offset)
    return ax
