"""The site owner's profile from the `_config.yml` `author:` block (both themes use it)."""
from __future__ import annotations

import re
from typing import Any, Dict, List, Optional

from ..loader import LoadedSite
from ..model import Link, Profile, Span
from ..source import NotText, read_text

CONFIG = "_config.yml"
_PROFILE_KEYS = ("name", "avatar", "bio", "location", "employer", "email")
# author key -> (link kind, URL pattern for a bare username; None when only URLs make sense)
SOCIAL = {
    "github": ("github", "https://github.com/{}"),
    "googlescholar": ("scholar", "https://scholar.google.com/citations?user={}"),
    "google_scholar": ("scholar", "https://scholar.google.com/citations?user={}"),
    "scholar": ("scholar", "https://scholar.google.com/citations?user={}"),
    "orcid": ("orcid", "https://orcid.org/{}"),
    "twitter": ("twitter", "https://twitter.com/{}"),
    "x": ("twitter", "https://x.com/{}"),
    "linkedin": ("linkedin", "https://www.linkedin.com/in/{}"),
    "researchgate": ("researchgate", "https://www.researchgate.net/profile/{}"),
    "dblp": ("dblp", None), "semantic": ("semanticscholar", None), "semanticscholar": ("semanticscholar", None),
    "arxiv": ("arxiv", None), "pubmed": ("pubmed", None), "impactstory": ("impactstory", None),
    "stackoverflow": ("stackoverflow", "https://stackoverflow.com/users/{}"),
    "gitlab": ("gitlab", "https://gitlab.com/{}"), "bitbucket": ("bitbucket", "https://bitbucket.org/{}"),
    "facebook": ("facebook", "https://www.facebook.com/{}"), "instagram": ("instagram", "https://instagram.com/{}"),
    "youtube": ("youtube", "https://youtube.com/{}"), "zhihu": ("zhihu", "https://www.zhihu.com/people/{}"),
    "weibo": ("weibo", "https://weibo.com/{}"), "bluesky": ("bluesky", "https://bsky.app/profile/{}"),
    "mastodon": ("mastodon", None), "keybase": ("keybase", "https://keybase.io/{}"),
    "kaggle": ("kaggle", "https://www.kaggle.com/{}"), "medium": ("medium", "https://medium.com/@{}"),
    "wikipedia": ("wikipedia", "https://en.wikipedia.org/wiki/User:{}"),
    "uri": ("website", None), "website": ("website", None), "homepage": ("website", None),
    "cv": ("cv", None), "baidu_scholar": ("baidu_scholar", None),
}
_SCHOLAR_ID = re.compile(r"[?&]user=([\w-]+)")


def config_lines(loaded: LoadedSite) -> List[str]:
    """The lines of `_config.yml` (read again without recording it twice)."""
    try:
        return read_text((loaded.root / CONFIG).read_bytes(), CONFIG).lines
    except (OSError, NotText):
        return []


def block_lines(lines: List[str], start: int) -> int:
    """Last line (1-based) of the indented block whose key is on line `start`."""
    end = start
    for i in range(start, len(lines)):
        text = lines[i]
        if text.strip() and not text.startswith((" ", "\t", "#")):
            break
        if text.strip() and not text.lstrip().startswith("#"):
            end = i + 1
    return end


def key_line(lines: List[str], key: str, start: int, end: int) -> int:
    pattern = re.compile(r"^\s+" + re.escape(key) + r"\s*:")
    for i in range(start, min(end, len(lines))):
        if pattern.match(lines[i]):
            return i + 1
    return start


def expand(key: str, value: str) -> Optional[Link]:
    """A profile link from an `author:` key; usernames expanded to URLs."""
    if key == "email" or value.startswith("mailto:"):
        url = value if re.match(r"mailto:|https?:|/", value) else "mailto:" + value
        return Link(kind="email", url=url, label=value)
    kind, pattern = SOCIAL.get(re.sub(r"\d+$", "", key), (None, None))
    if kind is None and not re.match(r"https?://", value):
        return None
    kind = kind or key
    url = value
    if not re.match(r"(https?:)?//|mailto:|/", value):
        if pattern and re.fullmatch(r"@?[\w.\-]+/?", value):
            url = pattern.format(value.lstrip("@"))
        elif "." in value.split("/")[0]:
            url = "https://" + value
    return Link(kind=kind, url=url, label=value)


def name_variants(name: str) -> List[str]:
    """'Ziwei Luo (罗梓巍)' -> ['Ziwei Luo', '罗梓巍']; 'First Last' -> also 'Last, First'."""
    out: List[str] = []
    inner = re.match(r"^(.*?)\s*[(（]([^)）]+)[)）]\s*$", name)
    if inner:
        out += [inner.group(1).strip(), inner.group(2).strip()]
    base = out[0] if out else name
    words = base.split()
    if len(words) >= 2 and "," not in base:
        out.append(f"{words[-1]}, {' '.join(words[:-1])}")
    return [v for v in out if v and v != name]


def read_profile(loaded: LoadedSite) -> Profile:
    """The owner from `author:`, `name` and `url` of `_config.yml`, with spans into the config."""
    config = loaded.site.config
    author: Dict[str, Any] = config.get("author") if isinstance(config.get("author"), dict) else {}
    lines = config_lines(loaded)
    start = loaded.site.config_lines.get("author", loaded.site.config_lines.get("name", 1))
    end = block_lines(lines, start) if "author" in loaded.site.config_lines else start
    profile = Profile(span=Span(CONFIG, start, 1, end))
    for key in _PROFILE_KEYS:
        value = author.get(key)
        if isinstance(value, (str, int, float)) and str(value).strip():
            setattr(profile, key, str(value).strip())
    if not profile.name:
        for fallback in (config.get("name"), config.get("title")):
            if isinstance(fallback, str) and fallback.strip():
                profile.name = fallback.strip()
                break
    homepage = config.get("url")
    if isinstance(homepage, str):
        profile.homepage = (homepage.rstrip("/") + "/" + str(config.get("baseurl") or "").strip("/")).rstrip("/")
    profile.name_variants = name_variants(profile.name)
    site_name = config.get("name")
    if isinstance(site_name, str) and site_name.strip() and site_name.strip() not in [profile.name, *profile.name_variants]:
        profile.name_variants.append(site_name.strip())
    for key, value in author.items():
        if key in _PROFILE_KEYS and key != "email" or value in (None, "", [], {}):
            continue
        if not isinstance(value, (str, int, float)) or isinstance(value, bool):
            profile.extra[key] = value
            continue
        text = str(value).strip()
        link = expand(key.lower(), text)
        if link is None:
            profile.extra[key] = value
            continue
        link.span = Span(CONFIG, key_line(lines, key, start, end), 1)
        profile.links.append(link)
        if "scholar.google" in link.url and not profile.scholar_id:
            found = _SCHOLAR_ID.search(link.url)
            profile.scholar_id = found.group(1) if found else ""
    return profile
