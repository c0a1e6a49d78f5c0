"""Wire-service and web-page junk in pasted news text: found by general rules (never by
the words of particular articles), removed, and listed so that the teacher can see it
and put it back (docs/passages.md, "Cleaning news text").

The rules: a headline's wire tag ("UPDATE 1-"); a bullet summary (deck) before the story;
editors' notes ("(Adds details)"); bylines ("By Ann Lee and Bo Park, CNBC.com"); datelines
("NEW DELHI, April 2 (Reuters) -", "MURRIETA, Calif. —", "OTTAWA -"); stock-ticker tags
("(BAYGn.DE: Quote, Profile, Research)"); wire reference links ("[ID:nL3E7F11Z5]");
reporting and editing credits; copyright and rights lines; photo credits, and the
captions they mark ("... on Sunday. (NASA/Caltech)"); a web page's
prompts between sentences ("Advertisement", "Story continues below"); contact lines
at the end ("Ty Burr can be reached at ..."); a link left dangling at the end ("More
information"). A capitalised subhead inside a paragraph ("SIGNIFICANT IMPACT") starts a
new paragraph, with the subhead as its heading.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from companion.common.abbreviations import split_sentences
from companion.common.wordnet import get_wordnet

WIRE_TAG = re.compile(
    r"^(?:UPDATE|REFILE|CORRECTED|WRAPUP|RPT|EXCLUSIVE|ANALYSIS|FACTBOX|SCENARIOS)"
    r"(?:\s*\d+)?\s*[-:–]\s*(?=\S)"
)
BULLET = re.compile(r"^\s*[*•]\s+")
EDITORS_NOTE = re.compile(
    r"\s*\((?:Adds|Updates|Recasts|Corrects|Changes|Rewrites|Refiles|Repeats|Removes"
    r"|Inserts|Fixes|Writes through|Edits)\b[^()]{0,160}\)"
)
_NAME_WORD = r"(?:[A-Z][a-z'’-]*[a-z]|[A-Z]\.(?:[A-Z]\.)*|[A-Z][a-z]*[A-Z][a-z]+)"
_NAME = rf"{_NAME_WORD}(?:\s+{_NAME_WORD}){{0,3}}"
BYLINE = re.compile(
    rf"\bBy\s+{_NAME}(?:\s*(?:,|and|&)\s+{_NAME})*"
    r"(?:\s*,\s*(?:[A-Z][\w.]*\.(?:com|org|net|co\.uk)|[A-Z]{2,}[\w.]*))?\s+"
)
_AGENCY = r"\((?:[A-Z][\w.&' -]{1,30})\)"
_MONTH = (
    r"(?:JAN|FEB|MAR|APR|MAY|JUNE?|JULY?|AUG|SEPT?|OCT|NOV|DEC)[A-Z]*"
    r"|(?:Jan|Feb|Mar|Apr|May|June?|July?|Aug|Sept?|Oct|Nov|Dec)[a-z]*"
)
# "April 29", "Oct. 3, 2018", "(MAY 8, 2015)"; day first: "08 AUGUST 2018", "3 March"
_DATE = (
    rf"(?:(?:[A-Z][a-z]{{2,8}}|{_MONTH})\.?\s+\d{{1,2}}(?:,\s+\d{{4}})?"
    rf"|\d{{1,2}}\s+(?:{_MONTH})\.?(?:\s+\d{{4}})?)"
)
_PLACE_WORD = r"[A-Z][A-Z.'’-]{2,}"
# one place or several joined by slashes ("BRAZZAVILLE/ABUJA", "ZURICH/NEW YORK")
_CAPS_PLACE = rf"(?:{_PLACE_WORD}|[A-Z]{{2,}})(?:(?:\s+|/)(?:{_PLACE_WORD}|[A-Z]{{2,}})){{0,3}}"
_REGION = r"(?:[A-Z][a-z]+\.?(?:\s+[A-Z][a-z]+\.?){0,2})"
# "MONROVIA, Liberia–The world ...": after a region, a long dash may touch both words
# (never after capitals: "US–China talks")
_DASH = r"(?:\s[-–—•_]\s+|\s?:\s+|\s?--\s+|(?<=[a-z.])[–—])"
DATELINE = re.compile(  # "BISHKEK. April 29 (Interfax) -" too
    rf"^(?:{_CAPS_PLACE}(?:,\s*(?:{_DATE}|{_REGION}|{_CAPS_PLACE})|\s+{_DATE})*"
    rf"(?:\s*\({_DATE}\))?(?:\s*{_AGENCY})?|{_AGENCY})"
    rf"(?:{_DASH}(?=[\"“‘']?[A-Z0-9])|\s*[-–—•:]\s*$)"
)
# In the lead, after a deck that has no bullets: only with an agency or a date, so that
# an ordinary capitalised phrase is never taken for one.
LATE_DATELINE = re.compile(
    rf"(?<=[\s.!?\"”])(?:{_CAPS_PLACE}(?:,\s*(?:{_DATE}|{_REGION}))*\s*{_AGENCY}"
    rf"|{_CAPS_PLACE},\s*{_DATE}(?:\s*{_AGENCY})?){_DASH}(?=[\"“‘']?[A-Z0-9])"
)
TICKER = re.compile(
    r"\s*\((?:(?:[A-Z0-9^]{1,8}[a-z]?(?:\.[A-Z]{1,3})?)\s*:\s*)?Quote,\s*Profile,\s*Research"
    r"(?:,\s*Stock\s*Buzz)?\)"
    r"|\s*\((?:NYSE|NASDAQ|Nasdaq|AMEX|LSE|TSX|OTC)\s*:\s*[A-Z.]{1,8}\)"
    r"|\s*\([A-Z0-9]{1,6}[a-z]?\.[A-Z]{1,3}\)"
)
WIRE_REFERENCE = re.compile(r"\s*\([^()]*\[ID:[^\]]*\][^()]*\)|\s*\[ID:[^\]]*\]")
CREDITS = re.compile(
    r"\s*\((?:(?:Additional\s+)?[Rr]eporting|Writing|Written|Editing|Edited|Compiled"
    r"|Translated|Research)\s+by\b[^()]*\)"
)
COPYRIGHT = re.compile(
    r"(?:©\s*)?(?:Copyright|\(c\))\s*(?:©\s*)?\d{4}\b[^.]{0,80}\."
    r"|©\s*\d{4}\b[^.]{0,80}\."
    r"|All rights reserved\."
    r"|This material may not be (?:published|broadcast|rewritten|redistributed)[^.]*\.",
    re.IGNORECASE,
)
PHOTO_CREDIT = re.compile(
    r"\s*\((?:Photo|Image|Picture|Video|Pictured)(?:\s+credit)?\s*:[^()]*\)"
    r"|\s*\b(?:REUTERS|AP|AFP|GETTY IMAGES|EPA)/[A-Z][\w.-]*(?:\s[A-Z][\w.-]*){0,3}"
)
# a photo's credit: "(Wallace Woon / EPA)", "(NASA/Caltech)", "Credit: PA"; AP marks an
# old picture ", File": "(AP Photo/Susan Walsh, File)"
_CAP = r"[A-Z][\w.'’&-]*"
_AGENCIES = r"(?:Reuters|AP|AFP|EPA|UPI|PA|Getty Images|Getty)"
_CREDIT = rf"\(\s*{_CAP}(?:\s+{_CAP}){{0,4}}\s*/\s*{_CAP}(?:\s+{_CAP}){{0,3}}(?:,\s*File)?\s*\)"
# a news agency's photo credit: "(AP Photo/Susan Walsh, File)": its caption may be long
WIRE_CREDIT = re.compile(r"\((?:AP|Reuters|AFP|EPA) Photos?/[^()]{2,60}\)\s*$")
WIRE_CAPTION_MAX_WORDS = 160
# a photographer's name on a line of its own under a caption: "Susan Walsh"
NAME_LINE = re.compile(r"^[A-Z][a-z'’]+(?: [A-Z][a-z'’-]+){1,2}$")
CREDIT_ONLY = re.compile(rf"^{_CREDIT}$")
CAPTION_END = re.compile(
    rf"(?:\b(?:Credit|Photo|Photograph|Picture|Image|Pic|CREDIT|PHOTO|PICTURE|IMAGE)S?s?:"
    rf"\s*[A-Z][\w.'’&/ -]{{0,60}}"
    rf"|(?:Image|Media) (?:source|copyright),?\s+[A-Z][\w.'’&/ -]{{0,60}}"
    rf"|\bPics?/\s?[A-Z][\w.-]*"
    rf"|\(\s*{_CAP}(?:\s+{_CAP}){{0,3}}:\s*{_CAP}(?:\s+{_CAP}){{0,3}}\s*\)"
    rf"|(?<=[.!?])\s?/\s?{_CAP}(?:\s+{_CAP}){{0,3}}"
    rf"|©\s?{_CAP}(?:\s+{_CAP}){{0,2}}"
    rf"|(?<=[.!?])\s*\((?:{_AGENCIES}|AAP|Nine|Seven|ABC|BBC|CNN|NBC|CBS|Fox|Sky|ITV|Supplied"
    rf"|File)\)"
    rf"|(?<=[.!?])\s*\((?:AFP|AP|AAP|Reuters|EPA|ABC|Getty Images):\s*[^()]{{2,60}}\)"
    rf"|(?<=[.!?])\s*\({_CAP}(?:\s+{_CAP}){{0,3}}\s+for\s+{_CAP}(?:\s+{_CAP}){{0,3}}\)"
    rf"|\bPhoto(?:graph)?\s+by\s+{_CAP}(?:\s+{_CAP}){{0,3}}(?:\s*/\s*{_CAP})?"
    rf"(?:\s*\|\s*License Photo)?"
    rf"|(?<=[.!?])\s+(?:[A-Z]{{2,}}/)+[A-Z]{{2,}}(?:\s[A-Z]{{2,}}){{0,3}}"
    rf"|(?<=[.!?])\s+{_CAP}(?:\s+{_CAP}){{1,3}}\s*/\s*{_AGENCIES}"
    rf"|\([^()]{{2,60}}[-–]\s*image credit\)"
    rf"|(?<=[.!?])\s+Courtesy(?:\s+(?:of\s+)?{_CAP}(?:\s+{_CAP}){{0,3}})?"
    rf"|{_CREDIT})\s*$"
)  # "... outside Luxor. Photograph: AP/Supreme Council of Antiquities", "... Pic/AFP",
# "... in the men's 5,000m final. (Reuters: Lucy Nicholson)", "... this rabbit./A. Cheeseman",
# "... on Friday. (Galit Rodan/The Canadian Press - image credit)", "... rehabilitate. Courtesy"
CAPTION_MAX_WORDS = 80
# lines of a news page's head (see furniture_line)
LEADING_DASHES = re.compile(r"^[—–-]+\s*(?:--\s*)?(?=[\"“A-Z])")
BYLINE_FOR = re.compile(r"^By\s+[A-Z][\w.'’ -]{2,40}\s+for\s+[A-Z][\w.&' -]{1,30}$")
_STAFF = r"(?:[A-Z][\w.'’&-]*\s+){0,4}(?:Staff\s+)?(?:Writer|Reporter|Correspondent|Editor)s?"
STAFF_LINE = re.compile(rf"^{_STAFF}$")
TIME_STAMP = re.compile(
    r"\b(?:Published|Updated|Posted|Last Updated)\s*:?\s*(?:on\s+)?"
    r"(?:\d|[A-Z][a-z]{2,8}\.?\s+\d)"
)
STAMP_MAX_WORDS = 20
# "Amber Tay | July 30, 2024, 05:12 PM": a name and the date it was posted; "3 minute read"
NAME_AND_DATE = re.compile(
    r"^[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+){0,3}\s*[|•]\s*(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2}"
    r"|\d{1,2}\s+[A-Z][a-z]{2,8})"
)
READING_TIME = re.compile(r"^\d+\s*-?\s*min(?:ute)?s?\s+read$", re.IGNORECASE)
# an agency's name on a line of its own, under a byline: "Associated Press"
AGENCY_LINE = re.compile(
    r"^(?:The\s+)?(?:Associated\s+Press|AP|Reuters|AFP|Agence\s+France-Presse)$"
)
_FULL_DATE = (  # "Wednesday, March 24, 2010", "Thursday 30 July 2015"
    r"(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\s+)?"
    r"(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2},?\s+\d{4}|\d{1,2}\s+[A-Z][a-z]{2,8}\.?,?\s+\d{4})"
)
DATE_LINE = re.compile(rf"^{_FULL_DATE}$")  # a date on a line of its own
# "Staff Reporter Harare, Thursday 30 July 2015": where and when, after the writer's job
# (its lines joined into one paragraph)
PLACE_AND_DATE = re.compile(
    rf"^(?:{_STAFF}\s+)?[A-Z][\w'’.-]+(?:\s+[A-Z][\w'’.-]+){{0,2}},\s*{_FULL_DATE}$"
)
LABEL_MAX_WORDS = 6
CREDIT_IN_BRACKETS = re.compile(r"\s*\((?:[A-Z][\w.&'’-]*\s*){1,3}\)$")
LABELLED = re.compile(r"^[A-Z][\w'’ -]{2,30}:\s+[A-Z]")
# a byline on a line of its own, in any case: "- BY OLGA R. RODRIGUEZ"
# "By our Europe correspondent Brussels, Tuesday 22 March 2016": a byline with no name
BY_OUR_REPORTER = re.compile(
    r"^(?:By|BY)\s+(?:our|a|an|the)\s+(?:[\w-]+\s+){0,3}"
    r"(?:correspondents?|reporters?|staff|editors?|team)\b",
    re.IGNORECASE,
)
BYLINE_ONLY = re.compile(r"^[-–—]?\s*(?:By|BY)\s+[A-Z][A-Za-z.'’ -]{2,60}$")
BYLINE_MAX_WORDS = 6
# a web page's prompts left between two sentences of a pasted story
PAGE_PROMPT = re.compile(
    r"(?<=[.!?:\"”’)])\s+(?:Advertisement|ADVERTISEMENT|Story continues below"
    r"|Click to [Ee]nlarge|Scroll down for (?:video|more)|Continue reading(?: the main story)?"
    r"|Read more|RELATED)\s+(?=[\"“‘A-Z])"
)
# a link's teaser glued to the end of a paragraph: "... until dawn. Read more: How the
# club was nearly relegated" (a headline of another page: no full stop inside)
TRAILING_TEASER = re.compile(
    r"(?<=[.!?\"”’)])\s+(?:Read [Mm]ore|READ MORE|Also [Rr]ead|ALSO READ|See also|Related"
    r"|RELATED)\s*[:|]\s*[^.!?\n]{3,140}\??$"
)
# a page's advertisement slot run into the paragraph after it: "Advertisement Hide
# AdAdvertisement Hide AdThe remote Farne Islands is ..."
AD_SLOT = re.compile(r"^(?:\s*Advertisement\s*Hide\s*Ad)+\s*(?=[\"“A-Z])")
# a pointer to the page's video inside a sentence: "He argued (see video) that ..."
VIDEO_POINTER = re.compile(
    r"\s*\((?:see|watch)(?: the| our)? video(?: above| below| here)?\)", re.IGNORECASE
)
NAV_SEPARATOR = re.compile(r"\s[·|]\s")
# a live story's time stamp before a paragraph: "UPDATE, 13:45: BlackBerry has confirmed ..."
UPDATE_STAMP = re.compile(
    r"^(?:UPDATED?|Update)\s*,?\s*\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\.?)?\s*[:\-–—]\s*"
)
# a video player's notice, pasted into the text: "Sorry, this video has expired Farmer ..."
EXPIRED_VIDEO = re.compile(
    r"(?:^|(?<=[.!?\"”’)]\s))Sorry, this video (?:has expired|is (?:no longer |not )?available)"
    r"\.?\s*"
)
# a site's own lines after the story: "The BBC is not responsible for the content of
# external sites.", "Download the FOX 29 Weather Authority App to ...", "For more
# information on ..., visit The Sky Live."
PROMOTION = re.compile(
    r"\bis not responsible for the content of external\b|^Download (?:the|our)\b.{0,60}\bapps?\b"
    r"|^For more (?:information|details)\b.{0,120}\bvisit\b",
    re.IGNORECASE,
)
# the BBC's time stamp left at the story's head: "- Published", "- Published18 November
# 2022" (joined to the first paragraph when the lines were run together)
PUBLISHED_MARK = re.compile(
    r"^[-–—•]?\s*Published(?::?\s*\d{1,2}\s+[A-Z][a-z]+\s+\d{4})?(?:\s+(?=[A-Z\"“])|\s*$)"
)
# a site's "follow us" line: "Follow BBC Birmingham on Facebook, X and Instagram."
FOLLOW_US = re.compile(r"^Follow (?:[A-Z][\w&'’-]*\s+){1,5}on (?:Twitter|Facebook|Instagram|X)\b")
# a page's share buttons: "Share to Facebook Share to Twitter Share to Email", "Share
# this article", "Share on WhatsApp"
SHARE_BAR = re.compile(r"^(?:Share(?: (?:to|on|via) [A-Z]\w+| this(?: article| story)?)\s*)+$")
# the signature line of an embedded tweet, on its own line under the tweet's text
TWEET_SIGNATURE = re.compile(
    r"^[—–-]\s*[^()]{1,60}\(@\w{1,15}\)\s+[A-Z][a-z]+\.? \d{1,2}, \d{4}\s*$"
)
# a post embedded in the page: "... pic.twitter.com/nlYD0ny2qo — Transport for London
# (@TfL) September 22, 2017"
EMBEDDED_POST = re.compile(
    r"\bpic\.twitter\.com/\w+|\(@\w{1,15}\)\s+[A-Z][a-z]+\.? \d{1,2}, \d{4}\s*$"
)
END_MARK = re.compile(r"\s*\bEnd\s?item\b\.?\s*$", re.IGNORECASE)
CONTACT = re.compile(
    r"[\w.+-]+@\s?[\w-]+(?:\.[\w-]+)+|\bcan be reached\b|\bwww\.\S+|https?://\S+"
    r"|\b(?:call|phone|email|e-mail|contact)\b[^.]{0,60}\d{3}[\s-]\d{3,4}[\s-]?\d{0,4}"
    r"|\b(?:follow|catch)\s+(?:us|him|her|them)\s+(?:on|at)\b",
    re.IGNORECASE,
)
SUBHEAD = re.compile(
    r"(?<=[.!?\"”’])\s+((?:[A-Z][A-Z'’&-]{2,}\s+){1,5}[A-Z][A-Z'’&-]{2,})\s+(?=[A-Z][a-z])"
)
DOUBLED_QUOTES = re.compile(r'""')
# old wire quotation marks: ``last resort'' -> “last resort”
TEX_OPEN = re.compile(r"``(?=\S)")
TEX_CLOSE = re.compile(r"(?<=\S)''")
AP_DASH = re.compile(r"(?<=\w)\s_\s(?=\w)")  # AP's "_" for a dash
# the BBC's labels of a picture or a video, each with its caption: "Image copyright Manuel
# Harlan Image caption Excited fans posed ...", "Media playback is unsupported on your device"
MEDIA_LABEL = re.compile(
    r"^(?:Media playback is unsupported on your device|Media caption|Image copyright"
    r"|Image caption|Image source"
    r"|\((?:Photo|Image|Picture)\s*:[^()]*\))"  # "(Photo : Instagram) Scientists have ..."
)
MEDIA_LABEL_ALONE = re.compile(r"^(?:Media|Image) caption,?$")  # its caption is next
MEDIA_CAPTION_MAX_WORDS = 40
# the BBC's mark after a link's words: "... an article about Adele, external."
LINK_MARK = re.compile(r",\s*external(?=[.,;:!?\"”’)]|\s+in\b|\s*$)")
DECK_MAX_WORDS = 60
LEAD_PARAGRAPHS = 4
# a dateline may come lower: under a repeated headline, an agency line, a site's notice
# and a caption ("DOHA, Qatar – ..." as the sixth paragraph)
DATELINE_PARAGRAPHS = 6
LOW_DATELINE_MIN_WORDS = 8
ABOVE_DATELINE_MAX_WORDS = 120  # a caption or a bullet summary above "GENEVA —"
TRAILING_LINK_MAX_WORDS = 6


@dataclass
class Cleaned:
    """Paragraphs after cleaning, the headings found inside them, and what was removed."""

    paragraphs: list[str]
    headings: dict[int, str] = field(default_factory=dict)  # paragraph index -> subhead
    removed: list[str] = field(default_factory=list)


def clean_headline(title: str) -> tuple[str, list[str]]:
    """A headline without its wire tag ("UPDATE 1-")."""
    match = WIRE_TAG.match(title)
    if not match:
        return title, []
    return title[match.end() :], [match.group(0).strip()]


def clean_news(paragraphs: list[str], headings: dict[int, str] | None = None) -> Cleaned:
    """Remove the junk of every rule above from an article's paragraphs; ``headings``
    (paragraph index -> subheading) follow their paragraphs."""
    headings = headings or {}
    removed: list[str] = []
    kept = _without_embedded_posts(_without_captions(paragraphs, removed), removed)
    texts = [_clean_anywhere(p, removed) for p in kept]
    _drop_lines_above_dateline(texts, removed)
    for index, text in enumerate(texts):
        if text:
            texts[index] = _clean_lead(text, removed)
            if texts[index]:
                break  # a byline on its own line leaves the dateline to the next one
    _lead_in_after_deck(texts)
    _clean_tail(texts, removed)
    cleaned = Cleaned([], {}, removed)
    pending = ""
    for index, text in enumerate(texts):
        heading = headings.get(index, "") or pending
        if not text:
            pending = heading
            continue
        pending = ""
        _split_subheads(text, cleaned, heading)
    return cleaned


def _without_embedded_posts(paragraphs: list[str], removed: list[str]) -> list[str]:
    """A tweet shown in the page, with its link, author and date: a copy of someone's
    post, not the story's words; a row of share buttons (an empty paragraph keeps the
    places of the others, and lets the tail's link lines go after it)."""
    texts = list(paragraphs)
    for index, text in enumerate(texts):
        if EMBEDDED_POST.search(text) or SHARE_BAR.match(text.strip()):
            removed.append(text)
            texts[index] = ""
    return texts


