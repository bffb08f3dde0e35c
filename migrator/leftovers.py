"""Known leftovers (migrator/data/leftovers.json) with fast lookup by title, phrase and value.

Phrases are indexed by their first folded word, so finding every known phrase in
a line costs one dictionary look-up per word of the line, not one scan per phrase.
"""
from __future__ import annotations

import json
import pkgutil
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Dict, List, Optional, Tuple

from .matching import fold, title_key
from .mdlinks import md_links, unlink

# categories of the data file whose strings are phrases to find inside text
PHRASE_FIELDS = ("phrases", "news", "honors", "education", "talks", "internships", "intro", "urls")


@dataclass(frozen=True)
class Fact:
    """One known leftover: what it is, which group it belongs to, where it was read."""

    text: str
    field: str          # titles, phrases, news, honors, placeholders, ...
    group: str          # group id, e.g. 'academicpages-talks'
    kind: str           # template-sample, template-placeholder, template-author
    what: str           # 'sample talk', "the acad-homepage author's (Yi Ren's) own homepage"
    source: str         # 'repo:path' of the first source of the group
    whole_file: bool = False  # a sample page: one finding per file is enough


class Leftovers:
    """The data file, indexed."""

    def __init__(self, data: dict):
        self.titles: Dict[str, Fact] = {}
        self.title_patterns: List[Tuple[re.Pattern, Fact]] = []
        self.placeholders: Dict[str, Fact] = {}
        self.scholar_ids: Dict[str, Fact] = {}
        self.headings: Dict[str, Fact] = {}
        self.title_authors: Dict[str, List[str]] = {}
        self.people: Dict[str, Fact] = {}
        self.placeholder_keys: Dict[str, Dict[str, Fact]] = {}
        self._phrases: Dict[str, List[Tuple[Tuple[str, ...], Fact]]] = {}
        self._found: Dict[str, Tuple[Fact, ...]] = {}
        for group in data.get("groups", []):
            sources = group.get("source") or [{}]
            first = f"{sources[0].get('repo', '')}:{sources[0].get('path', '')}"
            by_field = group.get("source_of", {})

            def fact(text: str, field: str) -> Fact:
                return Fact(text, field, group["id"], group.get("kind", ""), group.get("what", ""),
                            by_field.get(field, first), bool(group.get("whole_file")))
            for title in group.get("titles", []):
                self.titles[title_key(title)] = fact(title, "titles")
            for pattern in group.get("title_patterns", []):
                self.title_patterns.append((re.compile(pattern), fact(pattern, "titles")))
            for value in group.get("placeholders", []):
                self.placeholders[fold(value)] = fact(value, "placeholders")
            for key, values in group.get("placeholder_keys", {}).items():
                for value in values:
                    self.placeholder_keys.setdefault(key, {})[fold(value)] = fact(value, "placeholders")
            for value in group.get("scholar_ids", []):
                self.scholar_ids[value] = fact(value, "scholar_ids")
            for value in group.get("headings", []):
                self.headings[fold(value)] = fact(value, "headings")
            for title, authors in group.get("title_authors", {}).items():
                self.title_authors[title_key(title)] = authors
            for name in group.get("names", []):
                self.people[fold(name)] = fact(name, "names")
            for field in PHRASE_FIELDS:
                for phrase in group.get(field, []):
                    words = tuple(fold(phrase).split())
                    if words:
                        self._phrases.setdefault(words[0], []).append((words, fact(phrase, field)))
        self._first_words = frozenset(self._phrases)
        # every phrase's longest word: rare ('academicpages', 'suspendisse'), while first words are
        # often 'the' or 'i'; a line holding none of them holds no phrase, checked in one set test
        self._key_words = frozenset(max(words, key=len) for entries in self._phrases.values()
                                    for words, _ in entries)

    def title(self, title: str) -> Optional[Fact]:
        """The known leftover with this title (case, spacing and punctuation ignored)."""
        found = self.titles.get(title_key(title))
        if found:
            return found
        folded = fold(title)
        return next((f for pattern, f in self.title_patterns if pattern.search(folded)), None)

    def phrases_in(self, text: str) -> List[Fact]:
        """Every known phrase that occurs in the text, in order of occurrence."""
        # several rules ask about the same line: remember the answer per distinct text
        found = self._found.get(text)
        if found is None:
            if len(self._found) >= 1 << 17:  # bounded: a huge site does not keep every line twice
                self._found.clear()
            found = self._found[text] = self._phrases_in(text)
        return list(found)

    def _phrases_in(self, text: str) -> Tuple[Fact, ...]:
        # phrases run across link labels ('[Baidu Scholarship](...) (10 students ...)'); URLs are facts too.
        # The words are: the unlinked text, '|', the URLs, the text. Folding the URLs and the text
        # apart gives the words of folding them joined by a space unless a tag could run from one
        # into the other. A text without '[' has no link: its words would be the text's twice, and
        # no phrase holds '|', so the second copy finds nothing new.
        if "[" in text:
            urls = " | ".join(url for _, url, _ in md_links(text))
            tail = fold(urls + " " + text).split() if "<" in urls else fold(urls).split() + fold(text).split()
            words = fold(unlink(text)).split() + ["|"] + tail
        else:
            words = fold(text).split()
        if self._key_words.isdisjoint(words):
            return ()
        starts = self._first_words.intersection(words)
        found: Dict[Fact, None] = {}  # ordered, and a set for the membership test
        for i, word in enumerate(words):
            if word in starts:
                for phrase, fact in self._phrases[word]:
                    if tuple(words[i:i + len(phrase)]) == phrase:
                        found.setdefault(fact)
        return tuple(found)

    def placeholder(self, value: str, key: str = "") -> Optional[Fact]:
        """The template placeholder this config value is (`key` like 'author.location'), or None."""
        if not isinstance(value, str) or not value.strip():
            return None
        return self.placeholders.get(fold(value)) or self.placeholder_keys.get(key, {}).get(fold(value))


@lru_cache(maxsize=1)
def load() -> Leftovers:
    """The packaged data file, read once."""
    data = pkgutil.get_data("migrator", "data/leftovers.json")  # importlib.resources: +4 ms of imports
    return Leftovers(json.loads(data.decode("utf-8")))
