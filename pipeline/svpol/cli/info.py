"""`svpol info`: print the version and the label sets."""

import typer

from ..about import __version__
from ..labels import ENTITY_LABELS, TOPIC_LABELS
from ._app import app


@app.command("info")
def info_cli() -> None:
    """Print the svpol version and its entity and topic labels."""
    typer.echo(f"svpol {__version__}")
    typer.echo("entities: " + ", ".join(ENTITY_LABELS))
    typer.echo("topics: " + ", ".join(TOPIC_LABELS))
