"""Stage 2: the Lesson model, the table of question kinds, the Markdown lesson file
(exact round trip), the store of lesson files and ``companion check``."""
