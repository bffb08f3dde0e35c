"""The acad-homepage reader on the seed fixture, small fixtures of its shapes, and goldens."""
from collections import Counter

import pytest

from conftest import FIXTURES, check_site_golden
from migrator.readers import read_loaded, read_site

GOLDEN_SITES = ["seed-acad-homepage", "ah-includes", "ah-shapes"]


@pytest.fixture(scope="module")
def seed():
    return read_site(str(FIXTURES / "seed-acad-homepage"))


def test_seed_counts(seed):
    assert seed.theme == "acad-homepage"
    assert (len(seed.news), len(seed.honors), len(seed.education), len(seed.talks)) == (5, 9, 3, 4)
    assert len(seed.experience) == 6 and all(e.internship for e in seed.experience)
    assert len({p.title for p in seed.publications}) == 7
    groups = Counter(p.group for p in seed.publications)
    assert groups == {"📽️ Efficient Video Generation": 2, "🧹 Efficient Memory Cost": 2,
                      "🔬 Efficient AI for Science": 1, "Others": 2}
    assert all(p.selected for p in seed.publications)


def test_seed_html_list_entry(seed):
    pab = seed.publications[0]
    assert pab.title == "Real-Time Video Generation with Pyramid Attention Broadcast"
    assert (pab.venue.label, pab.venue.span.line) == ("ICLR 2025", 31)
    assert [(a.name, a.is_owner, a.marks) for a in pab.authors] == [
        ("Xuanlei Zhao", True, ["*"]), ("Xiaolong Jin", False, ["*"]), ("Kai Wang", False, ["*"]), ("Yang You", False, [])]
    assert [(l.kind, l.span.line) for l in pab.links] == [("paper", 33), ("code", 34), ("blog", 35)]
    assert pab.links[0].url == "https://arxiv.org/abs/2408.1258"  # the malformed id is kept as written
    assert [(b.image, b.span.line) for b in pab.badges] == [
        ("https://img.shields.io/github/stars/NUS-HPC-AI-Lab/VideoSys.svg?style=social&label=Star", 37)]
    assert (pab.span.line, pab.span.end_line, pab.source) == (30, 39, "list")


def test_seed_markdown_bullets(seed):
    others = [p for p in seed.publications if p.group == "Others"]
    assert [p.venue.label for p in others] == ["NeurIPS 2023", "ACM-MM 2022"]
    assert others[0].links[0].kind == "paper" and others[0].span.line == 83
    assert others[1].title == "Video-Guided Curriculum Learning for Spoken Video Grounding"
    assert [a.name for a in others[1].authors][-1] == "Yi Ren"


def test_seed_sections_and_structure(seed):
    assert [(n.date, n.span.line) for n in seed.news][:2] == [("2024-03", 20), ("2023-05", 21)]
    assert seed.honors[2].name == "Baidu Scholarship (10 students in the world each year)"
    assert [e.institution for e in seed.education][0] == "Zhejiang University"
    assert seed.talks[0].links[0].kind == "video"
    page = next(p for p in seed.pages if p.path == "_pages/about.md")
    headings = [(m.text, m.level) for m in page.structure if m.kind == "heading"]
    assert ("# 🔥 News", 1) in headings and ("## 📽️ Efficient Video Generation", 2) in headings
    assert [m.anchor for m in page.structure if m.kind == "anchor"] == ["about-me"]
    assert page.role == "about"
    assert seed.sections[0].role == "intro" and seed.sections[0].span.line == 12


