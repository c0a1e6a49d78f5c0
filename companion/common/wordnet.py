"""A small reader for the WordNet 3.0 database files (Debian's wordnet-base).

Look-ups binary-search the sorted ``index.<pos>`` files and then seek to the synset's
byte offset in ``data.<pos>``: nothing is scanned or loaded whole, so the first look-up is
as fast as the thousandth. The folder is $COMPANION_WORDNET, default /usr/share/wordnet.
"""

from __future__ import annotations

import mmap
import re
from dataclasses import dataclass
from functools import cached_property, lru_cache
from pathlib import Path

from companion.common.settings import wordnet_dir

POS_FILES = {"n": "noun", "v": "verb", "a": "adj", "r": "adv"}
SPACY_POS = {"NOUN": "n", "PROPN": "n", "VERB": "v", "ADJ": "a", "ADV": "r"}
_QUOTED = re.compile(r';?\s*"[^"]*"(?:\s*-+\s*[A-Z][\w. ]*)?')


@dataclass(frozen=True)
class Synset:
    offset: int
    pos: str
    lemmas: tuple[str, ...]
    gloss: str  # the whole gloss, examples included
    instance: bool  # an instance of a class: a named person, place, group or event
    hypernyms: tuple[int, ...]
    lexname: int  # WordNet's lexicographer file number (e.g. 18 noun.person)
    usage: tuple[int, ...] = ()  # usage domains (";u"): obscenity, ethnic slur, slang...
    pertainyms: tuple[int, ...] = ()  # nouns an adjective pertains to: Jovian -> Jupiter
    # derivationally related forms ("+"), word by word: (source word number, target
    # offset, target pos, target word number), "retain" -> "retention"
    derivations: tuple[tuple[int, int, str, int], ...] = ()

    @property
    def definition(self) -> str:
        """The gloss without its quoted examples."""
        return _QUOTED.sub("", self.gloss).strip(" ;")

    @property
    def examples(self) -> list[str]:
        return re.findall(r'"([^"]*)"', self.gloss)


