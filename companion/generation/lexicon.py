"""Word lists and spaCy entity-label groups the generators share, in one place.

General English and spaCy facts only, never words of particular articles.
"""

from __future__ import annotations

from companion.common.abbreviations import TITLES

# spaCy entity labels by what they name
PERSON_LABELS = frozenset({"PERSON"})
GROUP_LABELS = frozenset({"ORG", "NORP"})
PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
REGION_LABELS = frozenset({"GPE", "LOC"})  # places that contain others
NAME_LABELS = frozenset({"PERSON", "ORG", "GPE", "LOC", "NORP"})  # who and where
TIME_LABELS = frozenset({"DATE", "TIME"})
NUMBER_LABELS = frozenset({"CARDINAL", "ORDINAL", "QUANTITY", "PERCENT"})

NAME_KINDS = {
    "PERSON": "person",
    "ORG": "group",
    "NORP": "group",
    "GPE": "place",
    "LOC": "place",
    "FAC": "place",
    "EVENT": "event",
    "LAW": "work",
    "WORK_OF_ART": "work",
    "PRODUCT": "work",
}
HEADING_ENTITIES = {
    "ORG",
    "GPE",
    "LOC",
    "PERSON",
    "NORP",
    "EVENT",
    "FAC",
    "LAW",
    "WORK_OF_ART",
    "PRODUCT",
}
SWAP_LABELS = {"PERSON", "ORG", "GPE", "LOC", "NORP"}
PERSON_LEXNAME = 18  # WordNet's noun.person: father, chairman, spokesman, singer
ARTIFACT_LEXNAME = 6  # noun.artifact: "orbiter", "rover", "ship", an airport, a building
# a title of rank or office cut short before a name ("Pres. Dilma Rousseff", "Gov. Jan
# Brewer"): the titles that never end a sentence, but courtesy titles and place words,
# and a council's and a police force's titles written without a full stop
TITLE_ABBREVIATIONS = (
    TITLES - {"mr", "mrs", "ms", "messrs", "dr", "st", "ste", "mt", "ft"}
) | {"cllr", "coun", "const"}
# Which WordNet noun files fit a spaCy entity label (6 artifact, 7 act, 11 event,
LABEL_LEXNAMES = {
    "PERSON": {18},
    "GPE": {15},
    "LOC": {15, 17},
    "FAC": {6, 15},
    "ORG": {14},
    "NORP": {14, 18},
    "EVENT": {7, 11},
}
PRONOUNS = {
    "he",
    "she",
    "it",
    "they",
    "him",
    "her",
    "them",
    "his",
    "its",
    "their",
    "this",
    "these",
    "those",
    "we",
    "our",
    "you",
    "your",
    "i",
    "me",
    "my",
}
SPEECH_VERBS = {"say", "tell", "add", "note", "explain", "state", "claim", "announce", "write"}
OUTLET_VERBS = {"confirm", "verify", "report", "contact", "reach", "obtain", "review", "see"}
WEEKDAYS_MONTHS = {
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "today",
    "yesterday",
    "tomorrow",
    "tonight",
}
# News outlets and wire services: named in bylines and "X could not verify", never
# glossed as part of the story.
NEWS_OUTLETS = {
    "cnn",
    "bbc",
    "reuters",
    "ap",
    "associated press",
    "afp",
    "agence france-presse",
    "npr",
    "voa",
    "voice of america",
    "al jazeera",
    "new york times",
    "the new york times",
    "washington post",
    "the washington post",
    "guardian",
    "the guardian",
    "nbc",
    "abc",
    "cbs",
    "fox news",
    "msnbc",
    "bloomberg",
    "upi",
    "pbs",
    "sky news",
    "the times",
    "wall street journal",
    "the wall street journal",
    "usa today",
    "dpa",
    "xinhua",
    "tass",
}
NAME_PARTICLES = {
    "al",
    "el",
    "ad",
    "as",
    "bin",
    "ibn",
    "de",
    "del",
    "dela",
    "della",
    "dos",
    "da",
    "di",
    "du",
    "van",
    "von",
    "der",
    "la",
    "le",
}
DEMONYM_SUFFIXES = ("is", "i", "ans", "an", "ians", "ian", "ese", "ites", "ite")
DASHES = {"–", "—", "-", "--"}
QUOTES = "\"“”‘’'"
PRONOUN_SUBJECTS = frozenset(
    {"he", "she", "they", "it", "this", "that", "these", "those", "we", "i", "you"}
)
# the kinds of street in an address: "Blackridge Rd", "808 9th St. SE"
STREET_WORDS = frozenset(
    {"rd", "road", "st", "street", "ave", "avenue", "lane", "ln", "drive", "dr", "way"}
    | {"highway", "hwy", "boulevard", "blvd", "place", "square", "crescent", "terrace"}
)
