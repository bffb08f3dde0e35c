"""The academicpages reader and the shared field parsers, on the seed fixtures and small fixtures."""

import pytest

from conftest import FIXTURES, check_site_golden
from migrator.accounting import account_site
from migrator.readers import read_site
from migrator.readers.fields import (link_kind, parse_authors, parse_date, parse_range, parse_venue,
                                     section_kind)

OWNER = ["Xuanlei Zhao"]
GOLDEN_SITES = ["seed-academicpages", "seed-academicpages-2024", "ap-collections", "ap-publist"]


def marked(people):
    return [(p.name, p.is_owner, "".join(p.marks)) for p in people]


@pytest.mark.parametrize("line, expected", [
    ("Geng Zhang<b><sup>*</sup></b>, <u>Xuanlei Zhao</u><b><sup>*</sup></b>, Kai Wang<b><sup>†</sup></b> \\",
     [("Geng Zhang", False, "*"), ("Xuanlei Zhao", True, "*"), ("Kai Wang", False, "†")]),
    ("**Xuanlei Zhao****<sup>*</sup>**, Bin Jia**<sup>*</sup>**, Yang You",
     [("Xuanlei Zhao", True, "*"), ("Bin Jia", False, "*"), ("Yang You", False, "")]),
    ("Xuanlei Zhao*, Bin Jia*, and Yang You",
     [("Xuanlei Zhao", True, "*"), ("Bin Jia", False, "*"), ("Yang You", False, "")]),
    ("Zhao, X., Cheng, S., and You, Y.", [("Zhao, X.", True, ""), ("Cheng, S.", False, ""), ("You, Y.", False, "")]),
    ("Wei Pan, **Yi Ren**, et al.", [("Wei Pan", False, ""), ("Yi Ren", True, "")]),
    ("<i>X. Zhao<sup>#</sup>, Bo Li<sup>1,2</sup></i>", [("X. Zhao", True, "#"), ("Bo Li", False, "12")]),
])
def test_parse_authors(line, expected):
    assert marked(parse_authors(line, OWNER)) == expected


def test_owner_marked_once_even_with_two_matches():
    people = parse_authors("Xuanlei Zhao, X. Zhao", OWNER)
    assert [p.is_owner for p in people] == [True, False]


@pytest.mark.parametrize("text, label, year, preprint", [
    ("International Conference on Learning Representations (ICLR), 2025", "ICLR 2025", 2025, False),
    ("arXiv preprint arXiv:2403.10266", "arXiv", None, True),
    ("MLSys 2024", "MLSys 2024", 2024, False),
    ("CVPR'24", "CVPR 2024", 2024, False),
    ("Under review", "Under review", None, True),
    ("IEEE INFOCOM 2019, pp. 2413-2421", "IEEE INFOCOM 2019", 2019, False),
    ('Submitted to "IEEE Transactions on Neural Networks and Learning Systems"',
     "Submitted to IEEE Transactions on Neural Networks and Learning Systems", None, True),  # no stray quote
])
def test_parse_venue(text, label, year, preprint):
    venue = parse_venue(text)
    assert (venue.label, venue.year, venue.preprint, venue.raw) == (label, year, preprint, text)


@pytest.mark.parametrize("text, iso", [("2022.5", "2022-05"), ("2023.06", "2023-06"), ("Jan 2024", "2024-01"),
                                       ("now", "present"), ("Present", "present"), ("Sept. 2020", "2020-09"),
                                       ("05/2021", "2021-05"), ("2024-01-15", "2024-01-15"), ("soon", "")])
def test_parse_date(text, iso):
    assert parse_date(text) == iso


@pytest.mark.parametrize("text, pair", [("2024.01 - now", ("2024-01", "present")),
                                        ("2022.5 - 2023.12", ("2022-05", "2023-12")),
                                        ("2018.09 -- 2022.06", ("2018-09", "2022-06")),
                                        ("2019.06-2022.04", ("2019-06", "2022-04")),
                                        ("Sep 2020 – Present", ("2020-09", "present")), ("2021", ("2021", ""))])
def test_parse_range(text, pair):
    assert parse_range(text) == pair


