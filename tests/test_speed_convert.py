"""The shortcuts taken to make `migrate convert` fast give what the slow way gave."""
from __future__ import annotations

import copy
import os

import pytest

from migrator.merge import clone
from migrator.model import Link, Person, Publication, Span, Venue
from migrator.output_dir import OutputError, write_tree


def _publication() -> Publication:
    shared = Span("_pages/p.md", 3, 1, 5)
    return Publication(title="T", authors=[Person(name="A B", marks=["*"])], span=shared,
                       venue=Venue(label="ICLR 2024", year=2024, span=shared),
                       links=[Link(kind="pdf", url="x.pdf", span=Span("_pages/p.md", 4))])


def test_clone_is_a_deep_copy_that_keeps_shared_parts_shared():
    pub = _publication()
    copied, expected = clone(pub), copy.deepcopy(pub)
    assert copied == expected
    assert copied.span is copied.venue.span  # shared once in the source, shared once in the copy
    assert copied.authors[0].marks is not pub.authors[0].marks
    assert copied.links[0] is not pub.links[0] and copied.links[0].span is not pub.links[0].span


def test_write_tree_refuses_a_folder_that_links_out_of_the_output(tmp_path):
    out, outside = tmp_path / "out", tmp_path / "elsewhere"
    out.mkdir()
    outside.mkdir()
    (out / "_config.yml").write_text("title: x\n")
    os.symlink(outside, out / "_pages")
    with pytest.raises(OutputError):
        write_tree(out, {"_pages/about.md": "hi"}, {}, keep_existing=True)
    assert not list(outside.iterdir())


def test_write_tree_writes_through_a_folder_link_inside_the_output(tmp_path):
    out = tmp_path / "out"
    (out / "real").mkdir(parents=True)
    os.symlink("real", out / "alias")  # relative: it still points inside once the tree is copied aside
    write_tree(out, {"alias/a.md": "a", "b/c/d.md": "d", "top.md": "t"}, {}, keep_existing=True)
    assert (out / "real" / "a.md").read_text() == "a"
    assert (out / "b" / "c" / "d.md").read_text() == "d" and (out / "top.md").read_text() == "t"


def test_an_entry_written_twice_is_read_back_once(monkeypatch):
    from migrator.writers import acad_items, readback

    calls = []
    real = readback._reread
    monkeypatch.setattr(readback, "_reread", lambda *args: calls.append(args) or real(*args))
    readback._settled.cache_clear()
    pub = Publication(title="A Study of Things", authors=[Person(name="A B")],
                      venue=Venue(label="ICLR 2024"), notes="Some notes.")
    first = acad_items.publication_list([pub])
    read_once = len(calls)
    again = acad_items.publication_list([copy.deepcopy(pub)])
    assert first == again and read_once and len(calls) == read_once


def test_a_merged_entry_shares_no_mutable_part_with_its_sources():
    from migrator.merge import merge_publications

    listed, item = _publication(), _publication()
    item.source, item.links = "collection", [Link(kind="code", url="https://github.com/a/b")]
    merged = merge_publications([listed, item], [[listed, item]]).publications[0]
    sources = {id(o) for pub in (listed, item) for o in _parts(pub)}
    assert sources & {id(o) for o in _parts(merged)} == {id(merged.span)}  # the entry's own place, as before


def _parts(node) -> list:
    """Every list and model object inside `node`."""
    found = []
    for value in vars(node).values():
        items = value if isinstance(value, list) else [value]
        if isinstance(value, list):
            found.append(value)
        for item in items:
            if hasattr(item, "__dataclass_fields__"):
                found.append(item)
                found.extend(_parts(item))
    return found
