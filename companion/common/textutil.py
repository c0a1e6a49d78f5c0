"""Small text helpers shared by the importer, the lesson file and the generators."""

from __future__ import annotations

import re
import unicodedata

# "&" is escaped only where Markdown would read an entity ("&amp;", "&#39;"): a teacher
# reads "Johnson & Johnson" in the file, not "Johnson &amp; Johnson".
_INLINE_SPECIALS = re.compile(r"([\\`*_\[\]])|(&(?=#?\w+;))|(<)")
_LINE_START = re.compile(r"^(\s*)([#>+-]|\d+(?=[.)]))")
_UNESCAPE = re.compile(r"\\([\\`*_\[\]#>+\-.)])|&amp;|&lt;")
_WS = re.compile(r"[ \t\r\f\v\u00a0\u2000-\u200a\u202f\u205f\u3000]+")


def markdown_escape(text: str) -> str:
    """Turn plain text into one line of Markdown that renders as that same text.

    ``markdown_unescape`` reverses it exactly, so analysis can work on plain text while
    the lesson file holds Markdown a teacher can edit.
    """
    text = _INLINE_SPECIALS.sub(
        lambda m: "\\" + m.group(1) if m.group(1) else ("&amp;" if m.group(2) else "&lt;"),
        text,
    )
    match = _LINE_START.match(text)
    if match:
        lead, marker = match.group(1), match.group(2)
        if marker.isdigit():
            # "1989. The year..." would start an ordered list: escape the dot.
            rest = text[match.end() :]
            return f"{lead}{marker}\\{rest}"
        text = f"{lead}\\{marker}{text[match.end() :]}"
    return text


def markdown_unescape(text: str) -> str:
    """Plain text of a paragraph: undo backslash escapes and the two entities we write."""

    def repl(m: re.Match[str]) -> str:
        if m.group(1) is not None:
            return m.group(1)
        return "&" if m.group(0) == "&amp;" else "<"

    return _UNESCAPE.sub(repl, text)


# Emphasis, code and links. As in Python-Markdown, an underscore inside a word is a letter
# ("z8_GND_5296", "snake_case"), and an escaped mark is no mark ("z8\\_GND\\_5296").
_MD_INLINE = re.compile(
    r"(?<![\\\w])(__|_)(?=\S)(.+?)(?<=[^\s\\])\1(?!\w)"
    r"|(?<!\\)(\*\*|\*|`)(?=\S)(.+?)(?<=[^\s\\])\3"
    r"|!?\[([^\]]*)\]\([^)]*\)"
)


def plain_text(markdown: str) -> str:
    """Readable text of one Markdown paragraph (emphasis and links reduced to their words)."""
    text = _MD_INLINE.sub(lambda m: next(g for g in m.group(2, 4, 5) if g is not None), markdown)
    return markdown_unescape(text)


def normalize_space(text: str) -> str:
    """Collapse runs of spaces (including non-breaking ones) and trim."""
    return _WS.sub(" ", text.replace("\u200b", "")).strip()


def one_line(text: str) -> str:
    """All whitespace, newlines included, folded to single spaces."""
    return " ".join(text.split())


_OPENING_QUOTES = "\"“„«‘'"
_CLOSING_QUOTES = "\"”»’'"


def in_quotes(text: str) -> str:
    """``text`` in “curly quotes”, unless it already starts with an opening quote or ends
    with a closing one (a quotation, or a sentence that opens or ends with one: it would
    read ““…” … Wednesday.”); "" stays "". """
    text = text.strip()
    if not text or text[0] in _OPENING_QUOTES or text.rstrip(".!?…,;:")[-1:] in _CLOSING_QUOTES:
        return text
    return f"“{text}”"


def plural(count: int, singular: str, plural_form: str = "") -> str:
    """"1 passage", "2 passages" (``plural_form`` for irregular words: "entry", "entries")."""
    word = singular if count == 1 else plural_form or singular + "s"
    return f"{count} {word}"


def slugify(text: str, fallback: str = "lesson") -> str:
    """A lowercase ASCII slug made of letters, digits and hyphens."""
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    slug = re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")
    return slug[:80].strip("-") or fallback


WORD_RE = re.compile(r"[A-Za-z0-9\u00C0-\u024F]+(?:['’][A-Za-z]+)*")


def words(text: str) -> list[str]:
    return WORD_RE.findall(text)
