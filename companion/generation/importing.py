"""Read an article (.txt, .md or a saved .html page) into clean title and paragraphs.

Cleaning removes web-page junk (comment forms, share and subscribe lines), a keyword or
title prefix repeated at the start of the first paragraph, doubled quotes, HTML entities
and stray whitespace. Curly quotes and dashes are kept.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field
from pathlib import Path

from companion.common.errors import InputFileError
from companion.common.files import read_text_file
from companion.common.textutil import normalize_space
from companion.generation.newswire import (
    TWEET_SIGNATURE,
    clean_headline,
    clean_news,
    furniture_line,
)

SUFFIXES = (".txt", ".md", ".markdown", ".html", ".htm")

# Lines that belong to the web page around an article, not to the article. They are only
# dropped when the whole paragraph is short, so an article sentence that merely mentions
# "subscribe" survives.
BOILERPLATE = re.compile(
    r"""^(?:please\s+enter\s+your\s+(?:comment|name|email)|leave\s+a\s+(?:comment|reply)
    |(?:post\s+a\s+)?comment(?:s)?\s*:?$|share\s+(?:this|on)\b|subscribe\b|sign\s+up\b
    |follow\s+us\b|follow\s+[\w\s&'’.-]{1,40}?\s+on\s+(?:x|twitter|facebook|instagram)\b
    |click\s+here\b|read\s+more\b|related\s*(?:articles|stories|:)
    |(?:also|must)\s+read\s*:|read\s+also\s*:|see\s+also\s*:|stay\s+informed\b|an?\s+free\s+subscription\b|your\s+(?:web\s+)?browser\b|notifications\s+can\s+be\s+managed\b|(?:published|updated|posted)\s*:?\s*$
    |advertisement$|sponsored\b|all\s+rights\s+reserved|copyright\b|©
    |[-–—\\\s]*advertisement|advertise\s+with\b|(?:article|story)\s+continues\b|hide\s+ad\b|related$
    |popular\s+(?:news|now|stories|posts|in\b)|most\s+(?:read|popular)\b|featured\s+stories
    |listen\s+to\s+this\s+(?:article|story)|.*\b\d+\s*min(?:ute)?s?\s+read$
    |your\s+email\s+address\s+will\s+not\s+be\s+published|required\s+fields\s+are\s+marked
    |save\s+my\s+name|you\s+must\s+be\s+logged\s+in|log\s+in\s+to\s+reply|recommended\s+for\s+you
    |(?:image|photo|video)\s*(?:credit|caption)?\s*:|getty\s+images$|newsletter\b
    |this\s+site\s+uses\s+cookies|accept\s+cookies|skip\s+to\s+(?:main\s+)?content
    |more\s*:|get\s+(?:today['’]s\s+)?headlines\b|(?:the\s+)?(?:day|week)['’]s\s+top\s+stories
    |thank\s+you\s+for\s+signing\s+up|print\s+this\s+page\b|e-?mail\s+(?:a|to\s+a)\s+friend\b
    |<\s*(?=[A-Z]))""",
    re.IGNORECASE | re.VERBOSE,
)
BOILERPLATE_MAX_WORDS = 14
# the head of a page's comment section, after the story: "(0) comments", "Welcome to the
# discussion." (everything after it goes: "Keep it Clean. ...", "Don't Threaten. Threats
# of harming another person will not be tolerated.")
COMMENT_SECTION = re.compile(r"^(?:\(\d+\) comments?|Welcome to the discussion\.?)$", re.I)
# "• WATCH: Could there be life on planets in new solar system?Life may have ...": a link
# to another page with its teaser, in capitals
LINK_TEASER = re.compile(
    r"^(?:[•*]\s*)?(?:(?:WATCH|LISTEN|READ MORE|ALSO READ|MORE|RELATED)\s*[:|]|RELATED\s)"
    r"|^(?i:related|read\s+more|see\s+also|also\s+read)\s*:[^|]*\|"
    r"|^(?i:read\s+more|see\s+also|also\s+read)\s*:[^.!?]*$"
)  # (and "Related: Anthem agrees to pay ... | Yahoo says ...": other pages' headlines;
# "Read more: Nigeria's Jonathan declares state of emergency in parts of four states": a
# headline, with no full stop)
# "Researchers are hoping ... CTV News Edmonton's Evan Kenny has the story.", "Meghan
# McCorkell has more from the hardest hit areas.": a video's blurb
VIDEO_BLURB = re.compile(
    r"^(?=(?:\S+\s+){0,60}\S+$).*\b(?:[A-Z][\w'’.-]+(?:\s+[A-Z][\w'’.-]+)*\s+has\s+the\s+story"
    r"|[A-Z][\w'’.-]+(?:\s+[A-Z][\w'’.-]+)+\s+has\s+more\s+from\b[^.!?]*)\.?$",
    re.DOTALL,
)
_DOUBLED_QUOTES = re.compile(r'(""|“”|””|““)(?=\S)(.+?)(?<=\S)(""|”“|””|“”)')
_PREFIX = re.compile(r"^([^:.!?\n]{2,60}):\s+(?=\S)")


@dataclass
class Article:
    """A cleaned article: plain-text paragraphs, with subheadings the source gave."""

    title: str
    paragraphs: list[str]
    source: str = ""
    headings: dict[int, str] = field(default_factory=dict)  # paragraph index -> subheading
    removed: list[str] = field(default_factory=list)  # junk taken out, for the teacher


def read_article(path: str | Path) -> Article:
    """Read and clean an article file; raise InputFileError with a one-line reason."""
    path = Path(path)
    text = read_text(path)
    suffix = path.suffix.lower()
    if suffix in (".html", ".htm") or (suffix not in SUFFIXES and _looks_like_html(text)):
        article = parse_html(text)
    elif suffix in (".md", ".markdown"):
        article = parse_markdown(text)
    else:
        article = parse_text(text)
    article.source = str(path)
    article = clean_article(article)
    if not article.paragraphs:
        raise InputFileError("no article text found", str(path))
    return article


def read_text(path: Path) -> str:
    """Decode an article file as UTF-8 (with or without BOM), falling back to Windows-1252."""
    return read_text_file(path, ("utf-8-sig", "cp1252"))


def _looks_like_html(text: str) -> bool:
    head = text[:2000].lower()
    return "<html" in head or "<!doctype html" in head or "<body" in head


def parse_text(text: str) -> Article:
    """Plain text: the first short line is the title, blank lines separate paragraphs."""
    pieces = [p for b in re.split(r"\n\s*\n", text) for p in _tweets_apart(b.split("\n"))]
    pieces = _byline_under_title_apart(pieces)
    blocks = [normalize_space(" ".join(lines)) for lines in pieces]
    blocks = [b for b in blocks if b]
    title = ""
    if blocks and _is_title_line(blocks[0]):
        title = blocks.pop(0)
    else:
        # A title on its own line directly above the first paragraph.
        lines = text.strip().splitlines()
        if len(lines) > 1 and (_is_title_line(lines[0].strip()) or _is_headline(lines)):
            title = normalize_space(lines[0])
            blocks[0] = normalize_space(blocks[0][len(title) :])
    return Article(title=title, paragraphs=_split_lines(blocks))


def _byline_under_title_apart(pieces: list[list[str]]) -> list[list[str]]:
    """A byline or a date on the lines right under the headline, with no blank line
    between ("... at Sotheby's" / "By Claire Whitmore" / "October 5, 2018"), is a block of
    its own, which the news cleaning removes, not the end of the title."""
    if not pieces or len(pieces[0]) < 2:
        return pieces
    first, *rest = pieces[0]
    if not all(furniture_line(line.strip()) for line in rest):
        return pieces  # (a byline, a date, "Associated Press", "3 Min Read")
    return [[first], *([line] for line in rest), *pieces[1:]]


def _tweets_apart(lines: list[str]) -> list[list[str]]:
    """An embedded tweet (its text on one line, "— Biz Stone (@biz) September 26, 2017"
    on the next) becomes a paragraph of its own, which the news cleaning removes, instead
    of running into the story's sentences when a page is pasted without blank lines."""
    pieces: list[list[str]] = [[]]
    for line in lines:
        if TWEET_SIGNATURE.match(line.strip()) and pieces[-1]:
            tweet = pieces[-1].pop()
            pieces += [[tweet, line], []]
        else:
            pieces[-1].append(line)
    return [p for p in pieces if p]


def _split_lines(blocks: list[str]) -> list[str]:
    return [b for b in blocks if b]


def _is_title_line(line: str) -> bool:
    """A short line with no full stop at its end ("... across the U.S." ends in an
    abbreviation, not a full stop)."""
    ends = re.search(r"[.!?][\"”’]*\s*$", line) and not re.search(r"\b(?:[A-Z]\.){2,}$", line)
    return 0 < len(line.split()) <= 25 and not ends


def _is_headline(lines: list[str]) -> bool:
    """A short first line above a long one is a headline, even one that ends in "!" or a
    quotation ('"NEVER! He is a lowlife bully"')."""
    return 0 < len(lines[0].split()) <= 20 and len(lines[1].split()) >= 40


def parse_markdown(text: str) -> Article:
    """Markdown: rendered with Python-Markdown, then read like a clean HTML fragment."""
    import markdown

    text = re.sub(r"\A---\n.*?\n---\n", "", text, flags=re.DOTALL)  # front matter
    body = markdown.markdown(text, extensions=["extra"])
    return _article_from_tree(f"<html><body>{body}</body></html>", main_only=False)


def parse_html(text: str) -> Article:
    """A saved web page: trafilatura finds the main content; lxml reads its structure."""
    import trafilatura

    xml = trafilatura.extract(
        text,
        output_format="xml",
        include_comments=False,
        include_tables=False,
        include_images=False,
        with_metadata=True,
    )
    if not xml:
        return Article(title=_html_title(text), paragraphs=[])
    article = _article_from_xml(xml)
    if not article.title:
        article.title = _html_title(text)
    return article


def _html_title(text: str) -> str:
    from lxml import html as lxml_html

    try:
        tree = lxml_html.fromstring(text)
    except Exception:  # noqa: BLE001 - unparseable pages just have no title
        return ""
    for xpath in ("//h1", "//title"):
        found = tree.xpath(xpath)
        if found:
            title = normalize_space(found[0].text_content())
            return re.split(r"\s+[|–—-]\s+[^|–—-]+$", title)[0] if xpath == "//title" else title
    return ""


def _article_from_xml(xml: str) -> Article:
    from lxml import etree

    root = etree.fromstring(xml.encode("utf-8"))
    title = normalize_space(root.get("title") or "")
    paragraphs: list[str] = []
    headings: dict[int, str] = {}
    for element in root.iter("head", "p", "item", "quote"):
        if element.getparent() is not None and element.getparent().tag in ("p", "item"):
            continue
        text = normalize_space(" ".join(element.itertext()))
        if not text:
            continue
        if element.tag == "head":
            if element.get("rend") == "h1" and not paragraphs:
                title = title or text
            elif len(text.split()) <= 12:
                headings[len(paragraphs)] = text
            continue
        paragraphs.append(text)
    return Article(title=title, paragraphs=paragraphs, headings=headings)


def _article_from_tree(document: str, main_only: bool) -> Article:
    from lxml import html as lxml_html

    tree = lxml_html.fromstring(document)
    title = ""
    paragraphs: list[str] = []
    headings: dict[int, str] = {}
    for element in tree.iter("h1", "h2", "h3", "h4", "p", "li", "blockquote"):
        if element.tag in ("p",) and element.getparent().tag in ("li", "blockquote"):
            continue
        text = normalize_space(element.text_content())
        if not text:
            continue
        if element.tag == "h1" and not title and not paragraphs:
            title = text
        elif element.tag.startswith("h"):
            headings[len(paragraphs)] = text
        else:
            paragraphs.append(text)
    return Article(title=title, paragraphs=paragraphs, headings=headings)


def clean_paragraph(text: str) -> str:
    """Entities decoded, doubled quotes undone, whitespace tidied."""
    text = html.unescape(text)
    text = _DOUBLED_QUOTES.sub(
        lambda m: _single_quote(m.group(1)) + m.group(2) + _single_quote(m.group(3)), text
    )
    text = text.replace('""', '"')  # a doubled quote left anywhere else
    return normalize_space(text)


def _single_quote(pair: str) -> str:
    return pair[0] if pair[0] == pair[1] else pair[1]


# a label alone on its line, the linked page's title on the next: "Read Also:"
LINK_LABEL_ALONE = re.compile(
    r"^(?:read\s+also|also\s+read|read\s+more|see\s+also|related(?:\s+(?:stories|articles))?)"
    r"\s*:?\s*$",
    re.IGNORECASE,
)


def _link_title(text: str) -> bool:
    """A headline of another page: short, with no full stop at its end."""
    return len(text.split()) <= BOILERPLATE_MAX_WORDS and not text.rstrip().endswith(".")


def is_boilerplate(text: str) -> bool:
    if LINK_TEASER.match(text) or VIDEO_BLURB.search(text):
        return True  # at any length: the teaser of another page, or a video's blurb
    return len(text.split()) <= BOILERPLATE_MAX_WORDS and bool(BOILERPLATE.search(text))


def clean_article(article: Article) -> Article:
    """Entities, doubled quotes, page junk (boilerplate paragraphs) and wire-service junk
    (companion.generation.newswire) removed; what was removed is kept in ``removed``."""
    title, removed = clean_headline(clean_title(clean_paragraph(article.title)))
    kept: list[str] = []
    headings: dict[int, str] = {}
    link_next = False
    for index, raw in enumerate(article.paragraphs):
        text = clean_paragraph(raw)
        if len(kept) >= 2 and COMMENT_SECTION.match(text):
            removed += [t for t in map(clean_paragraph, article.paragraphs[index:]) if t]
            break  # "Welcome to the discussion." and the site's rules for comments
        if text and link_next and _link_title(text):
            removed.append(text)  # "Read Also:" / "NPC Awaits Tinubu To Fix New Date ..."
            continue
        link_next = bool(LINK_LABEL_ALONE.match(text))
        if text and is_boilerplate(text):
            removed.append(text)
        if not text or is_boilerplate(text):
            continue
        if index in article.headings:
            headings[len(kept)] = clean_paragraph(article.headings[index])
        kept.append(text)
    if len(kept) > 1 and _same_words(LABEL.sub("", kept[0]), title):
        removed.append(kept.pop(0))  # the headline again, as a page prints it above the text
        headings = {max(i - 1, 0): h for i, h in headings.items()}
    news = clean_news(kept, headings)
    kept, headings = news.paragraphs, news.headings
    removed += news.removed
    if kept:
        kept[0] = strip_repeated_prefix(kept[0], title)
    if not title and kept:
        title = _title_from_text(kept[0])
    title = match_body_casing(title, kept)
    return Article(
        title=title, paragraphs=kept, source=article.source, headings=headings, removed=removed
    )


def clean_title(title: str) -> str:
    """Drop a keyword tag repeated at the end ("Panjshir valley: ... panjshir valley")."""
    match = _PREFIX.match(title)
    if match:
        keyword = match.group(1).strip()
        if title.lower().endswith(" " + keyword.lower()) and len(title) > 2 * len(keyword) + 3:
            title = title[: -len(keyword)].rstrip(" -–—|,")
    return title


def match_body_casing(title: str, paragraphs: list[str]) -> str:
    """Write a title's keyword prefix as the article writes it ("Panjshir Valley")."""
    match = _PREFIX.match(title)
    if not match:
        return title
    keyword = match.group(1)
    found = re.findall(re.escape(keyword), " ".join(paragraphs), flags=re.IGNORECASE)
    if not found:
        return title
    best = max(set(found), key=lambda form: (found.count(form), form))
    return best + title[len(keyword) :]


def strip_repeated_prefix(paragraph: str, title: str) -> str:
    """Remove a title or keyword prefix that a page glued to the first paragraph."""
    if title and paragraph.lower().startswith(title.lower()):
        rest = paragraph[len(title) :].lstrip(" :-–—|")
        if rest and rest[0].isupper():
            return rest
    match = _PREFIX.match(paragraph)
    if match:
        keyword = match.group(1).strip()
        rest = paragraph[match.end() :]
        in_title = keyword.lower() in title.lower()
        # A keyword tag is lowercase or repeats the title; "Note: ..." is article text.
        if rest[:1].isupper() and (in_title or keyword == keyword.lower()):
            return rest
    return paragraph


LABEL = re.compile(r"^[A-Z]{2,}:\s*")  # "NOW: Flu hospitalizations on the rise"


def _same_words(one: str, other: str) -> bool:
    """The same words, whatever the case and punctuation."""
    words = re.findall(r"\w+", one.lower())
    return bool(words) and words == re.findall(r"\w+", other.lower())


def _title_from_text(paragraph: str) -> str:
    first = re.split(r"(?<=[.!?])\s", paragraph, maxsplit=1)[0]
    words_ = first.split()
    return " ".join(words_[:10]) + ("…" if len(words_) > 10 else "")
