"""The generation pipeline: article -> analysis -> passages -> glossary -> questions -> Lesson,
and the merge that keeps a teacher's edits when a lesson is regenerated."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from companion.common.errors import CompanionError
from companion.common.textutil import markdown_escape, plain_text, slugify
from companion.generation.analysis import Analysis, analyse
from companion.generation.context import Context, Options
from companion.generation.glossary import MAX_DRAFTS_PER_PASSAGE, build_glossary
from companion.generation.importing import Article
from companion.generation.paragraphs import restore_paragraphs
from companion.generation.passages import Draft, Load, make_drafts, name_drafts, passages_to_join
from companion.generation.questions import (
    MIN_PER_PASSAGE,
    choose_questions,
    join_candidates,
    question_candidates,
)
from companion.generation.questions.base import Candidate
from companion.generation.terms import Thing, find_things
from companion.lesson.model import GlossaryEntry, Lesson, Passage, Question, TeacherWarning
from companion.lesson.warnings import REMOVED_KEY, lesson_warnings, words_to_avoid

GENERATED_KEY = "generated"  # front matter: what generation wrote, to notice deletions
DELETED_KEY = "deleted"  # front matter: generated items the teacher deleted


def lesson_from_article(article: Article, options: Options | None = None, slug: str = "") -> Lesson:
    """Generate a whole lesson from an imported article."""
    options = options or Options()
    analysis = analyse(article.paragraphs, article.title)
    analysis, headings = restore_paragraphs(analysis, article.headings)
    drafts = make_drafts(analysis, headings)
    lesson = Lesson(
        slug=slug or slugify(Path(article.source).stem if article.source else article.title),
        title=article.title,
        source=article.source,
        meta={
            "grade": options.grade,
            **({"choices": True} if options.choices else {}),
            **({REMOVED_KEY: article.removed} if article.removed else {}),
        },
        passages=_passages(analysis, drafts),
    )
    lesson.renumber()
    context = Context(analysis, drafts, options, article.title, avoiding(analysis))
    items = make_items(context)
    place(lesson, items, options)
    joins = passages_to_join(
        _loads(lesson, [d.paragraphs for d in drafts], headings),
        MIN_PER_PASSAGE,
        options.questions_per_passage,
        options.glossary_per_passage,
    )
    groups = [[p for i in join for p in drafts[i].paragraphs] for join in joins]
    if len(joins) < len(drafts):
        # A joined passage's questions are chosen for it as a whole, as `generate
        # --update` chooses them for the file's passages: generating twice gives one lesson.
        lesson.passages = _passages(analysis, [Draft(group, "") for group in groups])
        lesson.renumber()
        items = items.joined(joins)
        place(lesson, items, options)
    # Now that the article's named things are known, name the passages after them.
    named = name_drafts(analysis, groups, headings, items.things)
    for passage, draft in zip(lesson.passages, named, strict=True):
        passage.heading = draft.heading
    record_generated(lesson)
    lesson.warnings = generation_warnings(analysis) + lesson_warnings(lesson)
    return lesson


def _passages(analysis: Analysis, drafts: list[Draft]) -> list[Passage]:
    return [
        Passage(
            id="",
            heading=draft.heading,
            paragraphs=[markdown_escape(analysis.paragraphs[i]) for i in draft.paragraphs],
        )
        for draft in drafts
    ]


def _loads(lesson: Lesson, groups: list[list[int]], headings: dict[int, str]) -> list[Load]:
    """What each passage holds, for passages.passages_to_join."""
    return [
        Load(
            words=sum(len(plain_text(p).split()) for p in passage.paragraphs),
            questions=len(passage.questions),
            entries=len(passage.glossary),
            subheading=group[0] in headings,
        )
        for passage, group in zip(lesson.passages, groups, strict=True)
    ]


def avoiding(analysis: Analysis) -> frozenset[str]:
    return words_to_avoid("\n".join(analysis.paragraphs))


def generation_warnings(analysis: Analysis) -> list[TeacherWarning]:
    """What the teacher should know about the article itself."""
    message = language_warning(analysis)
    return [TeacherWarning("language", message)] if message else []


def language_warning(analysis: Analysis) -> str:
    """A warning when the text does not look like English: in English prose about 40% of
    the words are function words ("the", "of", "and"...); in other languages few are."""
    words = [t for doc in analysis.docs for t in doc if t.is_alpha]
    if len(words) < 20:
        return ""
    share = sum(1 for t in words if t.is_stop) / len(words)
    if share < 0.15:
        return (
            "the article does not look like English text; the glossary and questions "
            "are made for English and may be poor"
        )
    return ""


@dataclass
class Items:
    """A lesson's generated items before they are placed: glossary entries (drafts too)
    and candidate questions, by passage, and the article's things."""

    entries: list[list[GlossaryEntry]]
    candidates: list[list[Candidate]]
    things: list[Thing]

    def joined(self, joins: list[list[int]]) -> Items:
        """The items of passages joined into one (groups of passage indices, in order); a
        joined passage keeps at most MAX_DRAFTS_PER_PASSAGE drafts, as one generated so."""
        entries = []
        for join in joins:
            found = [e for i in join for e in self.entries[i]]
            drafts = [e for e in found if e.is_draft][:MAX_DRAFTS_PER_PASSAGE]
            entries.append([e for e in found if not e.is_draft] + drafts)
        return Items(entries, join_candidates(self.candidates, joins), self.things)