class WordNet:
    def __init__(self, folder: Path):
        self.folder = Path(folder)
        self._index: dict[str, mmap.mmap] = {}
        self._data: dict[str, mmap.mmap] = {}
        self._exceptions: dict[str, dict[str, str]] = {}
        self._counts: dict[tuple[str, int], int] | None = None
        self._senses: dict[tuple[str, str], tuple[Synset, ...]] = {}

    @cached_property
    def available(self) -> bool:
        """Looked at once: every look-up asks (a file-system call each time was a tenth
        of the glossary's time)."""
        return (self.folder / "index.noun").exists()

    def _map(self, cache: dict[str, mmap.mmap], name: str, pos: str) -> mmap.mmap:
        if pos not in cache:
            with open(self.folder / f"{name}.{POS_FILES[pos]}", "rb") as handle:
                cache[pos] = mmap.mmap(handle.fileno(), 0, access=mmap.ACCESS_READ)
        return cache[pos]

    def _index_line(self, lemma: str, pos: str) -> bytes | None:
        """Binary search for a lemma's line in the sorted index file."""
        data = self._map(self._index, "index", pos)
        key = lemma.encode("utf-8") + b" "
        low, high = 0, len(data)
        while low < high:
            mid = (low + high) // 2
            start = data.rfind(b"\n", 0, mid) + 1
            end = data.find(b"\n", start)
            end = len(data) if end == -1 else end
            line = data[start:end]
            if line.startswith(b"  "):  # the license header sorts first
                low = end + 1
                continue
            if line.startswith(key):
                return line
            if line < key:
                low = end + 1
            else:
                high = start
        return None

    def synsets(self, word: str, pos: str) -> list[Synset]:
        """Senses of a word (lemma form) in WordNet's order: most frequent first (each
        word looked up once per process; the rules ask again and again)."""
        if not self.available or pos not in POS_FILES:
            return []
        key = (word, pos)
        if key not in self._senses:
            self._senses[key] = tuple(self._look_up(word, pos))
        return list(self._senses[key])

    def _look_up(self, word: str, pos: str) -> list[Synset]:
        lemma = "_".join(word.lower().replace("-", " ").split())
        variants = [
            lemma,
            word.lower().replace(" ", "_"),
            lemma.replace("_", "-"),
            lemma.replace("_", ""),
        ]
        for candidate in dict.fromkeys(variants):
            line = self._index_line(candidate, pos)
            if line is not None:
                fields = line.decode("utf-8").split()
                count = int(fields[2])
                return [self.synset(int(o), pos) for o in fields[-count:]]
        return []

    def base_forms(self, word: str, pos: str) -> list[str]:
        """The word and its dictionary forms (WordNet's exception lists and suffix rules)."""
        word = word.lower()
        forms = [word]
        exceptions = self._exception_map(pos)
        if word in exceptions:
            forms.append(exceptions[word])
        for suffix, repl in _SUFFIXES.get(pos, []):
            if word.endswith(suffix) and len(word) > len(suffix) + 1:
                forms.append(word[: len(word) - len(suffix)] + repl)
        return list(dict.fromkeys(forms))

    def tag_count(self, lemma: str, sense_number: int) -> int:
        """How often a sense was seen in WordNet's tagged corpus (cntlist.rev)."""
        if self._counts is None:
            self._counts = {}
            path = self.folder / "cntlist.rev"
            if path.exists():
                for line in path.read_text(encoding="utf-8").splitlines():
                    key, number, count = line.split()
                    word = key.split("%", 1)[0]
                    self._counts[(word, int(number))] = max(
                        int(count), self._counts.get((word, int(number)), 0)
                    )
        return self._counts.get((lemma.lower().replace(" ", "_"), sense_number), 0)

    def _exception_map(self, pos: str) -> dict[str, str]:
        if pos not in self._exceptions:
            path = self.folder / f"{POS_FILES.get(pos, 'noun')}.exc"
            table: dict[str, str] = {}
            if path.exists():
                for line in path.read_text(encoding="utf-8").splitlines():
                    parts = line.split()
                    if len(parts) >= 2:
                        table.setdefault(parts[0], parts[1])
            self._exceptions[pos] = table
        return self._exceptions[pos]

    @lru_cache(maxsize=20_000)  # noqa: B019 - one WordNet per process
    def derived_words(self, word: str) -> frozenset[str]:
        """The words WordNet derives from `word` or `word` from, in any part of speech
        ("retain": "retention", "retainer"; "emit": "emission", "emitter")."""
        found: set[str] = set()
        for pos in "nvar":
            for sense in self.synsets(word, pos):
                if word not in sense.lemmas:
                    continue
                number = sense.lemmas.index(word) + 1
                for source, offset, target_pos, target in sense.derivations:
                    if source == number:
                        lemmas = self.synset(offset, target_pos).lemmas
                        if 0 < target <= len(lemmas):
                            found.add(lemmas[target - 1].lower())
        return frozenset(found)

    @lru_cache(maxsize=50_000)  # noqa: B019 - one WordNet per process
    def synset(self, offset: int, pos: str) -> Synset:
        data = self._map(self._data, "data", pos)
        end = data.find(b"\n", offset)
        line = data[offset:end].decode("utf-8")
        head, _, gloss = line.partition(" | ")
        fields = head.split()
        lexname = int(fields[1])
        count = int(fields[3], 16)
        lemmas = tuple(fields[4 + 2 * i].replace("_", " ") for i in range(count))
        rest = fields[4 + 2 * count :]
        pointers = int(rest[0])
        hypernyms, usage, pertainyms, derivations, instance = [], [], [], [], False
        for i in range(pointers):
            symbol, target = rest[1 + 4 * i], rest[2 + 4 * i]
            if symbol == "+":
                words = rest[4 + 4 * i]
                derivations.append(
                    (int(words[:2], 16), int(target), rest[3 + 4 * i].replace("s", "a"),
                     int(words[2:], 16))
                )
            elif symbol in ("@", "@i"):
                hypernyms.append(int(target))
                instance = instance or symbol == "@i"
            elif symbol == ";u":
                usage.append(int(target))
            elif symbol == "\\" and rest[3 + 4 * i] == "n":
                pertainyms.append(int(target))
        return Synset(
            offset,
            pos,
            lemmas,
            gloss.strip(),
            instance,
            tuple(hypernyms),
            lexname,
            tuple(usage),
            tuple(pertainyms),
            tuple(derivations),
        )


_SUFFIXES = {
    "n": [
        ("s", ""),
        ("ses", "s"),
        ("xes", "x"),
        ("zes", "z"),
        ("ches", "ch"),
        ("shes", "sh"),
        ("men", "man"),
        ("ies", "y"),
    ],
    "v": [
        ("s", ""),
        ("ies", "y"),
        ("es", "e"),
        ("es", ""),
        ("ed", "e"),
        ("ed", ""),
        ("ing", "e"),
        ("ing", ""),
    ],
    "a": [("er", ""), ("est", ""), ("er", "e"), ("est", "e")],
    "r": [],
}


@lru_cache(maxsize=1)
def get_wordnet() -> WordNet:
    return WordNet(wordnet_dir())
