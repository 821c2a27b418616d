"""Recall, precision and qualifier accuracy of the finder of mentions, per construct.

On the held-out sentences (``tests/heldout/grammar.yaml``, never tuned on) and on the tuning set
(``tests/grammar_cases.py``). A gold quantity is found when a mention of kind quantity or rank
has its unit and value (relative tolerance 1e-9), each mention used once; precision is over the
mentions with a value; qualifier accuracy over the found quantities.

    PYTHONPATH=src python benchmarks/heldout_grammar.py
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.grammar_cases import CASES  # noqa: E402
from tests.grammar_scoring import heldout_cases, report  # noqa: E402


def main() -> None:
    print("held-out set (tests/heldout/grammar.yaml)")
    print(report(heldout_cases()))
    print()
    print("tuning set (tests/grammar_cases.py)")
    print(report(CASES))


if __name__ == "__main__":
    main()
