"""Local files a written page refers to (images, PDFs), and where the avatar lives in each theme."""
from __future__ import annotations

import re
from typing import Dict, Iterable, Optional, Tuple

from ..model import Site

_REF = re.compile(r"""(?:\bsrc|\bhref)\s*=\s*["']([^"']+)["']|\]\(\s*<?([^)\s>]+)""")
_PAGE_EXT = {"", ".html", ".htm", ".md", ".markdown"}


def local_path(url: str) -> Optional[str]:
    """The site-relative file a link points to, or None for pages, anchors and other sites."""
    url = url.strip()
    if not url or re.match(r"^([a-z][a-z0-9+.-]*:|//|#|\{)", url, re.I) or "{{" in url:
        return None
    path = re.split(r"[?#]", url, 1)[0]
    while path.startswith("./"):
        path = path[2:]
    path = path.lstrip("/")
    ext = ("." + path.rsplit(".", 1)[-1].lower()) if "." in path.rsplit("/", 1)[-1] else ""
    return None if ext in _PAGE_EXT or not path else path


def asset_refs(texts: Iterable[str]) -> Dict[str, str]:
    """{output path: source path} of every local file the texts refer to (same path in both sites)."""
    found: Dict[str, str] = {}
    for text in texts:
        for match in _REF.finditer(text):
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
