"""`_config.yml` of the new site: the theme's file (or the checkout's own) with the owner filled in.

Edited with ruamel.yaml round-trip, so a checkout's comments and key order are kept.
Keys of the old config that the theme has no use for are appended and reported;
the old theme's machinery (defaults, collections, plugins, ...) is not carried.
"""
from __future__ import annotations

import io
from typing import Any, Dict, List, Tuple

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap

from ..model import Profile

# The old theme's own settings: replaced by the new theme's, never carried.
MACHINERY = {
    "defaults", "collections", "plugins", "gems", "whitelist", "include", "exclude", "keep_files",
    "markdown", "highlighter", "kramdown", "sass", "compress_html", "paginate", "paginate_path",
    "permalink", "markdown_ext", "encoding", "lsi", "excerpt_separator", "incremental", "safe",
    "source", "destination", "plugins_dir", "layouts_dir", "data_dir", "includes_dir", "future",
    "theme", "remote_theme", "site_theme", "analytics", "comments", "atom_feed", "search",
    "search_full_content", "category_archive", "tag_archive", "jekyll-archives", "teaser", "breadcrumbs",
    "words_per_minute", "read_time", "timezone", "locale", "author", "webrick", "livereload",
    "sass_dir", "feed", "footer", "header", "masthead_title", "title_separator", "name",
    "future", "show_drafts", "unpublished", "quiet", "verbose", "port", "host",
}
# Author keys per link kind (the value is written back as the source wrote it).
LINK_KEYS = {"github": "github", "scholar": "googlescholar", "orcid": "orcid", "twitter": "twitter",
             "linkedin": "linkedin", "researchgate": "researchgate", "website": "uri",
             "pubmed": "pubmed", "impactstory": "impactstory", "stackoverflow": "stackoverflow",
             "bitbucket": "bitbucket", "facebook": "facebook", "instagram": "instagram",
             "youtube": "youtube", "weibo": "weibo", "keybase": "keybase", "wikipedia": "wikipedia",
             "email": "email"}


def _yaml() -> YAML:
    yaml = YAML()
    yaml.preserve_quotes = True
    yaml.indent(mapping=2, sequence=4, offset=2)
    yaml.width = 4096
    return yaml


def author_values(profile: Profile, avatar: str) -> Dict[str, Any]:
    """The theme's `author:` keys from the profile, in a fixed order."""
    values: Dict[str, Any] = {}
    for key in ("name", "bio", "location", "employer"):
        if getattr(profile, key):
            values[key] = getattr(profile, key)
    if avatar:
        values["avatar"] = avatar
    if profile.email:
        values["email"] = profile.email
    for link in profile.links:
        key = LINK_KEYS.get(link.kind, link.kind)
        value = link.label or link.url
        if key == "email":
            value = value.replace("mailto:", "")
        values.setdefault(key, value)
    for key, value in profile.extra.items():
        values.setdefault(key, value)
    return values


def merge_config(base_text: str, config: Dict[str, Any], author: Dict[str, Any],
                 copied: Tuple[str, ...], theme_text: str = "") -> Tuple[str, List[str]]:
    """The new `_config.yml` and the keys kept from the old one that the theme does not render.

    `copied` keys take the old site's value when the base has them; other old keys not in
    the base and not machinery are appended after a comment.
    """
    yaml = _yaml()
    doc = yaml.load(base_text) or CommentedMap()
    for key in copied:
        if key in config and config[key] not in (None, ""):
            doc[key] = config[key]
    block = doc.get("author")
    if not isinstance(block, CommentedMap):
        block = CommentedMap()
        doc["author"] = block
    theme_author = (yaml.load(theme_text) or {}).get("author") if theme_text else None
    rendered = set(block) | set(theme_author or ())
    last = list(block)[-1] if len(block) else None
    for key in list(block):
        if key not in author:
            block[key] = None
    for key, value in author.items():
        block[key] = value
    _move_trailing_comment(block, last)
    kept = [k for k in config if k not in doc and k not in MACHINERY and config[k] not in (None, "", [], {})]
    for index, key in enumerate(kept):
        doc[key] = config[key]
        if index == 0:
            doc.yaml_set_comment_before_after_key(
                key, before="Kept from the old site (this theme does not use these keys)")
    kept += [f"author.{key}" for key in author if key not in rendered]
    stream = io.StringIO()
    yaml.dump(doc, stream)
    return stream.getvalue(), kept


def _move_trailing_comment(block: CommentedMap, last: Any) -> None:
    """Blank lines and comments after the old last key stay after the block, not inside it."""
    new_last = list(block)[-1] if len(block) else None
    token = block.ca.items.get(last, [None] * 4)[2] if last is not None else None
    if new_last == last or token is None or not token.value.startswith("\n"):
        return
    block.ca.items[new_last] = block.ca.items.pop(last)


def finish_site(out, site, options, config: Dict[str, Any], avatar: str, template: str,
                copied: Tuple[str, ...]) -> None:
    """Both writers' last step: the merged `_config.yml` and the assets the written pages refer to."""
    from .assets import asset_refs

    text, kept = merge_config(options.base_config or template, config, author_values(site.profile, avatar),
                              copied, template)
    out.files["_config.yml"] = text
    out.kept_config_keys = kept
    out.copies.update(asset_refs(t for p, t in out.files.items() if p.endswith(".md")))
