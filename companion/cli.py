"""Command line: python -m companion generate | check | show | print | export | export-site |
teacher | migrate."""

from __future__ import annotations

import argparse
import getpass
import json
import os
import sys
from pathlib import Path

from companion.accounts.database import Database, describe, head_revision, open_database
from companion.accounts.teachers import (
    AccountError,
    add_teacher,
    check_password,
    list_teachers,
    normalize_name,
    remove_teacher,
    set_password,
    teacher_exists,
)
from companion.common.errors import CompanionError
from companion.common.files import backup, write_atomic, write_atomic_bytes
from companion.common.settings import SHARED_GLOSSARY, content_dir, database_url, default_paper
from companion.common.textutil import plural, slugify
from companion.generation.context import Options
from companion.generation.importing import read_article
from companion.generation.pipeline import lesson_from_article, regenerate
from companion.lesson.check import check_file
from companion.lesson.fileformat import refresh_stale_evidence, write_lesson
from companion.lesson.model import Question
from companion.lesson.names import lesson_name_problem
from companion.lesson.shared_glossary import load_shared_glossary
from companion.lesson.store import load_lesson
from companion.lesson.warnings import lesson_warnings
from companion.views.exports import export_format, format_names
from companion.views.pdf import render_pdf
from companion.views.worksheet import (
    build_worksheet,
    parse_options,
    parse_version_count,
)
from companion.web.static_site import check_site_folder, export_site


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return int(args.run(args) or 0)
    except CompanionError as exc:
        print(f"companion: {exc}", file=sys.stderr)
        return 2
    except BrokenPipeError:  # "show ... | head": the reader has gone; nothing to say
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 1
    except OSError as exc:  # a full disk, /dev/full, a folder that cannot exist
        where = f"{exc.filename}: " if exc.filename else ""
        print(f"companion: {where}{exc.strerror or exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="companion", description="Turn articles into reading lessons."
    )
    sub = parser.add_subparsers(dest="command", required=True)

    gen = sub.add_parser("generate", help="generate a lesson file from an article")
    gen.add_argument("source", nargs="?", help="article: .txt, .md or .html")
    gen.add_argument("--out", help="lesson file to write (default: content/<slug>.md)")
    gen.add_argument("--force", action="store_true", help="overwrite (keeps a backup)")
    gen.add_argument("--json", action="store_true", help="print the lesson as JSON instead")
    gen.add_argument(
        "--update", metavar="LESSON", help="regenerate LESSON, keeping the teacher's edits"
    )
    gen.add_argument("--grade", type=int, help="grade level of the readers (default 8)")
    gen.add_argument("--glossary-per-passage", type=int, default=5)
    gen.add_argument("--questions-per-passage", type=int, default=4)
    gen.add_argument(
        "--choices",
        action="store_true",
        help="four choices for 'who' and 'when' questions (off by default: see docs/questions.md)",
    )
    gen.set_defaults(run=cmd_generate)

    check = sub.add_parser("check", help="validate lesson files")
    check.add_argument("paths", nargs="*", help="lesson files (default: all of content/)")
    check.set_defaults(run=cmd_check)

    show = sub.add_parser("show", help="summarise a lesson file (or print it as JSON)")
    show.add_argument("path")
    show.add_argument("--json", action="store_true", help="the whole lesson as JSON")
    show.set_defaults(run=cmd_show)

    add_print_parser(sub)
    add_export_parsers(sub)
    add_teacher_parser(sub)
    migrate = sub.add_parser(
        "migrate", help="bring the teachers' database up to date (also done on app start)"
    )
    migrate.set_defaults(run=cmd_migrate)
    return parser


