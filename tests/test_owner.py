"""The owner's identity from the config, the pages and overrides."""
from migrator.model import Person, Profile, Publication, Site
from migrator.owner import owner_match, owner_names, resolve_owner


def site(config, profile=None, pubs=()):
    return Site(config=config, profile=profile or Profile(), publications=list(pubs))


def test_config_author_block():
    owner = resolve_owner(site({"url": "https://oahzxl.github.io",
                                "author": {"name": "Ziwei Luo (罗梓巍)", "github": "oahzxl",
                                           "googlescholar": "https://scholar.google.com/citations?user=I5NBOacAAAAJ&hl=en"}}), {})
    assert owner.name == "Ziwei Luo"
    assert "罗梓巍" in owner.variants and "Luo, Ziwei" in owner.variants and "Z. Luo" in owner.variants
    assert owner.homepage == "https://oahzxl.github.io"
    assert owner.scholar_id == "I5NBOacAAAAJ" and owner.github == "oahzxl"


def test_repository_gives_homepage_and_placeholders_are_ignored():
    owner = resolve_owner(site({"url": "https://academicpages.github.io", "repository": "janedoe/janedoe.github.io",
                                "name": "Your Name", "author": {"name": "Dr. Jane Doe", "github": "academicpages",
                                "googlescholar": "https://scholar.google.com/citations?user=PS_CX0AAAAAJ"}}), {})
    assert owner.name == "Jane Doe"
    assert owner.homepage == "https://janedoe.github.io"
    assert owner.github == "janedoe" and owner.scholar_id == ""


def test_overrides_win():
    owner = resolve_owner(site({"author": {"name": "J. Doe"}}),
                          {"name": "Jane Doe", "variants": ["Doe Jane"], "homepage": "https://doe.example.org/",
                           "scholar_id": "abcdefABCDEF"})
    assert owner.name == "Jane Doe" and "Doe Jane" in owner.variants
    assert owner.homepage == "https://doe.example.org" and owner.scholar_id == "abcdefABCDEF"


def test_most_highlighted_name_when_config_has_none_or_native_script():
    pubs = [Publication(authors=[Person(name="Cong Zhao", is_owner=True), Person(name="A B")]) for _ in range(3)]
    assert resolve_owner(site({}, pubs=pubs), {}).name == "Cong Zhao"
    owner = resolve_owner(site({"author": {"name": "赵聪"}}, pubs=pubs), {})
    assert owner.name == "赵聪" and "Cong Zhao" in owner.variants


def test_owner_match_spellings():
    names = owner_names(resolve_owner(site({"author": {"name": "Ivan Gordeev"}}), {}))
    for written in ["I. S. Gordeev", "Ivan Sergeevich Gordeev", "Gordeev, I.", "GORDEEV Ivan", "Gordeev I"]:
        assert owner_match(written, names), written
    for written in ["Ivan Petrov", "A. Gordeev", "Yi Ren"]:
        assert not owner_match(written, names), written
