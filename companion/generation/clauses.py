"""Sentence surgery on spaCy parses: clauses, attributions and wh-questions.

"The USSR withdrew from Afghanistan in 1989" -> "When did the USSR withdraw from
Afghanistan?": the answer phrase is removed, the first auxiliary is moved before the
subject (or "do" is added: do-support), and the verb goes back to its base form.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

from spacy.tokens import Span, Token

from companion.generation.lexicon import NAME_LABELS, PRONOUN_SUBJECTS, QUOTES, SPEECH_VERBS

DISCOURSE_OPENERS = {
    "separately",
    "however",
    "meanwhile",
    "also",
    "still",
    "moreover",
    "furthermore",
    "additionally",
    "instead",
    "nevertheless",
    "indeed",
    "but",
    "and",
    "so",
    "yet",
    "then",
    "now",
    "overall",
    "finally",
    "subsequently",  # "Subsequently, coffee has earned farmers ...": after what?
    "conversely",  # "Who recorded the highest loss conversely?"
}
# openers that lean on the sentence before only when a comma follows ("Further, ...";
# "Further tests are planned" keeps its word)
COMMA_OPENERS = frozenset({"further", "again", "thus", "therefore", "consequently", "hence"})
IRREGULAR_BASE = {"was": "be", "were": "be", "is": "be", "are": "be", "has": "have", "had": "have"}


def is_quote(sentence: Span) -> bool:
    """Direct speech: a sentence that is mostly inside quotation marks."""
    text = sentence.text.strip()
    if text[:1] in '“"':
        return True
    quoted = sum(len(q) for q in re.findall(r"“[^”]*”?|\"[^\"]*\"?", text))
    return quoted > len(text) / 2


def has_quote(sentence: Span) -> bool:
    """Quotation marks, double or a British single one: "‘It’s worrying ...’" (a ’ alone
    is most often an apostrophe)."""
    text = sentence.text
    # a straight single mark opening a quotation: "says: 'We are extremely pleased ..."
    return any(ch in text for ch in '“”"‘') or bool(re.search(r"(?:^|[\s:,])'[A-Z]", text))


def attribution(sentence: Span) -> tuple[Token | None, Token | None]:
    """(speech verb, reported clause verb) for "X said (that) CLAUSE" or "CLAUSE, X said"."""
    root = sentence.root
    if root.lemma_ not in SPEECH_VERBS:
        return None, None
    clause = next(
        (c for c in root.children if c.dep_ == "ccomp" and c.pos_ in ("VERB", "AUX")), None
    )
    return root, clause


def speaker_phrase(speech_verb: Token, resolve: Callable[[Token], str]) -> str:
    """The named speaker of a speech verb ("an NRF source", "Fahim Dasti"), or ''."""
    subject = next((c for c in speech_verb.children if c.dep_ == "nsubj"), None)
    if subject is None:
        return ""
    if subject.lower_ in PRONOUN_SUBJECTS:
        return ""
    name = resolve(subject)
    # without the appositive and everything under it: "Fahim Dasti, the NRF spokesman,"
    # is "Fahim Dasti"
    inside_appositive = {
        t.i for child in subject.subtree if child.dep_ == "appos" for t in child.subtree
    }
    keep = [
        t
        for t in subject.subtree
        if (t.dep_ != "punct" or joining_hyphen(t)) and t.i not in inside_appositive
    ]
    if name != subject.text:
        the = any(c.dep_ == "det" and c.lower_ == "the" for c in subject.children)
        written = span_text([t for t in keep if t.dep_ != "det"])
        if any(t.dep_ == "cc" for t in keep) and written.endswith(name) and written != name:
            return ""  # "South Wales Fire and Rescue Service" read as "Rescue Service"
        if the and not name.lower().startswith("the ") and (
            name.split()[-1].islower() or written == name
        ):
            return f"the {name}"  # "the Press Trust of India news agency" (a common noun
            # at its end), "the Coast Guard" as written; but "the group" is "Taliban"
        return name
    text = span_text(keep)  # "Syria's state-run television", spaced as written
    if text.lower() in ("the sources", "sources", "the source", "officials"):
        return ""
    return text


def joining_hyphen(token: Token) -> bool:
    """The "-" of "state-run": written without spaces between two words."""
    doc = token.doc
    return (
        token.text == "-"
        and token.i > 0
        and not doc[token.i - 1].whitespace_
        and not token.whitespace_
    )


def according_to(speaker: str) -> str:
    """ "According to the harbour authority", not "According to The harbour authority"."""
    first, _, rest = speaker.partition(" ")
    if first in ("The", "A", "An") and rest:
        speaker = f"{first.lower()} {rest}"
    return f"According to {speaker}"


def subtree_ids(token: Token) -> set[int]:
    return {t.i for t in token.subtree}


def span_text(tokens: Iterable[Token], replacements: dict[int, str] | None = None) -> str:
    """Tokens joined with their original spacing (a token can be replaced by other text)."""
    replacements = replacements or {}
    ordered = sorted(tokens, key=lambda t: t.i)
    out = ""
    for index, token in enumerate(ordered):
        out += replacements.get(token.i, token.text)
        following = ordered[index + 1] if index + 1 < len(ordered) else None
        if following is not None and (following.i != token.i + 1 or token.whitespace_):
            out += " "
    return tidy(out)


def tidy(text: str) -> str:
    text = re.sub(r"\(\s*\)|\s[–—]\s*[–—](?=\s)", " ", text)  # brackets or dashes left empty
    text = re.sub(r"\s+([,.;:!?)’”])", r"\1", text)
    text = re.sub(r"\s+(['’]s)\b", r"\1", text)  # "Syria 's" -> "Syria's"
    text = re.sub(r"([(“‘])\s+", r"\1", text)
    text = re.sub(r",\s*,", ",", text)
    text = re.sub(r"\s+", " ", text).strip(" ,;:")
    return text


def clause_tokens(verb: Token, exclude: set[int], compact: bool = False) -> list[Token]:
    """The clause of a verb, without subordinate/adverbial clauses, quotes, the excluded
    token ids, and leading discourse markers. `compact` also drops every relative clause,
    participle phrase and appositive, for short event descriptions. Worked out once per
    verb and arguments (the question rules ask for the same clause several times), and
    kept with the paragraph's Doc."""
    found = verb.doc.user_data.setdefault("companion_clauses", {})
    key = (verb.i, frozenset(exclude), compact)
    if key not in found:
        found[key] = tuple(_clause_tokens(verb, exclude, compact))
    return list(found[key])