def add_teacher_parser(sub: argparse._SubParsersAction) -> None:
    teacher = sub.add_parser(
        "teacher",
        help="add, list or remove teacher accounts",
        description="Teacher accounts, in the database named by $COMPANION_DATABASE_URL "
        "(default instance/companion.db). See docs/teachers.md.",
    )
    actions = teacher.add_subparsers(dest="action", required=True)
    for name, text in (
        ("add", "add a teacher (asks for the password twice)"),
        ("password", "give a teacher a new password (ends their sessions)"),
    ):
        action = actions.add_parser(name, help=text)
        action.add_argument("name")
        action.add_argument(
            "--password-stdin",
            action="store_true",
            help="read the password from one line of standard input (for scripts)",
        )
        action.set_defaults(run=cmd_teacher_add if name == "add" else cmd_teacher_password)
    actions.add_parser("list", help="list the teachers").set_defaults(run=cmd_teacher_list)
    remove = actions.add_parser("remove", help="remove a teacher")
    remove.add_argument("name")
    remove.set_defaults(run=cmd_teacher_remove)


def accounts_database() -> Database:
    """The teachers' database from the settings, migrated to the newest schema."""
    return open_database(database_url())


def read_new_password(from_stdin: bool) -> str:
    """A new password: one line of stdin, or asked twice on the terminal."""
    if from_stdin:
        line = sys.stdin.readline()
        password = line.removesuffix("\n").removesuffix("\r")
        if not password:
            raise AccountError("no password on standard input")
        check_password(password)
        return password
    if not sys.stdin.isatty():
        raise AccountError("no terminal to ask for the password on: use --password-stdin")
    try:
        password = getpass.getpass("Password: ")
        check_password(password)
        again = getpass.getpass("Password again: ")
    except EOFError:
        raise AccountError("no password given") from None
    if password != again:
        raise AccountError("the two passwords differ; nothing was changed")
    return password


def cmd_teacher_add(args: argparse.Namespace) -> int:
    db = accounts_database()
    if teacher_exists(db, args.name):  # before asking for a password, not after
        raise AccountError(f"there is already a teacher named '{normalize_name(args.name)}'")
    password = read_new_password(args.password_stdin)
    teacher = add_teacher(db, args.name, password)
    print(f"added teacher '{teacher.name}'")
    return 0


def cmd_teacher_password(args: argparse.Namespace) -> int:
    db = accounts_database()
    if not teacher_exists(db, args.name):
        raise AccountError(f"there is no teacher named '{normalize_name(args.name)}'")
    password = read_new_password(args.password_stdin)
    set_password(db, args.name, password)
    print(f"new password set for '{args.name.strip().lower()}'")
    return 0


def cmd_teacher_list(args: argparse.Namespace) -> int:
    teachers = list_teachers(accounts_database())
    for teacher in teachers:
        print(f"{teacher.name}\tadded {teacher.created:%Y-%m-%d %H:%M} UTC")
    if not teachers:
        print("no teachers yet: add one with `companion teacher add NAME`", file=sys.stderr)
    return 0


def cmd_teacher_remove(args: argparse.Namespace) -> int:
    db = accounts_database()
    remove_teacher(db, args.name)
    print(f"removed teacher '{args.name.strip().lower()}'")
    return 0


def cmd_migrate(args: argparse.Namespace) -> int:
    db = accounts_database()
    print(f"{describe(db.url)}: up to date (schema revision {head_revision()})")
    return 0


def add_print_parser(sub: argparse._SubParsersAction) -> None:
    pr = sub.add_parser(
        "print",
        help="write a worksheet or answer key as PDF",
        description="Write a lesson's printable worksheet (or its answer key) as PDF. "
        "See docs/worksheets.md.",
    )
    pr.add_argument("path", help="the lesson file")
    pr.add_argument(
        "--out", help="PDF to write (default: <lesson>-worksheet.pdf or <lesson>-answer-key.pdf)"
    )
    pr.add_argument("--answer-key", action="store_true", help="the answer key, not the worksheet")
    pr.add_argument(
        "--versions",
        metavar="N",
        help="N shuffled versions (1-3): one PDF each, OUT-A.pdf, OUT-B.pdf, ...",
    )
    pr.add_argument("--version", metavar="LETTER", help="one shuffled version: A, B or C")
    pr.add_argument("--paper", help="letter or a4 (default: $COMPANION_PAPER, else letter)")
    pr.add_argument(
        "--kind",
        action="append",
        default=[],
        help="only questions of this kind (repeat it, or separate kinds with commas)",
    )
    pr.add_argument("--questions-only", action="store_true", help="leave out the passages")
    pr.add_argument("--large-print", action="store_true", help="large print")
    pr.add_argument("--force", action="store_true", help="replace an existing PDF (keeps a backup)")
    pr.set_defaults(run=cmd_print)


