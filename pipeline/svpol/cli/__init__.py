"""The `svpol` command line: a thin typer layer over plain library functions.

Each command lives in its own module and registers itself on `app` when imported.
Training commands are not here: they need a source checkout and run as
``python -m training <subcommand>`` (training/__main__.py); the library never imports training.
"""

from ._app import app

# Imported for their side effect of registering commands on `app`.
from . import info  # noqa: F401,E402
from . import annotate  # noqa: F401,E402
from . import dataset  # noqa: F401,E402
from . import evaluate  # noqa: F401,E402
from . import benchmark  # noqa: F401,E402


def main() -> None:
    """Run the command line."""
    app()
