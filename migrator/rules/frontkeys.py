"""Front matter keys that Jekyll, academicpages (minimal-mistakes) and acad-homepage read, per document type."""
from __future__ import annotations

from typing import Set

JEKYLL = {
    "layout", "permalink", "published", "title", "date", "categories", "category", "tags", "tag",
    "excerpt", "excerpt_separator", "slug", "collection", "output", "render_with_liquid", "lang",
    "description", "image", "author", "last_modified_at", "sitemap", "redirect_from", "redirect_to",
    "seo", "canonical_url", "hidden", "pagination", "paginate", "plugins", "type", "draft",
}
THEME = {  # minimal-mistakes, which academicpages is built on, and acad-homepage
    "author_profile", "header", "classes", "sidebar", "toc", "toc_label", "toc_icon", "toc_sticky",
    "read_time", "comments", "share", "related", "modified", "show_date", "search", "seo_title",
    "og_image", "breadcrumbs", "feature_row", "mathjax", "math", "excerpt_separator", "teaser",
    "gallery", "entries_layout", "header_image", "locale", "words_per_minute", "link", "redirect",
    "author_name", "mermaid", "use_math", "classes", "subtitle", "summary", "tagline", "overlay_image",
}
BY_TYPE = {
    "publications": {"venue", "paperurl", "slidesurl", "bibtexurl", "citation", "pubtype", "authors",
                     "abstract", "doi", "year", "pdf", "code", "arxiv", "bibtex", "selected", "preview",
                     "venue_short", "journal", "status"},
    "talks": {"venue", "location", "talkurl", "talk_url", "slidesurl", "video", "slides", "event", "link"},
    "teaching": {"venue", "location", "semester", "role", "course"},
    "portfolio": {"venue", "location", "link", "github", "topic"},
    "posts": {"header", "video"},
    "pages": {"navigation", "hero", "list", "entries_layout"},
}


def known_keys(doc_type: str) -> Set[str]:
    return JEKYLL | THEME | BY_TYPE.get(doc_type, set())
