"""Stage 1: an article file in, a Lesson out (cleaning, one spaCy pass, passages,
glossary, questions, teacher warnings). Imports ``companion.lesson`` and
``companion.common`` only."""