def test_includes_are_followed_with_their_own_positions():
    loaded = read_loaded(str(FIXTURES / "ah-includes"))
    site = loaded.site
    assert [(n.span.path, n.span.line) for n in site.news][0] == ("_pages/includes/news.md", 2)
    assert [n.raw_date for n in site.news] == ["2024.03", "Jan 2024", "2023.11.05", "2022.09", "Aug 2022"]
    pub = site.publications[0]
    assert (pub.source, pub.image, pub.venue.label, pub.span.path) == \
        ("paper-box", "images/fastvoice.png", "ICASSP 2024", "_pages/includes/pub.md")
    assert [(l.kind, l.label) for l in pub.links] == [("paper", "FastVoice: Low-Latency Neural Voice Conversion"),
                                                     ("project", "Project"), ("code", "Code")]
    assert len(pub.badges) == 1 and pub.notes.startswith("- A streaming")
    assert site.publications[1].venue.label == "Interspeech 2023"
    about = next(p for p in site.pages if p.path == "_pages/about.md")
    liquid = [m.span.line for m in about.structure if m.kind == "liquid"]
    assert 12 in liquid and 15 in liquid
    roles = {p.path: p.role for p in site.pages}
    assert roles["_pages/includes/news.md"] == "include" and roles["_pages/includes/unused.md"] == "include"
    problems = [(p.code, p.span.path, p.span.line) for p in site.problems]
    assert problems == [("LNK003", "_pages/about.md", 20), ("LNK003", "_pages/about.md", 21),
                        ("LNK003", "_pages/includes/loop.md", 3)]
    assert "not found" in site.problems[0].message and "outside the site" in site.problems[1].message
    assert "cycle" in site.problems[2].message
    assert site.honors[0].span.path == "_pages/includes/unused.md"  # read on its own, not lost


def test_shapes():
    site = read_site(str(FIXTURES / "ah-shapes"))
    site.publications = [p for p in site.publications if p.span.path == "_pages/about.md"]
    titles = [(p.title, p.group, p.selected) for p in site.publications]
    assert titles == [("Grasping Anything with Tactile Priors", "🤖 Robot Learning", True),
                      ("Touch Before You Grasp", "🤖 Robot Learning", True),
                      ("Learning Dexterous In-Hand Rotation", "🦾 Manipulation", True),
                      ("Soft Grippers for Fragile Objects", "Journal Papers", True),
                      ("Sim-to-Real Tactile Transfer", "Workshop Papers", True)]
    touch = site.publications.pop(1)
    assert [(a.name, a.is_owner) for a in touch.authors] == [("Ana Lind", False), ("Jonas Berg", True)]
    assert touch.venue.label == "RSS 2021"
    latex = site.publications[1]
    assert [(a.name, a.is_owner, a.marks) for a in latex.authors][1] == ("Jonas Berg", True, ["†"])
    assert latex.venue.label == "ICRA 2023"
    html_box = site.publications[2]
    assert [a.name for a in html_box.authors] == ["Jonas Berg", "Ana Lind"]
    assert html_box.links[0].url == "https://doi.org/10.1000/soft" and html_box.image == "images/soft.png"
    assert [(e.institution, e.degree) for e in site.education] == [
        ("KTH Royal Institute of Technology", "Ph.D."), ("KTH Royal Institute of Technology", "M.Sc."),
        ("Uppsala University", "B.Sc.")]
    assert [(e.organisation, e.internship) for e in site.experience] == [("ABB Robotics", True),
                                                                         ("Boston Dynamics", True)]
    assert site.projects[0].name == "TactileSim"


@pytest.mark.parametrize("name", GOLDEN_SITES)
def test_golden_and_accounting(name, update_goldens):
    check_site_golden(name, update_goldens)


def test_reader_failure_keeps_page_as_free_text(monkeypatch):
    from migrator.readers import acad_homepage

    def broken(*args, **kwargs):
        raise ValueError("boom")

    monkeypatch.setattr(acad_homepage, "read_piece", broken)
    loaded = read_loaded(str(FIXTURES / "seed-acad-homepage"))
    site = loaded.site
    assert [(p.code, p.span.line) for p in site.problems if p.code == "RD001"] == [("RD001", 11)]
    assert not site.publications and [s.role for s in site.sections] == ["unread"]
    assert (site.sections[0].span.line, site.sections[0].span.end_line) == (11, 118)


