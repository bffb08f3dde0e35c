"""`migrate lint` and `migrate rules`: read the site, run the rules, filter, fix and print."""
from __future__ import annotations

import datetime as dt
import os
import sys
from pathlib import Path
from typing import List, Optional, Sequence, Tuple

from . import progress
from .commands import fail
from .diagnostics import Diagnostic
from .rules.base import LintContext, Owner

FAIL_LEVELS = {"info": 0, "warning": 1, "error": 2}


class UsageError(Exception):
    """Bad options or config (exit status 2)."""


def lint(site: str, select: Sequence[str] = (), ignore: Sequence[str] = (), today: Optional[dt.date] = None,
         theme: Optional[str] = None, files: Optional[List[str]] = None) -> Tuple[List[Diagnostic], str]:
    """Read and check a site: (diagnostics, fail-on level from the config).
    Raises SiteError for an unreadable site and UsageError for bad selectors or config."""
    from .lint import engine, parallel
    from .lint.config import ConfigError, load_config
    from .readers import read_loaded
    from .rules import RULES

    loaded = read_loaded(site, theme)
    try:
        config = load_config(Path(site))
    except ConfigError as exc:
        raise UsageError(str(exc)) from None
    select = _codes(select) or config.select
    ignore = config.ignore + _codes(ignore)
    known = {r.code for r in RULES}
    bad = engine.unknown_selectors(select + ignore, known | {p.code for p in loaded.site.problems})
    if bad:
        raise UsageError(f"unknown rule code or prefix: {', '.join(bad)} (see `migrate rules`)")
    rules = engine.choose_rules(RULES, select, ignore)
    ctx = LintContext(site=loaded.site, loaded=loaded, owner=owner_of(loaded.site, config.owner),
                      today=today or dt.date.today())
    found = parallel.run_split(ctx, rules, engine.run_rules)
    found += unclaimed_problems(loaded.site, known, select, ignore)
    found = engine.drop_per_file_ignores(found, config.per_file_ignores)
    found = apply_suppressions(loaded, found, rules, known, config.per_file_ignores)
    return engine.finish(engine.only_files(found, files_in_site(site, files))), config.fail_on


def _codes(values: Sequence[str]) -> List[str]:
    """`--select FM,LNK001` and `--select FM --select LNK001` mean the same."""
    return [c.strip().upper() for v in values for c in v.split(",") if c.strip()]


def run_lint(site: str, files: Sequence[str], fmt: str, select: Sequence[str], ignore: Sequence[str],
             today: Optional[str], fix: bool, fail_on: Optional[str], theme: Optional[str]) -> int:
    from .lint import fixes, output
    from .readers import SiteError
    from .rules import RULES

    if fmt not in output.FORMATS:
        return fail(f"unknown format {fmt!r}: use {', '.join(output.FORMATS)}")
    if fail_on is not None and fail_on not in FAIL_LEVELS:
        return fail(f"unknown --fail-on {fail_on!r}: use error, warning or info")
    try:
        day = dt.date.fromisoformat(today) if today else dt.date.today()
    except ValueError:
        return fail(f"--today {today!r} is not a date (YYYY-MM-DD)")
    site, file_list = split_site_and_files(site, list(files))
    if site is None:  # pre-commit passed only files outside any site: nothing to check
        sys.stdout.write(output.render(fmt, [], ".", RULES))
        return 0
    progress.start(progress.wanted(fmt))
    try:
        found, config_fail_on = lint(site, select, ignore, day, theme, file_list)
    except (SiteError, UsageError) as exc:
        progress.done()  # clear the status line before the message
        return fail(str(exc))
    finally:
        progress.done()  # also on a crash or ^C; before any output
    notes = sys.stdout if fmt == "text" else sys.stderr
    if fix:
        report = fixes.apply_fixes(Path(site), found)
        for path, line, what in report.changed:
            print(f"fixed {output.shown_path(site, path)}:{line}: {what}", file=notes)
        for path, why in report.refused:
            print(f"not fixed {output.shown_path(site, path)}: {why}", file=notes)
        found = [d for d in found if d not in report.fixed]
    sys.stdout.write(output.render(fmt, found, site, RULES))
    level = FAIL_LEVELS[fail_on or config_fail_on or "warning"]
    return 1 if any(FAIL_LEVELS.get(d.severity, 1) >= level for d in found) else 0