def make_items(context: Context) -> Items:
    """Run the glossary and question generators over the context's passages."""
    things = find_things(context.analysis, context.options.grade, context.title)
    entries = build_glossary(context, things)
    glossary = [[e for e in found if not e.is_draft] for found in entries]
    return Items(entries, question_candidates(context, glossary, things), things)


def place(lesson: Lesson, items: Items, options: Options) -> None:
    """Put the items in the lesson's passages: the entries, and the questions chosen."""
    glossary = [[e for e in found if not e.is_draft] for found in items.entries]
    questions = choose_questions(items.candidates, glossary, options.questions_per_passage)
    for passage, entries, chosen in zip(lesson.passages, items.entries, questions, strict=True):
        passage.glossary = [e for e in entries if not e.is_draft]
        passage.drafts = [e for e in entries if e.is_draft]
        passage.questions = chosen


def fill(lesson: Lesson, context: Context) -> list[Thing]:
    """Run the glossary and question generators over a lesson's passages; return the
    article's things (people, places, groups, words), which name the passages."""
    items = make_items(context)
    place(lesson, items, context.options)
    return items.things


def regenerate(current: Lesson, options: Options | None = None) -> Lesson:
    """Generate items afresh for a lesson's own (possibly edited) text and merge them in:
    teacher-written, edited, reviewed and locked items stay exactly as they are; generated
    items the teacher deleted stay deleted."""
    options = options or Options(grade=current.grade, choices=current.choices)
    paragraphs = [plain_text(p) for passage in current.passages for p in passage.paragraphs]
    analysis = analyse(paragraphs, current.title)
    drafts, index = [], 0
    for passage in current.passages:
        drafts.append(Draft(list(range(index, index + len(passage.paragraphs))), passage.heading))
        index += len(passage.paragraphs)
    fresh = Lesson(
        slug=current.slug,
        title=current.title,
        source=current.source,
        meta=dict(current.meta),
        passages=[
            Passage(id=p.id, heading=p.heading, paragraphs=list(p.paragraphs))
            for p in current.passages
        ],
    )
    fresh.renumber()
    fill(fresh, Context(analysis, drafts, options, current.title, avoiding(analysis)))
    return merge(current, fresh)


def item_key(item: GlossaryEntry | Question) -> str:
    if isinstance(item, GlossaryEntry):
        return "term:" + item.term.lower()
    return item.id


def _item_keys(lesson: Lesson, key: str) -> set[str]:
    """The front matter's list of item keys ("generated", "deleted"); a one-line error
    when a hand edit left something else there."""
    value = lesson.meta.get(key) or []
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise CompanionError(
            f"the front matter's '{key}:' must be a list of item ids (or be deleted)"
        )
    return set(value)


def merge(current: Lesson, fresh: Lesson) -> Lesson:
    previously = _item_keys(current, GENERATED_KEY)
    present = {
        item_key(i) for p in current.passages for i in [*p.glossary, *p.drafts, *p.questions]
    }
    deleted = _item_keys(current, DELETED_KEY) | (previously - present)
    kept = {
        item_key(i)
        for p in current.passages
        for i in [*p.glossary, *p.questions]
        if i.teacher_owned
    }
    kept_terms = {k for k in kept if k.startswith("term:")}
    merged = Lesson(current.slug, current.title, current.source, dict(current.meta), [])
    for old, new in zip(current.passages, fresh.passages, strict=True):
        passage = Passage(
            id=old.id, heading=old.heading, paragraphs=list(old.paragraphs), line=old.line
        )
        passage.glossary = [g for g in old.glossary if g.teacher_owned] + [
            g for g in new.glossary if item_key(g) not in deleted and item_key(g) not in kept_terms
        ]
        # drafts are generated afresh, like generated entries: an untouched one goes
        passage.drafts = [
            g for g in new.drafts if item_key(g) not in deleted and item_key(g) not in kept_terms
        ]
        passage.questions = [q for q in old.questions if q.teacher_owned] + [
            q for q in new.questions if q.id not in deleted and q.id not in kept
        ]
        merged.passages.append(passage)
    merged.renumber()
    merged.meta[DELETED_KEY] = sorted(deleted)
    if not merged.meta[DELETED_KEY]:
        merged.meta.pop(DELETED_KEY)
    record_generated(merged)
    return merged


def record_generated(lesson: Lesson) -> None:
    """Remember which items generation wrote, so a later update can tell deletions."""
    keys = [
        item_key(i)
        for p in lesson.passages
        for i in [*p.glossary, *p.drafts, *p.questions]
        if i.source != "teacher"
    ]
    lesson.meta.pop(GENERATED_KEY, None)
    if keys:
        lesson.meta[GENERATED_KEY] = keys
