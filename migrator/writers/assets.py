"""Local files a written page refers to (images, PDFs), and where the avatar lives in each theme."""
from __future__ import annotations

import re
from typing import Callable, Dict, Iterable, Optional, Tuple

from ..model import Site

REF = re.compile(r"""(?:\bsrc|\bhref)\s*=\s*["']([^"']+)["']|\]\(\s*<?((?:\{\{[^{}]*\}\})*[^)\s>]+)""")
_PAGE_EXT = {"", ".html", ".htm", ".md", ".markdown"}
_BASE = re.compile(r"^(?:\{\{-?\s*(?:base_path|site\.baseurl|site\.url)\s*-?\}\})+(?=/)")
"""Liquid prefixes the themes put before site paths (`{{ base_path }}/files/x.pdf`)."""
_NOT_LOCAL = re.compile(r"^([a-z][a-z0-9+.-]*:|//|#|\{)", re.I)
_QUERY = re.compile(r"[?#]")


def strip_base(url: str) -> str:
    """The URL without a leading `{{ base_path }}` / `{{ site.baseurl }}` prefix."""
    return _BASE.sub("", url.strip())


def local_path(url: str) -> Optional[str]:
    """The site-relative file a link points to, or None for pages, anchors and other sites."""
    url = strip_base(url)
    if not url or _NOT_LOCAL.match(url) or "{{" in url:
        return None
    path = _QUERY.split(url, 1)[0]
    while path.startswith("./"):
        path = path[2:]
    path = path.lstrip("/")
    ext = ("." + path.rsplit(".", 1)[-1].lower()) if "." in path.rsplit("/", 1)[-1] else ""
    return None if ext in _PAGE_EXT or not path else path


def asset_refs(texts: Iterable[str]) -> Dict[str, str]:
    """{output path: source path} of every local file the texts refer to (same path in both sites)."""
    found: Dict[str, str] = {}
    for text in texts:
        for match in REF.finditer(text):
            path = local_path(match.group(1) or match.group(2) or "")
            if path:
                found.setdefault(path, path)
    return found


def avatar_file(site: Site) -> Tuple[str, str]:
    """(file name, source path) of the avatar; ('', '') when there is none or it is a URL."""
    avatar = site.profile.avatar.strip()
    if not avatar or re.match(r"^([a-z]+:)?//", avatar, re.I):
        return "", ""
    path = avatar.lstrip("/")
    if site.theme == "academicpages" and "/" not in path:
        path = "images/" + path  # academicpages prepends /images/ to the avatar
    return path.rsplit("/", 1)[-1], path


_FRONT = re.compile(r"\A---[ \t]*\r?\n(.*?\n)---[ \t]*\r?\n", re.S)
_PERMALINK = re.compile(r"""^permalink:[ \t]*['"]?([^'"\s]+)""", re.M)
_URL_KEY = re.compile(r"""(\b\w*url:[ \t]*["']?)([^"'\s,}]+)""")


def root_relative_links(files: Dict[str, object]) -> None:
    """Make relative asset links site-rooted in written pages not served from the site's top folder,
    where they would resolve elsewhere (writers copy the model's links, which mean the top folder)."""
    for path, text in list(files.items()):
        if not isinstance(text, str) or not path.endswith((".md", ".markdown", ".html")):
            continue
        front = _FRONT.match(text)
        if not front:
            continue  # not rendered as a page of its own (an include)
        link = _PERMALINK.search(front.group(1))
        url = link.group(1) if link else ("/" + path if "/" not in path else "/" + path + "/")
        if (url if url.endswith("/") else url.rsplit("/", 1)[0] + "/") == "/":
            continue
        head = _URL_KEY.sub(lambda m: m.group(1) + _rooted(m.group(2)), front.group(0))
        body = sub_refs(text[front.end():], _rooted)
        files[path] = head + body


def _rooted(url: str) -> str:
    path = local_path(url)
    if not path or url.startswith(("/", "{")) or path.startswith("../"):
        return url
    return "/" + path + url[len(_QUERY.split(url, maxsplit=1)[0]):]


def sub_refs(text: str, change: Callable[[str], str]) -> str:
    """`text` with the URL of every link and image passed through `change`."""
    def one(match) -> str:
        group = 1 if match.group(1) is not None else 2
        start, end = match.start(group) - match.start(0), match.end(group) - match.start(0)
        return match.group(0)[:start] + change(match.group(group)) + match.group(0)[end:]
    return REF.sub(one, text)
