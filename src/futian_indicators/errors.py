"""The package's errors: one base class, one subclass per kind of failure.

Every message says what failed, quotes the bad value, says what is allowed and how to fix it,
and where (file, line, figure id) when there is a where. Messages are built first, then raised.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable


class FutianIndicatorsError(Exception):
    """Base class of every error this package raises on purpose."""

    #: process exit status the CLI uses for this kind of error (1: data problem, 2: usage)
    exit_code: int = 1


class QuantityParseError(FutianIndicatorsError, ValueError):
    """A text is not a quantity of the grammar (see the method docs)."""

    exit_code = 2


class LetterError(FutianIndicatorsError):
    """A letter is missing, not UTF-8, empty, or its bytes differ from the recorded sha256."""


class ArgumentError(FutianIndicatorsError, ValueError):
    """A command's argument is unusable: a missing file, a malformed id, an existing output."""

    exit_code = 2


class ArgumentTypeError(ArgumentError, TypeError):
    """An argument of the wrong type: ``load_figures(indicator=5)``.

    Also a :class:`TypeError`, so code that catches the built-in error keeps working.
    """


def wrong_type(parameter: str, value: object, allowed: str) -> ArgumentTypeError:
    """The error for a parameter given a value of the wrong type, naming what is allowed.

    Examples
    --------
    >>> print(wrong_type("indicator", 5, "a str or a list of str"))
    indicator=5 (int) is not allowed: give a str or a list of str
    """
    kind = type(value).__name__
    return ArgumentTypeError(f"{parameter}={value!r} ({kind}) is not allowed: give {allowed}")


class CurationError(FutianIndicatorsError):
    """The curated raw data (YAML) is malformed or inconsistent with the letters."""


class BuildError(FutianIndicatorsError):
    """The build failed; ``problems`` lists every failure found (the build is lazy)."""

    def __init__(self, problems: Iterable[str]) -> None:
        self.problems = list(problems)
        count = len(self.problems)
        head = f"build failed with {count} problem{'s' if count != 1 else ''}"
        super().__init__(head + ":\n" + "\n".join(f"  - {p}" for p in self.problems))


class StaleDataError(FutianIndicatorsError):
    """The processed tables differ from what the raw data builds."""


class IntegrityError(FutianIndicatorsError):
    """A shipped table is missing or differs from its manifest."""


class UnknownValueError(FutianIndicatorsError, ValueError):
    """A filter or argument names a value that does not exist."""

    exit_code = 2

    def __init__(
        self,
        what: str,
        value: object,
        valid: Iterable[str],
        *,
        close: Iterable[str] | None = None,
        where_listed: str | None = None,
    ) -> None:
        """Name the unknown value and the closest valid ones.

        ``close``: the suggestions, when the caller matched them itself (say over names and
        aliases); ``where_listed``: where to find every valid value when there are too many to
        name (a long list cut alphabetically helps nobody).
        """
        self.what, self.value = what, value
        self.valid = sorted(set(valid))
        if close is None:
            close = difflib.get_close_matches(str(value), self.valid, n=3, cutoff=0.5)
        suggestions = list(close)
        if suggestions:
            hint = f"did you mean {', '.join(repr(c) for c in suggestions)}?"
        elif where_listed is not None:
            hint = f"nothing close; {where_listed}"
        else:
            hint = f"valid values: {', '.join(repr(v) for v in self.valid[:12])}" + (
                " ..." if len(self.valid) > 12 else ""
            )
        super().__init__(f"unknown {what} {value!r}: {hint}")
