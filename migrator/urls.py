"""Jekyll's front matter defaults and output URLs, so collisions can be found before a build."""
from __future__ import annotations

import re
from typing import Any, Dict

_POST_NAME = re.compile(r"^(\d{4})-(\d{2})-(\d{2})-(.+)$")
_NOT_SLUG = re.compile(r"[^a-z0-9]+")
_SLASHES = re.compile(r"/{2,}")
_BUILTIN_PERMALINKS = {
    "date": "/:categories/:year/:month/:day/:title:output_ext",
    "pretty": "/:categories/:year/:month/:day/:title/",
    "ordinal": "/:categories/:year/:y_day/:title:output_ext",
    "none": "/:categories/:title:output_ext",
}


def apply_defaults(config: Dict[str, Any], rel: str, doc_type: str, values: Dict[str, Any]) -> Dict[str, Any]:
    """Front matter with `_config.yml` `defaults:` applied (the document's own keys win)."""
    merged: Dict[str, Any] = {}
    defaults = config.get("defaults")
    if isinstance(defaults, list):
        for entry in defaults:
            if not isinstance(entry, dict) or not isinstance(entry.get("values"), dict):
                continue
            scope = entry.get("scope") if isinstance(entry.get("scope"), dict) else {}
            scope_path = str(scope.get("path") or "").strip("/")
            scope_type = scope.get("type")
            if scope_path and not (rel == scope_path or rel.startswith(scope_path + "/")):
                continue
            if scope_type and str(scope_type) != doc_type:
                continue
            merged.update(entry["values"])
    merged.update(values)
    return merged


def slugify(text: str) -> str:
    return _NOT_SLUG.sub("-", text.lower()).strip("-")


def page_suffix(config: Dict[str, Any], out_ext: str) -> str:
    """What Jekyll puts after a page's name: '/' when the site permalink style is pretty or ends
    with '/', else the output extension (Jekyll's `Utils.add_permalink_suffix`)."""
    style = str(config.get("permalink") or "date")
    if out_ext == ".html" and (style == "pretty" or style.endswith("/")):
        return "/"
    return out_ext


def document_url(rel: str, collection: str, values: Dict[str, Any], meta: Dict[str, Any],
                 config: Dict[str, Any]) -> str:
    """The URL Jekyll writes a document to (pages, collection items and posts)."""
    name = rel.rsplit("/", 1)[-1]
    stem, _, ext = name.rpartition(".")
    out_ext = ".html" if ext in ("md", "markdown", "html", "htm") else "." + ext
    permalink = values.get("permalink")
    if collection == "":
        if permalink:
            return _clean(str(permalink))
        folder = rel.rsplit("/", 1)[0] + "/" if "/" in rel else ""
        if stem == "index":
            return "/" + folder
        return "/" + folder + stem + page_suffix(config, out_ext)
    date = ""
    title = stem
    match = _POST_NAME.match(stem)
    if match:
        date = "-".join(match.groups()[:3])
        title = match.group(4)
    if values.get("date"):
        date = str(values["date"])[:10]
    pattern = permalink or meta.get("permalink") or (
        config.get("permalink") if collection == "posts" else None) or (
        "date" if collection == "posts" else "/:collection/:path:output_ext")
    pattern = _BUILTIN_PERMALINKS.get(str(pattern), str(pattern))
    if ":" not in pattern:  # a literal permalink, as most items have: no placeholder to fill
        return _clean(pattern)
    year, month, day = (date.split("-") + ["", "", ""])[:3] if date else ("", "", "")
    item_path = rel.split("/", 1)[1].rpartition(".")[0] if "/" in rel else stem
    categories = values.get("categories") or values.get("category") or ""
    if isinstance(categories, list):
        categories = "/".join(slugify(str(c)) for c in categories)
    else:
        categories = "/".join(slugify(c) for c in str(categories).split())
    slug = values.get("slug") or title
    url = pattern
    for key, value in (
        (":collection", collection), (":path", item_path), (":categories", categories),
        (":year", year), (":month", month), (":i_month", month.lstrip("0")),
        (":day", day), (":i_day", day.lstrip("0")), (":title", str(slug)), (":slug", str(slug)),
        (":name", stem), (":output_ext", out_ext), (":y_day", ""),
    ):
        url = url.replace(key, value)
    return _clean(url)


def _clean(url: str) -> str:
    return _SLASHES.sub("/", "/" + url.strip())