def _navigation_row(text: str) -> bool:
    """A row of a site's menu: "Multimedia · User Galleries · News in Pictures Send us
    your pictures · Send us your stories" (two separators or more, no full stop)."""
    return len(NAV_SEPARATOR.findall(text)) >= 2 and not re.search(r"[.!?]\s", text + " ")


def _without_captions(paragraphs: list[str], removed: list[str]) -> list[str]:
    """A photo's caption left in the text is known by its credit: at its end ("... on
    Sunday. (NASA/Caltech)", "... final moments. Credit: PA") or on the next line alone
    ("(Wallace Woon / EPA)"). Caption and credit go (the paragraph is left empty)."""
    texts = list(paragraphs)
    for index, text in enumerate(texts):
        text = text.strip()
        if CREDIT_ONLY.match(text):
            before = index - 1
            while before >= 0 and not texts[before].strip():
                before -= 1
            if before >= 0 and len(texts[before].split()) <= CAPTION_MAX_WORDS:
                removed.append(texts[before].strip())
                texts[before] = ""
            removed.append(text)
            texts[index] = ""
        elif MEDIA_LABEL_ALONE.match(text):
            removed.append(text)
            texts[index] = ""
            _drop_caption_after(texts, index, removed)
        elif _caption(text) or _navigation_row(text):
            removed.append(text)
            texts[index] = ""
            if _caption(text):
                _drop_uncredited_copy(texts, index, text, removed)
    _without_photographers(paragraphs, texts, removed)
    _without_doubled_captions(texts, removed)
    return texts