@pytest.mark.parametrize("title, kind", [
    ("🔥 News", "news"), ("Selected Publications ([all](https://x.io/publications/))", "publications"),
    ("Open-Source Projects", "projects"), ("Honors and Awards", "honors"), ("Educations", "education"),
    ("📖 EDUCATIONAL BACKGROUND", "education"), ("Invited Talks", "talks"), ("💻 Internships", "internships"),
    ("Experience", "experience"), ("Teaching Experience", "teaching"), ("Academic Services", "services"),
    ("About Me", "about"), ("Research", "other"),
])
def test_section_kind(title, kind):
    assert section_kind(title) == kind


@pytest.mark.parametrize("label, url, kind", [("paper", "https://arxiv.org/abs/1", "paper"), ("", "https://arxiv.org/abs/1", "arxiv"),
                                              ("[Code]", "", "code"), ("Project Page", "", "project"),
                                              ("", "https://github.com/x/y", "code"), ("PDF", "x", "pdf"),
                                              ("HAL", "https://hal.science/x", "other")])
def test_link_kind(label, url, kind):
    assert link_kind(label, url) == kind


def from_page(site, name):
    return [p for p in site.publications if p.span.path == f"_pages/{name}"]


def test_seed_publications_page():
    site = read_site(str(FIXTURES / "seed-academicpages"))
    pubs = from_page(site, "publications.md")
    assert [len(p.authors) for p in pubs] == [4, 4, 8, 7, 6, 9, 8]
    assert all(sum(a.is_owner for a in p.authors) == 1 for p in pubs)
    first = pubs[0]
    assert first.title == "Training Variable Sequences with Data-Centric Parallel"
    assert [a.corresponding for a in first.authors] == [False, False, True, True]
    assert first.venue.label == "arXiv" and first.venue.preprint and first.group == "2024"
    assert [(l.kind, l.span.line) for l in first.links] == [("code", 18), ("blog", 18)]
    assert (first.span.line, first.span.end_line) == (15, 18)
    footnote = [s for s in site.sections if s.role == "footnote"]
    assert footnote and footnote[0].span.line == 50


def test_seed_about_page():
    site = read_site(str(FIXTURES / "seed-academicpages"))
    pubs = from_page(site, "about.md")
    assert len(pubs) == 6 and all(p.selected for p in pubs)
    assert [p.group for p in pubs].count("Acceleration for Video Models") == 3
    assert len({p.group for p in pubs}) == 3
    assert [p.owner_role for p in pubs] == ["first author", "co-first author", "first author", "first author",
                                            "first author", "second author"]
    about = [n for n in site.projects + site.experience + site.education if n.span.path == "_pages/about.md"]
    assert [type(n).__name__ for n in about].count("Project") == 2
    assert {e.organisation for e in site.experience if e.span.path == "_pages/about.md"} == {"Pika", "Colossal-AI"}
    degrees = [(e.institution, e.degree) for e in site.education if e.span.path == "_pages/about.md"]
    assert [d for _, d in degrees] == ["Ph.D.", "M.S.", "B.S."]
    intro = [s for s in site.sections if s.role == "intro"]
    assert intro and intro[0].span.line == 10


def test_seed_plain_text_cv():
    site = read_site(str(FIXTURES / "seed-academicpages"))
    cv = "_pages/cv.md"
    degrees = [(e.institution, e.degree, e.start, e.end) for e in site.education if e.span.path == cv]
    assert degrees == [("National University of Singapore", "Ph.D.", "2024-01", "present"),
                       ("National University of Singapore", "M.S.", "2022-08", "2023-12"),
                       ("Huazhong University of Science and Technology", "B.Eng.", "2018-09", "2022-06")]
    work = [e for e in site.experience if e.span.path == cv]
    assert len(work) == 1
    assert (work[0].organisation, work[0].start, work[0].end) == ("HPC-AI TECH Inc. (Colossal-AI)", "2022-05", "2023-12")
    assert work[0].role == "MLSys Research Intern" and work[0].hosts == ["Jiarui Fang", "Yang You"]
    projects = [p.name.split(":")[0] for p in site.projects if p.span.path == cv]
    assert projects == ["OpenDiT", "AutoChunk", "HeteGen", "FastFold"]
    pubs = [p for p in site.publications if p.span.path == cv]
    assert len(pubs) == 3 and all(p.source == "cv" for p in pubs)
    assert [sum(a.is_owner for a in p.authors) for p in pubs] == [1, 1, 1]
    headers = [s.span.line for s in site.sections if s.role == "header" and s.span.path == cv]
    assert len(headers) == 2