@pytest.mark.parametrize("body, code", [
    ("{% include_relative includes/none.md %}\n", "LNK003"),
    ("{% include_relative /etc/passwd %}\n", "LNK003"),
    ("{% include_relative ../../../secret.md %}\n", "LNK003"),
])
def test_bad_includes_are_problems(tmp_path, body, code):
    (tmp_path / "_pages").mkdir()
    (tmp_path / "_config.yml").write_text("google_scholar_stats_use_cdn: true\nauthor:\n  name: A B\n")
    (tmp_path / "_pages" / "about.md").write_text("---\npermalink: /\n---\n" + body)
    site = read_site(str(tmp_path), "acad-homepage")
    assert [(p.code, p.span.path, p.span.line) for p in site.problems] == [(code, "_pages/about.md", 4)]


def test_publications_page_lists_publications():
    site = read_site(str(FIXTURES / "ah-shapes"))
    page = [p for p in site.publications if p.span.path == "_pages/publications.md"]
    assert [(p.title, p.group, p.selected, p.date) for p in page] == [
        ("Some Earlier Long Title", "", False, "2020"), ("An Even Earlier Long Title", "2019", False, "2019")]
    assert next(p for p in site.pages if p.path == "_pages/publications.md").role == "publications"


def test_owner_name_beats_bold_students():
    from migrator.readers.pub_lines import authors_of

    people = authors_of("**Jinglun Cen**, Chunmei Qing*, Haochun Ou", ["Chunmei Qing"])
    assert [(p.name, p.is_owner) for p in people] == [("Jinglun Cen", False), ("Chunmei Qing", True),
                                                      ("Haochun Ou", False)]
    leftover = authors_of("Pengfei Wei, **Yi Ren**, et al.", ["Xuanlei Zhao"])
    assert [(p.name, p.is_owner) for p in leftover] == [("Pengfei Wei", False), ("Yi Ren", True)]


@pytest.mark.parametrize("body", [
    "<u>Ada</u> <![\n",
    "# Pubs\n<div class='paper-box'><![ x\n<ul><li><![\n",
    "# Publications\n<div class='paper-box'><div class='paper-box-image'><img src='a.png'></div>\n"
    "<div class='paper-box-text' markdown=\"1\">\n**An Unclosed Box Title**\n## Next\n- *2020.01*: x\n",
    "# Publications\n<ul>\n<li><code>X 2020</code>\n<li><strong>Two</strong></li><li><strong>Three</strong>\n",
    "# News\n<!-- never closed\n- *2020.01*: x\n",
    "# News\n- \n* \n<li></li>\n{% include_relative %}\n{%\n",
])
def test_broken_markup_reads_every_line(tmp_path, body):
    from migrator.accounting import account

    (tmp_path / "_pages").mkdir()
    (tmp_path / "_config.yml").write_text("google_scholar_stats_use_cdn: true\nauthor:\n  name: Ada\n")
    (tmp_path / "_pages" / "about.md").write_text("---\npermalink: /\n---\n" + body)
    loaded = read_loaded(str(tmp_path), "acad-homepage")
    result = account(loaded.site, {doc.path: doc.body() for doc in loaded.documents})
    assert result.ok, result.summary()
    assert not [p for p in loaded.site.problems if p.code == "RD001"]


def test_jekyll_posts_are_read_as_posts(tmp_path):
    (tmp_path / "_pages").mkdir()
    (tmp_path / "_posts").mkdir()
    (tmp_path / "_config.yml").write_text("google_scholar_stats_use_cdn: true\nauthor:\n  name: A B\n")
    (tmp_path / "_pages" / "about.md").write_text("---\npermalink: /\n---\nHello.\n")
    body = "Intro.\n\n\n\nAfter three blank lines.  \n"
    (tmp_path / "_posts" / "2020-01-02-a-post.md").write_text("---\ntitle: A post\n---\n" + body)
    site = read_site(str(tmp_path), "acad-homepage")
    assert [(p.title, p.date, p.body) for p in site.posts] == [("A post", "2020-01-02", body.strip("\n"))]
    assert not [s for s in site.sections if s.span.path.startswith("_posts/")]