def split_site_and_files(site: str, files: List[str]) -> Tuple[Optional[str], Optional[List[str]]]:
    """pre-commit runs `migrate lint FILE...`: the first file then lands in SITE.
    The site is then the nearest folder above the files that holds `_config.yml`
    (None when there is none)."""
    if not os.path.isfile(site):
        return site, (files or None)
    files = [site] + files
    start = Path(os.path.dirname(os.path.abspath(site)))
    for folder in [start, *start.parents]:
        if (folder / "_config.yml").is_file():
            return os.path.relpath(folder), files
    return None, files


def files_in_site(site: str, files: Optional[List[str]]) -> Optional[set]:
    if files is None:
        return None
    root = Path(site).resolve()
    out = set()
    for name in files:
        try:
            out.add(Path(name).resolve().relative_to(root).as_posix())
        except ValueError:
            continue  # a file outside the site (README of the repository, a script)
    return out


def owner_of(site, overrides) -> Owner:
    """The owner from migrator.owner when it is there, else from the profile and the config."""
    try:
        from .owner import resolve_owner
    except ImportError:
        resolve_owner = None
    if resolve_owner is not None:
        return resolve_owner(site, dict(overrides))
    profile = site.profile
    owner = Owner(name=profile.name, variants=list(profile.name_variants), homepage=profile.homepage,
                  scholar_id=profile.scholar_id)
    for key, value in overrides.items():
        setattr(owner, key, list(value) if key == "variants" else value)
    return owner


def unclaimed_problems(site, known, select, ignore) -> List[Diagnostic]:
    """Reader problems whose code no rule module reports are still shown."""
    from .lint.engine import matches

    return [Diagnostic(p.code, "reader-problem", p.severity, p.message, p.span)
            for p in site.problems
            if p.code not in known and (not select or matches(p.code, select))
            and not matches(p.code, ignore)]


def apply_suppressions(loaded, found, rules, known, per_file) -> List[Diagnostic]:
    from .lint import engine, suppress
    from .rules.sup001 import UnusedSuppression

    directives = []
    for doc in loaded.documents:
        yaml_lines = range(1, doc.front.end_line + 1) if doc.front.present else ()
        directives += suppress.find_directives(doc.path, doc.text.lines, yaml_lines)
    for rel in loaded.files:
        if rel.endswith((".yml", ".yaml")) and (rel == "_config.yml" or rel.startswith("_data/")):
            lines = read_lines(loaded.root / rel)
            directives += suppress.find_directives(rel, lines, range(1, len(lines) + 1))
    kept = suppress.apply(found, directives)
    rule = UnusedSuppression()
    if any(r.code == rule.code for r in rules):
        ran = {r.code for r in rules}
        extra = [rule.report(why, d.span) for d, why in suppress.unused(directives, ran, known)]
        kept += engine.drop_per_file_ignores(extra, per_file)
    return kept


def read_lines(path: Path) -> List[str]:
    try:
        return path.read_text(encoding="utf-8", errors="replace").splitlines()
    except OSError:
        return []


def run_rules(code: Optional[str]) -> int:
    from .ruledocs import rule_doc, summary_line
    from .rules import BY_CODE, RULES

    if code is None:
        for rule in sorted(RULES, key=lambda r: r.code):
            print(f"{rule.code:8} {rule.name:32} {rule.severity:8} {summary_line(rule)}")
        return 0
    rule = BY_CODE.get(code.upper())
    if rule is None:
        return fail(f"unknown rule {code!r} (see `migrate rules`)")
    print(f"{rule.code} ({rule.name}), severity {rule.severity}\n")
    print(rule_doc(rule))
    return 0