def _drop_uncredited_copy(texts: list[str], index: int, caption: str, removed: list[str]) -> None:
    """The same caption just above without its credit ("Multi-club coach: Wayne Bennett
    has spent time with ..." over "... Newcastle.Credit: Getty Images"): it goes too."""
    before = texts[index - 1].strip() if index > 0 else ""
    if len(before) >= 20 and caption.startswith(before) and caption != before:
        removed.append(before)
        texts[index - 1] = ""


# words of reporting, which a story's paragraph has and a picture's caption has not
REPORTED = re.compile(r"\b(?:said|says|saying|told|reports|reported|according to)\b")


def _without_doubled_captions(texts: list[str], removed: list[str]) -> None:
    """A short paragraph pasted twice in a row is a picture's caption with its alt text
    ("A Samsung Electronics Galaxy Note 7 smartphone is displayed at ..." twice): both
    copies go. (Seen on the unseen sets: every such pair was a caption or a headline.)"""
    for index in range(1, len(texts)):
        text = texts[index].strip()
        if text and text == texts[index - 1].strip() and len(text.split()) <= CAPTION_MAX_WORDS:
            if REPORTED.search(text):
                removed.append(text)  # a story paragraph pasted twice ("..., saying he
                texts[index] = ""  # took responsibility ..., AFP reports."): one copy stays
                continue
            removed += [text, text]
            texts[index - 1] = texts[index] = ""


