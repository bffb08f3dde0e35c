"""The per-run caches of owner matching, phrase lookup and HTML lists give the answers of a fresh computation."""
from migrator.leftovers import load
from migrator.owner import owner_match
from migrator.readers.blocks import Context
from migrator.readers.html_pubs import html_list
from migrator.readers.names import name_matches


def test_owner_match_follows_the_names_passed_each_time():
    names = ["Ivan Gordeev"]
    assert owner_match("I. S. Gordeev", names)
    assert not owner_match("Cong Zhao", names)
    names.append("Cong Zhao")  # the same list, changed: the cache must not answer for the old one
    assert owner_match("Zhao C", names)
    assert name_matches("Zhao, C.", iter(["Cong Zhao"]))  # any iterable, as before


def test_phrases_in_gives_a_fresh_list_each_call():
    data = load()
    line = "Talk 1 on Relevant Topic in Your Field at [UC San Francisco, Department of Testing](https://x.org)"
    first = data.phrases_in(line)
    assert [f.text for f in first] == ["on Relevant Topic in Your Field", "UC San Francisco, Department of Testing"]
    first.append("changed by the caller")
    assert data.phrases_in(line) == first[:-1]
    assert data._phrases_in(line) == tuple(first[:-1])


def test_html_list_items_keep_their_lines_in_a_long_list():
    items = [f'<li><code>ICML {2000 + k % 20}</code> <strong>Paper number {k}</strong>, '
             f'<i>Ann Lee, Bo Chen</i></li>' for k in range(300)]
    lines = list(enumerate(["<ul>", *items, "</ul>"], start=10))
    nodes = html_list(lines, Context("about.md", ["Ann Lee"]))
    pubs = [n for n in nodes if type(n).__name__ == "Publication"]
    assert [p.span.line for p in pubs] == list(range(11, 311))
    assert pubs[7].title == "Paper number 7" and pubs[7].authors[0].is_owner
    assert [(m.span.line, m.span.end_line) for m in nodes if type(m).__name__ == "Markup"] == [(10, 10), (311, 311)]
