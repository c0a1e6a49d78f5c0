"""What a teacher should look at before handing a lesson out (never shown to students).

Computed from the lesson's own text, so ``generate``, ``check``, the JSON and the index
all say the same (docs/passages.md, "Teacher warnings"):

- ``removed``: text the importer took out of the article (bylines, credits...), listed
  in the front matter's ``removed:`` so that the teacher can put it back;
- ``garble``: one name spelled two ways ("Masood" / "Masoud"); a name used once that
  closely resembles one the article repeats ("Punjab Valley" / "Panjshir Valley"); a
  people's name used as a person's ("Taliban leader Panjshiris");
- ``content``: profanity, slurs or vulgar sexual words (companion.common.suitability).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from difflib import SequenceMatcher
from functools import lru_cache

from wordfreq import zipf_frequency

from companion.common.suitability import sensitive_words, unsuitable_words
from companion.common.textutil import plain_text
from companion.lesson.model import Lesson, TeacherWarning

REMOVED_KEY = "removed"  # front matter: what the importer removed from the article
_NAME = re.compile(
    r"(?<![\w’'-])(?:[A-Z][a-z]+(?:[’'-][A-Z]?[a-z]+)?|[A-Z]{1,4}\d{2,5})(?![\w’'-])"
)  # a name, or a designation such as "YU55" ("YU255" once beside it is a slip)
_PHRASE = re.compile(r"(?<![\w’'-])(?:[A-Z][a-z]+\s+){1,3}[A-Z][a-z]+(?![\w’'-])")
_ROLE_BEFORE_NAME = re.compile(
    r"\b(?:leader|commander|spokes(?:man|woman|person)|chief|president|minister|general"
    r"|governor|head|founder|official)\s+([A-Z][a-z]+(?:is|ians|ans|ese|ites))\b"
)
VARIANT_ENDINGS = (
    *("s", "es", "i", "is", "n", "an", "ans", "ian", "ians", "ese"),  # plurals, peoples
    *("r", "rs", "er", "ers", "d", "ed", "ing"),  # words made from a name: "Googler"
)
COMMON_WORD_ZIPF = 4.0  # a capitalised everyday word ("Monday", "Police") is no name


@dataclass(frozen=True)
class Garble:
    names: tuple[str, ...]  # the name(s) a teacher should check, the suspect one first
    message: str


def lesson_warnings(lesson: Lesson, file_text: str = "") -> list[TeacherWarning]:
    """Every warning about a lesson; ``file_text`` (the lesson file) gives them lines."""
    text = article_text(lesson)
    warnings = [
        *_removed_warnings(lesson, file_text),
        *(
            TeacherWarning("garble", g.message, _line_of(file_text, g.names[0]))
            for g in garbles(text)
        ),
    ]
    words = unsuitable_words(text)
    if words:
        message = "content advisory: words not for a classroom: " + ", ".join(words)
        warnings.append(TeacherWarning("content", message, _line_of(file_text, words[0])))
    warnings += [TeacherWarning("draft", draft_message(e.term), e.line) for e in lesson.drafts]
    return sorted(warnings, key=lambda w: (w.line == 0, w.line))  # in file order


def draft_message(term: str) -> str:
    return (
        f"'{term}' is a draft glossary entry (status: needs-review) that students do not "
        "see: correct its definition and accept it, or delete it"
    )


def words_to_avoid(text: str) -> frozenset[str]:
    """Words and names no generated item may be about or built from: the suspect name of
    each likely garble, every unsuitable word, and sensitive words ("pedophile")."""
    suspects = {g.names[0] for g in garbles(text)}
    return frozenset(suspects | set(unsuitable_words(text)) | set(sensitive_words(text)))


def article_text(lesson: Lesson) -> str:
    return "\n".join(plain_text(p) for passage in lesson.passages for p in passage.paragraphs)


def _removed_warnings(lesson: Lesson, file_text: str) -> list[TeacherWarning]:
    removed = lesson.meta.get(REMOVED_KEY) or []
    if not isinstance(removed, list):
        return []
    line = _line_of(file_text, f"{REMOVED_KEY}:")
    return [
        TeacherWarning("removed", f"removed from the article: “{item}”", line)
        for item in removed
        if isinstance(item, str) and item.strip()
    ]


def _line_of(file_text: str, needle: str) -> int:
    """The first line of the lesson file holding ``needle`` as a word (0 if none)."""
    if not file_text or not needle:
        return 0
    pattern = re.compile(rf"(?<!\w){re.escape(needle)}(?!\w)", re.IGNORECASE)
    for number, line in enumerate(file_text.splitlines(), 1):
        if pattern.search(line):
            return number
    return 0


@lru_cache(maxsize=4)
def garbles(text: str) -> tuple[Garble, ...]:
    """Likely garbles in an article's text (see the module's rules); cached, as
    generation asks first for the words to avoid, then for the lesson's warnings."""
    names = _name_counts(text)
    return (*_two_spellings(names), *_near_misses(text), *_peoples_as_persons(text, names))


