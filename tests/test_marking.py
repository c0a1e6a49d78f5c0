"""companion.views.marking: glossary marks and sentence spans on sanitised HTML."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from companion.lesson.model import GlossaryEntry, Passage, Question
from companion.views.marking import (
    find_text,
    mark_passage,
    prompt_html,
    sentence_ranges,
    tokenize,
)
from companion.views.render import render_markdown

MARK = re.compile(r'<a class="term" href="#(g-p\d+-\d+)" id="t-p\d+-\d+" data-entry="g-p\d+-\d+">')


def passage(paragraphs, terms=(), questions=(), first=1) -> Passage:
    p = Passage(
        id="p1",
        heading="H",
        paragraphs=list(paragraphs),
        glossary=[GlossaryEntry(t, f"meaning of {t}") for t in terms],
        questions=list(questions),
    )
    p.first_paragraph = first
    return p


def marked(paragraphs, terms=(), questions=()):
    p = passage(paragraphs, terms, questions)
    return mark_passage(p, [render_markdown(x) for x in p.paragraphs])


def marked_words(html: str) -> list[str]:
    """The text inside each glossary mark, in order."""
    words = []
    for match in MARK.finditer(html):
        end = html.index("</a>", match.end())
        words.append(re.sub(r"<[^>]+>", "", html[match.end() : end]))
    return words


def strip_additions(html: str) -> str:
    """The HTML without the marks and sentence spans this module adds."""
    html = re.sub(r'<a class="term"[^>]*>(.*?)</a>', r"\1", html)
    return re.sub(r'<span class="s"[^>]*>(.*?)</span>', r"\1", html)


def token_view(html: str) -> list[tuple[str, str]]:
    return [(t.kind, t.raw if t.kind != "text" else t.text) for t in tokenize(html)]


# ------------------------------------------------------------------ which occurrence


def test_first_occurrence_in_the_passage_is_marked_once():
    result = marked(["No cluster here? A cluster. Another cluster."], ["cluster"])
    html = result.paragraphs[0]
    assert marked_words(html) == ["cluster"]
    assert html.index('class="term"') < html.index("A cluster")
    assert result.marked == {0}


def test_plural_and_case_match_but_acronyms_keep_their_case():
    result = marked(["Clusters form. The nrf and the NRF met. Two bodies."], ["cluster", "NRF", "body"])
    assert marked_words(result.paragraphs[0]) == ["Clusters", "NRF", "bodies"]


def test_a_name_with_its_acronym_marks_either_where_they_are_not_written_together():
    """ "Food and Drug Administration (FDA)" heads the entry; a passage that writes "the
    FDA" alone, or the name alone, still has the term marked."""
    term = "Food and Drug Administration (FDA)"
    assert marked_words(marked(["Rules came from the FDA on Friday."], [term]).paragraphs[0]) == [
        "FDA"
    ]
    only_name = marked(["The Food and Drug Administration said so."], [term])
    assert marked_words(only_name.paragraphs[0]) == ["Food and Drug Administration"]
    both = marked(["The Food and Drug Administration (FDA) said so."], [term])
    assert marked_words(both.paragraphs[0]) == ["Food and Drug Administration (FDA)"]


def test_links_and_code_are_skipped_for_the_next_occurrence():
    result = marked(["A [hive](https://example.org) and `hive` and the hive itself."], ["hive"])
    html = result.paragraphs[0]
    assert marked_words(html) == ["hive"]
    link = html[html.index("<a href") : html.index("</a>", html.index("<a href"))]
    assert 'class="term"' not in link
    assert "<code><span" in html and 'class="term"' not in html[html.index("<code>") : html.index("</code>")]


def test_occurrence_split_by_markup_is_skipped():
    result = marked(
        ["The **National** Resistance Front met.", "Later the National Resistance Front left."],
        ["National Resistance Front"],
    )
    assert marked_words(result.paragraphs[0]) == []
    assert marked_words(result.paragraphs[1]) == ["National Resistance Front"]


def test_longer_terms_win_and_shorter_ones_take_another_occurrence():
    result = marked(["The National Resistance Front and the front door."], ["Front", "National Resistance Front"])
    assert marked_words(result.paragraphs[0]) == ["National Resistance Front", "front"]
    assert result.marked == {0, 1}


def test_stand_alone_occurrence_preferred_over_hyphenated():
    result = marked(["Anti-Taliban groups fought the Taliban."], ["Taliban"])
    assert marked_words(result.paragraphs[0]) == ["Taliban"]
    assert "Anti-Taliban" in strip_additions(result.paragraphs[0])
    only_hyphen = marked(["Anti-Taliban groups met."], ["Taliban"])
    assert marked_words(only_hyphen.paragraphs[0]) == ["Taliban"]


