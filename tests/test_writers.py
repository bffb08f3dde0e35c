"""Writers: one canonical model -> an expected tree per target, compared byte for byte."""
from pathlib import Path

import pytest

from migrator.merge import merge_publications
from migrator.matching import cluster_publications
from migrator.writers import WRITERS, WriteOptions
from migrator.kramdown_ids import HeaderIds, gfm_id, heading_ids
from writer_model import canonical_site

GOLDENS = Path(__file__).parent / "goldens" / "writers"


def written(target):
    site = canonical_site()
    merged = merge_publications(site.publications, cluster_publications(site.publications))
    site.publications = merged.publications
    return site, WRITERS[target](site, WriteOptions())


@pytest.mark.parametrize("target", sorted(WRITERS))
def test_writer_golden(target, update_goldens):
    _, out = written(target)
    expected = GOLDENS / target / "expected"
    if update_goldens:
        for old in sorted(expected.rglob("*"), reverse=True) if expected.exists() else []:
            old.unlink() if old.is_file() else old.rmdir()
        for rel, text in out.files.items():
            (expected / rel).parent.mkdir(parents=True, exist_ok=True)
            (expected / rel).write_bytes(text.encode("utf-8"))
        (expected.parent / "copies.txt").write_text("".join(f"{d} <- {s}\n" for d, s in sorted(out.copies.items())))
    got = {rel: text.encode("utf-8") for rel, text in out.files.items()}
    want = {p.relative_to(expected).as_posix(): p.read_bytes() for p in expected.rglob("*") if p.is_file()}
    assert sorted(got) == sorted(want)
    for rel in want:
        assert got[rel] == want[rel], f"{target}: {rel} differs from the golden (pytest --update-goldens)"
    copies = "".join(f"{d} <- {s}\n" for d, s in sorted(out.copies.items()))
    assert copies == (expected.parent / "copies.txt").read_text()


def test_every_node_is_placed_by_every_site_writer():
    for target in ("acad-homepage", "academicpages"):
        site, out = written(target)
        for name in ("publications", "news", "education", "experience", "honors", "talks", "teaching",
                     "projects", "sections"):
            for node in getattr(site, name):
                assert id(node) in out.placed, (target, name, node)


def test_acad_homepage_publications_split_into_selected_and_full_list():
    _, out = written("acad-homepage")
    about, full = out.files["_pages/about.md"], out.files["_pages/publications.md"]
    assert about.count("Notes on the Analytical Engine") == 1 and "Bernoulli" not in about
    assert full.count("Notes on the Analytical Engine") == 1 and full.count("Bernoulli Numbers &lt;by machine&gt;") == 1
    assert "<u>Ada Lovelace</u><b><sup>*</sup></b>" in about
    assert '<code class="language-plaintext highlighter-rouge">ICLR 2024</code>' in about
    assert "img.shields.io/github/stars/ada/engine.svg" in about
    assert "# 📝 Selected Publications" in about and "## Engines" in about


def test_navigation_anchors_are_the_kramdown_ids_of_the_headings():
    _, out = written("acad-homepage")
    ids = {anchor for _, _, anchor in heading_ids(out.files["_pages/about.md"])}
    nav = out.files["_data/navigation.yml"]
    anchors = [line.split("#", 1)[1].rstrip('"') for line in nav.splitlines() if "url:" in line and "/#" in line]
    assert "-news" in anchors and "-selected-publications" in anchors
    assert all(a in ids or a == "about-me" for a in anchors)
    assert '"/publications/"' in nav and '"https://ada.example.org/blog"' in nav


def test_config_maps_profile_and_keeps_unrendered_keys():
    _, out = written("acad-homepage")
    config = out.files["_config.yml"]
    assert "  avatar: images/ada.jpg" in config and "  github: ada" in config
    assert "  dblp: https://dblp.org/pid/00/1" in config
    assert "footer_note: Made with steam" in config and "provider" not in config
    assert out.kept_config_keys == ["footer_note", "author.dblp"]
    assert out.copies["images/ada.jpg"] == "images/ada.jpg"


def test_academicpages_publication_front_matter():
    _, out = written("academicpages")
    item = out.files["_publications/2024-05-01-notes-on-the-analytical-engine.md"]
    for line in ('title: "Notes on the Analytical Engine"', 'collection: "publications"',
                 'category: "conferences"', 'permalink: "/publication/2024-05-01-notes-on-the-analytical-engine"',
                 'date: "2024-05-01"', 'paperurl: "https://arxiv.org/abs/2401.10652"', "citation: "):
        assert line in item
    assert sum(p.startswith("_publications/") for p in out.files) == 2


