"""The theme-independent section parsers (migrator/readers/blocks.py, entries.py, dates.py)."""
import pytest

from migrator.model import (Education, Experience, FreeSection, Markup, NewsItem, Project, Talk,
                            Teaching)
from migrator.readers.blocks import Context, parse_section
from migrator.readers.dates import leading_date, trailing_date
from migrator.readers.markdown import Section

CTX = Context("_pages/about.md", ["Xuanlei Zhao"])


def section(text, first=10, title="T"):
    return Section(title=title, level=1, lines=[(first + i, t) for i, t in enumerate(text.split("\n"))])


def spans(nodes):
    return [(type(n).__name__, n.span.line, n.span.end_line) for n in nodes]


@pytest.mark.parametrize("text, raw, rest", [
    ("*2024.03*: 🎉 Two papers", "2024.03", "🎉 Two papers"),
    ("**[Jan 2024]** Joined X", "Jan 2024", "Joined X"),
    ("2023.12.09: One paper", "2023.12.09", "One paper"),
    ("*2019.06 - 2022.04*, Master", "2019.06 - 2022.04", "Master"),
    ("<b>2022.09</b> Joined", "2022.09", "Joined"),
    ("*2025.03*&ensp;Top 10%", "2025.03", "Top 10%"),
    ("[01/2024] Moved", "01/2024", "Moved"),
    ("*Now* &ensp;visitors", "Now", "visitors"),
    ("2023.03 - 至今 博士", "2023.03 - 至今", "博士"),
    ("*2020 Season*: Head of group", "2020 Season", "Head of group"),
    ("Now I work at X", "", "Now I work at X"),
    ("*Italic words* here", "", "*Italic words* here"),
])
def test_leading_date(text, raw, rest):
    assert leading_date(text) == (raw, rest)


@pytest.mark.parametrize("text, raw, rest", [
    ("Outstanding Student, DLUT，Dec. 2021", "Dec. 2021", "Outstanding Student, DLUT"),
    ("Outstanding student scholarship, 2019.", "2019", "Outstanding student scholarship"),
    ("Best paper award", "", "Best paper award"),
])
def test_trailing_date(text, raw, rest):
    assert trailing_date(text) == (raw, rest)


def test_news_shapes_and_comment():
    nodes = parse_section("news", section(
        "- *2024.03*: 🎉 Two papers are accepted by ICLR 2024\n"
        "- **[Jan 2024]** Joined [Adobe](https://adobe.com)\n"
        "<!-- - *2021.12*: hidden\n- *2021.11*: hidden -->\n"
        "<ul>\n  <li><b>2022.09</b> Joined NUS.</li>\n</ul>\n"
        "- an undated item\n  continued here"), CTX)
    news = [n for n in nodes if isinstance(n, NewsItem)]
    assert [(n.date, n.raw_date) for n in news] == [("2024-03", "2024.03"), ("2024-01", "Jan 2024"),
                                                    ("2022-09", "2022.09"), ("", "")]
    assert news[3].text == "an undated item\ncontinued here"
    assert spans(nodes) == [("NewsItem", 10, 10), ("NewsItem", 11, 11), ("Markup", 12, 13), ("Markup", 14, 14),
                            ("NewsItem", 15, 15), ("Markup", 16, 16), ("NewsItem", 17, 18)]
    assert [n.kind for n in nodes if isinstance(n, Markup)] == ["comment", "html", "html"]


def test_honors_with_leading_and_trailing_dates():
    nodes = parse_section("honors", section(
        "- *2021.10* Tencent Scholarship (Top 1%)\n"
        "- *2020.12* [Baidu Scholarship](https://baike.baidu.com/x) (10 students in the world each year)\n"
        "- Outstanding Student, DLUT，Dec. 2021"), CTX)
    assert [(n.name, n.date) for n in nodes] == [
        ("Tencent Scholarship (Top 1%)", "2021-10"),
        ("Baidu Scholarship (10 students in the world each year)", "2020-12"),
        ("Outstanding Student, DLUT", "2021-12")]
    assert nodes[1].text.startswith("*2020.12* [Baidu Scholarship](")


