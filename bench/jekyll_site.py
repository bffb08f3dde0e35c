"""A copy of a site that Debian's bare `jekyll` can build: minimal layouts, empty includes,
and a config without the theme and plugins the content-only site does not ship."""
from __future__ import annotations

import re
import shutil
from pathlib import Path

import yaml

LAYOUTS = ("default", "single", "archive", "talk", "splash", "home", "page", "post", "posts",
           "collection", "cv-layout", "archive-taxonomy", "search")
DROPPED_KEYS = ("theme", "remote_theme", "plugins", "gems", "whitelist")
_INCLUDE = re.compile(r"\{%-?\s*include\s+([\w./-]+)")


def jekyll_copy(site: Path, dest: Path) -> Path:
    """Copy `site` to `dest` (once per version of the site) and make it buildable."""
    stamp = site / ".bench-stamp"
    marker = dest / ".bench-stamp"
    if stamp.exists() and marker.exists() and marker.read_text() == stamp.read_text():
        return dest
    if dest.exists():
        shutil.rmtree(dest)
    shutil.copytree(site, dest, ignore=shutil.ignore_patterns("_site", ".jekyll-cache"))
    config_path = dest / "_config.yml"
    config = yaml.safe_load(config_path.read_text(encoding="utf-8")) if config_path.exists() else {}
    config = config if isinstance(config, dict) else {}
    for key in DROPPED_KEYS:
        config.pop(key, None)
    config_path.write_text(yaml.safe_dump(config, allow_unicode=True), encoding="utf-8")
    layouts = dest / "_layouts"
    layouts.mkdir(exist_ok=True)
    for name in LAYOUTS:
        (layouts / f"{name}.html").write_text("<html><body>{{ content }}</body></html>\n")
    includes = dest / "_includes"
    includes.mkdir(exist_ok=True)
    for page in dest.rglob("*"):
        if page.suffix in (".md", ".html") and page.is_file():
            for name in _INCLUDE.findall(page.read_text(encoding="utf-8", errors="replace")):
                target = includes / name
                if not target.exists():
                    target.parent.mkdir(parents=True, exist_ok=True)
                    target.write_text("")
    if stamp.exists():
        shutil.copy(stamp, marker)
    return dest