@pytest.mark.parametrize("text,expected", [
    ("🔥 News", "-news"), ("📝 Selected Publications (all)", "-selected-publications-all"),
    ("🎖️ Honors", "\ufe0f-honors"), ("Élan été_x 2024 – a—b", "élan-été_x-2024--ab"), ("🧑‍💻 Team", "-team"),
])
def test_gfm_ids_match_kramdown(text, expected):
    assert gfm_id(text) == expected


def test_repeated_headings_get_numbered_ids():
    ids = HeaderIds()
    assert [ids.next("News"), ids.next("News"), ids.next("News")] == ["news", "news-1", "news-2"]
    assert [a for _, _, a in heading_ids("# A\n```\n# not\n```\n## A\n")] == ["a", "a-1"]


@pytest.mark.parametrize("venue,label", [
    (dict(label="ICLR 2024"), "ICLR 2024"),
    (dict(raw="International Conference on Learning Representations (ICLR), 2025", year=2025), "ICLR 2025"),
    (dict(label="IEEE International Instrumentation and Measurement Technology Conference (I2MTC) 2020",
          raw="IEEE International Instrumentation and Measurement Technology Conference (I2MTC) 2020", year=2020),
     "I2MTC 2020"),
    (dict(preprint=True), "Preprint"),
])
def test_badge_labels_are_short(venue, label):
    from migrator.model import Venue
    from migrator.venues import badge_label

    assert badge_label(Venue(**venue)) == label


def test_merge_prefers_published_venue_fuller_authors_and_valid_links():
    from migrator.model import Link, Person, Publication, Venue

    preprint = Publication(title="DSP", source="list", venue=Venue(label="arXiv", preprint=True),
                           authors=[Person(name="Ada Lovelace", is_owner=True)],
                           links=[Link("paper", "https://arxiv.org/abs/2403.1026", "paper")])
    published = Publication(title="DSP", source="cv", venue=Venue(label="ICML 2025", year=2025),
                            authors=[Person(name="Ada Lovelace", equal_contribution=True, marks=["*"]),
                                     Person(name="Charles Babbage")],
                            links=[Link("paper", "https://arxiv.org/abs/2403.10266", "paper"),
                                   Link("code", "https://github.com/x/dsp", "code")])
    merged = merge_publications([preprint, published], [[preprint, published]])
    (pub,) = merged.publications
    assert pub.venue.label == "ICML 2025" and len(pub.authors) == 2
    assert pub.authors[0].is_owner and pub.authors[0].equal_contribution
    assert [l.url for l in pub.links] == ["https://arxiv.org/abs/2403.10266", "https://github.com/x/dsp"]
    assert merged.fate[id(preprint)] == ("mapped", "") and merged.fate[id(published)][0] == "merged"
    assert merged.records and "venue" in merged.records[0]["chose"]


@pytest.mark.parametrize("target", ["acad-homepage", "academicpages"])
def test_what_a_writer_writes_reads_back_into_the_same_items(target, tmp_path):
    from migrator.readers import read_site

    site, out = written(target)
    for rel, text in out.files.items():
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / rel).write_text(text, encoding="utf-8")
    back = read_site(str(tmp_path))
    assert back.theme == target
    assert {p.title[:17] for p in back.publications} == {p.title[:17] for p in site.publications}
    for name, key in (("talks", "title"), ("teaching", "title"), ("education", "institution"),
                      ("experience", "organisation"), ("honors", "name"), ("projects", "name")):
        assert [getattr(n, key) for n in getattr(back, name)] == [getattr(n, key) for n in getattr(site, name)]
    notes = next(p for p in back.publications if p.title.startswith("Notes"))
    assert [a.name for a in notes.authors if a.is_owner] == ["Ada Lovelace"]
    assert notes.venue.label == "ICLR 2024"
    assert {l.url for l in notes.links} == {"https://arxiv.org/abs/2401.10652", "https://github.com/ada/engine"}


def test_entry_lines_are_written_as_they_read_back():
    from migrator.model import Education, Experience, Project
    from migrator.writers import acad_items
    from migrator.writers.readback import reread, stable_line

    cases = [(Education(degree="B.Sc.", field="Computing", institution="FER", text="University of Zagreb",
                        end="2015"), acad_items.education_line, "education"),
             (Experience(organisation="University of Zagreb", role="Research Assistant",
                         text="Faculty of Computing, Croatia", start="2017-06", end="2019-12"),
              acad_items.experience_line, "experience"),
             (Project(name="Street segmentation (Work in progress)", description="Deep nets: on videos."),
              acad_items.project_line, "projects")]
    for node, render, kind in cases:
        line = stable_line(render, node, kind)
        assert render(reread(line, kind, node)) == line  # a second conversion writes it unchanged
        kept = [v for k, v in vars(node).items() if isinstance(v, str) and v and k not in ("kind", "start", "end")]
        assert all(v.rstrip(".") in line for v in kept), (kept, line)  # fields may move, none is lost