def _without_photographers(paragraphs: list[str], texts: list[str], removed: list[str]) -> None:
    """A photographer's name on a line of its own ("Susan Walsh"), known by standing just
    under a caption that went, or by coming back under each picture of the page; a short
    line between two such names is the next picture's caption."""
    lines = [p.strip() for p in paragraphs]
    for index, text in enumerate(lines):
        if not NAME_LINE.match(text) or not texts[index].strip():
            continue
        after_caption = index > 0 and not texts[index - 1].strip() and lines[index - 1] != ""
        if not after_caption and lines.count(text) < 2:
            continue
        removed.append(text)
        texts[index] = ""
        above = texts[index - 1].strip() if index > 1 else ""
        if above and lines[index - 2] == text and len(above.split()) <= MEDIA_CAPTION_MAX_WORDS:
            removed.append(above)  # between two credits: the next picture's caption
            texts[index - 1] = ""


# a picture agency's caption: "WASHINGTON, DC - APRIL 30: (AFP OUT) Nigerian President ..."
AGENCY_CAPTION = re.compile(r"^[A-Z][A-Z .,'’-]{2,40} - [A-Z]{3,9} \d{1,2}(?:, \d{4})?:\s")


def _caption(text: str) -> bool:
    """A photo caption on its own: a credit at its end ("... Pic/AFP") or a media label;
    never a long paragraph ("The photo, taken in 1972, shows the crater" is story)."""
    if AGENCY_CAPTION.match(text):
        return len(text.split()) <= WIRE_CAPTION_MAX_WORDS
    if WIRE_CREDIT.search(text):
        return len(text.split()) <= WIRE_CAPTION_MAX_WORDS  # "... (AP Photo/Susan Walsh)"
    marked = CAPTION_END.search(text) or MEDIA_LABEL.match(text)
    return bool(marked) and len(text.split()) <= CAPTION_MAX_WORDS


