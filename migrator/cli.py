"""The `migrate` command line: parse arguments, call the library, print. Nothing else lives here."""
from __future__ import annotations

import sys
from typing import List, Optional

from . import __version__


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

    return app


def main(argv: Optional[List[str]] = None) -> None:
    args = sys.argv[1:] if argv is None else argv
    if args == ["--version"]:  # answered without importing the CLI framework
        print(f"migrate {__version__}")
        return
    _app()(args=args, prog_name="migrate")