def test_a_commented_out_loop_does_not_make_an_old_theme_page():
    from migrator.model import Markup, Page, Span
    from migrator.writers.pages import old_theme_page

    def page(*texts):
        return Page(path="_pages/r.md", structure=[Markup(kind="liquid", text=t, span=Span("_pages/r.md", n + 5))
                                                   for n, t in enumerate(texts)])

    assert not old_theme_page(page("{% comment %}", "{% for post in site.research %}", "{% endcomment %}"))
    assert old_theme_page(page("{% comment %}", "{% endcomment %}", "{% for post in site.research %}"))


def test_page_text_under_a_list_line_keeps_its_words_and_no_block_structure():
    from migrator.writers.acad_items import as_paragraphs

    text = ("# Part 1\n>quoted\n| a | b |\n1. first\n2) second\n- item\n*emphasis* stays\n<div>x</div>\n"
            "$$ x = 1 $$\n```\n---\nplain 3.5 words\n#tag")
    assert as_paragraphs(text).split("\n") == [
        "**Part 1**", "\\>quoted", "\\| a | b |", "1\\. first", "2\\) second", "\\- item", "*emphasis* stays",
        "\\<div>x</div>", "\\$\\$ x = 1 $$", "\\`\\`\\`", "\\-\\-\\-", "plain 3.5 words", "**tag**"]


def test_a_paper_box_keeps_notes_that_hold_a_heading_and_a_paragraph_ending_in_a_link():
    from migrator.model import Person, Publication, Venue
    from migrator.readers.pub_lines import is_link_row
    from migrator.writers.acad_items import _stable_entry

    abstract = ("In situations where explicit communication is limited, collaborators act by learning to infer "
                "meaning behind their partner's actions and to convey private information. "
                "[[pdf]](https://arxiv.org/abs/1810.04444)")
    assert not is_link_row(abstract) and is_link_row("**NeurIPS 2023** \\| [[pdf]](https://a.org/p.pdf)")
    pub = Publication(title="Learning to Communicate Implicitly", authors=[Person(name="Ada Tester")],
                      venue=Venue(label="AAAI 2020", raw="AAAI 2020"), notes="### Abstract:\n" + abstract)
    text = _stable_entry(pub, ["Ada Tester"])
    assert "Abstract:" in text and abstract in text and "###" not in text


def test_links_of_a_degree_or_job_are_put_back_on_their_words():
    from migrator.model import Education, Experience, Link
    from migrator.writers.acad_items import education_line, experience_line
    from migrator.writers.readback import stable_line

    phd = Education(degree="Ph.D", field="Mathematical Morphology", institution="Ecole des Mines de Paris",
                    start="1993", text="(manuscript)", links=[
                        Link(url="http://www.mines-paristech.eu/", label="Ecole des Mines de Paris"),
                        Link(url="https://example.org/thesis.pdf", label="(manuscript)"),
                        Link(url="https://example.org/elsewhere", label="not in the line")])
    line = stable_line(education_line, phd, "education")
    assert "[Ecole des Mines de Paris](http://www.mines-paristech.eu/)" in line
    assert "[(manuscript)](https://example.org/thesis.pdf)" in line
    assert "[not in the line](https://example.org/elsewhere)" in line  # its text is not there: added
    job = Experience(organisation="Pika", role="Research Intern", hosts=["Chenlin Meng"], start="2024-01", links=[
        Link(url="https://pika.art", label="Pika"), Link(url="https://example.org/chenlin", label="Chenlin Meng")])
    line = stable_line(experience_line, job, "experience")
    assert "[Pika](https://pika.art)" in line and "(Host: Chenlin Meng)" in line  # hosts stay readable as hosts
    assert "[Chenlin Meng](https://example.org/chenlin)" in line


