"""Companion: turn a news article into a reading lesson with a glossary and questions.

This package is a pure library: it never imports Flask. The web layer (``app.py``) and the
command line (``companion.cli``) are thin shells over it.
"""

__version__ = "0.1.0"
