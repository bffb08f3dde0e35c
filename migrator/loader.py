"""Load a Jekyll site's files: config, navigation, and every page and collection item.

Theme-independent: both readers start from a `LoadedSite` and only parse
bodies. Symlinks are never followed; paths are kept relative to the root.
"""
from __future__ import annotations

import os
import stat
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Dict, List, Optional

from . import progress
from .model import NavItem, Page, Problem, Site, Span
from .source import FrontMatter, NotText, Text, load_yaml, read_text, split_front_matter
from .urls import apply_defaults, document_url

PAGE_SUFFIXES = (".md", ".markdown", ".html", ".htm")
STANDARD_COLLECTIONS = ("publications", "talks", "teaching", "portfolio")


@dataclass
class Document:
    """A page or collection item: decoded text, split front matter and its `Page` record."""

    text: Text
    front: FrontMatter
    page: Page

    @property
    def path(self) -> str:
        return self.text.path

    def body(self) -> List[tuple]:
        """(line number, text) for every body line."""
        start = self.front.body_start
        return list(enumerate(self.text.lines[start - 1:], start))


@dataclass
class LoadedSite:
    """Everything read from disk before the theme reader interprets page bodies."""

    root: Path
    site: Site
    documents: List[Document] = field(default_factory=list)
    data_files: Dict[str, Any] = field(default_factory=dict)
    """`_data/*.yml|json` by name without extension (navigation excluded)."""
    files: List[str] = field(default_factory=list)
    """Every regular file of the site, relative, for asset checks."""

    def problem(self, code: str, message: str, path: str, line: int = 1, col: int = 1,
                severity: str = "error") -> None:
        self.site.problems.append(Problem(code, message, severity, Span(path, line, col)))

    def read(self, rel: str) -> Optional[Text]:
        """Decode one file, or record why it cannot be read and return None."""
        try:
            raw = read_bytes(os.path.join(self.root, rel))
        except OSError as exc:
            self.problem("IO001", f"cannot read file: {exc.strerror or exc}", rel)
            return None
        try:
            text = read_text(raw, rel)
        except NotText as exc:
            self.problem("IO002", f"not a text file: {exc}", rel)
            return None
        self.site.files.append(text.info)
        return text


def read_bytes(path: str) -> bytes:
    """A file's bytes, with fewer system calls than `Path.read_bytes` (no buffer object, no seek,
    no terminal test: ~10 us a file on a 10k site). O_NONBLOCK: a file swapped for a named pipe
    after the listing reads as empty instead of hanging."""
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0))
    try:
        chunks = [os.read(fd, os.fstat(fd).st_size + 1)]
        while chunks[-1]:  # a file that grew since fstat, or a size the system does not know
            chunks.append(os.read(fd, 1 << 20))
        return b"".join(chunks)
    finally:
        os.close(fd)


def list_files(root: Path) -> List[str]:
    """Every regular file under root, relative, sorted; symlinks and hidden/build folders skipped."""
    found = []
    for dirpath, dirnames, filenames in os.walk(root, followlinks=False):
        dirnames[:] = sorted(d for d in dirnames
                             if not d.startswith(".") and d not in ("_site", "node_modules", "vendor"))
        folder = os.path.relpath(dirpath, root)  # once per folder: relpath is slow
        prefix = "" if folder == "." else folder.replace(os.sep, "/") + "/"
        for name in filenames:
            full = os.path.join(dirpath, name)
            try:  # symlinks are not followed; pipes, sockets and devices are not read (a pipe would hang)
                if not stat.S_ISREG(os.lstat(full).st_mode):
                    continue
            except OSError:
                continue
            found.append(prefix + name.replace(os.sep, "/"))
    return sorted(found)


def load_yaml_file(loaded: LoadedSite, rel: str) -> Any:
    text = loaded.read(rel)
    if text is None:
        return None
    data, key_lines, problems = load_yaml(text.text, rel)
    for p in problems:
        p.code = "YML001" if p.code == "FM001" else ("YML002" if p.code == "FM002" else p.code)
        p.message = p.message.replace("front matter", rel)
        loaded.site.problems.append(p)
    if rel == "_config.yml":
        loaded.site.config_lines = key_lines
    return data


def collections_of(config: Dict[str, Any]) -> Dict[str, Dict[str, Any]]:
    """Collections the config declares (list or mapping form), plus `posts`."""
    declared = config.get("collections") or {}
    if isinstance(declared, list):
        declared = {str(name): {} for name in declared}
    if not isinstance(declared, dict):
        declared = {}
    out = {str(k): (v if isinstance(v, dict) else {}) for k, v in declared.items()}
    out.setdefault("posts", {"output": True, "permalink": config.get("permalink") or "date"})
    return out


