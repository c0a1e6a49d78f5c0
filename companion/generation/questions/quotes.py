"""Who said it: a quoted sentence and the named person the article gives as its speaker.

News stories are built on quotations, and the sentences that hold them are the ones the
other rules leave alone (a rewritten quotation reads badly). Asking who said a quoted
sentence needs no rewriting: the quotation is copied, the key is the speaker's full name.
Four options only when the article quotes at least three other people (they are the
plausible wrong answers); otherwise the question is asked without choices.
"""

from __future__ import annotations

import re

from spacy.tokens import Span

from companion.generation.clauses import has_quote
from companion.generation.distractors import HONORIFICS, pick
from companion.generation.lexicon import SPEECH_VERBS, TITLE_ABBREVIATIONS
from companion.generation.questions.base import (
    FINITE,
    MC_DISTRACTORS,
    QUOTED,
    Builder,
    Candidate,
    candidate,
    inside_quotation,
    name_after_role,
    role_before_name,
    sentence_quality,
    surnames,
)
from companion.generation.terms import Thing, display_name

MIN_QUOTE_WORDS, MAX_QUOTE_WORDS = 6, 30


def quote_questions(builder: Builder, sentence: Span) -> list[Candidate]:
    if builder.junk(sentence):
        return []
    quote = whole_quotation(sentence)
    speaker = named_speaker(builder, sentence) if quote else None
    if not quote:
        quote, speaker = quotation_part(builder, sentence)
    if not quote or speaker is None:
        return []
    if any(form.lower() in quote.lower() for form in speaker.forms if len(form) > 3):
        return []  # the quotation names its own speaker
    full = _named_in_full(builder, speaker)
    answer = display_name(full)
    prompt = f"Who said, “{quote}”?" if quote[:1].isupper() else f"Who said “{quote}”?"
    if role_before_name(answer):
        answer = name_after_role(answer)  # "Ports Francis Richardson" -> "Francis Richardson"
    forms = {*speaker.forms, *builder.short_forms(full, answer)}
    accept = sorted({*forms, *surnames(answer, forms)} - {answer})
    short = builder.make("short_answer", prompt, sentence, answer, None, "rule:quote-who", accept)
    quality = sentence_quality(sentence)
    others = [display_name(t) for t in quoted_people(builder) if t is not speaker and t is not full]
    others = builder.same_sort_of_person(answer, others)
    distractors = pick(answer, others, MC_DISTRACTORS, prompt)
    if not builder.context.options.choices or len(distractors) < MC_DISTRACTORS:
        return [candidate(builder, short, sentence, "literal", 1.0 + quality, answer)]
    question = builder.make(
        "multiple_choice", prompt, sentence, answer, [answer, *distractors], "rule:quote-who"
    )
    found = candidate(builder, question, sentence, "literal", 1.2 + quality, answer)
    found.short_form = short
    return [found]


def _named_in_full(builder: Builder, speaker: Thing) -> Thing:
    """ "Mr Brandt" is Oliver Brandt, the one person of that surname the article names in
    full: the key a student would write."""
    name = display_name(speaker)
    if not name.lower().startswith(HONORIFICS):
        return speaker
    full = [
        t
        for t in builder.named_in_full(name.split()[-1])
        if t is not speaker and not display_name(t).lower().startswith(HONORIFICS)
    ]
    return full[0] if len(full) == 1 else speaker


def whole_quotation(sentence: Span) -> str:
    """The sentence's one quotation when it is a whole sentence of its own: capitalised,
    6-30 words, a statement (not a question or an exclamation), with a verb in it."""
    found = [m for m in QUOTED.finditer(sentence.text)]
    if len(found) != 1:
        return ""
    quote = " ".join((found[0].group(1) or found[0].group(2)).split())
    quote = quote.rstrip(",. ")
    words = quote.split()
    if not MIN_QUOTE_WORDS <= len(words) <= MAX_QUOTE_WORDS:
        return ""
    if quote[-1:] in "?!…" or "..." in quote or "‘" in quote:
        return ""  # (or a quotation inside it: "I was like ‘my goodness me,'")
    start = sentence.start_char + found[0].start()
    end = sentence.start_char + found[0].end()
    inside = [t for t in sentence if start <= t.idx < end]
    if not quote[:1].isupper() and not _reported_clause(sentence, inside):
        return ""  # lower case: only the whole reported clause ('said that "all of ..."')
    if not any(t.pos_ in ("VERB", "AUX") and t.morph.get("VerbForm") != ["Inf"] for t in inside):
        return ""  # a name or a slogan in quotation marks, not a sentence
    if any(t.lemma_ in SPEECH_VERBS and t.dep_ == "ROOT" for t in inside):
        return ""  # the speech verb inside the quotation marks: the parse is unsure
    return quote


