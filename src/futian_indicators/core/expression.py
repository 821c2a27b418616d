"""Arithmetic expressions of named figures, as the rules write them: ``part / total * 100``.

Only names, numbers, ``+ - * /``, unary minus and parentheses; nothing is ever executed. A
number is read from its digits exactly (``19.3`` is 193/10, not the nearest float).
"""

from __future__ import annotations

import ast
import functools
import operator
from collections.abc import Callable, Mapping
from fractions import Fraction

from ..errors import CurationError
from .interval import Interval

_OPERATORS: Mapping[type[ast.operator], Callable[[Interval, Interval], Interval]] = {
    ast.Add: operator.add,
    ast.Sub: operator.sub,
    ast.Mult: operator.mul,
    ast.Div: operator.truediv,
}
ALLOWED = "names, numbers, + - * /, unary minus and parentheses"


@functools.lru_cache(maxsize=4096)
def parse(text: str) -> ast.expr:
    """Parse and vet an expression.

    The tree is cached by text: callers must not change it.

    Raises
    ------
    CurationError
        When it is not an expression, or uses anything but ``ALLOWED``.

    Examples
    --------
    >>> sorted(names(parse("part / total * 100")))
    ['part', 'total']
    """
    try:
        tree = ast.parse(text.strip(), mode="eval").body
    except SyntaxError as exc:
        msg = f"expression {text!r} is not arithmetic ({exc.msg}); allowed: {ALLOWED}"
        raise CurationError(msg) from None
    for node in ast.walk(tree):
        allowed_node = (
            isinstance(
                node, ast.BinOp | ast.UnaryOp | ast.Name | ast.Constant | ast.Load | ast.USub
            )
            or type(node) in _OPERATORS
        )
        number = not isinstance(node, ast.Constant) or type(node.value) in (int, float)
        if not (allowed_node and number):
            used = ast.unparse(node) if isinstance(node, ast.expr) else type(node).__name__
            msg = f"expression {text!r} uses {used!r}; allowed: {ALLOWED}"
            raise CurationError(msg)
    return tree


def names(tree: ast.expr) -> set[str]:
    """The names an expression uses."""
    return {node.id for node in ast.walk(tree) if isinstance(node, ast.Name)}


def evaluate(tree: ast.expr, values: Mapping[str, Interval]) -> Interval:
    """Evaluate with interval arithmetic; every name must be in ``values``.

    Examples
    --------
    >>> evaluate(parse("a / b * 100"), {"a": Interval.closed(1, 2), "b": Interval.point(4)})
    Interval(lower=Fraction(25, 1), upper=Fraction(50, 1), lower_closed=True, upper_closed=True)
    """
    if isinstance(tree, ast.Name):
        return values[tree.id]
    if isinstance(tree, ast.Constant):
        return Interval.point(Fraction(str(tree.value)))
    if isinstance(tree, ast.UnaryOp):
        return -evaluate(tree.operand, values)
    if isinstance(tree, ast.BinOp):
        apply = _OPERATORS[type(tree.op)]
        return apply(evaluate(tree.left, values), evaluate(tree.right, values))
    msg = f"cannot evaluate {ast.unparse(tree)!r}"  # parse() lets nothing else through
    raise CurationError(msg)


class _Substitute(ast.NodeTransformer):
    def __init__(self, words: Mapping[str, str]) -> None:
        self.words = words

    def visit_Name(self, node: ast.Name) -> ast.Name:
        return ast.Name(id=self.words.get(node.id, node.id), ctx=node.ctx)


def substitute(tree: ast.expr, words: Mapping[str, str]) -> str:
    """Write an expression with its names replaced by words (how a derived value was computed).

    Examples
    --------
    >>> substitute(parse("part / share * 100"), {"part": "1100 亿元", "share": "19.3%"})
    '1100 亿元 / 19.3% * 100'
    """
    fresh = ast.parse(ast.unparse(tree), mode="eval").body  # a new tree: the cached one stays
    return ast.unparse(_Substitute(words).visit(fresh))