def _drop_caption_after(texts: list[str], index: int, removed: list[str]) -> None:
    """The caption under a label on its own line ("Image caption," / "A beaver makes its
    way to the water ..."): a short line with no full stop."""
    after = next((i for i in range(index + 1, len(texts)) if texts[i].strip()), None)
    if after is None:
        return
    caption = texts[after].strip()
    if len(caption.split()) <= MEDIA_CAPTION_MAX_WORDS and caption[-1:] not in '.!?"”’':
        removed.append(caption)
        texts[after] = ""


def _drop_lines_above_dateline(texts: list[str], removed: list[str]) -> None:
    """The story starts at its dateline (or at the dashes left of one: "— -- The Senate
    ..."): short lines above it on their own (a deck, a caption, a byline with job
    titles) are page furniture. Lines that are only furniture (a byline, a writer's job,
    a time stamp, a bullet, a label) go too, with the short lines above them. Only in
    the first few paragraphs."""
    filled = [i for i, t in enumerate(texts) if t][:DATELINE_PARAGRAPHS]
    labels = 0  # label lines at the very top, one after another
    for position, index in enumerate(filled):
        text = texts[index]
        if position == labels and _label_line(text):
            removed.append(text)  # "Burglar Scott McLeod" over a picture; "Adam Shell"
            texts[index] = ""  # then "USA TODAY": the lines of a page's head
            labels += 1
            continue
        furniture = position < LEAD_PARAGRAPHS and furniture_line(text)
        if position < LEAD_PARAGRAPHS:
            starts = position > 0 and (DATELINE.match(text) or LEADING_DASHES.match(text))
        else:  # lower down, only a dateline that opens a paragraph of the story
            starts = DATELINE.match(text) and len(text.split()) > LOW_DATELINE_MIN_WORDS
        if not furniture and not starts:
            continue
        above = [i for i in filled[:position] if texts[i]]
        if (
            furniture
            and not starts
            and BULLET.match(text)
            and any(_story_line(texts[i]) for i in above)
        ):
            above = []  # "• Earth-like exoplanets ...: studyThe stunning ..." under the
            # story's first paragraphs: a related link, which takes only itself
        if position >= LEAD_PARAGRAPHS and any(
            _story_line(texts[i]) and len(texts[i].split()) >= LONG_STORY_LINE_WORDS for i in above
        ):
            continue  # "WASHINGTON, DC - APRIL 30: ..." lower down, under the story's own
            # paragraphs: a caption that opens like a dateline, not where the story starts
        if all(len(texts[i].split()) <= ABOVE_DATELINE_MAX_WORDS for i in above):
            for i in above:
                removed.append(texts[i])
                texts[i] = ""
        if furniture:
            removed.append(text)
            texts[index] = ""
        elif LEADING_DASHES.match(text):
            removed.append(LEADING_DASHES.match(text).group(0).strip())
            texts[index] = text[LEADING_DASHES.match(text).end() :]
        if starts:
            return


