"""Source-theme readers: one module each, behind one registry.

A reader takes a `LoadedSite` (config, navigation and documents already read,
see migrator/loader.py) and fills its `Site` with content nodes.
"""
from __future__ import annotations

from importlib import import_module
from pathlib import Path
from typing import Callable, Dict, Optional

from .. import lifetime
from ..loader import LoadedSite, load_site
from ..model import Site

# Theme -> module with a `read(LoadedSite)` function; imported only for the theme read,
# which keeps a lint run of a small site from loading the other theme's reader.
READERS: Dict[str, str] = {
    "academicpages": "academicpages",
    "acad-homepage": "acad_homepage",
}


def reader(theme: str) -> Callable[[LoadedSite], None]:
    """The read function of a theme's reader."""
    return import_module(f".{READERS[theme]}", __name__).read


class SiteError(Exception):
    """The folder cannot be read as a site at all (exit status 2)."""


def detect_theme(loaded: LoadedSite) -> str:
    """Guess the source theme from the files; see docs/readers.md for the signals."""
    scores = {"academicpages": 0, "acad-homepage": 0}
    files = set(loaded.files)
    config = loaded.site.config
    for name in ("_publications", "_talks", "_teaching", "_portfolio"):
        if any(f.startswith(name + "/") for f in files):
            scores["academicpages"] += 2
    collections = config.get("collections")
    if isinstance(collections, (dict, list)) and any(
            c in collections for c in ("publications", "talks", "teaching", "portfolio")):
        scores["academicpages"] += 2
    if any(f.startswith("_pages/includes/") for f in files):
        scores["acad-homepage"] += 2
    if "google_scholar_stats_use_cdn" in config or "repository" in config and "acad-homepage" in str(config.get("repository")):
        scores["acad-homepage"] += 3
    for doc in loaded.documents:
        if doc.path == "_pages/about.md":
            body = "\n".join(doc.text.lines[:400])
            if "class='anchor'" in body or 'class="anchor"' in body or "paper-box" in body:
                scores["acad-homepage"] += 3
    nav_urls = [n.url for n in loaded.site.navigation]
    if nav_urls and sum("#" in u for u in nav_urls) > len(nav_urls) / 2:
        scores["acad-homepage"] += 2
    elif nav_urls:
        scores["academicpages"] += 1
    return max(scores, key=lambda k: (scores[k], k == "academicpages"))


def read_site(root: str, theme: Optional[str] = None) -> Site:
    """Read a site folder into the canonical model."""
    return read_loaded(root, theme).site


def read_loaded(root: str, theme: Optional[str] = None) -> LoadedSite:
    """Read a site folder, keeping the loaded documents (for fixes and line accounting)."""
    path = Path(root)
    if not path.is_dir():
        raise SiteError(f"{root}: not a folder")
    loaded = load_site(path)
    if not loaded.documents and "_config.yml" not in loaded.files:
        raise SiteError(f"{root}: no _config.yml and no pages: not a Jekyll site")
    if theme is not None and theme not in READERS:
        raise SiteError(f"unknown theme {theme!r}; known: {', '.join(READERS)}")
    loaded.site.theme = theme or detect_theme(loaded)
    reader(loaded.site.theme)(loaded)
    lifetime.keep(loaded)
    return loaded
