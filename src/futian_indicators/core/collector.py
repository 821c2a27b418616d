"""Pause the cyclic garbage collector while a pass makes many small objects and no cycles.

The finder of mentions makes tens of thousands of small objects per megabyte of text (matches,
mentions, readings) and no reference cycle among them: reference counting frees them all. The
cyclic collector would run over them, and over every other object of the program, a hundred
times per megabyte and find nothing to collect; :func:`collector_paused` keeps it from doing so
for the length of a ``with`` block and restarts it after, as it was.

Examples
--------
>>> import gc
>>> with collector_paused():
...     gc.isenabled()
False
>>> gc.isenabled()
True
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager

__all__ = ["collector_paused"]


@contextmanager
def collector_paused() -> Iterator[None]:
    """The cyclic garbage collector paused for the block, then enabled again if it was."""
    if not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()