STORY_LINE_MIN_WORDS = 15
LONG_STORY_LINE_WORDS = 30


def _story_line(text: str) -> bool:
    """A paragraph that reads as the story's: a sentence of some length, ended."""
    return len(text.split()) >= STORY_LINE_MIN_WORDS and bool(re.search(r"[.!?][\"”’']?$", text))


def furniture_line(text: str) -> bool:
    """A line of a news page's head that is not story: "By Scott Wilson", "Washington
    Post Staff Writer", "Published: 2013-9-23 23:53:01", "• Scientists discover ..."."""
    words = text.split()
    return bool(
        (BYLINE_ONLY.match(text) and len(words) <= BYLINE_MAX_WORDS)
        or BYLINE_FOR.match(text)
        or (BY_OUR_REPORTER.match(text) and len(words) <= STAMP_MAX_WORDS)
        or STAFF_LINE.match(text)
        or (TIME_STAMP.search(text) and len(words) <= STAMP_MAX_WORDS)
        or (BULLET.match(text) and len(re.findall(r"(?:^|\s)[*•]\s", text)) == 1)
        or DATE_LINE.match(text)
        or PLACE_AND_DATE.match(text)
        or (NAME_AND_DATE.match(text) and len(words) <= STAMP_MAX_WORDS)
        or READING_TIME.match(text)
        or AGENCY_LINE.match(text)
    )


def _label_line(text: str) -> bool:
    """The first line, over a picture: "Burglar Scott McLeod" (a label), "High profile:
    Author Terry Pratchett has Alzheimer's" (a caption with its label); no full stop."""
    text = CREDIT_IN_BRACKETS.sub("", text)  # "Orchestra (ABC TV)": a picture's label
    words = text.split()
    if re.search(r"[.!?:\"”’)]$", text):
        return False
    return len(words) <= LABEL_MAX_WORDS or (
        LABELLED.match(text) is not None and len(words) <= CAPTION_MAX_WORDS
    )


def _cut(pattern: re.Pattern[str], text: str, removed: list[str]) -> str:
    def repl(match: re.Match[str]) -> str:
        removed.append(match.group(0).strip())
        return " " if match.group(0)[:1].isspace() and match.group(0)[-1:].isspace() else ""

    return pattern.sub(repl, text)


