"""Standalone HTML pages: escaping, and a head that allows only the page's own style and script.

One definition for the letter pages (:mod:`futian_indicators.letter_page`) and the drafter's
review page (:mod:`futian_indicators.drafting.review`): a page opened from disk loads nothing
else and runs nothing else (``default-src 'none'``; the inline style and script are allowed by
their sha256).
"""

from __future__ import annotations

import base64
import hashlib
import html

__all__ = ["content_policy", "escape", "page_head"]


def escape(value: object) -> str:
    """Escape a text for HTML, in an element or in a quoted attribute."""
    return html.escape(str(value), quote=True)


def _sha256(source: str) -> str:
    digest = hashlib.sha256(source.encode()).digest()
    return "'sha256-" + base64.b64encode(digest).decode() + "'"


def content_policy(css: str, script: str | None = None) -> str:
    """The page's Content-Security-Policy: its own style (and script), nothing else."""
    if script is None:
        return f"default-src 'none'; style-src {_sha256(css)}; base-uri 'none'; form-action 'none'"
    return (
        f"default-src 'none'; style-src {_sha256(css)}; script-src {_sha256(script)}; "
        "img-src data:; base-uri 'none'; form-action 'none'"
    )


def page_head(title: str, css: str, script: str | None = None) -> str:
    """A page from ``<!DOCTYPE html>`` to ``</head>`` and its line break.

    Charset, content policy, viewport, title and style; the body (and the ``<script>`` element
    of ``script``) is the caller's.
    """
    policy = escape(content_policy(css, script))
    return (
        "<!DOCTYPE html>\n"
        '<html lang="en"><head><meta charset="utf-8">'
        f'<meta http-equiv="Content-Security-Policy" content="{policy}">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{escape(title)}</title><style>{css}</style></head>\n"
    )