def test_education_one_line():
    nodes = parse_section("education", section(
        "- *2019.06 - 2022.04*, Master, Zhejiang University, Hangzhou.\n"
        "- *2012.09 - 2015.06*, Luqiao Middle School, Taizhou.\n"
        "- *2024 - Present*: Ph.D. in Mechanical Engineering, Carnegie Mellon University. Lab X, advisor: Prof. J. Zhang."), CTX)
    assert all(isinstance(n, Education) for n in nodes)
    first, school, phd = nodes
    assert (first.degree, first.institution, first.location, first.start, first.end) == \
        ("Master", "Zhejiang University", "Hangzhou", "2019-06", "2022-04")
    assert (school.institution, school.location, school.degree) == ("Luqiao Middle School", "Taizhou", "")
    assert (phd.degree, phd.field, phd.institution, phd.end) == \
        ("Ph.D.", "Mechanical Engineering", "Carnegie Mellon University", "present")
    assert "Prof. J. Zhang" in phd.text and phd.location == ""


def test_education_two_degrees_at_one_institution():
    nodes = parse_section("education", section(
        "* **National University of Singapore** \\\n  Ph.D. in Computer Science \\\n  *2024.01 - now* \\\n"
        "  M.S. in Computer Science \\\n  *2022.08 - 2023.12*\n"
        "* **Huazhong University of Science and Technology** \\\n"
        "  B.S. in Computer Science & Electronic Information \\\n  *2018.09 - 2022.06*", first=75), CTX)
    assert [(n.institution, n.degree, n.start, n.end) for n in nodes] == [
        ("National University of Singapore", "Ph.D.", "2024-01", "present"),
        ("National University of Singapore", "M.S.", "2022-08", "2023-12"),
        ("Huazhong University of Science and Technology", "B.S.", "2018-09", "2022-06")]
    assert spans(nodes) == [("Education", 75, 77), ("Education", 78, 79), ("Education", 80, 82)]


def test_experience_shapes():
    nodes = parse_section("experience", section(
        "* **Pika** \\\n  Host: [Chenlin Meng](https://cs.stanford.edu/~chenlin/) \\\n  Efficient video system.\n\n"
        "* **Colossal-AI** \\\n  Research Engineer Intern \\\n"
        "  Host: [Jiarui Fang](https://fangjiarui.github.io/) and [Shenggui Li](https://franklee.xyz/) \\\n"
        "  Core contributor. \\\n  *2022.07 - 2023.12*\n"
        "- *2021.07 - 2022.07*, Research Assistant, at [Megvii Technology](https://megvii.com/), China."), CTX)
    pika, colossal, megvii = nodes
    assert (pika.organisation, pika.hosts, pika.start, pika.text) == ("Pika", ["Chenlin Meng"], "", "Efficient video system.")
    assert (colossal.role, colossal.hosts, colossal.start, colossal.end, colossal.internship) == \
        ("Research Engineer Intern", ["Jiarui Fang", "Shenggui Li"], "2022-07", "2023-12", True)
    assert (megvii.organisation, megvii.role, megvii.location) == ("Megvii Technology", "Research Assistant", "China")
    assert spans(nodes) == [("Experience", 10, 12), ("Experience", 14, 18), ("Experience", 19, 19)]


def test_internships_section_marks_internship():
    nodes = parse_section("internships", section("- *2021.06 - 2021.09*, Alibaba, Hangzhou."), CTX)
    assert isinstance(nodes[0], Experience)
    assert (nodes[0].organisation, nodes[0].location, nodes[0].internship) == ("Alibaba", "Hangzhou", True)


def test_talks():
    nodes = parse_section("talks", section(
        "- *2022.02*, Hosted MLNLP seminar \\| [\\[Video\\]](https://www.bilibili.com/video/BV1wF411x7qh)\n"
        "- *2021.06*, Audio & Speech Synthesis, Huawei internal talk"), CTX)
    assert all(isinstance(n, Talk) for n in nodes)
    assert (nodes[0].title, nodes[0].date, nodes[0].links[0].kind, nodes[0].links[0].span.line) == \
        ("Hosted MLNLP seminar", "2022-02", "video", 10)
    assert (nodes[1].title, nodes[1].event) == ("Audio & Speech Synthesis", "Huawei internal talk")


def test_projects():
    nodes = parse_section("projects", section(
        "* **[VideoSys](https://github.com/NUS-HPC-AI-Lab/VideoSys): An Easy and Efficient System for Video Generation** \\\n"
        "  Project lead.\n"
        "- **AI Agents for Simulation**: Developing agentic workflows.\n"
        "- *2023-2025*, Research on VR risk perception, Guangdong Natural Science Foundation."), CTX)
    assert all(isinstance(n, Project) for n in nodes)
    assert (nodes[0].name, nodes[0].url, nodes[0].role, nodes[0].description) == \
        ("VideoSys", "https://github.com/NUS-HPC-AI-Lab/VideoSys", "Project lead.",
         "An Easy and Efficient System for Video Generation")
    assert (nodes[1].name, nodes[1].description) == ("AI Agents for Simulation", "Developing agentic workflows.")
    assert (nodes[2].name, nodes[2].start, nodes[2].end) == ("Research on VR risk perception", "2023", "2025")