def test_term_not_in_text_is_not_marked():
    result = marked(["Nothing to see."], ["hive"])
    assert result.marked == set() and 'class="term"' not in result.paragraphs[0]


def test_mark_inside_emphasis_keeps_the_emphasis():
    html = marked(["They **cluster** together."], ["cluster"]).paragraphs[0]
    assert re.search(r"<strong><a class=\"term\"[^>]*><span[^>]*>cluster</span></a></strong>", html)


# ------------------------------------------------------------------ markup is never broken


@settings(max_examples=150, deadline=None)
@given(
    words=st.lists(
        st.sampled_from(
            ["hive", "Hive", "hives", "the", "bee", "**bold hive**", "*it*", "`hive`", "[a hive](https://x.org)",
             "cluster.", "A", "&amp;", "&lt;b&gt;", '"q"', "é", "Dr.", "1952.", "—", "_x_", "Bees!"]
        ),
        min_size=1,
        max_size=25,
    ),
    terms=st.lists(st.sampled_from(["hive", "bee", "cluster", "bold hive", "A", "Bees"]), max_size=4, unique=True),
)
def test_marking_only_adds_marks_and_spans(words, terms):
    source = render_markdown(" ".join(words))
    html = mark_passage(passage([" ".join(words)], terms), [source]).paragraphs[0]
    assert token_view(strip_additions(html)) == token_view(source)
    # every tag is closed in order
    stack = []
    for token in tokenize(html):
        if token.kind == "start":
            stack.append(token.tag)
        elif token.kind == "end":
            assert stack and stack.pop() == token.tag
    assert not stack
    # never a mark inside a link
    assert not re.search(r'<a href[^>]*>(?:(?!</a>).)*class="term"', html)


# ------------------------------------------------------------------ sentences and evidence


def test_sentence_ranges_respect_abbreviations_and_initials():
    text = 'Dr. Smith met John F. Kennedy in the U.S. capital. It was 35 °C. He said "No." Then he left!'
    assert [text[a:b] for a, b in sentence_ranges(text)] == [
        "Dr. Smith met John F. Kennedy in the U.S. capital.",
        "It was 35 °C.",
        'He said "No."',
        "Then he left!",
    ]


def test_forced_cuts_split_a_sentence():
    text = "One, two, three four."
    assert [text[a:b] for a, b in sentence_ranges(text, {5})] == ["One,", "two, three four."]


def test_find_text_ignores_quotes_spacing_and_case():
    haystack = "He said “the  Taliban   have not changed,” today."
    start, end = find_text(haystack, 'the Taliban have not changed,"')
    assert haystack[start:end] == "the  Taliban   have not changed,”"
    assert find_text(haystack, "nowhere") is None


def test_evidence_gets_its_own_sentence_ids_even_across_markup():
    q = Question(
        id="q1",
        kind="short_answer",
        prompt="Who?",
        evidence="The workers – National Resistance Front of the hive – guard the door.",
        paragraph=8,
    )
    p = passage(
        ["In spring the queen lays eggs. The workers – *National Resistance Front* of the hive – guard the door."],
        questions=[q],
    )
    p.first_paragraph = 8
    result = mark_passage(p, [render_markdown(x) for x in p.paragraphs])
    assert result.evidence == [["8.2"]]
    assert result.sentences["8.2"] == q.evidence
    html = result.paragraphs[0]
    pieces = re.findall(r'<span class="s" data-s="8\.2"[^>]*>(.*?)</span>', html)
    assert "".join(pieces) == q.evidence
    assert 'id="s8-2"' in html and html.count('id="s8-2"') == 1


def test_evidence_inside_a_longer_sentence_is_cut_out():
    q = Question(id="q1", kind="open", prompt="?", evidence="shiver their wing muscles")
    result = marked(["They cluster and shiver their wing muscles to make heat."], questions=[q])
    ids = result.evidence[0]
    assert len(ids) == 1 and result.sentences[ids[0]] == "shiver their wing muscles"


def test_missing_evidence_gives_no_ids():
    q = Question(id="q1", kind="open", prompt="?", evidence="Not in the passage at all.")
    assert marked(["Bees are warm."], questions=[q]).evidence == [[]]


def test_prompt_html_escapes_and_shows_blanks():
    html = prompt_html("The <b>_____</b> & ______ here")
    assert "<b>" not in html and "&lt;b&gt;" in html and "&amp;" in html
    assert html.count('class="blank"') == 2 and "_" not in html