def test_duplicated_entry_read_twice():
    site = read_site(str(FIXTURES / "seed-academicpages-2024"))
    pyramid = [p for p in from_page(site, "about.md") if p.title.startswith("Real-Time Video")]
    assert [p.span.line for p in pyramid] == [31, 36]
    assert pyramid[1].owner_role == "first author" and not pyramid[1].authors


def test_collections_defaults_permalinks_and_data():
    site = read_site(str(FIXTURES / "ap-collections"))
    by_path = {p.path: p for p in site.pages}
    assert by_path["_pages/publications.md"].role == "listing"
    assert by_path["_pages/publications.md"].listing_of == "publications"
    assert by_path["_pages/working-papers.md"].listing_of == "workingpapers"
    assert by_path["_talks/2023-11-02-seminar.md"].layout == "talk"
    papers = {p.title: p for p in site.publications}
    working = papers["Unemployment Insurance and Reemployment Wages"]
    assert working.url == "/working/unemployment-insurance/" and working.venue.preprint
    cited = papers["Minimum Wages and Teen Employment"]
    assert cited.category == "manuscripts" and cited.url == "/publication/2024-minimum-wages"
    assert [(a.name, a.is_owner) for a in cited.authors] == [("Roe, Jane", True), ("Doe, John", False)]
    assert cited.span.line == 1 and cited.span.end_line == 11  # the whole file
    assert site.talks[0].talk_type == "Seminar" and site.talks[0].links[0].kind == "slides"
    assert site.posts[0].url == "/new-paper/" and site.posts[0].tags == ["research", "labor"]
    assert [n.span.path for n in site.news].count("_data/news.yml") == 2
    assert any(e.institution == "MIT" and e.span.path == "_data/cv.json" for e in site.education)
    profile = site.profile
    assert profile.name == "Jane Roe" and profile.scholar_id == "AbCdEfGhIjK"
    links = {l.kind: l.url for l in profile.links}
    assert links["orcid"] == "https://orcid.org/0000-0002-1825-0097"
    assert links["twitter"] == "https://twitter.com/janeroe"
    assert links["linkedin"] == "https://www.linkedin.com/in/jane-roe"
    assert profile.span.line == 8


def test_citation_styles():
    site = read_site(str(FIXTURES / "ap-publist"))
    got = {p.title: p for p in site.publications}
    assert got["Sparse Models for Ocean Currents"].venue.label == "Journal of Fluid Mechanics 2023"
    assert [a.equal_contribution for a in got["Learning to Route Ships"].authors] == [False, True, True]
    assert got["Fast Solvers for Tidal Flows"].venue.label == "ICLR 2025"
    assert got["Deep Sea Sensing"].venue.label == "NeurIPS 2019"
    assert [a.is_owner for a in got["Deep Sea Sensing"].authors] == [True, False]
    assert site.profile.name_variants[:2] == ["Ana García", "安娜"]


def test_bad_date_is_fm005(tmp_path):
    (tmp_path / "_config.yml").write_text("title: x\ncollections: [publications]\n")
    (tmp_path / "_publications").mkdir()
    (tmp_path / "_publications" / "p.md").write_text('---\ntitle: "P"\ndate: 2020-04-31\n---\nText\n')
    site = read_site(str(tmp_path), "academicpages")
    assert [p.code for p in site.problems] == ["FM005"]
    assert site.publications[0].title == "P"


@pytest.mark.parametrize("name", GOLDEN_SITES)
def test_accounting(name):
    result = account_site(str(FIXTURES / name))
    assert result.ok, result.summary()


@pytest.mark.parametrize("name", GOLDEN_SITES)
def test_golden(name, update_goldens):
    check_site_golden(name, update_goldens)


@pytest.mark.parametrize("rel, collection, values, meta, config, url", [
    # Checked against jekyll 4: a page under an included _pages/ keeps that folder in its URL.
    ("_pages/foo.md", "", {}, {}, {"permalink": "/:categories/:title/"}, "/_pages/foo/"),
    ("_pages/foo.md", "", {}, {}, {}, "/_pages/foo.html"),
    ("_pages/about.md", "", {"permalink": "/"}, {}, {}, "/"),
    ("_talks/t.md", "talks", {}, {"permalink": "/:collection/:path/"}, {}, "/talks/t/"),
    ("_wps/a.md", "wps", {}, {}, {}, "/wps/a.html"),
    ("_posts/2024-04-01-new-paper.md", "posts", {}, {}, {"permalink": "/:categories/:title/"}, "/new-paper/"),
    ("_posts/2024-04-01-new-paper.md", "posts", {"categories": ["Blog"]}, {}, {}, "/blog/2024/04/01/new-paper.html"),
])
def test_document_url(rel, collection, values, meta, config, url):
    from migrator.urls import document_url

    assert document_url(rel, collection, values, meta, config) == url


