"""Round 2 speed shortcuts give exactly what the slow paths give."""
import random

import pytest

from migrator import fastyaml, source
from migrator.source import load_yaml

pytestmark = pytest.mark.skipif(fastyaml._Base is None, reason="PyYAML with libyaml not installed")

# Pieces that YAML reads in special ways, mixed into `key: value` lines.
PIECES = ["a", "B c", ":", ": ", " #", "#", "'", '"', "\\", "-", "?", "[", "]", "{", "}", ",", "&", "*",
          "!", "|", ">", "%", "@", "`", " ", "  ", "~", "=", "<<", "0", "12", "012", "1.5", "1e3", "yes",
          "No", "null", "2020-01-01", "2020-02-30", "2020-1-1", "http://x.y/z#f", "é", "\u2028", "\x85",
          "\ufeff", "\xa0", "\u3000", "\U0001F600", "\x07", "(", ")", ".", "/", "+", "$", "_"]
KEYS = ["title", "a", "_b", "yes", "Null", "y", "on", "key_2", "a", "date"]


def flat_documents(count):
    rng = random.Random(2026)
    for _ in range(count):
        lines = []
        for _ in range(rng.randint(1, 5)):
            value = "".join(rng.choice(PIECES) for _ in range(rng.randint(0, 4)))
            quote = rng.choice(["", "", "'", '"'])
            line = f"{rng.choice(KEYS)}:{rng.choice([' ', ' ', '  ', ''])}{quote}{value}{quote}{rng.choice(['', '', ' '])}"
            lines += [line] + [""] * (rng.random() < 0.1) + ["# " + value] * (rng.random() < 0.1)
        yield "\n".join(lines)


def round_trip_only(text, monkeypatch):
    with monkeypatch.context() as m:
        m.setattr(source, "load_fast", lambda *args: None)
        return load_yaml(text, "p.md", 1)


def comparable(result):
    data, key_lines, problems = result
    return repr((data, key_lines, [(p.code, p.message, p.severity, p.span) for p in problems]))


def test_flat_front_matter_reads_as_the_round_trip_loader_reads_it(monkeypatch):
    flat = 0
    for text in flat_documents(15000):
        if fastyaml.load_flat(text, 1) is None:
            continue
        flat += 1
        assert comparable(load_yaml(text, "p.md", 1)) == comparable(round_trip_only(text, monkeypatch)), text
    assert flat > 1000  # the shortcut is really taken


def test_typical_publication_front_matter_is_flat():
    text = "\n".join(['title: "Deep Nets: a Study"', "collection: publications", "date: 2005-01-02",
                      "venue: 'KDD 2005'", "paperurl: https://doi.org/10.1/x", "", "year: 2005"])
    value, lines = fastyaml.load_flat(text, 1)
    assert value == {"title": "Deep Nets: a Study", "collection": "publications", "date": "2005-01-02",
                     "venue": "KDD 2005", "paperurl": "https://doi.org/10.1/x", "year": 2005}
    assert lines["year"] == 8


def corpus_lines():
    """Every line of the fixtures and the shared corpus, plus random ASCII and markup lines."""
    from pathlib import Path
    roots = [Path(__file__).resolve().parent.parent / "fixtures", Path("/work/shared/corpus")]
    for root in (r for r in roots if r.is_dir()):
        for path in sorted(p for p in root.rglob("*") if p.is_file() and p.suffix in (".md", ".html", ".yml")):
            yield from path.read_text(encoding="utf-8", errors="replace").splitlines()
    rng = random.Random(5)
    alphabet = [chr(c) for c in range(128)] + ["é", "İ", "ſ", "<b>", "](", "[", "the ", "academicpages "]
    for _ in range(20000):
        yield "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 30)))


def test_fold_of_ascii_text_is_unchanged():
    import re
    from migrator import folding

    def slow_fold(text):  # the translate-table version this replaced
        text = re.sub(r"<[^>]+>", " ", text) if "<" in text else text
        return " ".join(text.lower().translate(folding._ASCII_FOLD).split())

    for line in corpus_lines():
        if line.isascii():
            assert folding.fold(line) == slow_fold(line), line


def test_phrases_found_with_and_without_the_key_word_test():
    from migrator.leftovers import load

    data = load()
    assert data._key_words <= {w for entries in data._phrases.values() for words, _ in entries for w in words}
    found = 0
    ungated = type(data)({})
    ungated.__dict__.update(data.__dict__, _key_words=data._first_words)  # gate on first words only
    phrases = [" ".join(words) for entries in data._phrases.values() for words, _ in entries]
    lines = list(corpus_lines()) + [f"x {p} y" for p in phrases] + [f"[{p}](http://a) b" for p in phrases]
    for line in lines:
        expected = ungated._phrases_in(line)
        assert data._phrases_in(line) == expected, line
        found += bool(expected)
    assert found > len(phrases)


def test_first_characters_no_resolver_knows_give_text():
    from ruamel.yaml.nodes import ScalarNode

    from migrator.jekyll_yaml import new_loader

    resolver = new_loader().resolver
    rng = random.Random(3)
    for code in list(range(0x21, 0x7f)) + [0xe9, 0x4e2d]:
        first = chr(code)
        if first in fastyaml._RESOLVED_FIRST:
            continue
        for rest in ["", "1", "rue", "ull", ".5", "-01-01"] + [str(rng.random()) for _ in range(5)]:
            value = first + rest
            assert str(resolver.resolve(ScalarNode, value, (True, False))).endswith(":str"), value
            assert fastyaml._scalar_tag(value, (True, False)).endswith(":str"), value


def test_heading_prefilters_never_change_the_answer():
    from migrator.rules.textscan import _HEADING, _UNDERLINE

    rng = random.Random(1)
    alphabet = [" ", "\t", "#", "=", "-", "a", "\u3000", "\xa0"]
    for _ in range(50000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 8)))
        assert ("#" in text and bool(_HEADING.match(text))) == bool(_HEADING.match(text)), text
        assert (("=" in text or "---" in text) and bool(_UNDERLINE.match(text))) == bool(_UNDERLINE.match(text))


def test_dup004_code_test_per_page_gives_the_same_keys():
    from migrator.rules import dup004
    from migrator.rules.textscan import Line

    texts = [line for line in corpus_lines() if line.strip()][:30000]
    for start in range(0, len(texts), 40):
        lines = [Line("p.md", n, text, "") for n, text in enumerate(texts[start:start + 40], start=1)]
        keys = [" ".join(line.text.split()) for line in lines]
        dup004._blank_code(lines, keys)
        if any("|" in line.text for line in lines):
            dup004._blank_tables(lines, keys)
        assert dup004.line_keys(lines) == keys
