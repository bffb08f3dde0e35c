"""`migrate convert`: read, drop what is not the owner's, merge duplicates, write, report."""
from __future__ import annotations

import copy
import datetime as dt
import sys
from pathlib import Path
from typing import Dict

from . import lifetime, progress
from .model import Site, Span, content_nodes
from .report import KIND_OF_LIST, Entry, Report
from .writers import WRITERS, Output, WriteOptions

STALE_RULES = ("TPL001", "TPL002")


def fail(message: str) -> int:
    print(f"migrate: {message}", file=sys.stderr)
    return 2


def run_convert(site, to, out, dry_run, force, keep_stale, report, theme, today) -> int:
    from .output_dir import OutputError

    if to not in WRITERS:
        return fail(f"unknown target {to!r}; known: {', '.join(WRITERS)}")
    try:
        when = dt.date.fromisoformat(today) if today else dt.date.today()
    except ValueError:
        return fail(f"--today {today!r}: use YYYY-MM-DD")
    progress.start(progress.wanted("text"))
    try:
        try:
            return _convert(site, to, Path(out), dry_run, force, keep_stale, report, theme, when)
        finally:
            progress.done()  # clear the status line before an error message
    except OutputError as exc:
        return fail(str(exc))
    except KeyboardInterrupt:
        return fail("interrupted; nothing was written")


def _convert(site_path, to, out, dry_run, force, keep_stale, report_path, theme, today) -> int:
    from .output_dir import OutputError, check_out_folder, write_file, write_tree
    from .readers import SiteError, read_loaded
    from .rules.targets import site_paths
    from .writers.assets import root_relative_links

    try:
        loaded = read_loaded(site_path, theme)
    except SiteError as exc:
        progress.done()
        return fail(str(exc))
    source = loaded.site
    root = Path(site_path).resolve()
    single_file = to == "json" and out.suffix == ".json"
    if out.resolve() == root or root in out.resolve().parents:
        raise OutputError(f"{out}: the output must not be the site being read or inside it")
    checkout = None if single_file else check_out_folder(out, force)
    base_config = (checkout / "_config.yml").read_text(encoding="utf-8", errors="replace") if checkout else None
    report = Report(site=str(site_path), target=to, out=str(out))
    ctx = asset_context(source, loaded, today)
    stale, written_at, clusters = _prepare(ctx, to, keep_stale)
    site, merged = clean(source, stale, clusters)
    fates, outputs = merged.fate, merged.outputs
    report.merges = merged.records
    written = WRITERS[to](site, WriteOptions(base_config=base_config, site_files=tuple(loaded.files)))
    lifetime.keep((site, merged, written))
    if to != "json":
        root_relative_links(written.files)
    copies = check_assets(written, root, report, site_paths(ctx), written_at)
    account(source, stale, fates, outputs, written, copies, report)
    for pub in site.publications if to != "json" else []:
        _flag_links(pub, report)
    report.kept_config_keys = written.kept_config_keys
    report.files = sorted(set(written.files) | set(copies))
    progress.done()  # the work is done: clear the status line before printing
    if dry_run:
        print(f"would write {len(report.files)} files into {out}:")
        for path in report.files:
            size = len(written.files[path].encode("utf-8")) if path in written.files else \
                (root / copies[path]).stat().st_size
            print(f"  {path} ({size} bytes)")
    else:
        try:
            if single_file:
                write_file(out, written.files["site.json"])
            else:
                write_tree(out, written.files, {dest: root / src for dest, src in copies.items()},
                           keep_existing=checkout is not None)
        except OSError as exc:  # disk full, read-only or locked folder: nothing was moved into place
            return fail(f"cannot write {exc.filename or out}: {exc.strerror or exc}; nothing was written")
    print(report.summary())
    if report_path:
        try:
            Path(report_path).write_text(report.to_json(), encoding="utf-8")
        except OSError as exc:
            return fail(f"cannot write the report {report_path}: {exc.strerror or exc}")
    return 1 if report.warnings else 0