def _reported_clause(sentence: Span, inside: list) -> bool:
    """A quotation in lower case that is the whole clause reported by a speech verb
    ("Kennedy added that "all of the major safety bodies ... have reviewed ...""): a
    subject and its verb inside the quotation marks, "that" or the verb just before."""
    if not inside or inside[0].i < 2:
        return False
    before = sentence.doc[inside[0].i - 1]
    if before.lower_ != "that" and before.lemma_ not in SPEECH_VERBS:
        return False
    ids = {t.i for t in inside}
    return any(t.dep_ in ("nsubj", "nsubjpass") and t.head.i in ids for t in inside)


def named_speaker(builder: Builder, sentence: Span) -> Thing | None:
    """The one person, named in full somewhere in the article, who is the subject of the
    sentence's speech verb outside the quotation marks ("..., Schab added")."""
    quoted = _quoted_token_ids(sentence)
    speakers = {
        id(thing): thing
        for verb in sentence
        if verb.lemma_ in SPEECH_VERBS and verb.i not in quoted and verb.pos_ == "VERB"
        for subject in verb.children
        if subject.dep_ == "nsubj"
        and subject.i not in quoted
        and (thing := _speaker_thing(builder, subject)) is not None
    }
    if any(
        c.dep_ == "conj"
        for verb in sentence
        if verb.lemma_ in SPEECH_VERBS and verb.i not in quoted
        for subject in verb.children
        if subject.dep_ == "nsubj"
        for c in subject.children
    ):
        return None  # "..., Brendon Baillod and Robert Jaeck said": two speakers
    if not speakers and not _words_outside_quotes(sentence, quoted):
        speakers = {0: thing} if (thing := _speaker_going_on(builder, sentence)) else {}
    if len(speakers) != 1:
        return None
    thing = next(iter(speakers.values()))
    if thing.label != "PERSON" or len(display_name(thing).split()) < 2:
        return None
    return thing


def _speaker_thing(builder: Builder, subject) -> Thing | None:
    """The thing a speech verb's subject names; "he" or "she" only when the sentence
    or the one before names exactly one person (Builder.antecedent), or when the
    quotations run back to a sentence that does (_last_named_person)."""
    if subject.lower_ in ("he", "she"):
        name = builder.antecedent(subject) or _last_named_person(builder, subject)
        thing = builder.by_name.get(name)
        if thing is None or not _a_subject_near(builder, thing, subject):
            return None  # "... (by Prime Minister John Key)", "Gustave Eiffel's monument
            # ..., said Esnous": named, but not the one who speaks
        return thing
    return builder.thing_of(subject) or _by_surname(builder, subject)


def _by_surname(builder: Builder, subject) -> Thing | None:
    """ "..., Coker said": a surname the tagger did not join to its person, the one
    person the article names in full with it ("Maya Coker")."""
    if subject.pos_ not in ("PROPN", "NOUN") or not subject.text.istitle():
        return None  # (the small model tags some surnames as nouns: "Coker")
    if subject.ent_type_ not in ("PERSON", ""):
        return None
    found = builder.named_in_full(subject.text)
    return found[0] if len(found) == 1 else None


def _a_subject_near(builder: Builder, thing: Thing, pronoun) -> bool:
    """The person a "he" or "she" stands for is the subject of a verb in the pronoun's
    sentence or one of the four before it: the one who was speaking, not someone named
    in passing, in brackets or as an owner."""
    sentence = pronoun.sent
    for _ in range(MAX_QUOTES_BACK + 2):
        if sentence is None:
            return False
        for mention in thing.mentions:
            inside = mention.doc is sentence.doc and sentence.start <= mention.start
            root = mention.span.root
            if inside and mention.end <= sentence.end and _subject(root) and _main(root):
                return True
        sentence = builder.previous_sentence(sentence)
    return False


SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})


def _subject(token) -> bool:
    """A subject, or the name set beside one ("Chief meteorologist at the Met Office,
    Steven Ramsdale, said ...")."""
    near = list(token.ancestors)[:3]  # (the parse may hang it on "the Met Office")
    return token.dep_ in SUBJECT_DEPS or (
        token.dep_ == "appos" and any(a.dep_ in SUBJECT_DEPS for a in near)
    )


