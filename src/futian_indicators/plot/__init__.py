"""Plots of the figures, of which letter reports what, and of the consistency checks.

Four helpers, each drawing on a matplotlib Axes (a new figure when ``ax`` is None) and returning
it:

- :func:`plot_series`: every report of one indicator as the interval its words allow;
- :func:`plot_coverage`: which letter reports which indicator for which period;
- :func:`plot_checks`: the status of every consistency check;
- :func:`plot_targets`: each target or plan against its latest comparable actual.

matplotlib is imported by this subpackage only: ``import futian_indicators`` never imports it.

Conventions shared by the plots:

- one marker shape and colour per letter, the same in every plot (the letters' order in
  :func:`~futian_indicators.load_sources`); targets and plans are hollow; figures the package
  derives (status ``derived``) are grey with dashed intervals;
- values in the units people read (亿元 for yuan, 万平方米 for square metres:
  :data:`futian_indicators.display.DISPLAY_UNITS`), labelled in ASCII in English
  ("100 million CNY", "10,000 m²");
- a source note naming the letters (document numbers and dates) the plotted figures come from;
- everything drawn inside the Axes given: the title, the legend (under the x axis by default;
  ``legend="inside"`` or ``"none"``) and the source note belong to it, wrapped between words to
  its width each time the figure is drawn, so that the panels of one figure
  (``plt.subplots(2, 2, layout="constrained")``, about 5 x 4 in a panel) do not overlap;
- texts one per row of data (rule ids, indicator names, target ids) sized to the rows' pitch
  as drawn, down to 5.5 points; in a panel too short even for that, only every few rows are
  labelled, so that no two texts overlap, and the plot warns once
  (:class:`RowsTooSmallWarning`) with the height its rows need;
- counts on an axis from 0 and ranks from the first place (at the top), both with integer ticks;
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

from . import fonts
from .checks import plot_checks
from .coverage import plot_coverage
from .rows import RowsTooSmallWarning
from .series import plot_series
from .targets import plot_targets

__all__ = [
    "CJK_FONT_FAMILIES",
    "RowsTooSmallWarning",
    "plot_checks",
    "plot_coverage",
    "plot_series",
    "plot_targets",
]

CJK_FONT_FAMILIES = fonts.CJK_FONT_FAMILIES  # named here for its documentation
"""CJK fonts ``lang="zh"`` looks for, in order of preference (then any font whose name says CJK
and that has the glyphs)."""