def test_academicpages_publication_keeps_its_image_and_badges_and_files_journals_as_journal_articles():
    from migrator.model import Badge, Publication, Venue
    from migrator.writers.academicpages import _publication

    journal = Publication(title="Radar-camera fusion", venue=Venue(raw="IEEE Transactions on Intelligent Transportation Systems"),
                          image="/images/paper_03.png", badges=[Badge(image="https://img.shields.io/x.svg", url="https://github.com/x/y", alt="stars")])
    text = _publication(journal, "_publications/2022-01-01-radar.md")
    assert 'category: "manuscripts"' in text
    assert "![Radar-camera fusion](/images/paper_03.png) [![stars](https://img.shields.io/x.svg)](https://github.com/x/y)" in text
    conference = Publication(title="A paper", venue=Venue(raw="ICLR 2024", label="ICLR 2024"))
    assert 'category: "conferences"' in _publication(conference, "_publications/2024-01-01-a-paper.md")


def test_a_link_without_usable_text_goes_after_the_line_not_on_a_word():
    from migrator.model import Experience, Link
    from migrator.writers.acad_items import linked

    line = linked("- *2020*, Other Lab, other work.", [Link(kind="other", url="https://a.org", label="![logo](l.png)"),
                                                        Link(kind="other", url="https://b.org", label="")])
    assert line == "- *2020*, Other Lab, other work. [other](https://a.org) [other](https://b.org)"
    assert linked("Pikachu Lab at Pika", [Link(url="https://pika.art", label="Pika")]) == \
        "Pikachu Lab at [Pika](https://pika.art)"


def test_academicpages_publication_shows_links_the_theme_has_no_key_for():
    from migrator.model import Link, Publication, Venue
    from migrator.writers.academicpages import _publication

    pub = Publication(title="A paper", venue=Venue(raw="ICLR 2024", label="ICLR 2024"), links=[
        Link(kind="pdf", url="https://a.org/p.pdf", label="PDF"), Link(kind="arxiv", url="https://arxiv.org/abs/2401.00001", label="arXiv"),
        Link(kind="project", url="https://a.org/project", label="Project"), Link(kind="other", url="https://a.org/x", label="")])
    text = _publication(pub, "_publications/2024-01-01-a-paper.md")
    assert 'paperurl: "https://a.org/p.pdf"' in text and 'projecturl: "https://a.org/project"' in text
    assert "links:" not in text  # a front-matter list the theme shows nowhere
    assert "\n[arXiv](https://arxiv.org/abs/2401.00001) [other](https://a.org/x)\n" in text


@pytest.mark.parametrize("title, name", [
    ("Schrödinger Bridges, Revisited", "schrodinger-bridges-revisited"),
    ("进化深度学习的研究现状与进展[J]", "进化深度学习的研究现状与进展-j"),  # was 'j': two papers collided
    ("한국어 제목", "한국어-제목"),
    ("हिन्दी शीर्षक", "हिन्दी-शीर्षक"),  # vowel signs are marks: kept, not turned into '-'
    ("Ｆｕｌｌ-width ﬁle “quoted”…", "full-width-file-quoted"),
    ("🎉 !!", ""),
])
def test_file_names_keep_every_script_and_drop_latin_accents(title, name):
    from migrator.writers.academicpages import name_slug

    assert name_slug(title) == name


def test_surname_first_authors_are_written_so_they_read_back_whole():
    from migrator.model import Person, Publication
    from migrator.readers.authors import parse_authors
    from migrator.writers.acad_items import author_html

    pub = Publication(title="Minimum wages", authors=[Person(name="Roe, Jane", is_owner=True), Person(name="Doe, John")])
    line = author_html(pub)
    assert line == "<u>Roe, Jane</u>; Doe, John"
    assert [(p.name, p.is_owner) for p in parse_authors(line, ["Jane Roe"])] == [("Roe, Jane", True), ("Doe, John", False)]
    plain = Publication(title="x", authors=[Person(name="Jane Roe"), Person(name="John Doe")])
    assert author_html(plain) == "Jane Roe, John Doe"


def test_untitled_text_of_another_page_gets_that_page_title_on_the_about_page():
    """Without a heading it read back as part of the section above (here: as projects)."""
    from migrator.model import FreeSection, Page, Project, Site, Span
    from migrator.writers.academicpages import write

    site = Site(pages=[Page(path="_pages/publications.md", title="Publications", role="publications")])
    site.projects = [Project(name="Student projects", span=Span("_pages/portfolio.md", 3, 1, 3))]
    site.sections = [FreeSection(title="Student projects", markdown="Coming soon !", span=Span("_pages/portfolio.md", 5, 1, 5)),
                     FreeSection(title="", markdown="Find my papers on these sites.", span=Span("_pages/publications.md", 6, 1, 6)),
                     FreeSection(title="", markdown="<li>Scholar: <a href=\"https://s.org\">Google Scholar</a></li>",
                                 span=Span("_pages/publications.md", 7, 1, 7))]
    about = write(site, WriteOptions()).files["_pages/about.md"]
    assert about.index("## Student projects") < about.index("Coming soon") < about.index("## Publications") \
        < about.index("Find my papers")
    # text that would read back as an entry under that title gets a neutral one
    assert about.index("Find my papers") < about.index("## Details") < about.index("<li>Scholar")