def _main(token) -> bool:
    """The subject belongs to the sentence's main verb, not to a clause inside it: in
    "the veteran, who served in the navy when the late Queen's father, King George VI,
    was on the throne, said ..." the King is no speaker for a "she said" after it
    (reviewed: he was keyed)."""
    verb = token.head
    while verb.dep_ in ("appos", "compound", "nsubj", "nsubjpass", "prep", "pobj"):
        verb = verb.head  # (a name beside the subject hangs on the subject)
    return (
        verb.dep_ == "ROOT"
        or (verb.dep_ == "conj" and verb.head.dep_ == "ROOT")
        or verb.lemma_ in SPEECH_VERBS  # "..., Mr Powell said, but ...": a speaker too
    )


MAX_QUOTES_BACK = 3


def _last_named_person(builder: Builder, pronoun) -> str:
    """ "..., she said." at the end of a run of quotations: the person named in the
    sentence just before the run, when it names exactly one person and the article calls
    that person "she" ("She said: “This has not been an ordinary election ...” / “It's
    been full of uncertainty ...” / “We are living in ...,” she said.")."""
    sentence = builder.previous_sentence(pronoun.sent)
    for _ in range(MAX_QUOTES_BACK):
        if sentence is None:
            return ""
        named = builder.person_named_in(sentence)
        if named:
            return named if builder.pronoun_of(named) == pronoun.lower_ else ""
        if not has_quote(sentence):
            return ""  # the run of quotations ends with nobody named
        sentence = builder.previous_sentence(sentence)
    return ""


def _speaker_going_on(builder: Builder, sentence: Span) -> Thing | None:
    """The speaker of a quotation that goes on into this sentence: the sentence before
    opens a quotation it does not close, after its named speaker ("Mr Branczik added:
    “When I saw the picture had dropped I thought ‘oh no’ ..." / "“I took it for what it
    was, a coup on the art world.”"), as news writing runs one person's words on over
    paragraphs."""
    previous = builder.previous_sentence(sentence)
    if previous is None or not _left_open(previous.text):
        return None
    opening = previous.start_char + max(previous.text.rfind("“"), previous.text.rfind('"'))
    before = [t for t in previous if t.idx < opening]
    verbs = [t for t in before if t.lemma_ in SPEECH_VERBS and t.pos_ == "VERB"]
    subjects = [c for v in verbs for c in v.children if c.dep_ == "nsubj"]
    found = {id(t): t for s in subjects if (t := _speaker_thing(builder, s)) is not None}
    return next(iter(found.values())) if len(found) == 1 else None


def _left_open(text: str) -> bool:
    """A quotation opened and not closed: more “ than ”, or an odd number of "."""
    return text.count("“") > text.count("”") or text.count('"') % 2 == 1


def _words_outside_quotes(sentence: Span, quoted: set[int]) -> bool:
    return any(not t.is_punct and t.i not in quoted for t in sentence)


def quoted_people(builder: Builder) -> list[Thing]:
    """People the article names in full as speakers, most quoted first."""
    people = [
        (count, thing)
        for count, thing in builder.speaker_counts().values()
        if thing.label == "PERSON" and len(display_name(thing).split()) >= 2
    ]
    people.sort(key=lambda pair: (-pair[0], display_name(pair[1])))
    return [thing for _, thing in people]


def _quoted_token_ids(sentence: Span) -> set[int]:
    ids: set[int] = set()
    for match in QUOTED.finditer(sentence.text):
        start = sentence.start_char + match.start()
        end = sentence.start_char + match.end()
        ids |= {t.i for t in sentence if start <= t.idx < end}
    return ids


# A quotation of several sentences: its marks open in one sentence and close in a later one
# ("Sengelow said: “This was a frightening ordeal for the victims. / It is ...,” he added").
OPENS = re.compile(r"(?:^|(?<=[\s:,(]))(?:“|‘|\")(?=\S)")
CLOSES = re.compile(r"(?:”|(?<=[.,])’|(?<=[^\s])\")(?=[\s,.;:)]|$)")
MAX_SENTENCES_AWAY = 3