def _clause_tokens(verb: Token, exclude: set[int], compact: bool) -> list[Token]:
    drop = set(exclude)
    subtree = list(verb.subtree)  # walked several times below: made once
    for child in verb.children:
        clausal = ("advcl", "parataxis", "conj", "cc", "mark", "relcl")
        if verb.lemma_ in SPEECH_VERBS:
            clausal += ("ccomp",)
        if child.dep_ in clausal or (child.dep_ == "punct" and child.text in QUOTES):
            drop |= subtree_ids(child)
        if child.dep_ == "advmod" and child.lower_ in DISCOURSE_OPENERS and child.i < verb.i:
            drop |= subtree_ids(child)
        if child.dep_ in ("npadvmod", "dep") and any(t.pos_ == "VERB" for t in child.subtree):
            drop |= subtree_ids(child)  # a misparsed clause hanging off the verb
    for token in subtree:
        if token == verb:
            continue
        if (
            token.dep_ in ("relcl", "acl", "appos")
            and (compact or token.head.dep_ in ("nsubj", "nsubjpass"))
            and not _unmarked_apposition(token)
            and not _infinitive_of_object(token)
            and not _name_after_noun(token)
        ):
            drop |= subtree_ids(
                token
            )  # "the USSR, which controlled Kabul, withdrew" -> keep it short
    if any(_verb_of_kept_words(child, drop) for child in verb.children):
        return []  # "slowed ... as a marine layer drawn by heat on land [brought cooler air]"
    if any(
        t.dep_ in ("relcl", "acl", "appos") and t.head.pos_ == "ADJ" and t.i in drop
        for t in subtree
    ):
        return []  # "The strongest on record, Typhoon Haiyan, ...": "the strongest" alone
    for token in subtree:
        if token.i not in drop and _glued_unit(token) in drop:
            drop.discard(token.i + 1)  # "$10m": the "m" is part of the figure
    drop |= _unclosed_brackets(verb, drop, subtree)
    # commas left beside something dropped
    for token in subtree:
        if token.text == "," and (token.i - 1 in drop or token.i + 1 in drop):
            drop.add(token.i)
    tokens = [t for t in subtree if t.i not in drop]
    while tokens and (
        tokens[0].is_punct
        or tokens[0].lower_ in DISCOURSE_OPENERS
        or (tokens[0].lower_ in COMMA_OPENERS and len(tokens) > 1 and tokens[1].text == ",")
    ):
        tokens.pop(0)
    opener = " ".join(t.lower_ for t in tokens[:2])
    if opener == "in addition" and len(tokens) > 2 and tokens[2].lower_ == "to":
        comma = next((i for i, t in enumerate(tokens) if t.text == ","), None)
        tokens = tokens[comma + 1 :] if comma is not None else []  # "In addition to player
        # acquisitions, managerial changes took place": not "To player acquisitions, ..."
    elif opener in ("for example", "for instance", "as always", "in addition", "of course"):
        tokens = tokens[2:]  # "For example, ..." leans on the sentence before
        while tokens and tokens[0].is_punct:
            tokens.pop(0)
    tokens = _without_asides(tokens)
    while tokens and tokens[-1].is_punct:
        tokens.pop()
    opened = [i for i, t in enumerate(tokens) if t.text == "("]
    if opened and sum(t.text == ")" for t in tokens[opened[-1] :]) == 0:
        tokens = tokens[: opened[-1]]  # "... for $10m (£7.7m": the bracket at the end goes
        while tokens and tokens[-1].is_punct:
            tokens.pop()
    return tokens


