"""The libyaml fast path of load_yaml gives exactly what the round-trip loader gives."""
import random
import re
from pathlib import Path

import pytest

from migrator import fastyaml, source
from migrator.source import MAX_YAML_NODES, load_yaml

ROOT = Path(__file__).resolve().parent.parent
CORPUS = Path("/work/shared/corpus")

pytestmark = pytest.mark.skipif(fastyaml._Base is None, reason="PyYAML with libyaml not installed")


def round_trip_only(text, path, offset, monkeypatch):
    with monkeypatch.context() as m:
        m.setattr(source, "load_fast", lambda *args: None)
        return load_yaml(text, path, offset)


def comparable(result):
    data, key_lines, problems = result
    return repr((data, key_lines, [(p.code, p.message, p.severity, p.span) for p in problems]))


def yaml_sources():
    """(path, line offset, text) of every front matter and YAML file in the fixtures and corpus."""
    roots = [ROOT / "fixtures"] + ([CORPUS] if CORPUS.is_dir() else [])
    for root in roots:
        for path in sorted(p for p in root.rglob("*") if p.is_file()):
            try:
                text = source.read_text(path.read_bytes(), str(path))
            except source.NotText:
                continue
            if path.suffix in (".yml", ".yaml"):
                yield str(path), 0, text.text
                continue
            lines = text.lines
            if lines and lines[0].rstrip() == "---":
                for i in range(1, len(lines)):
                    if re.match(r"^(---|\.\.\.)\s*$", lines[i]):
                        yield str(path), 1, "\n".join(lines[1:i])
                        break


def test_same_result_on_every_real_front_matter(monkeypatch):
    sources = list(yaml_sources())
    assert len(sources) > 20
    fast = 0
    for path, offset, text in sources:
        assert comparable(load_yaml(text, path, offset)) == \
            comparable(round_trip_only(text, path, offset, monkeypatch)), path
        fast += fastyaml.load_fast(text, offset, MAX_YAML_NODES) is not None
    assert fast > len(sources) * 0.8  # the fast path really is the common path


EDGE_VALUES = """yes|Yes|on|OFF|y|n|NO|~|null|Null||012|0o12|0x1F|0b101|1_000|1:20|190:20:30.15|-1:20|
1.5|1e3|1.0e+3|1.e3|.5|-.5|+.5|.inf|-.Inf|.nan|1.50|685.230_15e+03|0.|00|09|0_1|1__2|_1|+1|-0|
123456789012345678901234567890|2020-01-01|2020-1-1|2020-02-30|2020-01-01 10:00:00|
2020-01-01T10:00:00Z|2001-12-14t21:59:43.10-05:00|"2020-01-01"|!!str 2020|!!int "12"|!!float 1|
!!bool yes|!!null ''|!!timestamp 2020-01-01|!!binary aGVsbG8=|!foo bar|!!python/object:os.system x|
&x 1|&x yes|*x|'it''s'|"esc \\t \\u00e9 \\x41 \\/ \\N \\_"|"\\ud83d"|[1, 2, {b: c}]|{b: 1, c: [x]}|
[a, &x yes]|{a}|b: c|http://x.y/z#frag|text # comment|=|<<|@foo|`x`|- a|? a|"x" y|
Smith, J., &amp; Doe, K.|tRUE|yEs|oN|Y|N|1234567890123456789012345678901234567890123456789\
01234567890123456789012345678901234567890123456789012345678901234567890|R&D|'*Nature*'|*Nature*|'multi
  line'|plain
  continued|>-
  folded

  text|\u00e9t\u00e9|\U0001F600|Q&A""".replace("\n  ", "\x00").replace("\n", "").split("|")
EDGE_KEYS = ["a", "yes", "true", "y", "1", "1.50", "~", "2020-01-01", "'q'", '"a"', "<<", "? [a, b]", "a b"]


