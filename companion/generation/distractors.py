"""Wrong choices for multiple-choice questions.

A distractor is of the same kind as the answer (a person for a person, a year for a year,
a group for a group), comes from the article first, then from plausible near values for
numbers and years; it is never the answer under another name (Masood / Masoud, or a bare
surname of the answer), never a duplicate, and close to the answer in length.
"""

from __future__ import annotations

import re

from companion.generation.terms import Thing, normal_key, spelling_variants

YEAR = re.compile(r"^(?:1[5-9]|20)\d\d$")
DECADE = re.compile(r"^(?:the\s+)?((?:1[5-9]|20)\d)0s$", re.IGNORECASE)


def same_thing(a: str, b: str) -> bool:
    """Two strings naming one thing: equal but for case and spelling, or one a bare
    surname or first part of the other."""
    ka, kb = _without_honorific(normal_key(a)), _without_honorific(normal_key(b))
    if not ka or not kb:
        return False
    if spelling_variants(ka, kb) or ka in kb.split() or kb in ka.split():
        return True
    wa, wb = ka.split(), kb.split()
    return (
        len(wa) == 1
        and spelling_variants(wa[0], wb[-1])
        or (len(wb) == 1 and spelling_variants(wb[0], wa[-1]))
    )


HONORIFICS = ("mr ", "mrs ", "ms ", "miss ", "dr ", "mr. ", "mrs. ", "ms. ", "dr. ")


def _without_honorific(key: str) -> str:
    """ "ms cook" -> "cook": "Ms Cook" is Stephanie Cook."""
    for honorific in HONORIFICS:
        if key.startswith(honorific):
            return key[len(honorific) :]
    return key


def pick(answer: str, pool: list[str], count: int = 3, prompt: str = "") -> list[str]:
    """Up to `count` distinct distractors, in the pool's order of preference, skipping
    ones far longer or shorter than the answer, and ones the question itself names ("Who
    took over after the sacking of Scott Watters?" must not offer Scott Watters)."""
    chosen: list[str] = []
    for option in dict.fromkeys(pool):
        if not 0.33 <= (len(option) + 2) / (len(answer) + 2) <= 3:
            continue
        if prompt and _shared_name_word(option, prompt):
            continue
        if same_thing(option, answer) or any(same_thing(option, c) for c in chosen):
            continue
        if option.lower() in answer.lower() or answer.lower() in option.lower():
            continue
        if _shared_name_word(option, answer):
            continue  # "Panjshir Valley" for "Panjshir province": too close to be wrong
        if _ragged(option, answer):
            continue  # "Bruno Mars - real", "Brad Smith Senior": a name cut from its sentence
        chosen.append(option)
        if len(chosen) == count:
            break
    return chosen


def _ragged(option: str, answer: str) -> bool:
    """A name option with a dash, or one that ends on a lowercase word or a title when
    the answer is a name."""
    if not answer.split()[-1][:1].isupper():
        return " - " in option  # "Parwan province" for "Panjshir province" is fine
    words = option.split()
    return (
        " - " in option
        or (len(words) > 1 and not words[-1][:1].isupper())
        or (words[-1] in NAME_TAILS)
    )


NAME_TAILS = {"Senior", "Junior", "Jr", "Sr", "Chairman", "President", "Director"}


def _shared_name_word(a: str, b: str) -> bool:
    words_a = {w.lower() for w in re.findall(r"[A-Z][\w’'-]{3,}", a)}
    words_b = {w.lower() for w in re.findall(r"[A-Z][\w’'-]{3,}", b)}
    return bool(words_a & words_b)


def thing_pool(answer_thing: Thing | None, things: list[Thing], kinds: set[str], name) -> list[str]:
    """Names of other things of the same kind in the article: those with the answer's
    entity label and mentioned more than once come first."""
    label = answer_thing.label if answer_thing is not None else ""
    candidates = [t for t in things if t is not answer_thing and t.kind in kinds and t.mentions]
    if label:
        same = [t for t in candidates if t.label == label]
        if len(same) >= 2:
            candidates = same
    candidates.sort(key=lambda t: (-min(len(t.mentions), 3), t.key))
    return [name(t) for t in candidates]


def number_pool(answer: str, article_numbers: list[str]) -> list[str]:
    """Other numbers: the article's own first, then near values of the same size, written
    as the answer is written ("1,200" -> "1,500", never a bare "1500" beside it)."""
    digits = answer.replace(",", "")
    if not digits.isascii() or not digits.isdigit() or len(digits) > 15:
        return []
    value = int(digits)
    if YEAR.match(digits) and "," not in answer:  # "1,500" is a count, not a year
        near = [value - 10, value + 4, value - 5, value + 10, value - 2, value + 2]
        own = [n for n in article_numbers if YEAR.match(n) and n != digits]
        latest = max([value, *(int(n) for n in own)])  # no year after the article's last:
        # "2027" for a flu season in 2023, told in 2024
        return list(dict.fromkeys(own + [str(n) for n in near if n <= latest]))
    own = [n for n in article_numbers if not YEAR.match(n) and n.replace(",", "") != digits]
    step = max(1, round(value * 0.25)) if value >= 4 else 1
    near = [value + step, value - step, value + 2 * step, value * 2, max(1, value // 2)]
    written = [f"{n:,}" if "," in answer else str(n) for n in near if n > 0 and n != value]
    return list(dict.fromkeys(own + written))


def decade_pool(answer: str) -> list[str]:
    match = DECADE.match(answer)
    if not match:
        return []
    start = int(match.group(1)) * 10
    prefix = answer[:4] if answer.lower().startswith("the ") else ""  # "The" stays "The"
    return [f"{prefix}{start + d}s" for d in (-20, -10, 10, 20) if start + d <= 2020]
