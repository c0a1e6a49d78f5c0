"""The lesson index: a row of metadata per lesson file in the application's database,
kept current from the files, and the index page's queries (search, filters, pages).

``LessonIndex.sync`` compares the folder (one ``stat`` per file) with the rows: a file
whose modification time and size are those of its row is not read; one that differs is
hashed, and parsed only when its content changed. A file renamed keeps its row (same
hash). Deleted files lose theirs. Rows are written in batches, so that a first build of
a large library shows progress and the index fills while it runs.

Search: SQLite FTS5 (the ``lesson_search`` table, migration 0003), every word as a
prefix; PostgreSQL full-text search (``websearch_to_tsquery('english', ...)`` against a
GIN index of ``to_tsvector('english', title || ' ' || body)``).
"""

from __future__ import annotations

import contextlib
import fcntl
import json
import logging
import re
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Select, delete, func, or_, select, text, update
from sqlalchemy.exc import SQLAlchemyError

from companion.accounts.database import Database
from companion.accounts.models import LessonRecord, utcnow
from companion.lesson.catalog import FileState, Summary, file_hash, scan, summarize
from companion.lesson.store import SLUG_RE

log = logging.getLogger("companion.library")

BATCH = 200  # rows written per transaction
FIRST_BATCH = 5  # a first build's first rows: the index page has lessons at once
_PG_INDEX_LOCK = 7_400_216  # pg_advisory_lock key: one index sync at a time
# Up to this many files, each index request checks the folder itself (a few ms); above
# it, a thread checks it every POLL_SECONDS or more, so requests stay fast.
INLINE_FILES = 2000
POLL_SECONDS = 1.0
PAGE_SIZE = 50
SORTS = ("title", "newest")
REVIEW_STATES = {
    "unreviewed": "not reviewed yet",
    "in-progress": "partly reviewed",
    "reviewed": "all reviewed",
}
# Flesch-Kincaid grade bands: (label, lowest, below)
GRADE_BANDS = {
    "5": ("grade 5 and below", -100.0, 6.0),
    "6-8": ("grades 6-8", 6.0, 9.0),
    "9-10": ("grades 9-10", 9.0, 11.0),
    "11-12": ("grades 11-12", 11.0, 13.0),
    "13": ("above grade 12", 13.0, 1000.0),
}


@dataclass(frozen=True)
class Query:
    """What the index page asks for; unknown values are ignored (``clean``)."""

    search: str = ""
    review: str = ""
    grade: str = ""
    subject: str = ""
    tag: str = ""
    collection: str = ""
    sort: str = "title"
    page: int = 1

    def clean(self) -> Query:
        return Query(
            collection=self.collection if SLUG_RE.fullmatch(self.collection) else "",
            search=" ".join(self.search.split())[:200],
            review=self.review if self.review in REVIEW_STATES else "",
            grade=self.grade if self.grade in GRADE_BANDS else "",
            subject=" ".join(self.subject.split())[:200],
            tag=" ".join(self.tag.split()).lower()[:200],
            sort=self.sort if self.sort in SORTS else "title",
            page=max(1, min(self.page, 100_000)),
        )


@dataclass(frozen=True)
class Row:
    """A lesson as the index page shows it."""

    slug: str
    collection: str
    title: str
    error: str | None
    passages: int
    words: int
    reading_minutes: int
    grade_level: float
    questions: int
    items: int
    reviewed: int
    warnings: list[tuple[int, str]]
    subject: str
    tags: list[str]


@dataclass(frozen=True)
class Results:
    rows: list[Row]
    total: int  # matching rows, over all pages
    page: int
    pages: int


@dataclass
class Progress:
    """The background build: files done of files to read."""

    done: int = 0
    total: int = 0
    running: bool = False


