"""Wrong choices for multiple-choice questions (companion.generation.distractors): of the
answer's kind, never the answer under another name, never a duplicate."""

from __future__ import annotations

import pytest

from companion.generation.distractors import (
    decade_pool,
    number_pool,
    pick,
    same_thing,
    thing_pool,
)
from companion.generation.terms import Mention, Thing

# ---------------------------------------------------------------------------- same_thing


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Taliban", "the Taliban"),  # a leading "the"
        ("Taliban", "TALIBAN"),  # case
        ("Taliban's", "Taliban"),  # possessive
        ("Masood", "Masoud"),  # spelling variant
        ("Ahmed Masood", "Ahmad Masoud"),
        ("Masood", "Ahmed Shah Masood"),  # bare surname
        ("Masoud", "Ahmed Shah Masood"),  # bare surname in another spelling
        ("Ahmed Shah Masood", "Masoud"),  # either order
        ("Ahmed", "Ahmed Shah Masood"),  # a first part
        ("Panjshir", "Panjshir Valley"),
        ("anti-Taliban", "anti Taliban"),  # hyphens fold to spaces
    ],
)
def test_same_thing(a: str, b: str):
    assert same_thing(a, b)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Kabul", "Kandahar"),
        ("Ahmed Masood", "Ahmed Shah Masood"),  # son and father: two people
        ("Fahim Dasti", "Ali Nazari"),
        ("Iran", "Iraq"),  # short words must match exactly
        ("Taliban", "Talibans fighters"),
        ("", "Kabul"),
        ("the", "Kabul"),  # nothing left after "the"
    ],
)
def test_not_same_thing(a: str, b: str):
    assert not same_thing(a, b)


# ---------------------------------------------------------------------------- pick


def test_pick_never_offers_the_answer_under_another_name():
    pool = [
        "Masoud",
        "Ahmad Shah Masoud",
        "Fahim Dasti",
        "Ali Nazari",
        "Fahim Dasti",
        "Abdul Rashid Dostum",
        "Gulbuddin Hekmatyar",
    ]
    assert pick("Ahmed Shah Masood", pool) == ["Fahim Dasti", "Ali Nazari", "Abdul Rashid Dostum"]


@pytest.mark.parametrize(
    ("answer", "pool", "expected"),
    [
        # far longer or far shorter than the answer
        ("Kabul", ["Democratic Republic of Afghanistan", "Herat"], ["Herat"]),
        ("National Resistance Front", ["NRF", "UN", "Northern Alliance"], ["Northern Alliance"]),
        # duplicates, also in another case or spelling, are offered once
        ("Kabul", ["Herat", "herat", "the Herat", "Mazar"], ["Herat", "Mazar"]),
        # one option inside the answer, or the answer inside it
        ("Panjshir province", ["Panjshir", "province", "Kandahar"], ["Kandahar"]),
        ("1989", ["in 1989", "1979"], ["1979"]),
        # a shared capitalised name word: too close to be wrong
        ("Panjshir province", ["Panjshir Valley", "Parwan province"], ["Parwan province"]),
        ("Ahmed Masood", ["Ahmed Shah Masood", "Ali Nazari"], ["Ali Nazari"]),
        ("the UN Council", ["the EU Council", "NATO"], ["NATO"]),
        # short name words (three letters or fewer) are not shared names
        ("UN troops", ["UN police"], ["UN police"]),
        ("Kabul", [], []),
    ],
)
def test_pick(answer: str, pool: list[str], expected: list[str]):
    assert pick(answer, pool) == expected


def test_pick_keeps_the_pools_order_and_stops_at_count():
    pool = ["Herat", "Mazar", "Bamyan", "Kandahar", "Kunduz"]
    assert pick("Kabul", pool) == ["Herat", "Mazar", "Bamyan"]
    assert pick("Kabul", pool, count=1) == ["Herat"]
    assert pick("Kabul", pool, count=5) == pool


def test_pick_length_limits_are_inclusive_ratios():
    # (len + 2) / (len(answer) + 2) must lie within [0.33, 3]: answer "Kabul" -> 7
    assert pick("Kabul", ["x" * 19]) == ["x" * 19]  # 21 / 7 = 3
    assert pick("Kabul", ["x" * 20]) == []  # 22 / 7 > 3
    assert pick("Kabulistan-city", ["Ab"]) == []  # 4 / 17 < 0.33


# ---------------------------------------------------------------------------- thing_pool


def thing(key: str, kind: str, label: str = "", mentions: int = 1) -> Thing:
    made = Thing(key=key, kind=kind, labels=[label] * mentions if label else [])
    made.mentions = [Mention(0, None, i, i + 1, key) for i in range(mentions)]
    return made


def title(t: Thing) -> str:
    return t.key.title()


