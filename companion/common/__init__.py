"""What every stage shares: errors, settings, file reading and writing, text helpers, the
lexicon of word lists and entity labels."""