def _verb_of_kept_words(child: Token, drop: set[int]) -> bool:
    """A dropped clause that opens on its verb right after a kept noun: the parse hung the
    clause's subject on the main clause ("as a morning marine layer ... brought ...")."""
    if child.dep_ not in ("advcl", "conj") or child.pos_ not in ("VERB", "AUX"):
        return False
    if child.i not in drop or any(c.dep_ in ("nsubj", "nsubjpass") for c in child.children):
        return False
    first = min(t.i for t in child.subtree)
    before = child.doc[first - 1] if first > 0 else None
    return (
        first == child.i
        and before is not None
        and before.i not in drop
        and before.pos_ in ("NOUN", "PROPN")
    )


def _glued_unit(token: Token) -> int:
    """The index of a word written onto a figure ("10" + "m" in "$10m"), or -1."""
    doc, after = token.doc, token.i + 1
    if token.text[-1:].isdigit() and not token.whitespace_ and after < len(doc):
        return after if doc[after].is_alpha else -1
    return -1


def _unclosed_brackets(verb: Token, drop: set[int], subtree: list[Token]) -> set[int]:
    """A bracket whose closing half was dropped ("for $10m (£7.7m" when the parse hangs
    ")" on the main verb) goes with all it holds; a ")" whose opening half went, goes."""
    doc = verb.doc
    kept_tokens = sorted((t for t in subtree if t.i not in drop), key=lambda t: t.i)
    kept = {t.i for t in kept_tokens}
    more: set[int] = set()
    for token in kept_tokens:
        i = token.i
        if token.text == "(":
            close = next((j for j in range(i + 1, len(doc)) if doc[j].text == ")"), len(doc))
            if close not in kept:
                more |= set(range(i, close + 1))
        elif token.text == ")":
            opening = next((j for j in range(i - 1, -1, -1) if doc[j].text == "("), -1)
            if opening not in kept:
                more.add(i)  # its "(" went with an appositive: "$10m)"
    return more


def _name_after_noun(token: Token) -> bool:
    """ "breezed past five-time winner Venus Williams": the name is who; without it the
    noun says nothing ("breezed past five-time winner")."""
    return (
        token.dep_ == "appos"
        and token.pos_ == "PROPN"
        and token.head.pos_ == "NOUN"
        and min(t.i for t in token.subtree) == token.head.i + 1
    )


def _infinitive_of_object(token: Token) -> bool:
    """ "has done nothing to restore this funding": the infinitive says what the object
    is; without it the clause says something else ("has done nothing")."""
    return (
        token.dep_ in ("acl", "relcl")
        and token.head.dep_ in ("dobj", "attr")
        and any(c.dep_ == "aux" and c.lower_ == "to" for c in token.children)
    )


ASIDES = ("for example", "for instance", "in addition", "of course", "however")


def _unmarked_apposition(token: Token) -> bool:
    """An "appositive" with no comma, dash or bracket before it: a misparse ("a maximum of
    three to four policemen", "policemen" read as in apposition to "maximum"); dropping it
    would leave "a maximum will accompany ..."."""
    if token.dep_ != "appos":
        return False
    start = token.left_edge.i
    return start > 0 and not token.doc[start - 1].is_punct


def _without_asides(tokens: list[Token]) -> list[Token]:
    """ "In Boston, for example, services grew": the aside leans on the sentence before."""
    words = [t.lower_ for t in tokens]
    for aside in ASIDES:
        size = len(aside.split())
        for i in range(1, len(tokens) - size):
            if " ".join(words[i : i + size]) == aside and words[i - 1] == ",":
                after = i + size
                cut = after + 1 if after < len(tokens) and words[after] == "," else after
                if cut == after:
                    return tokens  # no comma after it: not an aside
                # "In Boston, for example, ..." keeps the comma after its opening phrase
                keep = i if tokens[0].pos_ in ("ADP", "ADV", "SCONJ") else i - 1
                return tokens[:keep] + tokens[cut:]
    return tokens