def test_items_with_one_name_get_the_same_files_whatever_the_order_read():
    """A second conversion reads 'x-2.md' before 'x.md': each item must keep its name."""
    from migrator.model import Publication, Site, Venue
    from migrator.writers.academicpages import write

    english = Publication(title="Evolutionary Deep Learning [J]", date="2024", venue=Venue(raw="Information and Control"))
    chinese = Publication(title="Evolutionary deep learning[J]", date="2024", venue=Venue(raw="信息与控制"))
    other = Publication(title="Evolutionary Deep Learning J 2", date="2024")  # its own name is the '-2' one
    files = [{p: t for p, t in write(Site(publications=order), WriteOptions()).files.items() if p.startswith("_pub")}
             for order in ([english, chinese, other], [chinese, other, english])]
    assert files[0] == files[1]
    assert sorted(files[0]) == ["_publications/2024-01-01-evolutionary-deep-learning-j-2.md",
                                "_publications/2024-01-01-evolutionary-deep-learning-j-3.md",
                                "_publications/2024-01-01-evolutionary-deep-learning-j.md"]


def test_an_entry_is_not_settled_into_a_reading_that_loses_a_link():
    from migrator.writers.readback import _targets

    before = '- *2017*, PNNL, Research Associate. [site](https://pnnl.gov "title") <img src="/a.png">'
    assert _targets(before) == {"https://pnnl.gov", "/a.png"}
    assert not _targets(before) <= _targets("- *2017*, PNNL, Research Associate. <img src='/a.png'>")
    # a target with parentheses is one target, as the linter reads it
    assert _targets("[x](https://en.wikipedia.org/wiki/Kernel_(statistics))") == {"https://en.wikipedia.org/wiki/Kernel_(statistics)"}


def test_a_piece_of_another_page_s_liquid_loop_is_not_put_on_the_about_page():
    """'{%- endif -%}' without its 'if' stops `jekyll build` (a CV page's data loop, split by headings)."""
    from migrator.model import FreeSection, Site, Span
    from migrator.writers.academicpages import write
    from migrator.writers.pages import liquid_balanced

    assert not liquid_balanced("[{{ item.award }}]\n{%- endif -%}</p>") and liquid_balanced("{% if a %}x{% endif %}")
    site = Site(sections=[FreeSection(title="Education", markdown="<p>{{ item.thesis }}\n{%- endif -%}</p>",
                                      span=Span("_pages/cv.md", 30, 1, 31)),
                          FreeSection(title="Skills", markdown="* R, Python", span=Span("_pages/cv.md", 40, 1, 40))])
    out = write(site, WriteOptions())
    assert "endif" not in out.files["_pages/about.md"] and "* R, Python" in out.files["_pages/about.md"]
    assert out.placed[id(site.sections[0])][0] == "dropped" and out.placed[id(site.sections[1])][0] == "carried"


def test_a_portfolio_page_that_opens_with_code_does_not_swallow_the_about_page():
    """'- **nomis**: ```python' opened a fence that ran to the end of the page."""
    from migrator.model import PortfolioItem
    from migrator.writers.acad_items import portfolio_line

    line = portfolio_line(PortfolioItem(title="nomis", body="```python\nimport numpy as np\n```\n\nResults below."))
    assert line.startswith("- **nomis**: \\`\\`\\`python") and "\n  \\`\\`\\`" in line
    assert not any(row.lstrip().startswith("```") for row in line.split("\n"))


def test_a_project_name_with_brackets_keeps_its_link_without_nesting():
    """'History of Modern Cosmology [French]' as a link's text nested one more '[...](url)' on
    every pass; the link now opens the description."""
    from migrator.model import Project
    from migrator.writers.acad_items import project_line
    from migrator.writers.readback import stable_line

    item = Project(name="History of Modern Cosmology [French]", url="http://cosmology.education")
    line = project_line(item)
    assert line == "- **History of Modern Cosmology [French]**: [link](http://cosmology.education)"
    assert stable_line(project_line, item, "projects") == line
    assert project_line(Project(name="Orbit", url="http://orbit.fr")) == "- **[Orbit](http://orbit.fr)**"
