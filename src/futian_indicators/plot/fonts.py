"""CJK font discovery for ``lang="zh"``, and the one warning when no such font is installed."""

from __future__ import annotations

import functools
import re
import warnings
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from matplotlib import font_manager

from ..errors import UnknownValueError
from .words import LANGS, _Lang

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
