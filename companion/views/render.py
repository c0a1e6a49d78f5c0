"""Markdown from lesson files to safe HTML: Python-Markdown renders, nh3 sanitises.

Everything a lesson file says reaches students only through ``render_markdown`` (for
Markdown) or Jinja's autoescaping (for plain text), so a ``<script>`` in an article, an
event handler or a ``javascript:`` link never reaches the page.
"""

from __future__ import annotations

import re
from functools import lru_cache

import markdown
import nh3

ALLOWED_TAGS = {
    "p",
    "em",
    "strong",
    "b",
    "i",
    "a",
    "code",
    "br",
    "sup",
    "sub",
    "abbr",
    "q",
    "cite",
    "span",
    "mark",
    "s",
    "small",
}
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}, "abbr": {"title"}, "span": {"class"}}
URL_SCHEMES = {"http", "https", "mailto"}


def sanitize(html: str) -> str:
    return nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=URL_SCHEMES,
        link_rel="noopener noreferrer nofollow",
        strip_comments=True,
    )


MAX_BRACKETS = 64  # Python-Markdown's link parsing grows quadratic with nested "["
_UNESCAPED_BRACKET = re.compile(r"(?<!\\)\[")


@lru_cache(maxsize=4096)
def render_markdown(text: str) -> str:
    """One paragraph of lesson Markdown as sanitised HTML (without the <p> wrapper)."""
    if text.count("[") > MAX_BRACKETS:
        text = _UNESCAPED_BRACKET.sub(r"\\[", text)  # shown as written, never as links
    html = markdown.markdown(text, output_format="html")
    html = sanitize(html).strip()
    if html.startswith("<p>") and html.endswith("</p>") and html.count("<p>") == 1:
        html = html[3:-4]
    return html