def _options(args: argparse.Namespace, grade: int | None = None, choices: bool = False):
    for name in ("glossary_per_passage", "questions_per_passage"):
        if getattr(args, name) < 0:
            raise CompanionError(f"--{name.replace('_', '-')} must be 0 or more")
    if args.grade is not None and not 1 <= args.grade <= 12:
        raise CompanionError("--grade must be between 1 and 12")
    return Options(
        grade=args.grade or grade or 8,
        glossary_per_passage=args.glossary_per_passage,
        questions_per_passage=args.questions_per_passage,
        choices=args.choices or choices,
        shared_glossary=tuple(load_shared_glossary(content_dir() / SHARED_GLOSSARY)),
    )


def cmd_generate(args: argparse.Namespace) -> int:
    if args.update:
        path = Path(args.update)
        current = load_lesson(path)
        try:
            lesson = regenerate(current, _options(args, current.grade, current.choices))
        except CompanionError as exc:
            raise CompanionError(exc.message, str(path), exc.line) from None
        refreshed = refresh_stale_evidence(lesson)
        if args.json:
            print(json.dumps(lesson.to_dict(), ensure_ascii=False, indent=2))
            return 0
        saved = backup(path)
        text = write_lesson(lesson)
        write_atomic(path, text)
        print(f"updated {path} (backup: {saved})")
        print_refreshed(path, refreshed, text)
        return 0
    if not args.source:
        raise CompanionError("generate needs an article file, or --update LESSON")
    article = read_article(args.source)
    slug = slugify(Path(args.source).stem)
    options = _options(args)
    lesson = lesson_from_article(article, options, slug=slug)
    if args.json:
        for warning in lesson.warnings:
            print(f"{args.source}: warning: {warning.message}", file=sys.stderr)
        print(json.dumps(lesson.to_dict(), ensure_ascii=False, indent=2))
        return 0
    out = Path(args.out) if args.out else content_dir() / f"{slug}.md"
    check_lesson_target(out, explicit=bool(args.out))
    if out.exists():
        if not args.force:
            raise CompanionError(
                "already exists: use --update to regenerate it keeping edits, "
                "or --force to replace it (a backup is kept)",
                str(out),
            )
        saved = backup(out)
        print(f"backup: {saved}")
    text = write_lesson(lesson)
    write_atomic(out, text)
    print(f"wrote {out}")
    print_warnings(out, lesson, text)
    return 0


def print_refreshed(path: Path, questions: list[Question], text: str) -> None:
    """What `generate --update` did with the stale evidence of edited questions."""
    for question in questions:
        line = text.count("\n", 0, text.find(question.raw or "")) + 1
        done = (
            f"evidence replaced by the sentence that holds its answer (paragraph "
            f"{question.paragraph})"
            if question.evidence
            else "stale evidence removed (no one sentence of its passage holds its answer)"
        )
        print(f"{path}:{line}: edited question: {done}")


def check_lesson_target(out: Path, explicit: bool) -> None:
    """A lesson is written only where the site will serve it, never over a folder or the
    shared glossary."""
    if out.is_dir():
        raise CompanionError("is a folder: give a file name such as lesson.md", str(out))
    problem = lesson_name_problem(out)
    if problem:
        hint = "" if explicit else " (use --out to name the lesson)"
        raise CompanionError(problem + hint, str(out))


def print_warnings(path: Path, lesson, text: str) -> None:
    """The teacher warnings of a lesson just written, as ``path:line: warning: ...``."""
    lines = {(w.kind, w.message): w.line for w in lesson_warnings(lesson, text)}
    located = [(lines.get((w.kind, w.message)) or 1, w.message) for w in lesson.warnings]
    for line, message in sorted(located):
        print(f"{path}:{line}: warning: {message}", file=sys.stderr)


