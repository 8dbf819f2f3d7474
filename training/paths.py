"""Where training finds the repository and the shared data: defined once, used by every command.

``REPO`` is the repository root (the folder that holds ``training/``, ``configs/`` and
``models/``). ``DATA_DIR`` is the default ``--data-dir``: the third-party data folder next to
the checkout, ``../shared/data``, a path relative to the working directory, which is the
repository root when the commands run as documented (``python -m training <subcommand>``).
It is never copied into the repository.
"""

from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
DATA_DIR = Path("../shared/data")
