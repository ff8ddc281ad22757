"""The `framing` command line: parse arguments, call the library, print. Nothing else lives here."""

from __future__ import annotations

import functools
from pathlib import Path
from typing import Annotated, Optional

import typer
from rich.console import Console

from framing import __version__
from framing.errors import FramingError

app = typer.Typer(
    name="framing",
    no_args_is_help=True,
    add_completion=False,
    help="Media-bias and framing analysis: loaded wording, sentiment and frame emphasis across outlets.",
)
lexicons_app = typer.Typer(no_args_is_help=True, help="Inspect and validate lexicon folders.")
app.add_typer(lexicons_app, name="lexicons")

console = Console()
err_console = Console(stderr=True)

CorpusPath = Annotated[
    Optional[Path],
    typer.Argument(help="A corpus file or folder. Default: the embedded seed corpus.", show_default=False),
]


def user_errors(command):
    """Turn a :class:`FramingError` into a one-line message on stderr and the error's exit code."""

    @functools.wraps(command)
    def wrapper(*args, **kwargs):
        try:
            return command(*args, **kwargs)
        except FramingError as error:
            err_console.print(f"[bold red]error:[/] {error}", highlight=False, soft_wrap=True)
            raise typer.Exit(error.exit_code) from None

    return wrapper


def _version(value: bool) -> None:
    if value:
        typer.echo(f"framing {__version__}")
        raise typer.Exit()


@app.callback()
def main(
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Print the version and exit.")
    ] = False,
) -> None:
    """Media-bias and framing analysis."""