def _prepare(ctx, to: str, keep_stale: bool):
    """(stale nodes, assets rewritten, clusters of all publications or None), as `stale_nodes`,
    then `rewrite_source_assets`, then nothing would give them.

    On a large site a forked child finds the stale nodes (TPL001/TPL002: 1.3 s at 10k) while this
    process rewrites the assets and clusters every publication; those clusters are the kept ones'
    when no publication is stale (else `clean` clusters the kept ones). Node ids stay valid in a
    fork (the rewrite changes fields in place); the child sees the model before the rewrite, as
    the serial order has it."""
    from .asset_paths import rewrite_source_assets
    from .forking import in_two
    from .lint.parallel import worth_splitting
    from .matching import cluster_publications

    find_stale = not keep_stale and to != "json"

    def stale() -> Dict[int, str]:
        return stale_nodes(ctx.site, ctx.loaded, ctx.today) if find_stale else {}

    def assets() -> Dict[str, Span]:
        return {} if to == "json" else rewrite_source_assets(ctx)

    if not (find_stale and worth_splitting(ctx)):
        found = stale()  # before the rewrite
        return found, assets(), None

    def here():
        written_at = assets()
        return written_at, cluster_publications(ctx.site.publications)

    (written_at, clusters), found = in_two(here, stale)
    return found, written_at, clusters


def stale_nodes(site: Site, loaded, today: dt.date) -> Dict[int, str]:
    """id(node) -> reason, for nodes the template-leftover rules flag (TPL001, TPL002)."""
    from .rules import BY_CODE  # before .owner, which imports the rules package
    from .lint.config import ConfigError, load_config
    from .owner import resolve_owner
    from .rules.base import LintContext

    rules = [BY_CODE[code] for code in STALE_RULES if code in BY_CODE]
    if not rules:
        return {}
    try:
        overrides = load_config(Path(site.root)).owner
    except ConfigError as exc:  # a broken lint config must not stop a conversion
        print(f"migrate: warning: {exc}; owner identity taken from the site only", file=sys.stderr)
        overrides = {}
    ctx = LintContext(site=site, loaded=loaded, owner=resolve_owner(site, overrides), today=today)
    found = [d for rule in rules for d in rule.check(ctx)]
    whole_pages = {d.span.path: d for d in found if d.whole_file}
    stale: Dict[int, str] = {id(p): f"{whole_pages[p.path].code} {whole_pages[p.path].message}"
                             for p in site.pages if p.path in whole_pages}
    by_path: Dict[str, list] = {}
    for diag in found:
        by_path.setdefault(diag.span.path, []).append(diag)
    for _, node in content_nodes(site):
        if node.span.path in whole_pages:
            diag = whole_pages[node.span.path]
            stale[id(node)] = f"{diag.code} {diag.message}"
            continue
        for diag in by_path.get(node.span.path, ()):
            span = diag.span
            if span.line <= node.span.line <= max(span.end_line, span.line):
                stale[id(node)] = f"{diag.code} {diag.message}"
                break
    return stale


def clean(source: Site, stale: Dict[int, str], clusters=None):
    """The site without stale nodes, with duplicates merged, and the `Merged` record of what happened.
    `clusters`: those of all the source's publications, if already found."""
    from .matching import (cluster_education, cluster_experience, cluster_publications, cluster_texts)
    from .merge import dedupe, merge_publications, split_periods

    site = copy.copy(source)
    kept = {name: [n for n in getattr(source, name) if id(n) not in stale] for name in KIND_OF_LIST}
    pubs = kept["publications"]
    about = _about_path(source)
    list_pages = {p.span.path for p in pubs if p.span.path != about}
    if list_pages:  # the about page's entries are the selected ones when a full list exists elsewhere
        for pub in pubs:
            if pub.span.path == about and not pub.selected:
                pub.selected = True
    if clusters is None or len(pubs) != len(source.publications):  # some were stale: cluster the rest
        clusters = cluster_publications(pubs)
    merged = merge_publications(pubs, clusters)
    site.publications = merged.publications
    for name, clusters in (("education", cluster_education(kept["education"])),
                           ("experience", split_periods(cluster_experience(kept["experience"]))),
                           ("news", cluster_texts(kept["news"], lambda n: n.text, lambda n: n.date)),
                           ("talks", cluster_texts(kept["talks"], lambda n: n.title or n.text, lambda n: n.date)),
                           ("honors", cluster_texts(kept["honors"], lambda n: n.name or n.text, lambda n: n.date))):
        setattr(site, name, dedupe(kept[name], clusters, merged))
    for name in ("teaching", "projects", "posts", "portfolio", "sections"):
        setattr(site, name, kept[name])
    return site, merged