def load_site(root: Path) -> LoadedSite:
    """Read config, navigation, data files and every document of a site."""
    loaded = LoadedSite(root=root, site=Site(root=str(root)))
    loaded.files = list_files(root)
    present = set(loaded.files)
    config = load_yaml_file(loaded, "_config.yml") if "_config.yml" in present else {}
    if not isinstance(config, dict):
        if config is not None:
            loaded.problem("YML001", "_config.yml is not a mapping of keys", "_config.yml")
        config = {}
    loaded.site.config = config
    if "_data/navigation.yml" in present:
        loaded.site.navigation = read_navigation(loaded)
    for rel in loaded.files:
        if rel.startswith("_data/") and rel.count("/") == 1 and rel != "_data/navigation.yml":
            stem, _, ext = rel[len("_data/"):].rpartition(".")
            if ext in ("yml", "yaml"):
                loaded.data_files[stem] = load_yaml_file(loaded, rel)
            elif ext == "json":
                loaded.data_files[stem] = load_json_file(loaded, rel)
    collections = collections_of(config)
    for n, rel in enumerate(loaded.files, 1):
        progress.step("reading files", n, len(loaded.files))
        collection = document_collection(rel, collections)
        if collection is None:
            continue
        doc = load_document(loaded, rel, collection, collections.get(collection, {}), config)
        if doc is not None:
            loaded.documents.append(doc)
    return loaded


def load_json_file(loaded: LoadedSite, rel: str) -> Any:
    import json

    text = loaded.read(rel)
    if text is None:
        return None
    try:
        return json.loads(text.text)
    except ValueError as exc:
        line = getattr(exc, "lineno", 1)
        col = getattr(exc, "colno", 1)
        loaded.problem("YML001", f"{rel} is not valid JSON: {getattr(exc, 'msg', exc)}", rel, line, col)
        return None


def document_collection(rel: str, collections: Dict[str, Dict[str, Any]]) -> Optional[str]:
    """'' for a page, the collection name for an item, None for files that are not documents."""
    if not rel.endswith(PAGE_SUFFIXES):
        return None
    top = rel.split("/", 1)[0]
    if top == "_pages":
        return ""
    if top.startswith("_") and top[1:] in collections:
        return top[1:]
    if top in ("_drafts",):
        return None
    if "/" not in rel and rel.lower() not in ("readme.md", "changelog.md", "license.md", "contributing.md"):
        return ""
    return None


def load_document(loaded: LoadedSite, rel: str, collection: str, meta: Dict[str, Any],
                  config: Dict[str, Any]) -> Optional[Document]:
    text = loaded.read(rel)
    if text is None:
        return None
    front = split_front_matter(text)
    loaded.site.problems.extend(front.problems)
    if not front.present and collection == "" and not rel.startswith("_pages/"):
        return None  # a root-level file without front matter is copied, not rendered
    values = apply_defaults(config, rel, collection or "pages", front.data)
    page = Page(
        path=rel,
        collection=collection,
        title=str(values.get("title") or ""),
        layout=str(values.get("layout") or ""),
        output=bool(meta.get("output", collection in ("", "posts"))) if collection else True,
        front_matter=values,
        key_lines=front.key_lines,
        span=Span(rel, 1, 1, max(front.end_line, 1)),
    )
    page.url = document_url(rel, collection, values, meta, config)
    doc = Document(text=text, front=front, page=page)
    loaded.site.pages.append(page)
    return doc


def read_navigation(loaded: LoadedSite) -> List[NavItem]:
    rel = "_data/navigation.yml"
    text = loaded.read(rel)
    if text is None:
        return []
    data, _, problems = load_yaml(text.text, rel)
    loaded.site.problems.extend(problems)
    if not isinstance(data, dict):
        return []
    lines = text.lines

    def find_line(value: str, start: int) -> int:
        for i in range(start, len(lines)):
            if value and value in lines[i]:
                return i + 1
        return 1

    items: List[NavItem] = []
    cursor = [0]

    def convert(entry: Any) -> Optional[NavItem]:
        if not isinstance(entry, dict):
            return None
        title = str(entry.get("title") or "")
        line = find_line(title, cursor[0])
        cursor[0] = line
        kids = entry.get("children")
        children = [c for c in map(convert, kids) if c] if isinstance(kids, list) else []
        return NavItem(title=title, url=str(entry.get("url") or ""), children=children,
                       span=Span(rel, line, 1))

    main = data.get("main")
    if isinstance(main, list):
        items = [n for n in (convert(e) for e in main) if n]
    return items