def _clean_anywhere(text: str, removed: list[str]) -> str:
    text = DOUBLED_QUOTES.sub('"', text)
    text = TEX_CLOSE.sub("”", TEX_OPEN.sub("“", text))
    text = AP_DASH.sub(" — ", text)
    for pattern in (
        EDITORS_NOTE,
        TICKER,
        WIRE_REFERENCE,
        CREDITS,
        COPYRIGHT,
        PHOTO_CREDIT,
        TRAILING_TEASER,
        PAGE_PROMPT,
        AD_SLOT,
        EXPIRED_VIDEO,
        VIDEO_POINTER,
        UPDATE_STAMP,
        LINK_MARK,
    ):
        text = _cut(pattern, text, removed)
    return _tidy(_without_small_ticker(text, removed))


SMALL_TICKER = re.compile(r"\b([A-Z][A-Za-z]+)\s*\(([a-z]{2,5})\)")


def _without_small_ticker(text: str, removed: list[str]) -> str:
    """A stock symbol in small letters after its company's name: "Mattel (mat)"."""

    def repl(match: re.Match[str]) -> str:
        if not match.group(1).lower().startswith(match.group(2)):
            return match.group(0)
        removed.append(f"({match.group(2)})")
        return match.group(1)

    return SMALL_TICKER.sub(repl, text)


def _tidy(text: str) -> str:
    text = re.sub(r"\s+([,.;:!?)])", r"\1", text)
    text = re.sub(r"\(\s+", "(", text)
    return re.sub(r"\s{2,}", " ", text).strip()


def _clean_lead(text: str, removed: list[str]) -> str:
    """The first paragraph: bullets, a deck, a byline and a dateline, in any order."""
    if BULLET.match(text):
        text = _drop_bullet_deck(text, removed)
    if BYLINE_ONLY.match(text) and len(text.split()) <= BYLINE_MAX_WORDS:
        removed.append(text)
        return ""
    for _ in range(3):
        before = text
        text = _drop_at_start(BYLINE, text, removed)
        text = _drop_at_start(DATELINE, text, removed)
        text = _drop_city_dateline(text, removed)
        text = _drop_at_start(PUBLISHED_MARK, text, removed)
        if text == before:
            break
    return _lead_in_lower(_drop_late_lead(text, removed))


# "Kumasi, Jan. 17, GNA – ...": a city, a date and an agency in capitals
CITY_DATE_AGENCY = re.compile(
    rf"^[A-Z][a-z]+(?: [A-Z][a-z]+)?, {_DATE}(?:, [A-Z]{{2,6}} [-–—]|:) (?=[A-Z])"
)  # and "Tokyo, Aug 1: Caeleb Dressel finished ...": a city and a date with a colon
CITY_DATELINE = re.compile(
    r"^([A-Z][a-z]+(?: [A-Z][a-z]+)?)(?:, ([A-Z][a-z]+(?: [A-Z][a-z]+)?))? [-–—] (?=[A-Z])"
    r"|^([A-Z][a-z]+(?: [A-Z][a-z]+)?), ([A-Z][a-z]+(?: [A-Z][a-z]+)?): (?=[A-Z])"
)  # "London - ...", "Darmstadt, Germany — ...", "Nairobi, Kenya: ..." (a colon needs the region)
CITY_LEXNAME = 15  # WordNet's noun.location


def _drop_city_dateline(text: str, removed: list[str]) -> str:
    """A dateline written in small letters: "London - American author Marilynne Robinson
    won ...", "Darmstadt, Germany — ..." (a city WordNet knows, maybe its region, then a
    spaced dash); "Obama - the president ..." and
    "Yesterday - ..." stay."""
    match = CITY_DATE_AGENCY.match(text)
    if match is not None:
        removed.append(match.group(0).strip())
        return text[match.end() :]
    match = CITY_DATELINE.match(text)
    if match is None:
        return text
    place = match.group(2) or match.group(1) or match.group(4)  # a region WordNet knows
    # vouches for its city
    senses = get_wordnet().synsets(place, "n")
    if not any(s.instance and s.lexname == CITY_LEXNAME for s in senses[:1]):
        return text
    removed.append(match.group(0).strip())
    return text[match.end() :]


# a story's first words in capitals, a newspaper's lead-in: "HOUSEHOLD recycling is ..."
LEAD_IN_CAPITALS = re.compile(r"^((?:[A-Z][A-Z’'-]*\s+){1,4})(?=[a-z]|[A-Z][a-z])")
SHORT_LEAD_WORDS = frozenset({"A", "AN", "THE", "ONE", "TWO", "SIX", "TEN", "ALL", "MORE"})


def _lead_in_after_deck(texts: list[str]) -> None:
    """The lead-in in capitals of a story whose first paragraph is a deck: "THE township
    of Khabazela Village lies ..." in the second paragraph (followed by small letters only:
    "SIGNIFICANT IMPACT The new rules" is a subhead)."""
    filled = [i for i, text in enumerate(texts) if text][:2]
    if len(filled) < 2:
        return
    text = texts[filled[1]]
    match = LEAD_IN_CAPITALS.match(text)
    if match and text[match.end() : match.end() + 1].islower():
        texts[filled[1]] = _lead_in_lower(text)


def _lead_in_lower(text: str) -> str:
    """ "HOUSEHOLD recycling is flatlining" -> "Household recycling ...": words of the
    dictionary written in capitals as a lead-in; an acronym ("NASA scientists", "WHO
    officials", "UK") stays as it is."""
    match = LEAD_IN_CAPITALS.match(text)
    if not match:
        return text
    words = match.group(1).split()
    if all(len(w) < 3 for w in words):
        return text
    written = []
    before_name = text[match.end() : match.end() + 1].isupper()
    for index, word in enumerate(words):
        if _dictionary_word(word):
            written.append(word.lower())
        elif _place_name(word) or (
            before_name and index == len(words) - 1 and _first_word_of_name(word)
        ):
            written.append(word.capitalize())  # "BIRMINGHAM’S Metro" -> "Birmingham’s",
            # "CLIFFORD Chambers War Memorial" -> "Clifford Chambers ..."
        else:
            return text  # an acronym: "NASA scientists", "WHO officials"
    lowered = " ".join(written)
    return lowered[:1].upper() + lowered[1:] + " " + text[match.end() :]


