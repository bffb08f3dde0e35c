"""The `migrate` command line: parse arguments, call the library, print. Nothing else lives here."""
from __future__ import annotations

import gc
import sys
from typing import List, Optional

from . import __version__, lifetime


def _app():
    import typer

    app = typer.Typer(add_completion=False, no_args_is_help=True,
                      help="Read, lint and convert academic Jekyll homepages.")

    @app.callback()
    def root(version: bool = typer.Option(False, "--version", help="Print the version and exit.")):
        if version:
            typer.echo(f"migrate {__version__}")
            raise typer.Exit(0)

    @app.command()
    def dump(site: str = typer.Argument(..., help="Site folder."),
             format: str = typer.Option("json", "--format", help="json or yaml."),
             source_theme: Optional[str] = typer.Option(None, "--from", help="Source theme (default: detect).")):
        """Print the canonical model of a site."""
        from .commands import run_dump

        raise typer.Exit(run_dump(site, format, source_theme))

    @app.command()
    def lint(site: str = typer.Argument(".", help="Site folder (default: current folder)."),
             files: Optional[List[str]] = typer.Argument(None, help="Report only on these files (pre-commit)."),
             format: str = typer.Option("text", "--format", help="text, json, sarif or github."),
             select: Optional[List[str]] = typer.Option(None, "--select", help="Codes or prefixes to run."),
             ignore: Optional[List[str]] = typer.Option(None, "--ignore", help="Codes or prefixes to skip."),
             today: Optional[str] = typer.Option(None, "--today", help="Date to judge staleness by (YYYY-MM-DD)."),
             fix: bool = typer.Option(False, "--fix", help="Apply safe fixes."),
             fail_on: Optional[str] = typer.Option(None, "--fail-on", help="error, warning or info (default: the config's, else warning)."),
             source_theme: Optional[str] = typer.Option(None, "--from", help="Source theme (default: detect).")):
        """Check a site and print diagnostics."""
        from .linting import run_lint

        raise typer.Exit(run_lint(site, files or [], format, select or [], ignore or [], today, fix,
                                  fail_on, source_theme))

    @app.command()
    def rules(code: Optional[str] = typer.Argument(None, help="Print the documentation of one rule.")):
        """List the lint rules, or print one rule's documentation."""
        from .linting import run_rules

        raise typer.Exit(run_rules(code))

    @app.command()
    def convert(site: str = typer.Argument(..., help="Site folder to read."),
                to: str = typer.Option(..., "--to", help="acad-homepage, academicpages or json."),
                out: str = typer.Option(..., "--out", help="Output folder (or file for json)."),
                dry_run: bool = typer.Option(False, "--dry-run", help="Print what would be written."),
                force: bool = typer.Option(False, "--force", help="Write into a non-empty folder that is not a theme checkout."),
                keep_stale: bool = typer.Option(False, "--keep-stale", help="Keep template leftovers and others' content."),
                report: Optional[str] = typer.Option(None, "--report", help="Write the full report (JSON) here."),
                source_theme: Optional[str] = typer.Option(None, "--from", help="Source theme (default: detect)."),
                today: Optional[str] = typer.Option(None, "--today", help="Date to judge staleness by (YYYY-MM-DD).")):
        """Write a clean single-theme site (or JSON) from a site."""
        from .converting import run_convert

        raise typer.Exit(run_convert(site, to, out, dry_run, force, keep_stale, report, source_theme, today))

    return app


def main(argv: Optional[List[str]] = None) -> None:
    args = sys.argv[1:] if argv is None else argv
    if args == ["--version"]:  # answered without importing the CLI framework
        print(f"migrate {__version__}")
        return
    if argv is None:  # the program: compiled regexes come from the last run's (lifetime.leave saves them)
        from . import regex_cache

        regex_cache.install()
    from .crash import guarded

    # A run builds one large model that lives to the end: the default thresholds make the collector
    # walk all of it a dozen times (a fifth of a 10k-entry run) and find nothing. Young garbage
    # (parse trees) is still collected; peak memory measured within 6% of the default's.
    gc.set_threshold(10_000, 20, 100)
    def run() -> None:
        guarded(lambda: _app()(args=args, prog_name="migrate"))

    if argv is not None:  # called by a test or a program of its own
        return run()
    lifetime.run_as_program()
    try:
        run()
    except SystemExit as done:
        lifetime.leave(done.code)
    lifetime.leave(0)