def base_form(verb: Token) -> str:
    if verb.lemma_ == "be":
        return "be"
    return verb.lemma_.lower() if verb.lemma_ else verb.text


def do_support(verb: Token) -> str:
    if verb.tag_ == "VBD" or verb.tag_ == "VBN":
        return "did"
    if verb.tag_ == "VBZ":
        return "does"
    return "do"


def lower_first(tokens: list[Token], text: str) -> str:
    """Lower-case a sentence-initial common word when it moves inside a question."""
    if (
        tokens
        and tokens[0].is_sent_start
        and tokens[0].pos_ not in ("PROPN",)
        and not tokens[0].ent_type_
        and tokens[0].text != "I"
    ):
        return text[:1].lower() + text[1:]
    return text


def wh_question(
    verb: Token, wh: str, answer_ids: set[int], subject_question: bool, prefix: str = ""
) -> str:
    """Build a wh-question from a clause: remove the answer, invert, add do-support.
    Words fronted before the subject ("On Monday, ...") move to the end."""
    tokens = clause_tokens(verb, answer_ids, compact=True)
    if not tokens or _said_without_what(verb):
        return ""
    subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass", "expl")), None)
    if subject is None:
        return ""
    subject_ids = subtree_ids(subject)
    front = [t for t in tokens if t.i < min(subject_ids)]
    tokens = [t for t in tokens if t.i >= min(subject_ids)]
    moved = _moved(front)
    if subject_question:
        question = f"{wh} {span_text(tokens)} {moved}"
    else:
        subject_tokens = [t for t in tokens if t.i in subject_ids]
        rest = [t for t in tokens if t.i not in subject_ids]
        auxes = [
            c
            for c in verb.children
            if c.dep_ in ("aux", "auxpass") and c.i < verb.i and c.i not in answer_ids
        ]
        subject_text = lower_first(subject_tokens, span_text(subject_tokens))
        if not subject_text:
            return ""
        if auxes:
            first_aux = auxes[0]
            others = [t for t in rest if t.i != first_aux.i]
            question = f"{wh} {first_aux.text.lower()} {subject_text} {span_text(others)}"
        elif verb.lemma_ == "be":
            others = [t for t in rest if t.i != verb.i]
            question = f"{wh} {verb.text.lower()} {subject_text} {span_text(others)}"
        else:
            others = [t for t in rest if t.i != verb.i]
            after = span_text([t for t in others if t.i > verb.i])
            before = span_text([t for t in others if t.i < verb.i])
            question = f"{wh} {do_support(verb)} {subject_text} {before} {base_form(verb)} {after}"
        question = f"{question} {moved}"
    question = tidy(question)
    if prefix:
        question = f"{prefix}, {question[:1].lower()}{question[1:]}"
    return finish_question(question)


def _said_without_what(verb: Token) -> bool:
    """A verb of saying whose reported clause the question would drop: "Who announced
    last month?" (announced what? "... it needed to raise £2 million")."""
    return verb.lemma_ in SPEECH_VERBS and any(c.dep_ == "ccomp" for c in verb.children)


def _moved(front: list[Token]) -> str:
    """Fronted words ("Since 2014,") as they read at the end of a question."""
    text = span_text(front).strip(" ,")
    if not text:
        return ""
    first = front[0]
    if not (first.pos_ == "PROPN" or first.ent_type_ in NAME_LABELS):
        text = text[:1].lower() + text[1:]
    return text


def finish_statement(text: str) -> str:
    """A statement with a capital and a full stop: "True or false: The NRF said ...."."""
    text = tidy(text).rstrip(".!?,;: ")
    return (text[:1].upper() + text[1:] + ".") if text else ""


def finish_question(text: str) -> str:
    text = tidy(text).rstrip(".!?,;: ")
    return (text[:1].upper() + text[1:] + "?") if text else ""


def statement(
    verb: Token,
    replacements: dict[int, str] | None = None,
    exclude: set[int] | None = None,
    compact: bool = False,
) -> str:
    """A clause as a standalone sentence, some tokens replaced by other text."""
    tokens = clause_tokens(verb, exclude or set(), compact)
    text = span_text(tokens, replacements)
    if tokens and text:
        text = text[:1].upper() + text[1:]
    return text