def _first_word_of_name(word: str) -> bool:
    """A name's first word in capitals before the rest of the name: a word of five letters
    or more with a vowel ("CLIFFORD Chambers"), not an acronym ("NASA Goddard", "BBC
    Radio", "NHS England")."""
    return len(word) >= 5 and word.isalpha() and bool(re.search(r"[AEIOU]", word))


def _place_name(word: str) -> bool:
    """A place's name in capitals, with or without its "’S": WordNet knows it only
    capitalised, as a place ("BIRMINGHAM", not "NASA")."""
    name = re.sub(r"[’']S$", "", word).capitalize()
    return any(
        s.instance and s.lexname == CITY_LEXNAME for s in get_wordnet().synsets(name, "n")[:1]
    )


def _dictionary_word(word: str) -> bool:
    """A word WordNet knows in small letters and not as an acronym ("household", "man";
    not "NASA", "WHO", "UK"), or a lead-in's small word ("A", "THE")."""
    if word in SHORT_LEAD_WORDS:
        return True
    wordnet = get_wordnet()
    # "MOTORISTS": the plural's base form ("motorist") is the lemma
    bases = set(wordnet.base_forms(word, "n")) | {word.lower()}
    lemmas = {
        lemma
        for base in bases
        for pos in "nvar"
        for sense in wordnet.synsets(base, pos)
        for lemma in sense.lemmas
    }
    return bool(bases & lemmas) and word not in lemmas and word.rstrip("S") not in lemmas


def _drop_at_start(pattern: re.Pattern[str], text: str, removed: list[str]) -> str:
    match = pattern.match(text)
    if not match:
        return text
    removed.append(match.group(0).strip())
    return text[match.end() :].lstrip()


MIN_DECK_BULLETS = 2


def _drop_bullet_deck(text: str, removed: list[str]) -> str:
    """ "* Study examines ... * Patients urged ... By Ann Lee LONDON (Reuters) - Story":
    the deck ends where the byline, dateline or editor's note begins."""
    ends = [m.start() for p in (BYLINE, LATE_DATELINE) for m in [p.search(text)] if m]
    if not ends:
        if len(re.findall(r"(?:^|\s)[*•]\s", text)) >= MIN_DECK_BULLETS:
            removed.append(text.strip())  # "• Street art of a boy ... • The artwork
            return ""  # appeared ...": a deck of bullets on its own, above the story
        return text
    end = min(ends)
    removed.append(text[:end].strip())
    return text[end:].lstrip()


def _drop_late_lead(text: str, removed: list[str]) -> str:
    """A summary line glued before a byline or a dateline within the first words: "It
    calls for more research ... THURSDAY, March 31 (HealthDay News) - Foods that ..."."""
    for pattern in (BYLINE, LATE_DATELINE):
        match = pattern.search(text)
        if match and 0 < len(text[: match.start()].split()) <= DECK_MAX_WORDS:
            removed.append(text[: match.end()].strip())
            text = text[match.end() :].lstrip()
            text = _drop_at_start(DATELINE, text, removed)
    return text


def _clean_tail(texts: list[str], removed: list[str]) -> None:
    """Contact lines, an end mark and a dangling link at the end of the article (which
    may empty the last paragraph, and then reach into the one before)."""
    dropped = False
    for index in range(len(texts) - 1, -1, -1):
        if not texts[index]:
            continue
        sentences = split_sentences(_cut(END_MARK, texts[index], removed))
        while sentences and (
            CONTACT.search(sentences[-1])
            or PROMOTION.search(sentences[-1])
            or FOLLOW_US.search(sentences[-1])
            or (dropped and sentences[-1].endswith("?"))
            or _dangling(sentences[-1])
        ):
            removed.append(sentences.pop())
            dropped = True
        texts[index] = " ".join(sentences)
        if sentences:
            return


LINK_ARROW = re.compile(r"(?:^|\s)[>›»](?:\s|$)")
LINK_ROW_MAX_WORDS = 15  # a second arrow: twice as long


def _dangling(sentence: str) -> bool:
    """Link text left at the end ("More information", "Talk to us >"): short, no full
    stop, or ending on a link's arrow."""
    words = sentence.split()
    arrows = len(LINK_ARROW.findall(sentence))
    if arrows and len(words) <= LINK_ROW_MAX_WORDS * min(arrows, 2):
        return True  # "Talk to us > Give us your news tips. > Send us a letter ... >"
    return len(words) <= TRAILING_LINK_MAX_WORDS and not re.search(r"[.!?\"”’)]$", sentence)


def _split_subheads(text: str, cleaned: Cleaned, heading: str = "") -> None:
    start = 0
    for match in SUBHEAD.finditer(text):
        piece = text[start : match.start()].strip()
        _add(cleaned, piece, heading)
        heading = match.group(1).capitalize()
        start = match.end()
    _add(cleaned, text[start:].strip(), heading)


def _add(cleaned: Cleaned, text: str, heading: str) -> None:
    if not text:
        return
    if heading:
        cleaned.headings[len(cleaned.paragraphs)] = heading
    cleaned.paragraphs.append(text)