def cmd_check(args: argparse.Namespace) -> int:
    paths = [Path(p) for p in args.paths]
    if not paths:
        folder = content_dir()
        paths = sorted(p for p in folder.glob("*.md") if p.name != SHARED_GLOSSARY)
        shared = folder / SHARED_GLOSSARY
        if shared.exists():
            paths.append(shared)
    found = []
    for path in paths:
        found += check_file(path)
    for problem in found:
        print(problem)
    problems = [p for p in found if not p.warning]
    warnings = len(found) - len(problems)
    count = len(paths)
    summary = (
        f"{len(problems)} problem(s) in {count} file(s)" if problems else f"{count} file(s) OK"
    )
    if warnings:
        summary += f", {warnings} warning(s)"
    print(summary, file=sys.stderr)
    return 1 if problems else 0


def cmd_show(args: argparse.Namespace) -> int:
    lesson = load_lesson(Path(args.path))
    if args.json:
        print(json.dumps(lesson.to_dict(), ensure_ascii=False, indent=2))
    else:
        print("\n".join(summary_lines(lesson)))
    return 0


def summary_lines(lesson) -> list[str]:
    """A lesson at a glance: its passages, glossary terms and questions, one per line."""
    stats = lesson.stats
    lines = [
        lesson.title,
        f"{plural(len(lesson.passages), 'passage')}, {plural(stats.words, 'word')}, "
        f"{plural(len(lesson.glossary), 'glossary entry', 'glossary entries')}, "
        f"{plural(len(lesson.questions), 'question')}",
    ]
    for passage in lesson.passages:
        lines.append(f"\n{passage.id}. {passage.heading}")
        if passage.glossary:
            lines.append("  glossary: " + ", ".join(e.term for e in passage.glossary))
        lines += [f"  {q.id} [{q.kind}] {q.prompt}" for q in passage.questions]
    return lines


def cmd_print(args: argparse.Namespace) -> int:
    if args.version and args.versions:
        raise CompanionError("use --version or --versions, not both")
    params = {
        "paper": [args.paper or ""],
        "kind": list(args.kind),
        "questions_only": ["1" if args.questions_only else ""],
        "large_print": ["1" if args.large_print else ""],
    }
    paper = default_paper()
    versions = parse_version_count(args.versions) if args.versions else [args.version or ""]
    plans = [parse_options({**params, "version": [v]}, paper) for v in versions]
    lesson = load_lesson(Path(args.path))
    copy = "answer-key" if args.answer_key else "worksheet"
    out = Path(args.out) if args.out else Path(f"{lesson.slug}-{copy}.pdf")
    for options in plans:
        target = out
        if args.versions:
            target = out.with_name(f"{out.stem}-{options.version}{out.suffix or '.pdf'}")
        check_pdf_target(target, Path(args.path), args.force)
        pdf = render_pdf(build_worksheet(lesson, options), args.answer_key)
        if target.exists():
            print(f"backup: {backup(target)}")
        try:
            write_atomic_bytes(target, pdf.data)
        except OSError as exc:
            raise CompanionError(f"cannot write the PDF: {exc.strerror}", str(target)) from None
        print(f"wrote {target} ({pdf.pages} page{'' if pdf.pages == 1 else 's'})")
    return 0


def check_pdf_target(target: Path, lesson_path: Path, force: bool) -> None:
    """A PDF goes to a .pdf file, never over the lesson, and replaces a file only with
    --force (and a backup)."""
    if target.suffix.lower() != ".pdf":
        raise CompanionError("a PDF is written to a file ending in .pdf", str(target))
    if target.exists() and target.resolve() == lesson_path.resolve():
        raise CompanionError("that is the lesson file itself", str(target))
    if target.is_dir():
        raise CompanionError("is a folder: give a file name such as worksheet.pdf", str(target))
    if not target.parent.is_dir():
        raise CompanionError("cannot write the PDF: no such folder", str(target))
    if target.exists() and not force:
        raise CompanionError(
            "already exists: use --force to replace it (a backup is kept)", str(target)
        )