def test_link_targets_in_angle_brackets_may_hold_spaces():
    from migrator.model import Span
    from migrator.readers.inline import line_links

    links, _ = line_links("[paper](https://a.org/x_(1)) [BibTeX](<{{ base_path }}/cite/x.md>)", Span("p.md", 3))
    assert [(l.label, l.url) for l in links] == [("paper", "https://a.org/x_(1)"),
                                                 ("BibTeX", "{{ base_path }}/cite/x.md")]


def test_indented_html_heading_stays_in_its_html_block(tmp_path):
    (tmp_path / "_pages").mkdir()
    (tmp_path / "_config.yml").write_text("google_scholar_stats_use_cdn: true\nauthor:\n  name: A B\n")
    (tmp_path / "_pages" / "about.md").write_text("---\npermalink: /\n---\n<h1>Top</h1>\n"
                                                  "<div class=\"box\">\n  <h1 class=\"title\">Inner</h1>\n</div>\n")
    site = read_site(str(tmp_path), "acad-homepage")
    about = next(p for p in site.pages if p.path == "_pages/about.md")
    assert [m.text for m in about.structure if m.kind == "heading"] == ["<h1>Top</h1>"]
    assert any("  <h1 class=\"title\">Inner</h1>" in s.markdown for s in site.sections)


def test_publications_heading_of_a_publications_page_is_not_a_group(tmp_path):
    (tmp_path / "_pages").mkdir()
    (tmp_path / "_config.yml").write_text("google_scholar_stats_use_cdn: true\nauthor:\n  name: A B\n")
    (tmp_path / "_pages" / "about.md").write_text("---\npermalink: /\n---\nHello.\n")
    (tmp_path / "_pages" / "publications.md").write_text(
        "---\npermalink: /publications/\n---\n# 📝 Publications\n\n- **A Long Enough Title**, A B, ICLR 2024\n\n"
        "## Journals\n\n- **Another Long Title**, A B, TPAMI 2023\n")
    site = read_site(str(tmp_path), "acad-homepage")
    assert [(p.title, p.group) for p in site.publications] == [("A Long Enough Title", ""),
                                                               ("Another Long Title", "Journals")]


def test_links_in_notes_bullets_are_notes_not_the_papers_links(tmp_path):
    (tmp_path / "_pages").mkdir()
    (tmp_path / "_config.yml").write_text("google_scholar_stats_use_cdn: true\nauthor:\n  name: A B\n")
    box = ("<div class='paper-box'>\n<div class='paper-box-text' markdown=\"1\">\n\n**{title}**\n\n"
           "<u>A B</u>, C D\n\n`ECCV 2020`\n\n{row}\n\n- code and data: [arXiv](https://arxiv.org/abs/2004.14899)\n"
           "- [code](https://github.com/x/y)\n</div>\n</div>\n\n")
    (tmp_path / "_pages" / "about.md").write_text(
        "---\npermalink: /\n---\n# Publications\n\n"
        + box.format(title="3D Human Shape Reconstruction from a Polarization Image", row="[pdf](/files/a.pdf)")
        + box.format(title="Polarization Human Pose and Shape Dataset", row="- [Paper](/files/b.pdf) | [Code](x)"))
    site = read_site(str(tmp_path), "acad-homepage")
    links = {p.title[:8]: [l.url for l in p.links] for p in site.publications}
    assert links == {"3D Human": ["/files/a.pdf"], "Polariza": ["/files/b.pdf", "x"]}
    assert all("code and data: [arXiv](https://arxiv.org/abs/2004.14899)" in p.notes for p in site.publications)


def test_a_talk_s_abstract_below_its_line_is_its_text_not_its_fields(tmp_path):
    (tmp_path / "_pages").mkdir()
    (tmp_path / "_config.yml").write_text((FIXTURES / "seed-acad-homepage" / "_config.yml").read_text())
    (tmp_path / "_pages" / "about.md").write_text(
        "---\npermalink: /\n---\n# 💬 Invited Talks\n"
        "- *2023.01*, My title, Big Conf \\| [\\[Slides\\]](https://example.org/s.pdf)\n\n"
        "  Abstract with a [link](https://example.org/a).\n  Same paragraph.\n\n\n  Second paragraph.\n"
        "- *2022.01*, Other talk,\n  Wrapped Event\n")
    first, second = read_site(str(tmp_path)).talks
    assert (first.title, first.event, first.date) == ("My title", "Big Conf", "2023-01")
    assert [link.url for link in first.links] == ["https://example.org/s.pdf"]  # not the abstract's link
    assert first.text.endswith("\n\nAbstract with a [link](https://example.org/a).\nSame paragraph.\n\nSecond paragraph.")
    assert (second.title, second.event) == ("Other talk", "Wrapped Event")  # one paragraph: read as before


