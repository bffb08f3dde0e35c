"""One hand-built canonical model that every writer golden is made from."""
from migrator.model import (Badge, Education, Experience, FreeSection, Honor, Link, NavItem, NewsItem, Page,
                            Person, Profile, Project, Publication, Site, Span, Talk, Teaching, Venue)

ABOUT = "_pages/about.md"


def _span(line, end=None):
    return Span(ABOUT, line, 1, end or line)


def canonical_site() -> Site:
    owner = dict(name="Ada Lovelace", is_owner=True)
    return Site(
        root="site", theme="academicpages",
        profile=Profile(name="Ada Lovelace", avatar="ada.jpg", bio="Analyst & poet", location="London",
                        employer="Analytical Society", email="ada@example.org",
                        links=[Link("github", "https://github.com/ada", "ada"),
                               Link("scholar", "https://scholar.google.com/citations?user=ADA123456789",
                                    "https://scholar.google.com/citations?user=ADA123456789"),
                               Link("dblp", "https://dblp.org/pid/00/1", "https://dblp.org/pid/00/1")],
                        span=Span("_config.yml", 10, 1, 20)),
        publications=[
            Publication(title="Notes on the Analytical Engine", selected=True, group="Engines",
                        authors=[Person(**owner, equal_contribution=True, marks=["*"]),
                                 Person(name="Charles Babbage", equal_contribution=True, marks=["*"])],
                        venue=Venue(label="ICLR 2024", year=2024,
                                    raw="International Conference on Learning Representations (ICLR), 2024"),
                        links=[Link("paper", "https://arxiv.org/abs/2401.10652", "paper"),
                               Link("code", "https://github.com/ada/engine", "code")],
                        badges=[Badge("https://img.shields.io/github/stars/ada/engine.svg?style=social&label=Star")],
                        date="2024-05", span=_span(30, 34)),
            Publication(title="Bernoulli Numbers <by machine>", selected=False, group="2023",
                        authors=[Person(name="Mary Somerville"), Person(**owner, corresponding=True, marks=["†"])],
                        venue=Venue(label="arXiv", preprint=True, raw="arXiv"),
                        links=[Link("pdf", "/files/bernoulli.pdf", "pdf")], notes="- Cited by the engine's manual.",
                        span=Span("_pages/publications.md", 12, 1, 15)),
            Publication(title="Notes on the Analytical Engine", selected=False, group="2024",
                        authors=[Person(**owner), Person(name="Charles Babbage")],
                        venue=Venue(label="ICLR 2024", year=2024), span=Span("_pages/publications.md", 8, 1, 11)),
        ],
        news=[NewsItem(date="2024-03", raw_date="2024.03", text="🎉 Paper accepted at ICLR 2024", span=_span(12))],
        education=[Education(institution="University of London", degree="Ph.D.", field="Mathematics",
                             start="1840-09", end="1843-06", location="London", span=_span(40))],
        experience=[Experience(organisation="Analytical Society", role="Research Intern", hosts=["Charles Babbage"],
                               start="1842-01", end="present", internship=True, span=_span(44))],
        honors=[Honor(name="Royal Medal", date="1844", text="*1844* Royal Medal", span=_span(48))],
        talks=[Talk(title="On Engines", event="Royal Society", date="1843-11-05", location="London",
                    links=[Link("slides", "/files/engines-slides.pdf", "slides")], span=_span(52))],
        teaching=[Teaching(title="Calculus", role="Teaching assistant", institution="University of London",
                           date="1841", span=_span(56))],
        projects=[Project(name="Engine", url="https://github.com/ada/engine", description="A programmable machine",
                          role="Lead", span=_span(60))],
        sections=[FreeSection(title="", markdown="Hi! I write **programs** for engines.\n\n![me](/images/ada.jpg)",
                              role="intro", span=_span(10, 11)),
                  FreeSection(title="Service", markdown="- Reviewer for the Royal Society", span=_span(64))],
        pages=[Page(path=ABOUT, role="about", title="About", url="/", span=Span(ABOUT, 1, 1, 8)),
               Page(path="_pages/publications.md", role="publications", title="Publications",
                    url="/publications/", span=Span("_pages/publications.md", 1, 1, 5))],
        navigation=[NavItem("Publications", "/publications/"), NavItem("Blog", "https://ada.example.org/blog")],
        config={"title": "Ada Lovelace", "description": "Poetical science", "url": "https://ada.example.org",
                "repository": "ada/ada.github.io", "collections": {"talks": {"output": True}},
                "analytics": {"provider": False}, "footer_note": "Made with steam"},
    )