# --------------------------------------------------------------------------- exports


def add_export_parsers(sub: argparse._SubParsersAction) -> None:
    export = sub.add_parser(
        "export",
        help="write a lesson for an LMS: GIFT, Moodle XML, QTI, text2qti, Quizlet, CSV",
        description="Write a lesson's questions (or glossary) in a format an LMS or "
        "another tool imports. See docs/exports.md.",
    )
    export.add_argument("path", help="the lesson file")
    export.add_argument(
        "--format", required=True, choices=format_names(), metavar="FORMAT",
        help=", ".join(format_names()),
    )
    export.add_argument(
        "--out", help="file to write, or - for standard output (default: <lesson>-<format>.*)"
    )
    export.add_argument("--force", action="store_true", help="replace a file (keeps a backup)")
    export.set_defaults(run=cmd_export)
    site = sub.add_parser(
        "export-site",
        help="write every lesson as a static site (checked in the browser)",
        description="Write the index, every lesson page, worksheet and answer key of the "
        "content folder as static files for any web server or an LMS. Answers are "
        "checked in the browser: anyone who reads a page's source can see them. "
        "See docs/exports.md.",
    )
    site.add_argument("out", help="the folder to write (new or empty)")
    site.add_argument("--force", action="store_true", help="write into a folder with files")
    site.add_argument("--no-answer-keys", action="store_true", help="leave the answer keys out")
    site.set_defaults(run=cmd_export_site)


def cmd_export(args: argparse.Namespace) -> int:
    fmt = export_format(args.format)
    path = Path(args.path)
    if args.out == "-" and fmt.binary:
        raise CompanionError(f"a {fmt.label} file is a zip: give --out FILE", str(path))
    lesson = load_lesson(path)
    try:
        exported = fmt.write(lesson)
    except CompanionError as exc:  # nothing to export: say which lesson
        raise CompanionError(exc.message, str(path)) from None
    for note in exported.notes:
        print(f"{path}: warning: {note}", file=sys.stderr)
    if args.out == "-":
        sys.stdout.buffer.write(exported.data)
        sys.stdout.flush()
        return 0
    target = Path(args.out) if args.out else Path(fmt.filename(lesson.slug))
    check_export_target(target, path, args.force)
    if target.exists():
        print(f"backup: {backup(target)}")
    write_atomic_bytes(target, exported.data)
    print(f"wrote {target} ({exported.summary})")
    return 0


def check_export_target(target: Path, lesson_path: Path, force: bool) -> None:
    """An export never replaces the lesson, a folder, or a file without --force."""
    if target.is_dir():
        raise CompanionError("is a folder: give a file name", str(target))
    if target.exists() and target.resolve() == lesson_path.resolve():
        raise CompanionError("that is the lesson file itself", str(target))
    if not target.parent.is_dir():
        raise CompanionError("cannot write there: no such folder", str(target))
    if target.exists() and not force:
        raise CompanionError(
            "already exists: use --force to replace it (a backup is kept)", str(target)
        )


def cmd_export_site(args: argparse.Namespace) -> int:
    out = Path(args.out)
    check_site_folder(out, args.force)
    site = export_site(out, content_dir(), answer_keys=not args.no_answer_keys)
    for name, error in site.broken:
        print(f"{name}: warning: left out of the site: {error}", file=sys.stderr)
    for link in sorted(site.unknown_links):
        print(f"{out}: warning: a page links to {link}, which the site has no file for",
              file=sys.stderr)  # fmt: skip
    lessons = plural(len(site.lessons), "lesson")
    print(f"wrote {out} ({lessons}, {plural(len(site.files), 'file')}): open {out / 'index.html'}")
    if site.lessons and not args.no_answer_keys:
        print(f"the answer keys are in {out / 'lessons'}/<lesson>/answer-key.html: anyone "
              "with the folder can open them (--no-answer-keys leaves them out)")  # fmt: skip
    return 0


if __name__ == "__main__":
    sys.exit(main())