class LessonIndex:
    """The lesson files of ``folder`` as rows of ``db``'s ``lesson_index`` table."""

    def __init__(self, db: Database, folder: Path):
        self.db = db
        self.folder = Path(folder)
        self.progress = Progress()
        self._lock = threading.Lock()  # one sync at a time in this process
        self._thread: threading.Thread | None = None
        self._poller: threading.Thread | None = None
        self._poller_lock = threading.Lock()
        self._stop = threading.Event()
        self.postgres = db.url.get_backend_name() == "postgresql"
        self.inline_files = INLINE_FILES
        self.files_seen = 0  # lesson files found by the last sync
        self.sync_seconds = 0.0  # how long the last sync took

    # ------------------------------------------------------------------ keeping it current

    def sync(self, report: Callable[[Progress], None] | None = None, wait: bool = True) -> int:
        """Bring the rows up to date with the files; how many rows changed. One process
        at a time (``_shared_lock``): the server's other workers wait, then find the
        rows current instead of parsing every file again; with ``wait=False`` (a
        request), a sync running elsewhere is left to do the work."""
        with self._lock:
            try:
                with self._shared_lock(wait) as mine:
                    return self._sync(report) if mine else 0
            except (SQLAlchemyError, OSError) as exc:  # the page shows the rows as they are
                reason = str(getattr(exc, "orig", None) or exc).strip().splitlines()[0]
                log.warning("lesson index: not updated now: %s", reason[:200])
                return 0

    @contextlib.contextmanager
    def _shared_lock(self, wait: bool) -> Iterator[bool]:
        """Across processes: a file lock beside a SQLite file, an advisory lock (held by
        its own connection) on PostgreSQL; nothing for an in-memory database. Yields
        whether this process holds it (always, when ``wait``)."""
        if self.postgres:
            with self.db.engine.connect() as connection:
                take = "pg_advisory_lock" if wait else "pg_try_advisory_lock"
                got = connection.execute(text(f"SELECT {take}(:k)"), {"k": _PG_INDEX_LOCK})
                mine = wait or bool(got.scalar())
                try:
                    yield mine
                finally:
                    if mine:
                        unlock = text("SELECT pg_advisory_unlock(:k)")
                        connection.execute(unlock, {"k": _PG_INDEX_LOCK})
                    connection.commit()
            return
        database = self.db.url.database
        if not database or database == ":memory:":
            yield True
            return
        with open(Path(database).with_name(Path(database).name + ".index-lock"), "a") as lock:
            try:
                fcntl.flock(lock, fcntl.LOCK_EX if wait else fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                yield False
                return
            try:
                yield True
            finally:
                fcntl.flock(lock, fcntl.LOCK_UN)

    def _sync(self, report: Callable[[Progress], None] | None) -> int:
        started = time.monotonic()
        files = scan(self.folder)
        self.files_seen = len(files)
        with self.db.session() as session:
            known = {
                slug: (row_id, mtime, size, digest)
                for row_id, slug, mtime, size, digest in session.execute(
                    select(
                        LessonRecord.id,
                        LessonRecord.slug,
                        LessonRecord.mtime_ns,
                        LessonRecord.size,
                        LessonRecord.hash,
                    )
                )
            }
        stale = [f for f in files.values() if _stat_of(known.get(f.slug)) != (f.mtime_ns, f.size)]
        gone = {slug: known[slug] for slug in known.keys() - files.keys()}
        changed = self._write(stale, known, gone, report) if stale or gone else 0
        self.sync_seconds = time.monotonic() - started
        return changed

    def refresh(self) -> None:
        """Before an index request: a small library is checked now, so a change shows
        on this very request; a large one by the polling thread (started if need be),
        so a change shows within ``poll_interval()`` and the request does not wait."""
        if self.files_seen <= self.inline_files:
            self.sync(wait=False)
        if self.files_seen > self.inline_files:
            self._ensure_poller()

    def poll_interval(self) -> float:
        """POLL_SECONDS, or more when a check takes long: checking costs at most a
        tenth of a core."""
        return min(10.0, max(POLL_SECONDS, 10 * self.sync_seconds))

    def _ensure_poller(self) -> None:
        with self._poller_lock:  # not the sync lock: a request never waits for a sync
            if self._poller is not None and self._poller.is_alive():
                return
            poller = threading.Thread(target=self._poll, name="lesson-index-poll", daemon=True)
            self._poller = poller
            poller.start()

    def _poll(self) -> None:
        """Check the folder while the library is large; ends when it is small again (or
        ``stop``), since requests then check it themselves."""
        while self.files_seen > self.inline_files and not self._stop.wait(self.poll_interval()):
            try:
                self.sync()
            except Exception as exc:  # keep polling; say why once per failure
                log.warning("lesson index: check failed: %s", str(exc).splitlines()[0][:200])

    def stop(self) -> None:
        """Stop the polling thread (a test's or a bench's app going away)."""
        self._stop.set()

    def _write(self, stale: list[FileState], known: dict, gone: dict, report) -> int:
        """Hash (and when the content changed, parse) each stale file; move renamed
        rows; delete the rows of files that are gone."""
        by_hash = {digest: (slug, row_id) for slug, (row_id, _m, _s, digest) in gone.items()}
        self.progress.total, self.progress.done = len(stale), 0
        changed = 0
        for start, end in _batches(len(stale)):
            # read and parse outside the transaction: the database's writers never wait
            # for the parser (on SQLite one writer at a time, answers included)
            batch = [_change(state, known, by_hash) for state in stale[start:end]]
            with self.db.session() as session, session.begin():
                for row_id, values in batch:
                    if row_id is None:
                        session.execute(LessonRecord.__table__.insert().values(values))
                    else:
                        where = LessonRecord.id == row_id
                        session.execute(update(LessonRecord).where(where).values(values))
            changed += len(batch)
            self.progress.done = end
            if report:
                report(self.progress)
        leftover = [row_id for _slug, row_id in by_hash.values()]
        if leftover:
            with self.db.session() as session, session.begin():
                session.execute(delete(LessonRecord).where(LessonRecord.id.in_(leftover)))
            changed += len(leftover)
        return changed

    # ------------------------------------------------------------------ the first build

    def start_background_build(self) -> None:
        """Build (or bring up to date) the index in a thread, logging progress; the
        index page shows what is there meanwhile."""
        if self._thread is not None:
            return
        self.progress.running = True
        self._thread = threading.Thread(target=self._build, name="lesson-index", daemon=True)
        self._thread.start()

    def _build(self) -> None:
        started = time.monotonic()
        last = [started]

        def report(progress: Progress) -> None:
            if time.monotonic() - last[0] >= 2 or progress.done == progress.total:
                last[0] = time.monotonic()
                log.info("lesson index: %d of %d files read", progress.done, progress.total)

        try:
            changed = self.sync(report)
            log.info(
                "lesson index: ready (%d changed) in %.1f s", changed, time.monotonic() - started
            )
        except Exception as exc:  # a thread's error must not go unnoticed or crash
            log.warning("lesson index: the build stopped: %s", str(exc).splitlines()[0][:200])
        finally:
            self.progress.running = False
        if self.files_seen > self.inline_files:
            self._ensure_poller()

    def building(self) -> bool:
        return self.progress.running

    def wait(self, seconds: float) -> bool:
        """Wait for the background build up to ``seconds``; True once it is done."""
        if self._thread is not None:
            self._thread.join(seconds)
        return not self.progress.running

    # ------------------------------------------------------------------ the index page

    def find(self, query: Query, page_size: int = PAGE_SIZE) -> Results:
        """One page of the lessons matching ``query``."""
        query = query.clean()
        base = self._filtered(select(LessonRecord), query)
        with self.db.session() as session:
            total = session.execute(
                self._filtered(select(func.count(LessonRecord.id)), query)
            ).scalar_one()
            pages = max(1, -(-total // page_size))
            page = min(query.page, pages)
            order = (
                (LessonRecord.mtime_ns.desc(), LessonRecord.slug)
                if query.sort == "newest"
                else (LessonRecord.collection, func.lower(LessonRecord.title), LessonRecord.slug)
            )
            records = session.scalars(
                base.order_by(*order).offset((page - 1) * page_size).limit(page_size)
            ).all()
        return Results([_row(r) for r in records], total, page, pages)

    def subjects(self) -> list[str]:
        with self.db.session() as session:
            column = LessonRecord.subject
            found = select(column).where(column != "").distinct().order_by(column)
            return list(session.scalars(found))

    def collections(self) -> list[str]:
        with self.db.session() as session:
            column = LessonRecord.collection
            found = select(column).where(column != "").distinct().order_by(column)
            return list(session.scalars(found))

    def count(self) -> int:
        with self.db.session() as session:
            return session.execute(select(func.count(LessonRecord.id))).scalar_one()

    def _filtered(self, statement: Select, query: Query) -> Select:
        if query.search:
            statement = statement.where(self._matches(query.search))
        if query.review:
            statement = statement.where(_review_clause(query.review))
        if query.grade:
            _label, low, below = GRADE_BANDS[query.grade]
            statement = statement.where(
                LessonRecord.error.is_(None),
                LessonRecord.grade_level >= low,
                LessonRecord.grade_level < below,
            )
        if query.subject:
            statement = statement.where(func.lower(LessonRecord.subject) == query.subject.lower())
        if query.collection:
            statement = statement.where(LessonRecord.collection == query.collection)
        if query.tag:
            tagged = LessonRecord.tags.contains(f",{query.tag},", autoescape=True)
            statement = statement.where(tagged)
        return statement

    def _matches(self, search: str):
        if self.postgres:
            words = func.to_tsvector(
                text("'english'"), LessonRecord.title + " " + LessonRecord.body
            )
            return or_(
                words.op("@@")(func.websearch_to_tsquery(text("'english'"), search)),
                LessonRecord.slug.contains(search.lower(), autoescape=True),
            )
        return LessonRecord.id.in_(
            select(text("rowid")).select_from(text("lesson_search")).where(
                text("lesson_search MATCH :fts").bindparams(fts=fts_query(search))
            )
        )


def fts_query(search: str) -> str:
    """A user's words as an FTS5 query: every word must occur, as a word or the start of
    one. Quoted, so that FTS5's own syntax (AND, NEAR, ``*``, ``:``) is never read."""
    words = re.findall(r"\w+", search)[:20]
    return " ".join(f'"{w}"*' for w in words) or '""'


def _batches(total: int) -> list[tuple[int, int]]:
    """(start, end) of the batches: a small first one, so that a first build shows
    lessons on the index at once, then BATCH at a time."""
    bounds = [0, min(total, FIRST_BATCH)]
    while bounds[-1] < total:
        bounds.append(min(total, bounds[-1] + BATCH))
    return [(a, b) for a, b in zip(bounds, bounds[1:], strict=False) if b > a]


def _change(state: FileState, known: dict, by_hash: dict) -> tuple[int | None, dict]:
    """The row to write for a stale file: (row id or None for a new row, its values).
    A file whose content is unchanged is not parsed: only its time and size are
    written; one that holds a deleted file's content takes over that file's row."""
    digest = file_hash(state.path)
    row = known.get(state.slug)
    stat = {"mtime_ns": state.mtime_ns, "size": state.size}
    if row is not None and digest and row[3] == digest:  # touched, not changed
        return row[0], stat
    moved = by_hash.pop(digest, None) if row is None and digest else None
    if moved is not None:  # renamed: the same content under a new name
        return moved[1], {"slug": state.slug, "collection": state.collection, **stat}
    return (row[0] if row else None), _values(summarize(state, digest))


def _stat_of(known: tuple | None) -> tuple[int, int] | None:
    """(mtime_ns, size) of a known row's (id, mtime_ns, size, hash)."""
    return (known[1], known[2]) if known else None


def _review_clause(state: str):
    if state == "unreviewed":
        return (LessonRecord.reviewed == 0) & (LessonRecord.items > 0)
    if state == "in-progress":
        return (LessonRecord.reviewed > 0) & (LessonRecord.reviewed < LessonRecord.items)
    return (LessonRecord.reviewed == LessonRecord.items) & LessonRecord.error.is_(None)


def _values(summary: Summary) -> dict:
    return {
        "slug": summary.slug,
        "collection": summary.collection,
        "mtime_ns": summary.mtime_ns,
        "size": summary.size,
        "hash": summary.hash,
        "title": summary.title,
        "body": summary.body,
        "error": summary.error,
        "passages": summary.passages,
        "words": summary.words,
        "reading_minutes": summary.reading_minutes,
        "grade_level": summary.grade_level,
        "questions": summary.questions,
        "items": summary.items,
        "reviewed": summary.reviewed,
        "warnings": json.dumps(summary.warnings),
        "subject": summary.subject,
        "tags": "," + ",".join(summary.tags) + "," if summary.tags else "",
        "indexed": utcnow(),
    }


def _row(record: LessonRecord) -> Row:
    return Row(
        slug=record.slug,
        collection=record.collection,
        title=record.title,
        error=record.error,
        passages=record.passages,
        words=record.words,
        reading_minutes=record.reading_minutes,
        grade_level=record.grade_level,
        questions=record.questions,
        items=record.items,
        reviewed=record.reviewed,
        warnings=[(int(line), str(message)) for line, message in json.loads(record.warnings)],
        subject=record.subject,
        tags=[t for t in record.tags.split(",") if t],
    )