def _name_counts(text: str) -> Counter[str]:
    """Capitalised words used as names: seen at least once inside a sentence, and not
    everyday words."""
    counts: Counter[str] = Counter()
    inside: set[str] = set()
    for match in _NAME.finditer(text):
        word = re.sub(r"[’']s$", "", match.group(0))
        counts[word] += 1
        # the 40 characters before it, not all the text before (quadratic on a long
        # article); all of it only where those are all spaces and quotation marks
        before = text[max(0, match.start() - 40) : match.start()].rstrip(" \"“‘'(")
        if not before and match.start() > 40:
            before = text[: match.start()].rstrip(" \"“‘'(")
        if before and before[-1] not in ".!?:\n":
            inside.add(word)
    return Counter(
        {w: n for w, n in counts.items() if w in inside and not _common(w) and len(w) >= 4}
    )


def _common(word: str) -> bool:
    return zipf_frequency(word.lower(), "en") >= COMMON_WORD_ZIPF


def _variant(a: str, b: str) -> bool:
    """One is the other with an ending: "Afghan" / "Afghans", "Panjshir" / "Panjshiri"."""
    short, long = sorted((a.lower(), b.lower()), key=len)
    return long.startswith(short) and long[len(short) :] in VARIANT_ENDINGS


def _edit_distance(a: str, b: str) -> int:
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i]
        for j, cb in enumerate(b, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ca != cb)))
        previous = current
    return previous[-1]


def _two_spellings(names: Counter[str]) -> list[Garble]:
    """ "Masood" and "Masoud": the same first letter, one letter apart, and not one
    word made from the other ("Google" / "Googler")."""
    found = []
    words = sorted(names)
    for i, a in enumerate(words):
        for b in words[i + 1 :]:
            if a[0] != b[0] or abs(len(a) - len(b)) > 1 or _variant(a, b):
                continue
            if len(a) == len(b) and a[:-1] == b[:-1]:
                continue  # "Googled" and "Googler": two words made from one name
            if _edit_distance(a.lower(), b.lower()) <= 1:
                rare, usual = sorted((a, b), key=lambda w: (names[w], w))
                found.append(
                    Garble(
                        (rare, usual),
                        f"one name spelled two ways: “{rare}” ({names[rare]}×) and "
                        f"“{usual}” ({names[usual]}×); check the spelling",
                    )
                )
    return found


def _near_misses(text: str) -> list[Garble]:
    """A multi-word name used once that differs from a repeated one in one word that
    looks alike: "Punjab Valley" once beside "Panjshir Valley" three times."""
    phrases: Counter[str] = Counter()
    for match in _PHRASE.finditer(text):
        words = match.group(0).split()
        while words and _common(words[0]):  # "The Punjab Valley" -> "Punjab Valley"
            words.pop(0)
        if len(words) >= 2:
            phrases[" ".join(words)] += 1
    found = []
    for once in (p for p, n in phrases.items() if n == 1):
        for usual, count in phrases.items():
            if count >= 2 and _one_word_alike(once, usual):
                found.append(
                    Garble(
                        (once, usual),
                        f"“{once}” appears once and looks like “{usual}” ({count}×): "
                        "is it the same place, person or group?",
                    )
                )
                break
    return found


def _one_word_alike(a: str, b: str) -> bool:
    wa, wb = a.split(), b.split()
    if len(wa) != len(wb) or a == b:
        return False
    differing = [(x, y) for x, y in zip(wa, wb, strict=True) if x != y]
    if len(differing) != 1:
        return False
    x, y = differing[0]
    similar = SequenceMatcher(None, x.lower(), y.lower()).ratio() >= 0.4
    return x[0] == y[0] and similar and not _variant(x, y)


def _peoples_as_persons(text: str, names: Counter[str]) -> list[Garble]:
    """ "Taliban leader Panjshiris": a people's name (a place's name with a plural
    ending, the place named in the article) where a person's name should be."""
    found = []
    for match in _ROLE_BEFORE_NAME.finditer(text):
        word = match.group(1)
        stems = [word[: -len(end)] for end in VARIANT_ENDINGS if word.endswith(end)]
        if any(stem in names or re.search(rf"\b{stem}\b", text) for stem in stems if stem):
            found.append(
                Garble(
                    (word,),
                    f"“{match.group(0)}”: “{word}” names a people, not a person; "
                    "check who is meant",
                )
            )
    return found