def edge_documents(count):
    rng = random.Random(20261123)
    values = [v.replace("\x00", "\n  ") for v in EDGE_VALUES]
    yield from ("a: " + v for v in values)
    yield from (k + ": x" for k in EDGE_KEYS)
    yield from ("a: &x yes\nb: *x", "a: &x [1, {c: on}]\nb: [*x, *x]", "a: &x\nb: *x", "&k a: 1\n*k : 2")
    for _ in range(count):
        lines = []
        keys = rng.sample(EDGE_KEYS, rng.randint(1, 6))
        if rng.random() < 0.8:  # mostly distinct keys, so the fast path is exercised too
            keys = [k for k in keys if k not in ("<<", "? [a, b]")]
        for key in keys:
            shape = rng.random()
            if shape < 0.6:
                lines.append(f"{key}: {rng.choice(values)}")
            elif shape < 0.8:
                lines.append(f"{key}:")
                lines += [f"  - {rng.choice(values)}" for _ in range(rng.randint(1, 3))]
            else:
                lines.append(f"{key}:")
                lines += [f"  {rng.choice(EDGE_KEYS)}: {rng.choice(values)}" for _ in range(rng.randint(1, 3))]
        yield "\n".join(lines)


def test_same_result_on_edge_cases(monkeypatch):
    for text in edge_documents(1500):
        assert comparable(load_yaml(text, "p.md", 1)) == \
            comparable(round_trip_only(text, "p.md", 1, monkeypatch)), text


def test_resolver_copy_matches_the_round_trip_loader():
    from ruamel.yaml.nodes import ScalarNode

    from migrator.jekyll_yaml import new_loader

    resolver = new_loader().resolver
    rng = random.Random(7)
    alphabet = "0123456789+-._:eExXbBoO~ynYNtTrRuUfFaAlLsS=<"
    samples = EDGE_VALUES + [v.swapcase() for v in EDGE_VALUES] + [
        "".join(rng.choice(alphabet) for _ in range(rng.randint(1, 8))) for _ in range(20000)]
    for value in samples:
        assert fastyaml.ruamel_tag(value) == str(resolver.resolve(ScalarNode, value, (True, False))), value


def test_typical_front_matter_takes_the_fast_path():
    text = ("title: \"Paper Title: A Study\"\ncollection: publications\npermalink: /publication/x\n"
            "date: 2020-10-01\nvenue: 'Journal 1'\npaperurl: 'http://x.org/paper.pdf'\n"
            "citation: 'Your Name, &amp; Other (2020). &quot;Paper&quot;'\nshare: yes\nauthors: [A, B]")
    value, key_lines = fastyaml.load_fast(text, 1, MAX_YAML_NODES)
    assert key_lines == {"title": 2, "collection": 3, "permalink": 4, "date": 5, "venue": 6,
                         "paperurl": 7, "citation": 8, "share": 9, "authors": 10}
    data, lines, problems = load_yaml(text, "p.md", 1)
    assert data["date"] == "2020-10-01" and data["share"] is True and problems == []


def test_duplicates_and_bombs_go_to_the_round_trip_loader():
    assert fastyaml.load_fast("a: 1\nb: 2\na: 3", 1, MAX_YAML_NODES) is None
    _, _, problems = load_yaml("a: 1\nb:\n  c: 1\n  c: 2", "p.md", 1)
    assert [(p.code, p.span.line) for p in problems] == [("FM002", 5)]
    bomb = "a: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(
        f"{chr(98 + i)}: &{chr(98 + i)} [{', '.join(['*' + chr(97 + i)] * 9)}]\n" for i in range(8))
    assert fastyaml.load_fast(bomb, 1, MAX_YAML_NODES) is None
    assert load_yaml(bomb, "p.md", 1)[2][0].code == "FM001"
    for nested in ("a: " + "[" * 200_000 + "]" * 200_000, "a: " + "- " * 200_000 + "x"):
        assert fastyaml.load_fast(nested, 1, MAX_YAML_NODES) is None  # and no crash
    unsafe = "a: !!python/object/apply:os.system [echo hi]"
    assert fastyaml.load_fast(unsafe, 1, MAX_YAML_NODES) is None
    assert load_yaml(unsafe, "p.md", 1)[0] == {"a": ["echo hi"]}  # kept as data, never run


def test_a_failed_load_does_not_change_the_next_one(monkeypatch):
    before = round_trip_only("yes: x", "p.md", 1, monkeypatch)
    round_trip_only("a:\n  b: 1\n  b: 2\n1: x", "p.md", 1, monkeypatch)
    round_trip_only("%YAML 1.2\n---\na: 1", "p.md", 1, monkeypatch)
    assert comparable(round_trip_only("yes: x", "p.md", 1, monkeypatch)) == comparable(before)