def test_thing_pool_same_kind_without_the_answer_or_empty_things():
    answer = thing("kabul", "place", "GPE", 2)
    gone = thing("herat", "place", "GPE", 1)
    gone.mentions = []  # merged into another thing
    things = [
        answer,
        thing("kandahar", "place", "GPE", 1),
        thing("taliban", "group", "ORG", 5),
        gone,
    ]
    assert thing_pool(answer, things, {"place"}, title) == ["Kandahar"]


def test_thing_pool_prefers_the_answers_label_when_it_has_two():
    answer = thing("kabul", "place", "GPE", 1)
    things = [
        answer,
        thing("hindu kush", "place", "LOC", 9),
        thing("kandahar", "place", "GPE", 1),
        thing("herat", "place", "GPE", 1),
    ]
    assert thing_pool(answer, things, {"place"}, title) == ["Herat", "Kandahar"]


def test_thing_pool_keeps_other_labels_when_the_answers_label_is_rare():
    answer = thing("kabul", "place", "GPE", 1)
    things = [answer, thing("hindu kush", "place", "LOC", 1), thing("herat", "place", "GPE", 1)]
    assert thing_pool(answer, things, {"place"}, title) == ["Herat", "Hindu Kush"]


def test_thing_pool_orders_by_mentions_up_to_three_then_key():
    things = [
        thing("zabul", "place", "GPE", 1),
        thing("yemen", "place", "GPE", 7),
        thing("bamyan", "place", "GPE", 3),
        thing("xinjiang", "place", "GPE", 2),
    ]
    # 7 and 3 mentions both count as 3, so "bamyan" comes before "yemen"
    assert thing_pool(None, things, {"place"}, title) == ["Bamyan", "Yemen", "Xinjiang", "Zabul"]


def test_thing_pool_accepts_several_kinds():
    things = [thing("nrf", "acronym"), thing("taliban", "group"), thing("kabul", "place")]
    assert thing_pool(None, things, {"group", "acronym"}, title) == ["Nrf", "Taliban"]


# ---------------------------------------------------------------------------- numbers


@pytest.mark.parametrize(
    ("answer", "article", "expected"),
    [
        # a year: the article's other years, then near years up to the article's last year
        ("1989", ["1996", "1989", "40"], ["1996", "1979", "1993", "1984", "1987", "1991"]),
        ("2001", [], ["1991", "1996", "1999"]),
        # no year after the article's last one ("2027" for a flu season of 2023)
        ("2025", [], ["2015", "2020", "2023"]),
        # a count: the article's other counts (not its years), then about a quarter off
        ("40", ["40", "12", "1989"], ["12", "50", "30", "60", "80", "20"]),
        ("100", [], ["125", "75", "150", "200", "50"]),
        # small counts step by one and stay positive
        ("3", [], ["4", "2", "5", "6", "1"]),
        # not a whole number: no pool
        ("3.5", ["4"], []),
        ("forty", ["40"], []),
        ("-4", [], []),
        ("", [], []),
    ],
)
def test_number_pool(answer: str, article: list[str], expected: list[str]):
    assert number_pool(answer, article) == expected


@pytest.mark.parametrize("answer", ["1", "2", "3", "7", "40", "1989", "2025"])
def test_number_pool_never_offers_the_answer_or_zero(answer: str):
    pool = number_pool(answer, [answer])
    assert answer not in pool and "0" not in pool
    assert pick(answer, pool)  # and something is left to choose


@pytest.mark.parametrize(
    ("answer", "expected"),
    [
        ("1980s", ["1960s", "1970s", "1990s", "2000s"]),
        ("the 1980s", ["the 1960s", "the 1970s", "the 1990s", "the 2000s"]),
        ("1500s", ["1480s", "1490s", "1510s", "1520s"]),
        ("2010s", ["1990s", "2000s", "2020s"]),  # none after the 2020s
        ("1980", []),
        ("80s", []),
        ("the 1400s", []),
        ("1980's", []),
    ],
)
def test_decade_pool(answer: str, expected: list[str]):
    assert decade_pool(answer) == expected


def test_ragged_names_are_never_options():
    from companion.generation.distractors import pick

    pool = ["Bruno Mars - real", "Brad Smith Senior", "Raymond Streeter", "David Roger"]
    assert pick("Steven Zegrean", pool, 3) == ["Raymond Streeter", "David Roger"]


def test_numbers_are_written_as_the_answer_is_and_counts_are_not_years():
    from companion.generation.distractors import decade_pool, number_pool

    assert number_pool("1,200", []) == ["1,500", "900", "1,800", "2,400", "600"]
    assert all("," in n for n in number_pool("1,500", []) if len(n) > 3)
    assert number_pool("1", []) == ["2", "3"]  # no value twice
    assert number_pool("²", []) == []
    assert decade_pool("The 1980s") == ["The 1960s", "The 1970s", "The 1990s", "The 2000s"]
