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


def test_empty_list_item_is_accounted():
    result = accounting(ACAD, {"_pages/about.md": "---\n---\n# News\n- \n"})
    assert result.ok, result.summary()


def test_liquid_line_after_fenced_paper_box_is_read_once():
    page = "~~~\n<div class='paper-box-text' markdown=\"1\">\n~~~\n{%\n```"
    result = accounting(ACAD, {"_pages/includes/intro.md": page})
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


def round_trip(config: str, pages: dict, target: str):
    """(source items after cleaning, items read back from the converted site)."""
    import contextlib
    import io

    from migrator.converting import clean, run_convert
    from migrator.readers import read_site

    with tempfile.TemporaryDirectory() as tmp:
        src, out = Path(tmp) / "site", Path(tmp) / "out"
        (src / "_pages").mkdir(parents=True)
        (src / "_config.yml").write_text(config)
        for rel, data in pages.items():
            (src / rel).write_bytes(data)
        with contextlib.redirect_stdout(io.StringIO()):
            assert run_convert(str(src), target, str(out), False, False, True, None, None, "2026-11-23") in (0, 1)
        return clean(read_site(str(src)), {})[0], read_site(str(out), target)


def test_control_character_in_title_survives_round_trip():
    source, written = round_trip(ACAD, {"_pages/publications.md": b"- *2023.5*: r \x8f ICLR 2024 present"},
                                 "academicpages")
    assert [p.title for p in written.publications] == [p.title for p in source.publications]


def test_empty_heading_after_experience_round_trip():
    source, written = round_trip(ACAD, {"_pages/about.md": b"## Experience\n> quote\n#  \n- *Jan 2021*: *it*"},
                                 "academicpages")
    assert len(written.experience) == len(source.experience)


def test_plain_list_item_on_publications_page_round_trip():
    source, written = round_trip(ACADEMIC, {"_pages/publications.md": b"- A paper title\n"}, "acad-homepage")
    assert [p.title for p in written.publications] == [p.title for p in source.publications]


def test_marked_section_in_an_author_line_is_read(tmp_path):
    """html.parser asserts on '<![a-z]' (BeautifulSoup's ParserRejectedMarkup); found by the fuzzer."""
    import subprocess
    import sys

    (tmp_path / "_pages").mkdir()
    (tmp_path / "_config.yml").write_text(ACAD)
    (tmp_path / "_pages" / "about.md").write_text("---\n---\n# Publications\n\n- <u>Ada Tester</u> <![a-z]\n")
    result = subprocess.run([sys.executable, "-m", "migrator", "dump", str(tmp_path)], capture_output=True,
                            text=True, timeout=120)
    assert result.returncode in (0, 1), result.stderr


@pytest.mark.xfail(strict=False, reason="acad-homepage reader reads no news under '# News' after an "
                   "unclosed paper-box-text div, yet the academicpages site convert writes reads one back")
def test_news_after_unclosed_paper_box_round_trip():
    page = b"# News\n<div class='paper-box-text' markdown=\"1\">\n- *2023.5*: text"
    source, written = round_trip(ACAD, {"_pages/about.md": page}, "academicpages")
    assert len(written.news) == len(source.news)