def test_odd_data_files_are_read_without_failure(tmp_path):
    (tmp_path / "_config.yml").write_text("title: x\n")
    (tmp_path / "_data").mkdir()
    (tmp_path / "_data" / "news.yml").write_text("- date: [1, 2]\n  text: {a: 1}\n- 5\n- date: 2020-03\n  text: hi\n")
    (tmp_path / "_data" / "cv.json").write_text('{"basics": 1, "work": [{"company": ["x"]}], "education": "x",'
                                                 ' "awards": [null, {"title": "Prize"}]}')
    site = read_site(str(tmp_path), "academicpages")
    assert [(n.date, n.text, n.span.line) for n in site.news] == [("2020-03", "hi", 5)]
    assert not site.experience and [h.name for h in site.honors] == ["Prize"]
    assert not [p for p in site.problems if p.code == "RD001"]


def test_a_failing_page_is_kept_verbatim(monkeypatch, tmp_path):
    from migrator.readers import academicpages

    (tmp_path / "_config.yml").write_text("title: x\n")
    (tmp_path / "_pages").mkdir()
    (tmp_path / "_pages" / "a.md").write_text("---\ntitle: A\n---\nSome text\n\nMore text\n")

    def broken(doc, ctx):
        ctx.site.sections.append(academicpages.leftovers(doc.body(), [], doc.path, "", "")[0])
        raise ValueError("boom")

    monkeypatch.setattr(academicpages, "read_page", broken)
    site = read_site(str(tmp_path), "academicpages")
    assert [(s.span.line, s.span.end_line, s.role) for s in site.sections] == [(4, 6, "unread")]
    assert [(p.code, p.span.line) for p in site.problems] == [("RD001", 4)]


def test_html_publication_entries():
    site = read_site(str(FIXTURES / "ap-publist"))
    pub = next(p for p in site.publications if p.title == "Tidal Mixing at Scale")
    assert (pub.span.line, pub.span.end_line) == (31, 42)
    assert [(a.name, a.is_owner, a.equal_contribution) for a in pub.authors] == [("Ana García", True, False),
                                                                                 ("Bo Chen", False, True)]
    assert pub.venue.label == "arXiv 2024" and pub.venue.preprint and pub.image == "/images/waves.png"
    assert sorted(link.kind for link in pub.links) == ["code", "paper"]
    page = next(p for p in site.pages if p.path == "_pages/publications.md")
    assert not [m for m in page.structure if 31 <= m.span.line <= 42]


def test_collection_citation_as_the_theme_writes_it(tmp_path):
    """`&quot;Title&quot;` quotes the title (the theme's own samples); the citation is kept as
    written, HTML and all, since the theme shows it as HTML; links keep their front matter order."""
    (tmp_path / "_config.yml").write_text("title: x\nauthor:\n  name: Jane Roe\ncollections: [publications]\n")
    (tmp_path / "_publications").mkdir()
    (tmp_path / "_publications" / "p.md").write_text(
        "---\ntitle: \"Predicting Condensation\"\ncollection: publications\n"
        "citation: 'Payne-Dwyer, Jane Roe et al., &quot;Predicting Condensation.&quot; <i>Phys. Rev. Lett.</i> (2023)'\n"
        "projecturl: https://a.org/project\npaperurl: https://a.org/paper.pdf\n---\n")
    pub = read_site(str(tmp_path), "academicpages").publications[0]
    assert [a.name for a in pub.authors] == ["Payne-Dwyer", "Jane Roe"]
    assert pub.citation.endswith("<i>Phys. Rev. Lett.</i> (2023)")
    assert [l.kind for l in pub.links] == ["project", "paper"]


def _site_of(tmp_path, files: dict):
    """An academicpages site of these files (a plain `_config.yml` unless given), read."""
    files = {"_config.yml": "title: x\n", **files}
    for rel, text in files.items():
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / rel).write_text(text)
    return read_site(str(tmp_path), "academicpages")


