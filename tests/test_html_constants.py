"""The rules of bs4 that readers/html_rules.py copies (so that reading markup does not import bs4)
are still bs4's: every constant is compared with bs4's own, every helper on all its inputs (all
code points, a large random sample of references and strings)."""
from __future__ import annotations

import random
import re

import pytest
from bs4 import BeautifulSoup, element
from bs4.builder import HTMLParserTreeBuilder
from bs4.builder._htmlparser import BeautifulSoupHTMLParser
from bs4.dammit import EntitySubstitution, UnicodeDammit
from bs4.formatter import HTMLFormatter

from migrator.readers import html_rules

BUILDER = HTMLParserTreeBuilder()
MINIMAL = HTMLFormatter.REGISTRY["minimal"]


def test_builder_constants_are_bs4s():
    assert html_rules.VOID == BUILDER.empty_element_tags
    assert html_rules.KEEP_SPACE == BUILDER.preserve_whitespace_tags
    assert html_rules.LIST_ATTRIBUTES == BUILDER.cdata_list_attributes
    assert html_rules.SPACES == BeautifulSoup.ASCII_SPACES
    assert html_rules.RAW_TAGS == MINIMAL.cdata_containing_tags


def test_string_kinds_name_bs4s_classes():
    assert {tag: kind.__name__ for tag, kind in BUILDER.string_containers.items()} == html_rules.CONTAINERS
    assert {kind.__name__ for kind in element.Tag.MAIN_CONTENT_STRING_TYPES} == html_rules.MAIN
    classes = (element.NavigableString, element.CData, element.Comment, element.Doctype, element.Declaration,
               element.ProcessingInstruction)
    mine = (html_rules.PLAIN, html_rules.CDATA, html_rules.COMMENT, html_rules.DOCTYPE, html_rules.DECLARATION, html_rules.PI)
    assert [kind.__name__ for kind in classes] == list(mine)


def test_entity_table_is_bs4s():
    assert html_rules.ENTITIES == EntitySubstitution.HTML_ENTITY_TO_CHARACTER


def test_numeric_reference_on_every_code_point():
    for number in list(range(-2, 0x110000 + 2)) + [0x7FFFFFFF, 10 ** 30]:
        assert html_rules.character(number) == UnicodeDammit.numeric_character_reference(number)[0], number


def _references():
    """Every code point written in decimal and in hex, then random junk of the kinds html.parser and
    the helper's own fallback can see (digits followed by anything, signs, underscores, newlines)."""
    for number in range(0, 0x110000, 7):
        yield str(number)
        yield "x%x" % number
        yield "X%X" % number
    rng = random.Random(5)
    alphabet = "0123456789abcdefABCDEFxX;_ +-\n\u0661g&#"
    for _ in range(100_000):
        yield "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 9)))


def test_charref_is_bs4s():
    for name in _references():
        dereferenced, _, extra = BeautifulSoupHTMLParser._dereference_numeric_character_reference(name)
        assert html_rules.charref(name) == (dereferenced, extra), repr(name)


def _random_strings():
    rng = random.Random(3)
    alphabet = "<>&;\"' \t\n\x0c\r\x0b\xa0\u2003\u3000ab#1é"
    for _ in range(5_000):
        yield "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 12)))


def _strings():
    yield from _random_strings()
    for number in range(0x110000):
        yield "a" + chr(number) + "b"


def test_minimal_escape_is_bs4s():
    for text in _strings():
        assert html_rules.escape(text) == MINIMAL.entity_substitution(text), repr(text)


@pytest.mark.parametrize("tag", ["p", "a", "link", "td", "th", "form", "object", "area", "icon", "iframe", "output"])
def test_list_attributes_are_split_as_bs4_splits_them(tag):
    names = {"class", "accesskey", "dropzone", "rel", "rev", "headers", "accept-charset", "archive", "sizes",
             "sandbox", "for", "id", "title"}
    for text in _random_strings():  # every code point: test_split_is_bs4s_whitespace_pattern
        values = {name: text for name in names}
        assert html_rules.list_attributes(tag, dict(values)) == BUILDER._replace_cdata_list_attribute_values(
            tag, dict(values)), repr(text)


def test_split_is_bs4s_whitespace_pattern():
    """str.split() and bs4's `\\S+` agree on what whitespace is, code point by code point."""
    for number in range(0x110000):
        text = "a" + chr(number) + "b"
        assert text.split() == re.findall(r"\S+", text), number
