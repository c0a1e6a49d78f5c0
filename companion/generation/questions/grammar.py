"""A grammar gate on every rewritten question and statement (docs/questions.md).

A rewrite is parsed again with the same spaCy pipeline, and refused when it shows the
marks of a broken rewrite seen in review:

- a preposition left hanging before a finite verb ("Who bought the cocaine from claimed
  that ...?");
- "How many" not followed by what is counted ("How many around worshipers ...?");
- a wh-word followed straight by a time or place adverbial ("What on Friday condemned
  ...?");
- "Who" or "What" followed by an -ing form ("Who rounding up the Monsters?");
- a sentence ending in a conjunction or a preposition ("..., and?");
- a fragment: no verb at all, or none with a tense ("..., a Maya stela depicting a god.");
- a question that leans on another sentence: "this effect", "the same trick";
- two words said twice in a row ("Where did the weather the weather service report?"),
  or a dash left before the question mark ("... for 13 years -?");
- a when/where/how/why question ending on a "do" that stood for another verb ("just as the
  Sinclair Spectrum did in the 1980s" -> "When did the Sinclair Spectrum do just?");
- "What" with a plural verb ("What were held 2-2 by Chelsea?");
- a comma between the subject and its verb, where an aside was cut ("The £53m hospital
  and the late MP for Ebbw Vale, does not replace ...");
- an ending whose continuation was cut: "... in a bid?", "... settled soon?", "... and
  even more so.".
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from spacy.tokens import Doc

from companion.generation.analysis import load_nlp

FINITE = {"VBD", "VBZ", "VBP"}


def broken(doc: Doc) -> str:
    """Why a parsed question or statement is broken, or "" when it reads well."""
    words = [t for t in doc if not t.is_punct and not t.is_space]
    if not words:
        return "empty"
    if re.search(r"\sn['’]t\b", doc.text):
        return "a 'not' cut from its verb ('why was the Coalition n't moving ...?')"
    if not any(t.pos_ in ("VERB", "AUX") for t in words):
        return "no verb"
    if not any(t.tag_ in FINITE | {"MD"} or t.lower_ in ("do", "have", "are") for t in words):
        return "no finite verb ('In the site of Uxmal, a Maya stela depicting a god.')"
    last = words[-1]
    if last.pos_ in ("CCONJ", "SCONJ") or (
        last.dep_ == "prep" and not any(c.dep_ == "pobj" for c in last.children)
    ):
        return "ends in a conjunction or preposition"  # ("speak out", "set up" are fine)
    for token, following in zip(words, words[1:], strict=False):
        if token.pos_ == "ADP" and token.dep_ != "prt" and following.tag_ in FINITE:
            return "a preposition left hanging before a verb"
        if token.dep_ == "prep" and any(
            c.dep_ == "pcomp" and c.tag_ in FINITE | {"VBN"} for c in token.children
        ):
            return "a preposition left hanging before a verb"
    if any(
        t.lower_ in ("this", "these", "those", "that", "such", "same", "other")
        and t.dep_ in ("det", "amod", "predet")
        for t in words
    ):
        return "leans on another sentence ('this effect', 'the same trick')"
    lowered = [t.lower_ for t in words]
    if any(lowered[i : i + 2] == lowered[i + 2 : i + 4] for i in range(len(lowered) - 3)):
        return "words said twice ('Where did the weather the weather service report?')"
    text = doc.text.rstrip()
    if text.endswith(("-?", "–?", "—?", "- ?", "– ?", "— ?")):
        return "a dash left before the end ('... for 13 years -?')"
    if lowered[:2] == ["how", "many"] and (
        len(words) < 3 or words[2].pos_ not in ("NOUN", "PROPN", "ADJ", "NUM")
    ):
        return "'How many' without what is counted"
    if lowered[0] in ("what", "who", "which") and len(words) > 1 and words[1].pos_ == "ADP":
        return "an adverbial right after the question word"
    if lowered[0] in ("what", "who") and len(words) > 1 and words[1].tag_ == "VBG":
        return "no finite verb after the question word ('Who rounding up ...?')"
    tail = lowered[-2:] if len(words) > 2 and words[-1].pos_ == "ADV" else lowered[-1:]
    if lowered[0] in ("when", "where", "how", "why") and tail[0] in ("do", "did", "does"):
        return "a 'do' that stood for another verb ('When did the BBC Micro do just?')"
    if _lone_comma_before_verb(doc):
        return "a comma between the subject and its verb ('..., does not replace ...')"
    if lowered[:2] in (["what", "were"], ["what", "are"], ["what", "have"]):
        return "'What' with a plural verb ('What were held 2-2 by Chelsea?': which team?)"
    if (
        lowered[-3:] in CUT_PURPOSE
        or lowered[-1] in CUT_ADVERBS
        or lowered[-2:]
        == [
            "more",
            "so",
        ]
    ):
        return "what the last words led to was cut ('... in a bid?', 'settled soon?')"
    return ""


def _lone_comma_before_verb(doc: Doc) -> bool:
    """A comma right before the main verb (or its auxiliary) that closes no aside opened
    after the subject: "The hospital and the late MP, does not replace ..." (an aside
    cut in half); "The Taliban, which took Kabul, did not ..." has two."""
    root = next((t for t in doc if t.dep_ == "ROOT"), None)
    if root is None or root.pos_ not in ("VERB", "AUX"):
        return False
    subject = next((c for c in root.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is None:
        return False
    start = min(t.i for t in subject.subtree)
    first_verb = min([root.i, *(c.i for c in root.children if c.dep_ in ("aux", "neg"))])
    if first_verb == 0 or doc[first_verb - 1].text != ",":
        return False
    commas = sum(1 for t in doc[start:first_verb] if t.text == ",")
    return commas % 2 == 1


# "in a bid [to tackle climate change]": a purpose whose infinitive was cut
CUT_PURPOSE = [["in", "a", noun] for noun in ("bid", "effort", "attempt", "move", "push")]
# "soon [after he had arrived]": an adverb that led on to a clause
CUT_ADVERBS = frozenset({"soon", "shortly"})


def broken_texts(texts: Iterable[str]) -> dict[str, str]:
    """Each broken text with its reason (the texts parsed together, in one batch)."""
    unique = list(dict.fromkeys(texts))
    docs = load_nlp().pipe(unique, batch_size=64, disable=["ner", "lemmatizer"])
    return {text: why for text, doc in zip(unique, docs, strict=True) if (why := broken(doc))}