def _box(text: str) -> str:
    """An about page body of one paper box holding `text` (markdown)."""
    return ("# Publications\n\n<div class='paper-box'>\n<div class='paper-box-text' markdown=\"1\">\n\n"
            + text + "\n</div>\n</div>\n")


def _about_site(tmp_path, body: str, config: str = "google_scholar_stats_use_cdn: true\n"):
    """An acad-homepage site of one about page (`body` below its front matter), read."""
    (tmp_path / "_pages").mkdir()
    (tmp_path / "_config.yml").write_text(config)
    (tmp_path / "_pages" / "about.md").write_text("---\npermalink: /\n---\n" + body)
    return read_site(str(tmp_path), "acad-homepage")


def test_links_on_a_paper_s_author_line_are_the_paper_s(tmp_path):
    site = _about_site(tmp_path, _box(
        "**Prompt-Agnostic Adversarial Perturbation**\n\n**Cong Wan**, et al. *NeurIPS 2024*. "
        "\\[[Project Page](https://a.io/p/)\\] \\[[Code](https://github.com/a/p)\\]"),
        "google_scholar_stats_use_cdn: true\nauthor:\n  name: Cong Wan\n")
    pub = site.publications[0]
    assert [a.name for a in pub.authors] == ["Cong Wan"]
    assert [(l.kind, l.url) for l in pub.links] == [("project", "https://a.io/p/"), ("code", "https://github.com/a/p")]


def test_wrappers_with_a_meaning_stay_with_their_text(tmp_path):
    """`<div>` lines are layout (structure); `<figure>` and `<address>` belong to the text they wrap."""
    site = _about_site(tmp_path, "# Contact\n\n<div align=\"center\">\n<address>\nRoom 12, Main St.\n</address>\n</div>\n")
    text = "\n".join(s.markdown for s in site.sections if s.title == "Contact")
    assert text == "<address>\nRoom 12, Main St.\n</address>"


def test_a_thematic_break_is_layout_as_in_the_academicpages_reader(tmp_path):
    site = _about_site(tmp_path, "# Internships\n\n---\n\n# Contact\n\nMail me.\n")
    assert [s.title for s in site.sections if s.markdown.strip()] == ["Contact"]
    about = next(p for p in site.pages if p.path == "_pages/about.md")
    assert [m.span.line for m in about.structure if m.kind == "rule"] == [6]


def test_a_date_in_a_time_element_is_the_entry_s_date(tmp_path):
    """`<time>2023 — 2027 (Expected)</time>` above a school line: the dates, not the institution."""
    site = _about_site(tmp_path, (
        "# Education\n\n<ul>\n  <li>\n    <time datetime=\"2023\">2023 — 2027 (Expected)</time>\n"
        "    <strong>Tongji University · Department of Computer Science</strong>\n"
        "    <span>Undergraduate, Data Science</span>\n  </li>\n</ul>\n"))
    degree = site.education[0]
    assert (degree.start, degree.end) == ("2023", "2027") and "Tongji University" in degree.institution


def test_an_abstract_label_in_a_paper_box_is_a_note_not_the_venue(tmp_path):
    pub = _about_site(tmp_path, _box(
        "**milliMap: Robust Indoor Mapping with Radar**\n\n<u>Chris Lu</u>, A. Smith\n\n"
        "[paper](https://a.io/p.pdf) [code](https://github.com/a/m)\n\nAbstract\n\nWe map rooms with radar.")).publications[0]
    assert pub.venue is None and pub.notes.startswith("Abstract")