def _about_path(site: Site) -> str:
    return next((p.path for p in site.pages if p.role == "about"), "")


def asset_context(site: Site, loaded, today: dt.date):
    """What the link resolver of the lint rules needs (no owner: assets do not depend on it)."""
    from .rules.base import LintContext

    return LintContext(site=site, loaded=loaded, owner=None, today=today)


def check_assets(written: Output, root: Path, report: Report, listed=frozenset(), spans=None) -> Dict[str, str]:
    """The copies whose source exists inside the site; the others become warnings (CNV003 for a
    path leaving the site, CNV001 for a missing file; `listed` holds the real repository's files)."""
    from .output_dir import OutputError, safe_relative

    copies: Dict[str, str] = {}
    spans = spans or {}
    for dest, src in written.copies.items():
        try:
            dest, src = safe_relative(dest), safe_relative(src)
        except OutputError as exc:
            report.warn("CNV003", f"asset {src!r} not copied: {exc}", spans.get(src))
            continue
        path = root / src
        if path.is_file() and root in path.resolve().parents:
            copies[dest] = src
        elif src in listed:
            report.warn("CNV001", f"missing asset {src!r}: the site's files.txt lists it, but it is not "
                        "in this copy of the site; copy it over by hand", spans.get(src))
        else:
            report.warn("CNV001", f"missing asset {src!r}: the new site links to a file the old site "
                        "does not have", spans.get(src))
    return copies


def account(source: Site, stale, fates, outputs, written: Output, copies: Dict[str, str], report: Report) -> None:
    """One report entry per source item; the counts add up to the items read."""
    for name, node in content_nodes(source):
        kind = KIND_OF_LIST[name]
        label = _label(node)
        if id(node) in stale:
            report.add(kind, label, "dropped", node.span, stale[id(node)])
            continue
        status, reason = fates.get(id(node), ("", ""))
        target = outputs.get(id(node), node)
        placed = written.placed.get(id(target))
        if status == "merged":
            report.add(kind, label, "merged", node.span, reason, placed[1] if placed else "")
        elif placed:
            report.add(kind, label, placed[0], node.span, placed[2], placed[1])
        else:
            report.add(kind, label, "dropped", node.span, f"the {report.target} writer has no place for a {kind}")
    node_paths = {node.span.path for name, node in content_nodes(source) if name != "sections"}
    for page in source.pages:
        if page.collection and page.path in node_paths:
            continue  # a collection item is its publication/talk/... entry, already listed
        placed = written.placed.get(id(page))
        if id(page) in stale:
            report.add("page", page.path, "dropped", page.span, stale[id(page)])
        elif placed:
            report.add("page", page.path, placed[0], page.span, placed[2], placed[1])
        elif page.path in node_paths or any(s.span.path == page.path for s in source.sections):
            report.add("page", page.path, "mapped", page.span, "its content is listed item by item")
        else:
            report.add("page", page.path, "dropped", page.span, f"{page.role} page of the old theme, no content of its own")
    for dest, src in sorted(copies.items()):
        report.entries.append(Entry("asset", src, "carried", src, "", dest))
    for severity, code, message, span in written.notices:
        report.warn(code, message, span, severity)


def _flag_links(pub, report: Report) -> None:
    from .merge import link_problem

    for link in pub.links:
        problem = link_problem(link)
        if problem:
            report.warn("CNV002", f"{problem}: {link.url!r} in '{pub.title[:60]}'", link.span if link.span.path else pub.span)


def _label(node) -> str:
    for attr in ("title", "name", "institution", "organisation", "text", "markdown"):
        value = getattr(node, attr, "")
        if value:
            return value
    return node.kind
