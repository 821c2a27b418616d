"""Semantic versions ``MAJOR.MINOR.PATCH``: how data versions are checked and ordered.

A data version (``data/raw/dataset.yaml``, errata, the release archive) is three dot-separated
runs of ASCII digits: major for a schema break, minor for new letters or figures, patch for
corrected values. Versions order by their numbers, not their text (``1.10.0`` after ``1.9.0``).

Examples
--------
>>> is_semver("1.2.0"), is_semver("1.2"), is_semver(1.2)
(True, False, False)
>>> sorted(["1.10.0", "1.9.0", "0.2.0"], key=parse_semver)
['0.2.0', '1.9.0', '1.10.0']
"""

from __future__ import annotations

import re
from typing import Final

from ..errors import CurationError

SEMVER_RE: Final = re.compile(r"([0-9]+)\.([0-9]+)\.([0-9]+)")
"""A semantic version (match it whole, with ``fullmatch``)."""


def is_semver(text: object) -> bool:
    """Whether ``text`` is a string ``MAJOR.MINOR.PATCH`` of ASCII digit runs."""
    return isinstance(text, str) and SEMVER_RE.fullmatch(text) is not None


def parse_semver(version: str) -> tuple[int, int, int]:
    """The version's three numbers, which order versions (``key=parse_semver``).

    Raises
    ------
    CurationError
        When ``version`` is not a semantic version.

    Examples
    --------
    >>> parse_semver("1.10.0")
    (1, 10, 0)
    """
    match = SEMVER_RE.fullmatch(version) if isinstance(version, str) else None
    if match is None:
        msg = f"version {version!r} is not a semantic version MAJOR.MINOR.PATCH such as '1.2.0'"
        raise CurationError(msg)
    major, minor, patch = (int(part) for part in match.groups())
    return major, minor, patch