def quotation_part(builder: Builder, sentence: Span) -> tuple[str, Thing | None]:
    """A whole sentence of a quotation that runs over several sentences, and its speaker:
    the sentence that opens it ("Chris Sengelow said: “This was a frightening ordeal for
    the victims.") or closes it ("We want to do it soon, with new equipment we can venture
    into more destinations,” said Mohan Chandra, ...), the speaker named by the speech
    verb outside the marks in that sentence, or in the one that closes (or opens) the run
    within the paragraph. Reviewed on unseen news, "Who said ...?" items were the most
    often accepted of all (232.5 of 244)."""
    text = sentence.text
    opens, closes = list(OPENS.finditer(text)), list(CLOSES.finditer(text))
    if len(opens) == 1 and not closes and text.endswith("."):
        mark = opens[0]
        quote, inside = text[mark.end() :], _tokens_between(sentence, mark.end(), len(text))
        outside = _tokens_between(sentence, 0, mark.start())
        if outside and not re.search(r"[:,]\s*$", text[: mark.start()]):
            return "", None  # 'called for "an end to ...': a phrase quoted mid-sentence
        speaker = _speaker_among(builder, outside) if outside else _closer(builder, sentence)
    elif len(closes) == 1 and not opens and text[: closes[0].start()].endswith((",", ".")):
        mark = closes[0]
        quote, inside = text[: mark.start()], _tokens_between(sentence, 0, mark.start())
        outside = _tokens_between(sentence, mark.end(), len(text))
        speaker = _speaker_among(builder, outside) if outside else _opener(builder, sentence)
    elif not opens and not closes and inside_quotation(sentence) and text.endswith("."):
        quote, inside = text, [t for t in sentence if not t.is_punct]
        speaker = _opener(builder, sentence)  # a sentence in the middle of the quotation
    else:
        return "", None
    if "..." in quote or "…" in quote:
        return "", None  # "... into Poland for example...": cut short
    quote = " ".join(quote.split()).rstrip(",. ")
    if not _a_quoted_sentence(quote, inside) or speaker is None or speaker.label != "PERSON":
        return "", None
    name = display_name(speaker).split()
    if len(name) < 2 or name[0].rstrip(".").lower() in TITLE_ABBREVIATIONS and len(name) < 3:
        return "", None  # "Cllr Woodward": a title and a surname, no full name to write
    if any(form.lower() in quote.lower() for form in speaker.forms if len(form) > 3):
        return "", None
    return quote, speaker


def _tokens_between(sentence: Span, start: int, end: int) -> list:
    begin = sentence.start_char
    return [t for t in sentence if start <= t.idx - begin < end and not t.is_punct]


def _a_quoted_sentence(quote: str, inside: list) -> bool:
    """Capitalised, 6-30 words, a statement with a finite verb, not cut with "..."."""
    words = quote.split()
    if not MIN_QUOTE_WORDS <= len(words) <= MAX_QUOTE_WORDS or not quote[:1].isupper():
        return False
    if quote[-1:] in "?!" or any(m in quote for m in '“”"‘'):
        return False
    return any(t.tag_ in FINITE for t in inside) and not any(
        t.lemma_ in SPEECH_VERBS and t.dep_ == "ROOT" for t in inside
    )  # ("A scenario of 1 to 5 million including all surrounding countries": no verb)


def _speaker_among(builder: Builder, tokens: list) -> Thing | None:
    """The one thing named as the subject of a speech verb among these tokens ("he" or
    "she" only for a person the article quotes by name elsewhere: in "“Delaroche is one of
    the great painters. It's a major discovery ...,” he said." he is not Delaroche)."""
    ids = {t.i for t in tokens}
    found = {
        id(thing): thing
        for verb in tokens
        if verb.lemma_ in SPEECH_VERBS and verb.pos_ == "VERB"
        for subject in verb.children
        if subject.dep_ == "nsubj"
        and subject.i in ids
        and (thing := _speaker_thing(builder, subject)) is not None
        and (subject.lower_ not in ("he", "she") or id(thing) in builder.speaker_counts())
    }
    return next(iter(found.values())) if len(found) == 1 else None


def _closer(builder: Builder, sentence: Span) -> Thing | None:
    """The speaker named where the quotation closes, a sentence or two on in the same
    paragraph (and nothing opens in between)."""
    later = [s for s in sentence.doc.sents if s.start >= sentence.end][:MAX_SENTENCES_AWAY]
    for other in later:
        if OPENS.search(other.text):
            return None
        if (close := CLOSES.search(other.text)) is not None:
            return _speaker_among(builder, _tokens_between(other, close.end(), len(other.text)))
    return None


def _opener(builder: Builder, sentence: Span) -> Thing | None:
    """The speaker named before the marks that opened the quotation, a sentence or two
    before in the same paragraph (and nothing closes in between)."""
    earlier = [s for s in sentence.doc.sents if s.end <= sentence.start][-MAX_SENTENCES_AWAY:]
    for other in reversed(earlier):
        if CLOSES.search(other.text):
            return None
        if (mark := OPENS.search(other.text)) is not None:
            return _speaker_among(builder, _tokens_between(other, 0, mark.start()))
    return None
