"""The typer application that every command module registers on."""

import typer

app = typer.Typer(
    name="svpol",
    help="spaCy pipeline for Swedish political text: entities, attributes and topics.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


@app.callback()
def _root() -> None:
    """svpol: entities, attributes and topics for Swedish political text."""
