"""Stage 3: what each page shows, built from a Lesson: the lesson page, marking,
grading, worksheets, PDF. No Flask here: the web layer renders these."""
