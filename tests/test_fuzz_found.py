"""Minimal cases the fuzzer (tests/test_fuzz.py) found, kept as plain tests.

Cases in modules owned by others are marked xfail(strict=False) with the
reason, so they are not lost before they are fixed.
"""
import tempfile
from pathlib import Path

import pytest

ACAD = "title: Fuzz\nrepository: RayeRen/acad-homepage.github.io\ngoogle_scholar_stats_use_cdn: true\n" \
       "author:\n  name: Ada Tester\n"
ACADEMIC = "title: Fuzz\nauthor:\n  name: Ada Tester\ncollections:\n  publications:\n    output: true\n"


def accounting(config: str, pages: dict):
    from migrator.accounting import account
    from migrator.readers import read_loaded

    with tempfile.TemporaryDirectory() as tmp:
        (Path(tmp) / "_config.yml").write_text(config)
        for rel, text in pages.items():
            (Path(tmp) / rel).parent.mkdir(parents=True, exist_ok=True)
            (Path(tmp) / rel).write_bytes(text.encode())
        loaded = read_loaded(tmp)
        return account(loaded.site, {doc.path: doc.body() for doc in loaded.documents})


@pytest.mark.xfail(strict=False, reason="acad-homepage reader: an empty list item ('- ') under a "
                   "section heading is read into no node")
def test_empty_list_item_is_accounted():
    result = accounting(ACAD, {"_pages/about.md": "---\n---\n# News\n- \n"})
    assert result.ok, result.summary()


def test_yaml_escaped_surrogates_become_writable_text():
    from migrator.source import load_yaml

    data, key_lines, problems = load_yaml('a: "\\ud83d\\ude00 and \\ud96f lone"\n"\\udcf0": 1\n', "p.yml")
    assert data == {"a": "😀 and \ufffd lone", "\ufffd": 1} and not problems
    assert key_lines == {"a": 1, "\ufffd": 2}
    "".join(data).encode("utf-8")


def test_huge_integers_stay_printable():
    from migrator.source import load_yaml

    data, _, problems = load_yaml("x: 0x" + "f" * 5000 + "\ny: " + "9" * 5000 + "\n", "p.yml")
    assert not problems
    assert data["x"].startswith("0xfff") and data["y"] == "9" * 5000