def test_cv_page_entries_in_other_shapes_than_the_template(tmp_path):
    site = _site_of(tmp_path, {"_pages/cv.md": (
        "---\npermalink: /cv/\n---\n\nEducation\n======\n"
        "* **PhD Student**, Economics, University of Michigan - Ann Arbor\n"
        "* **Probationer Research Student**, Economics, Lady Margaret Hall - University of Oxford (2019-20)\n"
        "* Ph.D in Version Control Theory, GitHub University, 2018 (expected)\n"
        "* B.S. in Informatics, [ISEP](http://isep.ipp.pt/), 2018. Grade: 17 out of 20.\n\n"
        "Work experience\n======\n* 2019-20: Tutor, University of Oxford.\n"
        "* 2018-present: Full Professor, CentraleSup&eacute;lec, Paris\n  * Teaching Optimisation\n")})
    got = [(e.degree, e.field, e.institution, e.start, e.end, e.text) for e in site.education]
    assert got == [("PhD Student", "Economics", "University of Michigan - Ann Arbor", "", "", ""),
                   ("Probationer Research Student", "Economics", "Lady Margaret Hall - University of Oxford",
                    "2019", "2020", ""),
                   ("Ph.D", "Version Control Theory", "GitHub University", "", "2018", "(expected)"),
                   ("B.S.", "Informatics", "ISEP", "", "2018", "Grade: 17 out of 20")]
    assert [(j.role, j.start, j.end) for j in site.experience][:1] == [("Tutor, University of Oxford.", "2019", "2020")]
    assert not [s for s in site.sections if s.title in ("Education", "Work experience") and s.markdown.strip()]


def test_an_entity_ends_no_field():
    from migrator.readers.entry_parts import split_parts

    assert split_parts("Full Professor, CentraleSup&eacute;lec; Universit&#233; Paris") == \
        ["Full Professor", "CentraleSup&eacute;lec", "Universit&#233; Paris"]


def test_a_host_after_the_date_stays_with_the_job():
    from migrator.readers.dates import trailing_date

    assert trailing_date("Research Associate, PNNL, 2017-present (Host: Xingyuan Chen).") == \
        ("2017-present", "Research Associate, PNNL (Host: Xingyuan Chen)")
    assert trailing_date("Ph.D in Jekyll, GitHub University, 2018 (expected)") == ("2018", "Ph.D in Jekyll, GitHub University")


def test_markdown_inside_an_html_entry_title_is_not_the_title(tmp_path):
    site = _site_of(tmp_path, {"_pages/publications.md": (
        "---\npermalink: /publications/\ntitle: Publications\n---\n\n<div class=\"paper\" markdown=\"1\">\n"
        "<span class=\"papertitle\">**Complexity-Aware Assignment of Latent Values** </span> <br />\n"
        "<span class=\"authors\">**Manoel Horta Ribeiro**, Bruno Teixeira</span> <br />\n"
        "<span class=\"conference\">SIBGRAPI 2016</span> <br />\n</div>\n")})
    pub = site.publications[0]
    assert pub.title == "Complexity-Aware Assignment of Latent Values"


def test_indented_details_under_a_bold_degree_line_are_that_degree_s(tmp_path):
    """'**Ph.D., EE** (2017 - ), UFMG' then an indented '- Supervisor: ...' after a blank line:
    one degree with its details, not a degree named 'Supervisor: ...' (then DUP001 twice)."""
    site = _site_of(tmp_path, {"_pages/cv.md": (
        "---\npermalink: /cv/\n---\n\n## Education\n\n"
        "**Ph.D., Electrical Engineering** (Aug. 2017 - ), [Federal University of Minas Gerais](https://ufmg.br)\n\n"
        "   - Supervisor: [Luis Aguirre](https://a.org/la).\n\n"
        "**M.S., Electrical Engineering** (Jan. 2016 - Jul. 2017), [Federal University of Minas Gerais](https://ufmg.br)\n\n"
        "   - Supervisor: [Luis Aguirre](https://a.org/la).\n")})
    assert [(e.degree, e.institution) for e in site.education] == [
        ("Ph.D.", "Federal University of Minas Gerais"), ("M.S.", "Federal University of Minas Gerais")]
    assert all("Supervisor" in e.text for e in site.education)