def test_teaching():
    nodes = parse_section("teaching", section(
        "- Teaching Assistant in the course *Statistical Machine Learning*, at Uppsala University"), CTX)
    assert isinstance(nodes[0], Teaching)
    assert (nodes[0].role, nodes[0].title, nodes[0].institution) == \
        ("Teaching Assistant", "Statistical Machine Learning", "Uppsala University")


def test_unparsed_lines_become_free_sections():
    nodes = parse_section("news", section("Some words before the list.\n\n- *2024.01*: item\n<div markdown=\"1\">\n"
                                          "A closing paragraph\nspanning two lines.\n</div>"), CTX)
    assert spans(nodes) == [("FreeSection", 10, 10), ("NewsItem", 12, 12), ("Markup", 13, 13),
                            ("FreeSection", 14, 15), ("Markup", 16, 16)]
    services = parse_section("services", section("- Reviewer: CVPR\n- Reviewer: ICML\n\nand more"), CTX)
    assert spans(services) == [("FreeSection", 10, 13)]
    assert isinstance(services[0], FreeSection) and services[0].role == "services"


def test_style_block_is_markup():
    nodes = parse_section("other", section("<style>\n.card { color: red; }\n</style>\ntext"), CTX)
    assert spans(nodes) == [("Markup", 10, 12), ("FreeSection", 13, 13)]


def test_nothing_dropped_or_doubled_with_gaps():
    lines = [(10, "- *2024.01*: a"), (11, "  more"), (13, "- *2023.01*: b"), (14, "text")]
    nodes = parse_section("news", Section(title="N", level=1, lines=lines), CTX)
    # a line taken out (12, say a comment read elsewhere) ends an entry; a lazy continuation joins it
    assert spans(nodes) == [("NewsItem", 10, 11), ("NewsItem", 13, 14)]


@pytest.mark.parametrize("kind", ["news", "honors", "education", "experience", "talks", "projects", "teaching"])
def test_empty_entry_is_kept(kind):
    nodes = parse_section(kind, section("- \n- *2024.01*"), CTX)
    assert spans(nodes)[0] == ("FreeSection", 10, 10)


def test_education_degree_first_and_cv_shapes():
    nodes = parse_section("education", section(
        "* Ph.D. candidate in Electrical and Computer Engineering  \n"
        "  University of Alberta, Canada, Jan 2019 - now  \n"
        "  Supervisor: Prof. [Li Cheng](https://example.org/lc)\n"
        "* **MSc**, Economics (magna cum laude), KU Leuven, 2018-19\n"
        "* B.S. in Github, Github University, 2012\n"
        "- *2018.11 - 2019.12*, University of California, Berkeley, Transportation Research Institute, Joint PhD Student."), CTX)
    phd, msc, bs, joint = nodes
    assert (phd.degree, phd.field, phd.institution, phd.location, phd.start, phd.end) == \
        ("Ph.D. candidate", "Electrical and Computer Engineering", "University of Alberta", "Canada", "2019-01", "present")
    assert phd.text.startswith("Supervisor: Prof.") and phd.span.end_line == 12
    assert (msc.degree, msc.field, msc.institution, msc.start, msc.end) == \
        ("MSc", "Economics (magna cum laude)", "KU Leuven", "2018", "2019")
    assert (bs.institution, bs.start, bs.end) == ("Github University", "", "2012")
    assert (joint.institution, joint.degree) == ("University of California, Berkeley", "Joint PhD Student")


def test_project_names_in_bold_may_hold_brackets_and_colons():
    nodes = parse_section("projects", section(
        "- **Street segmentation (Work in progress)**: Deep nets on street videos. Pytorch as main tool.\n"
        "- **Foo: Bar**: a project whose name has a colon"), CTX)
    assert [(n.name, n.description) for n in nodes] == [
        ("Street segmentation (Work in progress)", "Deep nets on street videos. Pytorch as main tool."),
        ("Foo: Bar", "a project whose name has a colon")]
